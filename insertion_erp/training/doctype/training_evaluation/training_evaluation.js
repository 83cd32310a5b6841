frappe.ui.form.on("Training Evaluation", {
	training_plan(frm) {
		if (!frm.doc.training_plan) return;
		frappe
			.call({
				method: "insertion_erp.training.doctype.training_evaluation.training_evaluation.get_levels_template",
				args: { training_plan: frm.doc.training_plan },
			})
			.then(({ message }) => {
				frm.clear_table("levels");
				(message || []).forEach((row) => frm.add_child("levels", row));
				frm.refresh_field("levels");
			});
	},
});
