frappe.ui.form.on("Trainee", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("New Parcours"), () => {
				frappe.new_doc("Parcours", { trainee: frm.doc.name });
			});
		}
	},
	consent_given(frm) {
		if (frm.doc.consent_given && !frm.doc.consent_date) {
			frm.set_value("consent_date", frappe.datetime.get_today());
		}
	},
});
