frappe.listview_settings["Parcours"] = {
	add_fields: ["status", "trade", "counsellor"],
	get_indicator(doc) {
		const colors = {
			Candidate: "gray",
			Approved: "blue",
			Active: "green",
			Completed: "purple",
			"Exited Early": "orange",
			"Followed Up": "cyan",
		};
		return [__(doc.status), colors[doc.status] || "gray", "status,=," + doc.status];
	},
};
