// The activity report: quarterly progress report and final report, one click each
// (the quarter shortcuts and the contract's agreement period set the dates).

function set_period(report, from, to) {
	report.set_filter_value({ from_date: from, to_date: to });
}

function quarter_of(day, shift) {
	const date = frappe.datetime.str_to_obj(day);
	const first = new Date(date.getFullYear(), Math.floor(date.getMonth() / 3) * 3 + 3 * shift, 1);
	const last = new Date(first.getFullYear(), first.getMonth() + 3, 0);
	return [frappe.datetime.obj_to_str(first), frappe.datetime.obj_to_str(last)];
}

frappe.query_reports["Activity Report"] = {
	filters: [
		{
			fieldname: "source",
			label: __("Source"),
			fieldtype: "Select",
			options: [
				{ value: "This Enterprise", label: __("This Enterprise") },
				{ value: "Network Files", label: __("Network Files") },
			],
			default: "This Enterprise",
		},
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
			depends_on: "eval:doc.source != 'Network Files'",
		},
		{
			fieldname: "period",
			label: __("Period"),
			fieldtype: "Select",
			options: [
				{ value: "", label: "" },
				{ value: "This Quarter", label: __("This Quarter") },
				{ value: "Last Quarter", label: __("Last Quarter") },
				{ value: "Agreement Year", label: __("Agreement Year") },
			],
			on_change(report) {
				const period = report.get_filter_value("period");
				if (period === "This Quarter" || period === "Last Quarter") {
					set_period(report, ...quarter_of(frappe.datetime.get_today(), period === "This Quarter" ? 0 : -1));
				} else if (period === "Agreement Year") {
					const contract = report.get_filter_value("contract");
					if (!contract) {
						frappe.show_alert({ message: __("Choose the insertion contract."), indicator: "orange" });
						return;
					}
					frappe.db.get_value("Insertion Contract", contract, ["from_date", "to_date"]).then(({ message }) => {
						if (message) set_period(report, message.from_date, message.to_date);
					});
				}
			},
		},
		{
			fieldname: "contract",
			label: __("Insertion Contract"),
			fieldtype: "Link",
			options: "Insertion Contract",
			get_query: () => ({ filters: { docstatus: 1 } }),
			on_change(report) {
				if (report.get_filter_value("contract")) {
					report.set_filter_value("period", "Agreement Year");
				}
			},
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
			depends_on: "eval:doc.source != 'Network Files'",
		},
		{
			fieldname: "counsellor",
			label: __("Counsellor"),
			fieldtype: "Link",
			options: "User",
			depends_on: "eval:doc.source != 'Network Files'",
		},
		{
			fieldname: "referral_partner",
			label: __("Referring Partner"),
			fieldtype: "Link",
			options: "Partner",
			depends_on: "eval:doc.source != 'Network Files'",
		},
	],
	onload(report) {
		if (!frappe.user.has_role(["Insertion Manager", "System Manager"])) return;
		for (const format of ["json", "csv"]) {
			report.page.add_inner_button(
				format.toUpperCase(),
				() => {
					const filters = report.get_filter_values(true);
					if (!filters) return;
					window.open(
						"/api/method/insertion_erp.results.network.export?" +
							new URLSearchParams({
								company: filters.company || "",
								from_date: filters.from_date,
								to_date: filters.to_date,
								file_format: format,
							})
					);
				},
				__("Export for the Network")
			);
		}
	},
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.kind === "rate" && column.fieldname === "share") {
			value = `<b>${value}</b>`;
		}
		return value;
	},
};
