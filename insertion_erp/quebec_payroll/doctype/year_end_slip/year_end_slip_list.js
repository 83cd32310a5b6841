frappe.listview_settings["Year-End Slip"] = {
	add_fields: ["docstatus", "t4_filed", "rl1_filed"],
	has_indicator_for_draft: 1,
	get_indicator(doc) {
		if (doc.docstatus === 2) return [__("Cancelled"), "red", "docstatus,=,2"];
		if (doc.docstatus === 0) return [__("Draft"), "orange", "docstatus,=,0"];
		if (doc.t4_filed && doc.rl1_filed) return [__("Sent"), "green", "docstatus,=,1"];
		return [__("To Send"), "blue", "docstatus,=,1"];
	},
};
