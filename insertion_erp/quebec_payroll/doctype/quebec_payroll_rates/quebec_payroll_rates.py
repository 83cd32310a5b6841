import frappe
from frappe import _
from frappe.utils import flt, getdate

from insertion_erp.controllers.insertion_document import InsertionDocument

JURISDICTIONS = ("Federal", "Quebec")


class QuebecPayrollRates(InsertionDocument):
	def validate(self) -> None:
		# Each side pays base + first additional; the employer pays EI at its factor.
		self.qpp_rate = flt(self.qpp_base_rate) + flt(self.qpp_first_additional_rate)
		self.ei_rate = flt(flt(self.ei_employee_rate) * flt(self.ei_employer_factor), 4)
		self.figures_to_confirm = sum(1 for row in self.figure_sources if row.to_confirm)
		self.validate_brackets()

	def validate_brackets(self) -> None:
		"""Each jurisdiction's brackets start on January 1 of the year, from an income of 0."""
		for row in self.tax_brackets:
			if row.jurisdiction not in JURISDICTIONS:
				frappe.throw(
					_("Tax Brackets, row {0}: {1} must be one of {2}.").format(
						row.idx, _("Jurisdiction"), ", ".join(_(j) for j in JURISDICTIONS)
					),
					title=_("Invalid Value"),
				)
			if getdate(row.valid_from).year != int(self.year):
				frappe.throw(
					_("Tax Brackets, row {0}: Valid From must fall in {1}.").format(row.idx, self.year),
					title=_("Invalid Date"),
				)
		for jurisdiction in JURISDICTIONS:
			rows = [row for row in self.tax_brackets if row.jurisdiction == jurisdiction]
			if not rows:
				continue
			first = min(getdate(row.valid_from) for row in rows)
			if (first.month, first.day) != (1, 1) or not any(
				getdate(row.valid_from) == first and not flt(row.threshold) for row in rows
			):
				frappe.throw(
					_(
						"Tax Brackets: the {0} brackets must start on January 1 with a bracket from an income of 0."
					).format(_(jurisdiction)),
					title=_("Invalid Brackets"),
				)
