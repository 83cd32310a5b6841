from frappe.model.document import Document


class ROEPayPeriod(Document):
	pass
