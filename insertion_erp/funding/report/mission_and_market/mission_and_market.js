frappe.query_reports["Mission and Market"] = {
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
			fieldname: "fiscal_year",
			label: __("Fiscal Year"),
			fieldtype: "Link",
			options: "Fiscal Year",
			reqd: 1,
			// The fiscal year of today: the only one a director reads most days.
			default:
				(erpnext.utils.get_fiscal_year && erpnext.utils.get_fiscal_year(frappe.datetime.get_today())) ||
				frappe.defaults.get_user_default("fiscal_year"),
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && ["income", "expenses", "net", "ratio"].includes(data.kind)) {
			value = `<b>${value}</b>`;
		}
		return value;
	},
};
