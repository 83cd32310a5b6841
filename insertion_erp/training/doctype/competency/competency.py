from frappe.model.document import Document


class Competency(Document):
	pass
