import frappe
from frappe import _
from frappe.utils import flt, getdate

from insertion_erp.constants import SETTINGS
from insertion_erp.controllers.insertion_document import InsertionDocument


class InsertionContract(InsertionDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.funding.doctype.contract_budget_line.contract_budget_line import ContractBudgetLine
		from insertion_erp.funding.doctype.contract_supervision_staff.contract_supervision_staff import (
			ContractSupervisionStaff,
		)

		amended_from: DF.Link | None
		budget_lines: DF.Table[ContractBudgetLine]
		claim_frequency: DF.Literal["Monthly", "Every 4 Weeks", "Quarterly", "Per Pay Period"]
		company: DF.Link
		from_date: DF.Date
		funder_customer: DF.Link
		max_hourly_wage: DF.Currency
		max_weekly_hours: DF.Float
		placement_hours_count: DF.Check
		places: DF.Int
		planned_weeks: DF.Int
		reference: DF.Data
		supervision_staff: DF.Table[ContractSupervisionStaff]
		to_date: DF.Date
	# end: auto-generated types

	def before_validate(self) -> None:
		if not self.funder_customer:
			self.funder_customer = frappe.db.get_single_value(SETTINGS, "funder_customer")

	def validate(self) -> None:
		if getdate(self.to_date) <= getdate(self.from_date):
			frappe.throw(_("The contract must end after it starts."), title=_("Invalid Date"))
		kinds = [row.kind for row in self.budget_lines]
		for row in self.budget_lines:
			if kinds.count(row.kind) > 1:
				frappe.throw(
					_("Row {0}: the budget line {1} is listed twice.").format(row.idx, _(row.kind)),
					title=_("Duplicate Budget Line"),
				)
			if not 0 < flt(row.reimbursement_rate) <= 100:
				frappe.throw(
					_("Row {0}: the reimbursement rate must be more than 0 and at most 100 %.").format(
						row.idx
					),
					title=_("Invalid Rate"),
				)
		staff = [row.employee for row in self.supervision_staff]
		trainees = set(
			frappe.get_all(
				"Employee",
				filters={"name": ("in", staff), "insertion_trainee": ("is", "set")},
				pluck="name",
			)
			if staff
			else []
		)
		for row in self.supervision_staff:
			if staff.count(row.employee) > 1:
				frappe.throw(
					_("Row {0}: employee {1} is listed twice.").format(row.idx, row.employee),
					title=_("Duplicate Employee"),
				)
			if not 0 < flt(row.funded_share) <= 100:
				frappe.throw(
					_("Row {0}: the share of time funded must be more than 0 and at most 100 %.").format(
						row.idx
					),
					title=_("Invalid Share"),
				)
			if row.employee in trainees:
				frappe.throw(
					_("Row {0}: {1} is a trainee; trainees are funded through their parcours.").format(
						row.idx, row.employee
					),
					title=_("Trainee as Staff"),
				)

	def before_submit(self) -> None:
		overlapping = frappe.db.get_value(
			"Insertion Contract",
			{
				"company": self.company,
				"docstatus": 1,
				"name": ("!=", self.name),
				"from_date": ("<=", self.to_date),
				"to_date": (">=", self.from_date),
			},
		)
		if overlapping:
			frappe.throw(
				_("Contract {0} of the same company already covers part of this period.").format(overlapping),
				title=_("Overlapping Contract"),
			)

	def on_cancel(self) -> None:
		claim = frappe.db.get_value("Reimbursement Claim", {"contract": self.name, "docstatus": 1})
		if claim:
			frappe.throw(
				_("Cancel the claims of this contract first, starting with {0}.").format(claim),
				title=_("Claims Exist"),
			)

	def budget_line(self, kind: str):
		return next((row for row in self.budget_lines if row.kind == kind), None)
