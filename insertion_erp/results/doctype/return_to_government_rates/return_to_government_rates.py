"""One year of the return to government's parameters, as the user edits them.

The formulas are in insertion_erp.core.results.return_to_government; `to_rates` gives them this record.
"""

from itertools import pairwise

import frappe
from frappe import _

from insertion_erp.controllers.insertion_document import InsertionDocument, field_label
from insertion_erp.core.results.return_to_government import JURISDICTIONS, ReturnRates, rates_from_values

NUMBER_TYPES = ("Currency", "Percent", "Int", "Float")
MAX_WEEKS_PER_YEAR = 53


class ReturntoGovernmentRates(InsertionDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.results.doctype.return_to_government_bracket.return_to_government_bracket import (
			ReturntoGovernmentBracket,
		)

		brackets: DF.Table[ReturntoGovernmentBracket]
		currency: DF.Link | None
		ei_employee_rate: DF.Percent
		ei_employer_rate: DF.Percent
		ei_max_earnings: DF.Currency
		employment_insurance_weekly: DF.Currency
		employment_insurance_weeks: DF.Int
		federal_basic_amount: DF.Currency
		federal_quebec_abatement: DF.Percent
		qpip_employee_rate: DF.Percent
		qpip_employer_rate: DF.Percent
		qpip_max_earnings: DF.Currency
		qpp_exemption: DF.Currency
		qpp_max_earnings: DF.Currency
		qpp_rate: DF.Percent
		quebec_basic_amount: DF.Currency
		social_assistance_monthly: DF.Currency
		sources: DF.SmallText | None
		weeks_per_year: DF.Int
		year: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		for row in [self, *self.brackets]:
			self.validate_numbers(row)
		self.validate_weeks()
		self.validate_brackets()

	def validate_numbers(self, row) -> None:
		"""No negative amount, weeks or rate; no rate above 100 %."""
		for df in row.meta.fields:
			if df.fieldtype not in NUMBER_TYPES or df.fieldname == "year":
				continue
			value = row.get(df.fieldname) or 0
			if value < 0:
				self.refuse(_("{0} cannot be negative."), field_label(self, row, df))
			if df.fieldtype == "Percent" and value > 100:
				self.refuse(_("{0} cannot be more than 100 %."), field_label(self, row, df))

	def validate_weeks(self) -> None:
		if not 1 <= (self.weeks_per_year or 0) <= MAX_WEEKS_PER_YEAR:
			frappe.throw(
				_("{0} must be between 1 and {1}.").format(
					frappe.bold(self.label("weeks_per_year")), MAX_WEEKS_PER_YEAR
				),
				title=_("Invalid Value"),
			)
		if (self.employment_insurance_weeks or 0) > self.weeks_per_year:
			frappe.throw(
				_("{0} cannot be more than {1}.").format(
					frappe.bold(self.label("employment_insurance_weeks")),
					frappe.bold(self.label("weeks_per_year")),
				),
				title=_("Invalid Value"),
			)

	def validate_brackets(self) -> None:
		"""Each jurisdiction has brackets; the first starts at 0 and the thresholds increase.
		The rows are put in order: by jurisdiction, then by threshold."""
		table = frappe.bold(self.label("brackets"))
		self.brackets.sort(
			key=lambda row: (
				JURISDICTIONS.index(row.jurisdiction) if row.jurisdiction in JURISDICTIONS else 99,
				row.threshold or 0,
			)
		)
		for idx, row in enumerate(self.brackets, start=1):
			row.idx = idx
		for jurisdiction in JURISDICTIONS:
			rows = [row for row in self.brackets if row.jurisdiction == jurisdiction]
			name = frappe.bold(_(jurisdiction))
			if not rows:
				frappe.throw(_("{0}: add the {1} brackets.").format(table, name), title=_("Invalid Value"))
			if rows[0].threshold:
				frappe.throw(
					_("{0}: the first {1} bracket must start at 0.").format(table, name),
					title=_("Invalid Value"),
				)
			for before, row in pairwise(rows):
				if (row.threshold or 0) <= (before.threshold or 0):
					frappe.throw(
						_("{0}: the {1} thresholds must increase from one bracket to the next.").format(
							frappe.bold(_("Row {0} of {1}").format(row.idx, self.label("brackets"))), name
						),
						title=_("Invalid Value"),
					)

	def label(self, fieldname: str) -> str:
		return _(self.meta.get_label(fieldname), context=self.doctype)

	def refuse(self, message: str, label: str) -> None:
		frappe.throw(message.format(frappe.bold(label)), title=_("Invalid Value"))

	def to_rates(self) -> ReturnRates:
		"""The record as the core's ReturnRates (amounts as Decimal, brackets in order)."""
		return rates_from_values(self, self.brackets)
