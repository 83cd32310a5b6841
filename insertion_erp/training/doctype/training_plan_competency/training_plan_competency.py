from frappe.model.document import Document


class TrainingPlanCompetency(Document):
	pass
