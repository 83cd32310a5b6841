frappe.ui.form.on("Training Plan", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("New Evaluation"), () => {
				frappe.new_doc("Training Evaluation", { training_plan: frm.doc.name });
			});
		}
	},
});
