frappe.ui.form.on("Training Plan", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("New Evaluation"), () => {
				frappe.new_doc("Training Evaluation", { training_plan: frm.doc.name });
			});
			// Practice at the till, beside the evaluations.
			frm.call("sales_served").then(({ message: s }) => {
				if (!s || !s.receipts) return;
				frm.dashboard.add_indicator(
					__("Served at the till: {0} receipts, {1}; {2} returns", [
						s.receipts,
						format_currency(s.sales, s.currency),
						s.returns,
					]),
					"blue"
				);
			});
		}
	},
});
