from frappe.model.document import Document


class EligibleSalaryComponent(Document):
	pass
