// The year-end slip: its boxes come from the salary slips; say so, and where it was sent.
frappe.ui.form.on("Year-End Slip", {
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.set_intro(__("The boxes are recomputed from the year's submitted salary slips at each save."), "blue");
		}
		const sent = [
			[frm.doc.t4_filed, __("T4 Sent to the CRA")],
			[frm.doc.rl1_filed, __("RL-1 Sent to Revenu Québec")],
		].filter(([state]) => state);
		if (sent.length) {
			frm.set_intro(sent.map(([state, label]) => `${label} : ${__(state)}`).join("<br>"), "green");
		}
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.add_custom_button(__("Refresh from the Salary Slips"), () => frm.save());
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("T4 and RL-1"), () =>
				frappe.set_route("query-report", "T4 and RL-1", { company: frm.doc.company, year: frm.doc.year })
			);
		}
	},
});
