from frappe.model.document import Document


class QuebecPayrollRates(Document):
	pass
