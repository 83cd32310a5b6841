// Return to government: a cohort's public outlay against its yearly public gain.
// The cohort is the parcours of the company that ended in the period.

frappe.query_reports["Return to Government"] = {
	filters: [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			reqd: 1,
			default: frappe.defaults.get_user_default("Company"),
		},
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			reqd: 1,
			default: frappe.datetime.year_start(),
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			reqd: 1,
			default: frappe.datetime.year_end(),
		},
		{
			fieldname: "trade",
			label: __("Trade"),
			fieldtype: "Link",
			options: "Trade",
		},
	],
};
