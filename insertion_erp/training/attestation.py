"""What the attestation of participation shows (print format "Attestation de participation")."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from insertion_erp.core.parcours.training import acquired_competencies, paid_training_hours
from insertion_erp.core.periods import Period
from insertion_erp.parcours.records import hours_steps
from insertion_erp.training.competencies import assessments
from insertion_erp.training.hours import training_event_hours


def attestation_data(parcours_name: str) -> dict:
	parcours = frappe.get_doc("Parcours", parcours_name)
	parcours.check_permission("print")
	if not parcours.start_date:
		frappe.throw(_("An attestation needs a parcours that has started."), title=_("Not Started"))
	start = getdate(parcours.start_date)
	end = getdate(parcours.actual_end_date or min(getdate(today()), getdate(parcours.planned_end_date)))
	return {
		"trainee_name": parcours.trainee_name,
		"company": parcours.company,
		"trade": parcours.trade,
		"start": start,
		"end": end,
		"closed": bool(parcours.actual_end_date),
		"paid_hours": paid_training_hours(
			hours_steps(parcours.hours_schedule), parcours.planned_weeks, start, Period(start, end)
		),
		"workshop_hours": training_event_hours(start, end, [parcours.employee]).get(parcours.employee, 0)
		if parcours.employee
		else 0,
		"competencies": [
			{"competency": a.competency, "category": _(a.category), "level": _(a.level)}
			for a in acquired_competencies(assessments(parcours=parcours.name))
		],
	}
