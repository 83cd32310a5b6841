frappe.ui.form.on("Insertion Contract", {
	setup(frm) {
		frm.set_query("employee", "supervision_staff", () => ({
			filters: { company: frm.doc.company, status: "Active", insertion_trainee: ["is", "not set"] },
		}));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 1) {
			frm.add_custom_button(__("New Claim"), () => {
				frappe.new_doc("Reimbursement Claim", { contract: frm.doc.name });
			});
		}
	},
});
