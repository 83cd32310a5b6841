frappe.query_reports["GST QST Return"] = {
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
			default: frappe.datetime.month_start(),
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			reqd: 1,
			default: frappe.datetime.month_end(),
		},
	],
	onload(report) {
		// The return filed: a draft journal entry that remits it, for the bookkeeper to check.
		report.page.add_inner_button(__("Remit this Return"), () => {
			const filters = report.get_values();
			if (!filters) return;
			frappe.call({
				method: "insertion_erp.quebec_sales_taxes.remittance.make_remittance",
				args: {
					company: filters.company,
					from_date: filters.from_date,
					to_date: filters.to_date,
				},
				freeze: true,
				callback: (r) => r.message && frappe.set_route("Form", "Journal Entry", r.message.name),
			});
		});
	},
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.is_total) {
			value = `<b>${value}</b>`;
		}
		return value;
	},
};
