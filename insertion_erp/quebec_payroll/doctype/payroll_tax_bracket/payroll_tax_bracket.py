from frappe.model.document import Document


class PayrollTaxBracket(Document):
	pass
