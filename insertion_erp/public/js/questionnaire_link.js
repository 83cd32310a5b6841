// The desk's "send a questionnaire" action (partners/questionnaires.invite): emailed when an
// address is known, and shown once for a text message.
frappe.provide("insertion_erp.questionnaires");

insertion_erp.questionnaires.invite = (args) =>
	frappe
		.call({ method: "insertion_erp.partners.questionnaires.invite", args, freeze: true })
		.then(({ message: sent }) => {
			const dialog = new frappe.ui.Dialog({
				title: __("Questionnaire Link"),
				fields: [
					{
						fieldtype: "HTML",
						options: `<p>${
							sent.emailed
								? __("The link was emailed.")
								: sent.no_email_account
								? __("No outgoing email account is set up: copy the link.")
								: __("Copy the link for a text message.")
						} ${__("It works once, until {0}. It cannot be shown again.", [
							frappe.datetime.str_to_user(sent.expires_on),
						])}</p>`,
					},
					{ fieldtype: "Data", fieldname: "url", label: __("Link"), read_only: 1, default: sent.url },
				],
				primary_action_label: __("Copy"),
				primary_action() {
					frappe.utils.copy_to_clipboard(sent.url);
				},
			});
			dialog.show();
		});
