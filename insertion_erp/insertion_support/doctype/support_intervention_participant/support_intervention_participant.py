from frappe.model.document import Document


class SupportInterventionParticipant(Document):
	pass
