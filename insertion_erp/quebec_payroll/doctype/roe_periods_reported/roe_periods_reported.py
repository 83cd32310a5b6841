from frappe.model.document import Document


class ROEPeriodsReported(Document):
	pass
