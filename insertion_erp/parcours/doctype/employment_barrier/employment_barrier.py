from frappe.model.document import Document


class EmploymentBarrier(Document):
	pass
