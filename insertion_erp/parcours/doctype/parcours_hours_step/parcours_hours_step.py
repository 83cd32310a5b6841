from frappe.model.document import Document


class ParcoursHoursStep(Document):
	pass
