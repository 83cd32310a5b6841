frappe.ui.form.on("Partner", {
	refresh(frm) {
		// Frappe's own addresses and contacts, with their email and phone.
		frappe.dynamic_link = { doc: frm.doc, fieldname: "name", doctype: "Partner" };
		if (frm.is_new()) {
			frappe.contacts.clear_address_and_contact(frm);
			return;
		}
		frappe.contacts.render_address_and_contact(frm);
		frm.add_custom_button(__("Partner Report"), () => {
			frappe.set_route("query-report", "Partner Report", { partner: frm.doc.name });
		});
		if (frm.doc.partner_type === "Employer") {
			frm.add_custom_button(__("New Placement"), () => {
				frappe.new_doc("Placement", { partner: frm.doc.name });
			});
		}
	},
});
