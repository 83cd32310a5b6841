from frappe.model.document import Document


class PayrollContributionAccount(Document):
	pass
