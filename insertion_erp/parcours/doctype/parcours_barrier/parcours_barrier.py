from frappe.model.document import Document


class ParcoursBarrier(Document):
	pass
