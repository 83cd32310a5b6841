// The year's T4 and RL-1: the boxes from the salary slips, the year-end slips drafted from
// them, and the files sent to the CRA and Revenu Québec (quebec_payroll/year_end.py).
const YEAR_END_API = "insertion_erp.quebec_payroll.year_end";
const YEAR_END_FILE_API = "insertion_erp.quebec_payroll.year_end_file";

function year_end_filters(report) {
	return { company: report.get_filter_value("company"), year: report.get_filter_value("year") };
}

function send_year_end_file(report, authority) {
	const args = { ...year_end_filters(report), authority };
	// Count first: a missing setting or SIN comes as a message, not as a failed download.
	frappe.call({ method: `${YEAR_END_FILE_API}.download`, args: { ...args, check_only: 1 } }).then((r) => {
		const counts = r.message || {};
		const kinds = ["original", "amended", "cancelled"].filter((kind) => counts[kind]);
		if (!kinds.length) {
			frappe.msgprint(__("No submitted year-end slip is waiting to be sent to {0}.", [__(authority)]));
			return;
		}
		const dialog = new frappe.ui.Dialog({
			title: __("File for {0}", [__(authority)]),
			fields: [
				{
					fieldname: "kind",
					fieldtype: "Select",
					label: __("Slips"),
					reqd: 1,
					options: kinds.map((kind) => ({ value: kind, label: `${__(kind)} (${counts[kind]})` })),
					default: kinds[0],
					description: __("Each file holds slips of one kind; the slips in it are then marked as sent."),
				},
			],
			primary_action_label: __("Download"),
			primary_action({ kind }) {
				dialog.hide();
				frappe
					.call({ method: `${YEAR_END_FILE_API}.download`, args: { ...args, kind, check_only: 1 } })
					.then(() => {
						open_url_post(`/api/method/${YEAR_END_FILE_API}.download`, { ...args, kind });
						setTimeout(() => report.refresh(), 1500);
					});
			},
		});
		dialog.show();
	});
}

frappe.query_reports["T4 and RL-1"] = {
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
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			reqd: 1,
			// Until the slips are due (the end of February), last year's; from March on, this year's.
			default: new Date().getMonth() < 2 ? new Date().getFullYear() - 1 : new Date().getFullYear(),
		},
	],
	onload(report) {
		if (!frappe.user.has_role("HR Manager")) return;
		// What the T4 and RL-1 files still need in the settings, said when the report opens.
		frappe
			.call({
				method: "insertion_erp.quebec_payroll.filing.missing_settings",
				args: { company: report.get_filter_value("company") },
			})
			.then((r) => {
			const { missing, link } = r.message || {};
			if (missing && missing.length) {
				report.page.add_inner_message(
					__("To send the files, fill in {0}: {1}.", [link, missing.join(", ")])
				);
			}
		});
		report.page.add_inner_button(__("Draft the Year-End Slips"), () =>
			frappe
				.call({ method: `${YEAR_END_API}.create_slips`, args: year_end_filters(report), freeze: true })
				.then((r) => {
					frappe.msgprint({
						title: __("Year-End Slips Drafted"),
						indicator: "green",
						message: __(
							"{0} year-end slips drafted, {1} refreshed. Review and submit each one: only submitted slips go into the T4 and RL-1 files.",
							[r.message.created, r.message.refreshed]
						),
					});
					frappe.set_route("List", "Year-End Slip", year_end_filters(report));
				})
		);
		report.page.add_inner_button(__("T4 File (CRA)"), () => send_year_end_file(report, "CRA"), __("Send"));
		report.page.add_inner_button(__("RL-1 File (Revenu Québec)"), () => send_year_end_file(report, "Revenu Québec"), __("Send"));
	},
};
