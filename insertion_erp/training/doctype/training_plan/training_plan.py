import frappe
from frappe.utils import cint, getdate, today

from insertion_erp.constants import SETTINGS
from insertion_erp.core.parcours.training import next_evaluation_date
from insertion_erp.core.periods import Period
from insertion_erp.privacy.traced_document import TracedDocument
from insertion_erp.shop_floor.sales import served
from insertion_erp.training.competencies import validate_unique_competencies

HOUR_FIELDS = ("technical_hours", "personal_hours", "social_hours")


class TrainingPlan(TracedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.training.doctype.training_plan_competency.training_plan_competency import (
			TrainingPlanCompetency,
		)

		competencies: DF.Table[TrainingPlanCompetency]
		counsellor: DF.Link | None
		goals: DF.Text | None
		next_evaluation_date: DF.Date | None
		parcours: DF.Link
		personal_hours: DF.Float
		social_hours: DF.Float
		technical_hours: DF.Float
		trade: DF.Link | None
		trainee: DF.Link | None
		trainee_name: DF.Data | None
	# end: auto-generated types

	@frappe.whitelist()
	def sales_served(self) -> dict:
		"""The practical indicator beside the evaluations: what the trainee served at the till
		during the parcours (receipts, net sales, returns)."""
		self.check_permission("read")
		parcours = frappe.db.get_value(
			"Parcours",
			self.parcours,
			["employee", "start_date", "actual_end_date", "planned_end_date"],
			as_dict=True,
		)
		totals = {"receipts": 0, "sales": 0.0, "returns": 0, "returned": 0.0}
		if not parcours or not parcours.employee or not parcours.start_date:
			return totals
		# In the currency's own format ("1 304,50 $"), not the symbol in front.
		company = frappe.db.get_value("Employee", parcours.employee, "company")
		totals["currency"] = frappe.get_cached_value("Company", company, "default_currency")
		end = min(getdate(parcours.actual_end_date or parcours.planned_end_date), getdate(today()))
		for week in served(Period(getdate(parcours.start_date), end), None, [parcours.employee]):
			for key in ("receipts", "sales", "returns", "returned"):
				totals[key] += week[key] or 0
		return totals

	@frappe.whitelist()
	def placement_levels(self) -> list[dict]:
		"""The levels the host employers gave at the parcours' placements, beside the evaluations."""
		self.check_permission("read")
		if not frappe.has_permission("Placement", "read"):
			return []
		return frappe.db.sql(
			"""select pl.name as placement, pl.partner, pl.evaluation_date, pl.evaluated_by,
				l.competency, l.target_level, l.level, l.comment
			from `tabPlacement` pl
			join `tabTraining Evaluation Level` l on l.parent = pl.name and l.parenttype = 'Placement'
			where pl.parcours = %(parcours)s and pl.evaluation_date is not null
			order by pl.evaluation_date, pl.name, l.idx""",
			{"parcours": self.parcours},
			as_dict=True,
		)

	def before_insert(self) -> None:
		if not self.competencies:
			self.fill_from_template()

	def validate(self) -> None:
		validate_unique_competencies(self.competencies)
		self.next_evaluation_date = self.compute_next_evaluation_date()

	def fill_from_template(self) -> None:
		"""Copy the trade's template: expected competencies, target levels and planned hours."""
		trade = self.trade or frappe.db.get_value("Parcours", self.parcours, "trade")
		if not trade or not frappe.db.exists("Training Plan Template", trade):
			return
		template = frappe.get_doc("Training Plan Template", trade)
		for row in template.competencies:
			self.append(
				"competencies",
				{"competency": row.competency, "category": row.category, "target_level": row.target_level},
			)
		for fieldname in HOUR_FIELDS:
			self.set(fieldname, template.get(fieldname))

	def compute_next_evaluation_date(self):
		start = frappe.db.get_value("Parcours", self.parcours, "start_date")
		last = None
		if not self.is_new():
			last = frappe.get_all(
				"Training Evaluation",
				filters={"training_plan": self.name},
				fields=["max(evaluation_date) as last"],
			)[0].last
		interval = cint(frappe.db.get_single_value(SETTINGS, "evaluation_interval_weeks")) or 2
		return next_evaluation_date(getdate(start or today()), getdate(last) if last else None, interval)

	def update_next_evaluation_date(self) -> None:
		self.db_set("next_evaluation_date", self.compute_next_evaluation_date(), update_modified=False)
