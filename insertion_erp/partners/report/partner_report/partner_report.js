// Per partner and period: referrals and their results (the activity report's definitions),
// hires, placements, employers' satisfaction and the last contact.
frappe.query_reports["Partner Report"] = {
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
			fieldname: "partner_type",
			label: __("Partner Type"),
			fieldtype: "Select",
			options: [
				"",
				"Referring Organization",
				"Employer",
				"School or Training Centre",
				"Public Service",
				"Funder",
				"Other",
			].map((value) => ({ value, label: __(value) })),
		},
		{
			fieldname: "partner",
			label: __("Partner"),
			fieldtype: "Link",
			options: "Partner",
		},
	],
};
