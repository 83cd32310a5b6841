frappe.ui.form.on("Parcours Follow-up", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.status === "To Confirm") {
			frm.dashboard.set_headline(__("The alumnus answered online: check the answer, then confirm it."), "orange");
			frm.add_custom_button(__("Confirm the Answer"), () =>
				frm.call("confirm_answer").then(() => frm.reload_doc())
			);
		}
		if (frm.doc.status === "Planned") {
			frm.add_custom_button(
				__("Alumni Questionnaire"),
				() => insertion_erp.questionnaires.invite({ questionnaire: "Alumni Follow-up", follow_up: frm.doc.name }),
				__("Send")
			);
		}
		if (frm.doc.partner && ["Employed Full Time", "Employed Part Time"].includes(frm.doc.situation)) {
			frm.add_custom_button(
				__("Employer Questionnaire"),
				() =>
					frappe.confirm(__("Send only if the alumnus agreed that we contact their employer."), () =>
						insertion_erp.questionnaires.invite({
							questionnaire: "Employer Satisfaction",
							follow_up: frm.doc.name,
						})
					),
				__("Send")
			);
		}
		if (frm.doc.employer_or_school && !frm.doc.partner) {
			frm.add_custom_button(__("Create Partner"), () =>
				frappe
					.call("insertion_erp.partners.names.create_partner_from_follow_up", { follow_up: frm.doc.name })
					.then(({ message }) => {
						frm.reload_doc();
						frappe.show_alert({ message: __("Partner {0} linked.", [message]), indicator: "green" });
					})
			);
		}
	},
});
