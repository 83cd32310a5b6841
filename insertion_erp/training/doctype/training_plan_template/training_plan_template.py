import frappe
from frappe import _

from insertion_erp.controllers.insertion_document import InsertionDocument
from insertion_erp.training.competencies import validate_unique_competencies


class TrainingPlanTemplate(InsertionDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.training.doctype.training_plan_competency.training_plan_competency import (
			TrainingPlanCompetency,
		)

		competencies: DF.Table[TrainingPlanCompetency]
		personal_hours: DF.Float
		social_hours: DF.Float
		technical_hours: DF.Float
		trade: DF.Link
	# end: auto-generated types

	def validate(self) -> None:
		validate_unique_competencies(self.competencies)
		for row in self.competencies:
			trade = frappe.db.get_value("Competency", row.competency, "trade")
			if trade and trade != self.trade:
				frappe.throw(
					_("Row {0}: competency {1} belongs to the trade {2}.").format(
						row.idx, row.competency, trade
					),
					title=_("Wrong Trade"),
				)
