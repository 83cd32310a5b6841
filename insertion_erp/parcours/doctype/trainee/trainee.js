frappe.ui.form.on("Trainee", {
	onload(frm) {
		// The counsellor who registers a trainee counsels her, unless she names another.
		if (frm.is_new() && !frm.doc.counsellor && frappe.user.has_role("Insertion Counsellor")) {
			frm.set_value("counsellor", frappe.session.user);
		}
	},
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("New Parcours"), () => {
			frappe.new_doc("Parcours", { trainee: frm.doc.name });
		});
		render_progress(frm);
		show_consents(frm);
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

// Law 25: what the person withdrew, and the purposes nothing may be shared for.
function show_consents(frm) {
	const rows = frm.doc.consents || [];
	const lines = [];
	const given = new Set(rows.filter((row) => !row.withdrawn_on).map((row) => row.purpose));
	// A purpose given again after its withdrawal is in force: only the ones still withdrawn.
	const withdrawn = rows.filter((row) => row.withdrawn_on && !given.has(row.purpose));
	if (withdrawn.length) {
		const list = withdrawn
			.map((row) => `${__(row.purpose)} (${frappe.datetime.str_to_user(row.withdrawn_on)})`)
			.join(", ");
		lines.push(__("Consent withdrawn: {0}", [list]));
	}
	const missing = frappe.meta
		.get_docfield("Trainee Consent", "purpose")
		.options.split("\n")
		.filter((purpose) => purpose && !given.has(purpose))
		.filter((purpose) => !withdrawn.some((row) => row.purpose === purpose));
	if (missing.length) {
		lines.push(__("No consent in force for: {0}", [missing.map((purpose) => __(purpose)).join(", ")]));
	}
	if (lines.length) {
		frm.dashboard.set_headline_alert(lines.join("<br>"), withdrawn.length ? "red" : "orange");
	} else {
		frm.dashboard.clear_headline();
	}
}

// Law 25, for insertion managers: the person's access request, and the anonymisation once
// the retention period has run out (insertion_erp/privacy/). Kept apart from the handlers above.
frappe.ui.form.on("Trainee", { refresh: personal_information_actions });

function personal_information_actions(frm) {
	if (frm.is_new()) return;
	if (frm.doc.anonymised_on) {
		frm.set_intro(
			__("This trainee was anonymised on {0}: only counts, hours and dates remain.", [
				frappe.datetime.str_to_user(frm.doc.anonymised_on),
			]),
			"blue"
		);
		frm.disable_save();
	}
	if (!frappe.user.has_role("Insertion Manager")) return;
	const group = __("Personal Information");
	frm.add_custom_button(
		__("Access Request"),
		() =>
			open_url_post("/api/method/insertion_erp.privacy.access_request.access_request", {
				trainee: frm.doc.name,
			}),
		group
	);
	if (frm.doc.anonymised_on) return;
	frappe
		.call({
			method: "insertion_erp.privacy.anonymisation.anonymisation_status",
			args: { trainee: frm.doc.name },
		})
		.then(({ message }) => {
			if (!message || !message.due) return;
			frm.add_custom_button(__("Anonymise"), () => confirm_anonymisation(frm), group);
		});
}

function confirm_anonymisation(frm) {
	frappe.confirm(
		__(
			"Anonymise {0}? Names, contact details, date of birth, notes, free text and attachments are erased for good; counts, hours, dates and payroll stay. This cannot be undone.",
			[frappe.utils.escape_html(frm.doc.trainee_name)]
		),
		() =>
			frappe
				.call({
					method: "insertion_erp.privacy.anonymisation.anonymise",
					args: { trainee: frm.doc.name },
					freeze: true,
				})
				.then(({ message }) => {
					const kept = (message && message.group_sessions_kept) || [];
					if (kept.length) {
						frappe.msgprint(
							__(
								"The notes of these group sessions were kept, as they are about other participants too: review them. {0}",
								[kept.join(", ")]
							)
						);
					}
					frm.reload_doc();
				})
	);
}
