frappe.ui.form.on("Training Plan", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("New Evaluation"), () => {
				frappe.new_doc("Training Evaluation", { training_plan: frm.doc.name });
			});
			// The host employers' levels at the placements, beside the evaluations.
			frm.call("placement_levels").then(({ message: levels }) => {
				if (!levels || !levels.length) return;
				const rows = levels
					.map(
						(l) => `<tr><td>${frappe.utils.escape_html(l.partner)}</td>
						<td>${frappe.datetime.str_to_user(l.evaluation_date)}</td>
						<td>${frappe.utils.escape_html(l.competency)}</td>
						<td>${__(l.target_level || "")}</td><td>${__(l.level || "")}</td>
						<td>${frappe.utils.escape_html(l.comment || "")}</td></tr>`
					)
					.join("");
				frm.dashboard.add_section(
					`<table class="table table-sm"><thead><tr><th>${__("Host Employer")}</th>
					<th>${__("Evaluation Date")}</th><th>${__("Competency")}</th><th>${__("Target Level")}</th>
					<th>${__("Level")}</th><th>${__("Comment")}</th></tr></thead><tbody>${rows}</tbody></table>`,
					__("Employers' Evaluations at Placements")
				);
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
