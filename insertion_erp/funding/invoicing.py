"""A submitted claim becomes a receivable: a Sales Invoice to the funder, one row per budget line."""

import frappe
from frappe import _
from frappe.utils import add_days, flt

from insertion_erp.funding.claim_accounts import claim_invoice_setup


def make_claim_invoice(claim) -> str:
	"""Create and submit the claim's Sales Invoice; returns its name."""
	totals = [total for total in claim.totals if flt(total.claimed) > 0]
	income_account, items = claim_invoice_setup(claim.company, [total.budget_kind for total in totals])
	cost_center = frappe.get_cached_value("Company", claim.company, "cost_center")
	invoice = frappe.get_doc(
		{
			"doctype": "Sales Invoice",
			"customer": claim.funder_customer,
			"company": claim.company,
			"posting_date": claim.posting_date,
			"set_posting_time": 1,
			"due_date": add_days(claim.posting_date, 30),
			"insertion_claim": claim.name,
			# The funder pays to the cent: no rounding of the total.
			"disable_rounded_total": 1,
			"remarks": _("Reimbursement claim {0} under contract {1}, {2} to {3}").format(
				claim.name,
				claim.contract,
				frappe.format(claim.from_date, "Date"),
				frappe.format(claim.to_date, "Date"),
			),
			"items": [
				{
					"item_code": items[total.budget_kind],
					"qty": 1,
					"rate": total.claimed,
					"income_account": income_account,
					"cost_center": cost_center,
					"insertion_contract": claim.contract,
					"description": _(total.budget_kind),
				}
				for total in totals
			],
		}
	)
	if not invoice.items:
		frappe.throw(_("Nothing to claim: every budget line is at zero."), title=_("Empty Claim"))
	invoice.flags.ignore_permissions = True
	invoice.insert()
	invoice.submit()
	return invoice.name


def check_invoice_can_be_cancelled(claim) -> None:
	if not claim.sales_invoice:
		return
	payment = frappe.db.get_value(
		"Payment Entry Reference",
		{"reference_doctype": "Sales Invoice", "reference_name": claim.sales_invoice, "docstatus": 1},
		"parent",
	)
	if payment:
		frappe.throw(
			_("Payment {0} is recorded against invoice {1} of this claim: cancel the payment first.").format(
				payment, claim.sales_invoice
			),
			title=_("Claim Already Paid"),
		)


def cancel_claim_invoice(claim) -> None:
	if not claim.sales_invoice:
		return
	invoice = frappe.get_doc("Sales Invoice", claim.sales_invoice)
	if invoice.docstatus == 1:
		invoice.flags.ignore_permissions = True
		invoice.flags.from_claim = True
		invoice.cancel()


def guard_claim_invoice(doc, method=None) -> None:
	"""Sales Invoice, before_cancel: a claim's invoice is cancelled by cancelling the claim."""
	if doc.get("insertion_claim") and not doc.flags.from_claim:
		if frappe.db.get_value("Reimbursement Claim", doc.insertion_claim, "docstatus") == 1:
			frappe.throw(
				_("This invoice belongs to reimbursement claim {0}: cancel the claim instead.").format(
					doc.insertion_claim
				),
				title=_("Claim Invoice"),
			)
