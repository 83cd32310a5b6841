"""An employee's T4 and RL-1 for a year (quebec_payroll/year_end.py): a draft's boxes are
recomputed from the year's submitted salary slips at each save; the payroll submits it, sends
it, and amends or cancels it by each authority's rules."""

from insertion_erp.controllers.insertion_document import InsertionDocument
from insertion_erp.quebec_payroll import year_end


class YearEndSlip(InsertionDocument):  # frappe: the name without its spaces and hyphens
	def before_validate(self) -> None:
		if self.docstatus == 0:
			year_end.fill(self)

	def validate(self) -> None:
		year_end.validate(self)

	def before_submit(self) -> None:
		year_end.check_year_over(self)
