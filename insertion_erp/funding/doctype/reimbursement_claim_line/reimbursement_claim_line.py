from frappe.model.document import Document


class ReimbursementClaimLine(Document):
	pass
