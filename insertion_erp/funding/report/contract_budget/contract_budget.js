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
	onload(report) {
		// The contract under way today, or the only submitted one: nothing to choose.
		if (report.get_filter_value("contract")) return;
		const today = frappe.datetime.get_today();
		frappe.db
			.get_list("Insertion Contract", {
				filters: { docstatus: 1 },
				fields: ["name", "from_date", "to_date"],
				order_by: "from_date desc",
				limit: 50,
			})
			.then((contracts) => {
				const current = contracts.filter((c) => c.from_date <= today && today <= c.to_date);
				const only = current.length === 1 ? current[0] : contracts.length === 1 ? contracts[0] : null;
				if (only) report.set_filter_value("contract", only.name);
			});
	},
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "warning" && data && data.warning) {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
