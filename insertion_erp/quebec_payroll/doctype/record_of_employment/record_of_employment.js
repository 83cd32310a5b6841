const ROE_FILE_API = "insertion_erp.quebec_payroll.roe_file";
const FILING_API = "insertion_erp.quebec_payroll.filing";

// The ROE Web bulk file: checked first (a missing SIN or setting comes as a message), then
// downloaded by the browser as frappe's exports are.
function download_roe_file(names) {
	const args = { names: JSON.stringify(names) };
	frappe
		.call({ method: `${ROE_FILE_API}.download_xml`, args: { ...args, check_only: 1 } })
		.then(() => open_url_post(`/api/method/${ROE_FILE_API}.download_xml`, args));
}

// What ROE Web's file still needs in the settings, said when the form opens (with the link).
function show_missing_settings(frm) {
	frappe.call({ method: FILING_API + ".missing_settings", args: { authority: "ROE Web" } }).then((r) => {
		const { missing, link } = r.message || {};
		if (missing && missing.length) {
			frm.dashboard.add_comment(
				__("To issue it and download its file, fill in {0}: {1}.", [link, missing.join(", ")]),
				"orange",
				true
			);
		}
	});
}

frappe.ui.form.on("Record of Employment", {
	refresh(frm) {
		if (frm.doc.docstatus < 2 && frappe.user.has_role("HR Manager")) show_missing_settings(frm);
		if (frm.doc.docstatus === 1) {
			frm.add_custom_button(__("Download ROE Web File"), () => download_roe_file([frm.doc.name]));
		}
		if (frm.doc.docstatus === 0 && frm.doc.deadline) {
			const late = frappe.datetime.get_diff(frm.doc.deadline, frappe.datetime.get_today()) < 0;
			frm.dashboard.set_headline_alert(
				late
					? __("This ROE was due on {0}.", [frappe.datetime.str_to_user(frm.doc.deadline)])
					: __("To issue on ROE Web by {0}.", [frappe.datetime.str_to_user(frm.doc.deadline)]),
				late ? "red" : "orange"
			);
		}
	},
});
