frappe.ui.form.on("Reimbursement Claim", {
	setup(frm) {
		frm.set_query("contract", () => ({ filters: { docstatus: 1 } }));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.add_custom_button(__("Get Payroll"), () => get_payroll(frm)).addClass("btn-primary");
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("Excel for the Funder"), () => {
				window.open(
					"/api/method/insertion_erp.funding.exports.download_claim_xlsx?name=" +
						encodeURIComponent(frm.doc.name)
				);
			});
		}
	},
	contract(frm) {
		if (!frm.doc.contract || frm.doc.from_date) return;
		frappe
			.call({
				method: "insertion_erp.funding.doctype.reimbursement_claim.reimbursement_claim.default_period",
				args: { contract: frm.doc.contract },
			})
			.then(({ message }) => {
				if (message && message.from_date) {
					frm.set_value("from_date", message.from_date);
					frm.set_value("to_date", message.to_date);
				}
			});
	},
});

function get_payroll(frm) {
	frm.call({ method: "get_payroll", doc: frm.doc, freeze: true, freeze_message: __("Getting payroll...") }).then(
		({ message }) => {
			if (message === "queued") {
				frappe.show_alert({
					message: __("A large claim: payroll is being read in the background."),
					indicator: "blue",
				});
			}
			frm.reload_doc();
		}
	);
}
