"""Sales Invoice (ERPNext): a claim's invoice is cancelled by cancelling the claim; the
trainee who served (also on POS Invoice) must be an active trainee; the total in words as a
Quebec cheque reads it."""

import frappe
from frappe import _

from insertion_erp.quebec_formats import set_in_words


def guard_claim_invoice(doc, method=None) -> None:
	"""before_cancel."""
	if doc.get("insertion_claim") and not doc.flags.from_claim:
		if frappe.db.get_value("Reimbursement Claim", doc.insertion_claim, "docstatus") == 1:
			frappe.throw(
				_("This invoice belongs to reimbursement claim {0}: cancel the claim instead.").format(
					doc.insertion_claim
				),
				title=_("Claim Invoice"),
			)


def check_served_by(doc, method=None) -> None:
	"""validate: the one query the app adds to a sale, and only when a trainee is named (a
	primary-key read of the Employee, which also gives the name shown on the receipt)."""
	if not doc.get("insertion_served_by"):
		doc.insertion_served_by_name = None
		return
	before = doc.get_doc_before_save()
	if before and before.get("insertion_served_by") == doc.insertion_served_by:
		return  # checked when it was set (submitting a saved sale reads nothing more)
	row = frappe.db.get_value(
		"Employee", doc.insertion_served_by, ["insertion_trainee", "status", "employee_name"], as_dict=True
	)
	if not row or not row.insertion_trainee or row.status != "Active":
		frappe.throw(
			_("{0}: {1} is not an active trainee.").format(
				_(doc.meta.get_label("insertion_served_by")), frappe.bold(doc.insertion_served_by)
			),
			title=_("Invalid Value"),
		)
	doc.insertion_served_by_name = row.employee_name


def total_in_words(doc, method=None) -> None:
	"""validate, after ERPNext wrote its words ("... et Sept Cent" for seven cents)."""
	rounded = not doc.is_rounded_total_disabled()
	set_in_words(
		doc,
		{
			"in_words": (abs(doc.rounded_total if rounded else doc.grand_total), doc.currency),
			"base_in_words": (
				abs(doc.base_rounded_total if rounded else doc.base_grand_total),
				doc.company_currency,
			),
		},
	)
