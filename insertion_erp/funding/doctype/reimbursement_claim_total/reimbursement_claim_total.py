from frappe.model.document import Document


class ReimbursementClaimTotal(Document):
	pass
