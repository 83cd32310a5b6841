frappe.listview_settings["Parcours Follow-up"] = {
	get_indicator(doc) {
		if (doc.status === "To Confirm") {
			return [__("To Confirm"), "orange", "status,=,To Confirm"];
		}
		if (doc.status === "Done") {
			return [__("Done"), "green", "status,=,Done"];
		}
		if (doc.due_date && doc.due_date <= frappe.datetime.get_today()) {
			return [__("Due"), "orange", "status,=,Planned"];
		}
		return [__("Planned"), "blue", "status,=,Planned"];
	},
};
