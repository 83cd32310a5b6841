// Quebec's general holidays in one click, for the slips' holiday indemnities.
frappe.ui.form.on("Holiday List", {
	refresh(frm) {
		if (frm.is_new() || !frm.has_perm("write")) return;
		frm.add_custom_button(__("Add Quebec Holidays"), () => {
			frappe.prompt(
				{
					fieldname: "easter",
					fieldtype: "Select",
					label: __("Easter Holiday"),
					options: ["Good Friday", "Easter Monday"].map((value) => ({ value, label: __(value) })),
					default: "Good Friday",
				},
				({ easter }) =>
					frappe
						.call({
							method: "insertion_erp.quebec_payroll.holidays.add_quebec_holidays",
							args: { holiday_list: frm.doc.name, easter },
							freeze: true,
						})
						.then((r) => {
							frappe.show_alert({ message: __("{0} holiday(s) added", [r.message]), indicator: "green" });
							frm.reload_doc();
						}),
				__("Add Quebec Holidays"),
			);
		});
	},
});
