"""Sales Invoice (ERPNext): a claim's invoice is cancelled by cancelling the claim."""

import frappe
from frappe import _


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
