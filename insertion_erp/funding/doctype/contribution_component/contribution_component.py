from frappe.model.document import Document


class ContributionComponent(Document):
	pass
