from frappe.model.document import Document


class PayrollFigureSource(Document):
	pass
