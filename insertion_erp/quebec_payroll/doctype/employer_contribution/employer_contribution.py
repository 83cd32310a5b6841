from frappe.model.document import Document


class EmployerContribution(Document):
	pass
