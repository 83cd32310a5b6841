frappe.query_reports["Trainee Hours"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From"),
			fieldtype: "Date",
			reqd: 1,
			default: frappe.datetime.month_start(),
		},
		{
			fieldname: "to_date",
			label: __("To"),
			fieldtype: "Date",
			reqd: 1,
			default: frappe.datetime.month_end(),
		},
		{ fieldname: "trainee", label: __("Trainee"), fieldtype: "Link", options: "Trainee" },
		{ fieldname: "trade", label: __("Trade"), fieldtype: "Link", options: "Trade" },
		{ fieldname: "counsellor", label: __("Counsellor"), fieldtype: "Link", options: "User" },
	],
};
