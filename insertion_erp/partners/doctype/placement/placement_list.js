frappe.listview_settings["Placement"] = {
	add_fields: ["start_date", "end_date"],
	get_indicator(doc) {
		const today = frappe.datetime.get_today();
		if (doc.start_date > today) return [__("Planned"), "blue", "start_date,>,Today"];
		if (doc.end_date < today) return [__("Ended"), "gray", "end_date,<,Today"];
		return [__("Ongoing"), "green", "end_date,>=,Today"];
	},
};
