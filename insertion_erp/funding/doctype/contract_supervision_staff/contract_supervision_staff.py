from frappe.model.document import Document


class ContractSupervisionStaff(Document):
	pass
