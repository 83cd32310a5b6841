"""Competencies of plans and evaluations, for the controllers, the progress chart and the attestation."""

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.core.parcours.training import Assessment


def validate_unique_competencies(rows) -> None:
	seen = set()
	for row in rows:
		if row.competency in seen:
			frappe.throw(
				_("Row {0}: competency {1} is listed twice.").format(row.idx, row.competency),
				title=_("Duplicate Competency"),
			)
		seen.add(row.competency)


def planned_levels(plan: str | None) -> dict[str, str]:
	"""Each competency of a training plan and the level it targets."""
	if not plan:
		return {}
	return {
		row.competency: row.target_level
		for row in frappe.get_all(
			"Training Plan Competency",
			filters={"parent": plan, "parenttype": "Training Plan"},
			fields=["competency", "target_level"],
		)
	}


def validate_planned_levels(rows, plan: str | None) -> None:
	"""Each row assesses a competency of the plan, once, and carries the level the plan
	targets (an evaluation's and an employer's assessment alike)."""
	validate_unique_competencies(rows)
	planned = planned_levels(plan)
	for row in rows:
		if row.competency not in planned:
			frappe.throw(
				_("Row {0}: competency {1} is not in the training plan.").format(row.idx, row.competency),
				title=_("Competency Not Planned"),
			)
		row.target_level = planned[row.competency]


def assessments(*, trainee: str | None = None, parcours: str | None = None) -> list[Assessment]:
	"""Every level given at an evaluation, of a trainee or of one parcours, in one query."""
	evaluation = frappe.qb.DocType("Training Evaluation")
	plan = frappe.qb.DocType("Training Plan")
	level = frappe.qb.DocType("Training Evaluation Level")
	query = (
		frappe.qb.from_(level)
		.join(evaluation)
		.on(level.parent == evaluation.name)
		.join(plan)
		.on(evaluation.training_plan == plan.name)
		.select(evaluation.evaluation_date, level.competency, level.category, level.level)
		.where(level.parenttype == "Training Evaluation")
	)
	if trainee:
		query = query.where(evaluation.trainee == trainee)
	if parcours:
		query = query.where(plan.parcours == parcours)
	return [
		Assessment(getdate(r.evaluation_date), r.competency, r.category, r.level)
		for r in query.run(as_dict=True)
	]
