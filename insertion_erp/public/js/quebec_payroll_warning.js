// The payroll user reads, on the slip and on the payroll entry, which figures of the year's
// Quebec payroll rates are still to confirm (never silently).
["Salary Slip", "Payroll Entry"].forEach((doctype) => {
	frappe.ui.form.on(doctype, {
		refresh(frm) {
			const day = frm.doc.posting_date || frm.doc.end_date;
			if (!day) return;
			frappe
				.call({
					method: "insertion_erp.quebec_payroll.rates.year_warning",
					args: { year: String(day).slice(0, 4) },
				})
				.then((r) => {
					if (r.message) frm.dashboard.set_headline_alert(r.message, "orange");
				});
		},
	});
});
