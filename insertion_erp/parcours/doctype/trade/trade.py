from frappe.model.document import Document


class Trade(Document):
	pass
