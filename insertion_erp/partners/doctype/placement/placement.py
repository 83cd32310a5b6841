import frappe
from frappe import _
from frappe.utils import getdate, today

from insertion_erp.core.parcours.partners import placement_problems
from insertion_erp.parcours.records import occupied_period
from insertion_erp.privacy.traced_document import TracedDocument
from insertion_erp.training.competencies import validate_planned_levels


class Placement(TracedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.training.doctype.training_evaluation_level.training_evaluation_level import (
			TrainingEvaluationLevel,
		)

		company: DF.Link | None
		end_date: DF.Date
		evaluated_by: DF.Data | None
		evaluation_comment: DF.SmallText | None
		evaluation_date: DF.Date | None
		hours: DF.Float
		levels: DF.Table[TrainingEvaluationLevel]
		parcours: DF.Link
		partner: DF.Link
		start_date: DF.Date
		supervisor: DF.Link | None
		supervisor_name: DF.Data | None
		tasks: DF.SmallText | None
		trainee: DF.Link | None
		trainee_name: DF.Data | None
	# end: auto-generated types

	def before_validate(self) -> None:
		if self.evaluation_date and not self.levels:
			self.extend("levels", plan_competencies(self.parcours))

	def validate(self) -> None:
		parcours = frappe.db.get_value(
			"Parcours", self.parcours, ["start_date", "planned_end_date", "actual_end_date"], as_dict=True
		)
		if not parcours.start_date or not parcours.planned_end_date:
			frappe.throw(
				_("Parcours {0} has no dates yet: a placement lies within them.").format(self.parcours),
				title=_("Parcours Not Started"),
			)
		held = occupied_period(parcours)
		for problem in placement_problems(getdate(self.start_date), getdate(self.end_date), self.hours, held):
			frappe.throw(
				_(problem.message).format(
					_(self.meta.get_label(problem.field)), *map(self.formatted, problem.args)
				),
				title=_("Invalid Placement"),
			)
		self.check_partner()
		self.check_evaluation()

	def formatted(self, value) -> str:
		return frappe.format(value, "Date") if hasattr(value, "year") else str(value)

	def check_partner(self) -> None:
		if frappe.db.get_value("Partner", self.partner, "disabled"):
			frappe.throw(_("Partner {0} is disabled.").format(self.partner), title=_("Partner Disabled"))

	def check_evaluation(self) -> None:
		"""The employer's levels are given on a date within the placement, against the plan's competencies."""
		if not self.levels:
			return
		if not self.evaluation_date:
			frappe.throw(
				_("Enter the {0} of the employer's levels.").format(
					_(self.meta.get_label("evaluation_date"))
				),
				title=_("Evaluation Date Missing"),
			)
		day = getdate(self.evaluation_date)
		if day < getdate(self.start_date) or day > getdate(today()):
			frappe.throw(
				_("The evaluation date must lie between the placement's start and today."),
				title=_("Invalid Date"),
			)
		validate_planned_levels(
			self.levels, frappe.db.get_value("Training Plan", {"parcours": self.parcours})
		)


def plan_competencies(parcours: str) -> list[dict]:
	"""The competencies of the parcours' training plan, at Not Started, for the employer to assess."""
	plan = frappe.db.get_value("Training Plan", {"parcours": parcours}, "name")
	if not plan:
		return []
	return [
		{**row, "level": "Not Started"}
		for row in frappe.get_all(
			"Training Plan Competency",
			filters={"parent": plan, "parenttype": "Training Plan"},
			fields=["competency", "category", "target_level"],
			order_by="idx",
		)
	]
