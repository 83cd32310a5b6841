frappe.ui.form.on("Insertion Settings", {
	setup(frm) {
		frm.set_query("funder_customer", () => ({ filters: { disabled: 0 } }));
	},
});
