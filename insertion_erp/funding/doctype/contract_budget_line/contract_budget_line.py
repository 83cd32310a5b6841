from frappe.model.document import Document


class ContractBudgetLine(Document):
	pass
