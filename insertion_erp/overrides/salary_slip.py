"""Salary Slip (HRMS): a slip a submitted claim holds can be neither cancelled nor deleted."""

import frappe
from frappe import _


def guard_claimed_slip(doc, method=None) -> None:
	"""before_cancel and on_trash."""
	claim = frappe.db.get_value("Claimed Salary Slip", doc.name, "claim")
	if claim:
		frappe.throw(
			_("Salary slip {0} is claimed in reimbursement claim {1}: cancel the claim first.").format(
				doc.name, claim
			),
			title=_("Slip Claimed"),
		)
