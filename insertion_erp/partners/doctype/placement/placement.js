frappe.ui.form.on("Placement", {
	setup(frm) {
		frm.set_query("partner", () => ({ filters: { disabled: 0 } }));
		// The host employer's own contacts.
		frm.set_query("supervisor", () => ({
			query: "frappe.contacts.doctype.contact.contact.contact_query",
			filters: { link_doctype: "Partner", link_name: frm.doc.partner },
		}));
	},
});

frappe.ui.form.on("Placement", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Employer Questionnaire"), () =>
			insertion_erp.questionnaires.invite({ questionnaire: "Employer Satisfaction", placement: frm.doc.name })
		);
	},
});
