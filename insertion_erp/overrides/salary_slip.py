"""Salary Slip (HRMS): Quebec source deductions on every slip of a Quebec company, and a slip
a submitted claim holds can be neither cancelled nor deleted."""

import frappe
from frappe import _

from insertion_erp.quebec_payroll import deductions


def apply_source_deductions(doc, method=None) -> None:
	"""validate, after HRMS has computed the earnings: vacation pay and holiday indemnities of an
	hourly trainee, QPP, QPP2, EI, QPIP, federal and Quebec tax, the employer's contributions."""
	deductions.apply(doc)


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
