import frappe
from frappe import _

from insertion_erp.controllers.insertion_document import InsertionDocument


class ClaimedSalarySlip(InsertionDocument):
	"""Written by a claim's submit, deleted by its cancel. Named after the slip: one claim per slip."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		claim: DF.Link
		salary_slip: DF.Link
	# end: auto-generated types


def guard_slip_cancel(doc, method=None) -> None:
	"""Salary Slip hook: a slip a submitted claim holds can be neither cancelled nor deleted."""
	claim = frappe.db.get_value("Claimed Salary Slip", doc.name, "claim")
	if claim:
		frappe.throw(
			_("Salary slip {0} is claimed in reimbursement claim {1}: cancel the claim first.").format(
				doc.name, claim
			),
			title=_("Slip Claimed"),
		)
