import frappe
from frappe import _
from frappe.utils import getdate, today

from insertion_erp.controllers.arguments import require
from insertion_erp.core.parcours.training import LEVELS, level_score, progress_by_category
from insertion_erp.privacy.traced_document import TracedDocument
from insertion_erp.training.competencies import assessments, validate_planned_levels


class TrainingEvaluation(TracedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.training.doctype.training_evaluation_level.training_evaluation_level import (
			TrainingEvaluationLevel,
		)

		evaluation_date: DF.Date
		evaluator: DF.Link
		levels: DF.Table[TrainingEvaluationLevel]
		trainee: DF.Link | None
		trainee_name: DF.Data | None
		training_plan: DF.Link
	# end: auto-generated types

	def before_validate(self) -> None:
		if not self.levels:
			self.extend("levels", get_levels_template(self.training_plan))

	def validate(self) -> None:
		validate_planned_levels(self.levels, self.training_plan)
		parcours = frappe.db.get_value(
			"Parcours",
			frappe.db.get_value("Training Plan", self.training_plan, "parcours"),
			["start_date", "actual_end_date"],
			as_dict=True,
		)
		day = getdate(self.evaluation_date)
		if day > getdate(today()):
			frappe.throw(_("An evaluation cannot be dated in the future."), title=_("Invalid Date"))
		if not parcours.start_date or day < getdate(parcours.start_date):
			frappe.throw(
				_("An evaluation happens during the parcours, after it starts."), title=_("Invalid Date")
			)
		if parcours.actual_end_date and day > getdate(parcours.actual_end_date):
			frappe.throw(
				_("An evaluation cannot come after the end of the parcours."), title=_("Invalid Date")
			)

	def on_update(self) -> None:
		frappe.get_doc("Training Plan", self.training_plan).update_next_evaluation_date()
		self.update_skill_map()

	def on_trash(self) -> None:
		self.flags.training_plan = self.training_plan

	def after_delete(self) -> None:
		frappe.get_doc("Training Plan", self.flags.training_plan).update_next_evaluation_date()

	def update_skill_map(self) -> None:
		"""Competencies tied to an HR Skill feed the trainee's Employee Skill Map (HRMS)."""
		skills = dict(
			frappe.get_all(
				"Competency",
				filters={"name": ("in", [row.competency for row in self.levels]), "skill": ("is", "set")},
				fields=["name", "skill"],
				as_list=True,
			)
		)
		employee = frappe.db.get_value("Trainee", self.trainee, "employee")
		if not skills or not employee:
			return
		if frappe.db.exists("Employee Skill Map", employee):
			skill_map = frappe.get_doc("Employee Skill Map", employee)
		else:
			skill_map = frappe.get_doc({"doctype": "Employee Skill Map", "employee": employee})
		rows = {row.skill: row for row in skill_map.employee_skills}
		for level in self.levels:
			skill = skills.get(level.competency)
			if not skill:
				continue
			row = rows.get(skill) or skill_map.append("employee_skills", {"skill": skill})
			if row.evaluation_date and getdate(row.evaluation_date) > getdate(self.evaluation_date):
				continue  # a later evaluation already set it
			row.proficiency = level_score(level.level) / (len(LEVELS) - 1)
			row.evaluation_date = self.evaluation_date
		skill_map.flags.ignore_permissions = True
		skill_map.save()


@frappe.whitelist()
def get_levels_template(training_plan: str | None = None) -> list[dict]:
	"""The plan's competencies, each at the level of the previous evaluation (or Not Started)."""
	require(training_plan=training_plan)
	frappe.has_permission("Training Plan", "read", training_plan, throw=True)
	previous = frappe.get_all(
		"Training Evaluation",
		filters={"training_plan": training_plan},
		order_by="evaluation_date desc, creation desc",
		limit=1,
		pluck="name",
	)
	last_levels = dict(
		frappe.get_all(
			"Training Evaluation Level",
			filters={"parent": previous[0], "parenttype": "Training Evaluation"},
			fields=["competency", "level"],
			as_list=True,
		)
		if previous
		else []
	)
	return [
		{
			"competency": row.competency,
			"category": row.category,
			"target_level": row.target_level,
			"level": last_levels.get(row.competency, LEVELS[0]),
		}
		for row in frappe.get_all(
			"Training Plan Competency",
			filters={"parent": training_plan, "parenttype": "Training Plan"},
			fields=["competency", "category", "target_level"],
			order_by="idx",
		)
	]


@frappe.whitelist()
def get_progress(trainee: str | None = None) -> dict:
	"""Chart data for the trainee's form: mean level (0 to 3) by category at each evaluation."""
	require(trainee=trainee)
	frappe.has_permission("Trainee", "read", trainee, throw=True)
	frappe.has_permission("Training Evaluation", "read", throw=True)
	progress = progress_by_category(assessments(trainee=trainee))
	dates = sorted({day for points in progress.values() for day, _score in points})
	return {
		"labels": [frappe.format(day, "Date") for day in dates],
		"datasets": [
			{
				"name": _(category),
				"values": [_as_float(dict(points).get(day)) for day in dates],
			}
			for category, points in progress.items()
		],
	}


def _as_float(value) -> float | None:
	return None if value is None else float(value)
