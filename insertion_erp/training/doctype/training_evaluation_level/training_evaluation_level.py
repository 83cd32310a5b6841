from frappe.model.document import Document


class TrainingEvaluationLevel(Document):
	pass
