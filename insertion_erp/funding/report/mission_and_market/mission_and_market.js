// Amounts on the chart in Quebec French: "20 000 $", "1,2 M$" (frappe's axis read "20 K").
function mission_and_market_amount(value, currency, compact) {
	const amount = Number(value) || 0;
	const options = { style: "currency", currency: currency || "CAD", currencyDisplay: "narrowSymbol" };
	if (compact && Math.abs(amount) >= 1000000) {
		options.maximumFractionDigits = 1;
		return new Intl.NumberFormat("fr-CA", options).format(amount / 1000000).replace(/\s*\$/, " M$");
	}
	options.maximumFractionDigits = compact ? 0 : 2;
	options.minimumFractionDigits = compact ? 0 : 2;
	return new Intl.NumberFormat("fr-CA", options).format(amount);
}

// The query report replaces a chart's axisOptions with its own ("20 K") after
// get_chart_data: the chart handed over keeps this report's number formatter
// whatever axisOptions is set to.
function mission_and_market_chart(chart) {
	const currency = chart.currency;
	const options = Object.assign({}, chart, {
		tooltipOptions: { formatTooltipY: (value) => mission_and_market_amount(value, currency) },
	});
	let axis = {};
	Object.defineProperty(options, "axisOptions", {
		enumerable: true,
		configurable: true,
		get: () =>
			Object.assign({}, axis, {
				shortenYAxisNumbers: 1,
				numberFormatter: (value) => mission_and_market_amount(value, currency, true),
			}),
		set: (value) => {
			axis = value || {};
		},
	});
	return options;
}

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
	get_chart_data() {
		// The chart the server made (raw_data is the report's answer, set before this is called).
		const chart = frappe.query_report.raw_data && frappe.query_report.raw_data.chart;
		return chart ? mission_and_market_chart(chart) : undefined;
	},
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && ["income", "expenses", "net", "ratio"].includes(data.kind)) {
			value = `<b>${value}</b>`;
		} else if (data && data.kind === "account" && column.fieldname !== "line") {
			value = `<span class="text-muted">${value}</span>`;
		}
		return value;
	},
};
