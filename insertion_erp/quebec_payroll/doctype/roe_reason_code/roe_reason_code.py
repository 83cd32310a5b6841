from frappe.model.document import Document


class ROEReasonCode(Document):
	pass
