frappe.ui.form.on("Trainee", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("New Parcours"), () => {
			frappe.new_doc("Parcours", { trainee: frm.doc.name });
		});
		render_progress(frm);
	},
	consent_given(frm) {
		if (frm.doc.consent_given && !frm.doc.consent_date) {
			frm.set_value("consent_date", frappe.datetime.get_today());
		}
	},
});

// Mean level (0 Not Started ... 3 Mastered) of each category at each evaluation.
function render_progress(frm) {
	const $wrapper = frm.fields_dict.progress_chart.$wrapper.empty();
	if (!frappe.model.can_read("Training Evaluation")) return;
	frappe
		.call({
			method: "insertion_erp.training.doctype.training_evaluation.training_evaluation.get_progress",
			args: { trainee: frm.doc.name },
		})
		.then(({ message }) => {
			if (!message || !message.labels.length) {
				$wrapper.html(`<p class="text-muted">${__("No evaluation yet.")}</p>`);
				return;
			}
			new frappe.Chart($wrapper[0], {
				type: "line",
				height: 240,
				data: message,
				axisOptions: { xIsSeries: 1 },
				lineOptions: { regionFill: 0, dotSize: 5 },
				tooltipOptions: { formatTooltipY: (value) => value },
			});
		});
}
