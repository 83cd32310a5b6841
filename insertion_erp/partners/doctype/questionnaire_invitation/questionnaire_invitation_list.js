frappe.listview_settings["Questionnaire Invitation"] = {
	add_fields: ["status", "expires_on"],
	get_indicator(doc) {
		if (doc.status === "Sent" && doc.expires_on && doc.expires_on <= frappe.datetime.now_datetime()) {
			return [__("Expired"), "gray", "expires_on,<=,Now"];
		}
		const colour = { Sent: "blue", Answered: "green", Expired: "gray", Withdrawn: "gray" }[doc.status];
		return [__(doc.status), colour, `status,=,${doc.status}`];
	},
};
