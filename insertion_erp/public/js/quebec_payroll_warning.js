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
					if (!r.message) return;
					// HRMS refreshes these forms several times in a row: show the warning once.
					const shown = frm.layout.message
						.find(".form-message")
						.filter((i, el) => $(el).text().includes(r.message)).length;
					if (!shown) frm.dashboard.set_headline_alert(r.message, "orange");
				});
		},
	});
});
