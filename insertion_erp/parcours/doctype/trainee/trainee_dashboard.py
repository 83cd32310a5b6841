from frappe import _


def get_data() -> dict:
	return {
		"fieldname": "trainee",
		"non_standard_fieldnames": {"Salary Slip": "insertion_trainee"},
		"internal_links": {"Employee": "employee"},
		"transactions": [
			{"label": _("Parcours"), "items": ["Parcours", "Parcours Follow-up"]},
			{"label": _("Training"), "items": ["Training Plan", "Training Evaluation"]},
			{"label": _("Support"), "items": ["Support Intervention"]},
			{"label": _("Employment"), "items": ["Employee", "Salary Slip"]},
		],
	}
