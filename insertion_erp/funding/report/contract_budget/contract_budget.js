frappe.query_reports["Contract Budget"] = {
	filters: [
		{
			fieldname: "contract",
			label: __("Insertion Contract"),
			fieldtype: "Link",
			options: "Insertion Contract",
			reqd: 1,
			get_query: () => ({ filters: { docstatus: 1 } }),
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "warning" && data && data.warning) {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
