"""A submitted claim becomes a receivable: a Sales Invoice to the funder, one row per budget line."""

import frappe
from frappe import _
from frappe.utils import add_days, flt
from frappe.utils.nestedset import get_root_of

INCOME_ACCOUNT_NAME = "Subventions Emploi-Québec"
ITEM_GROUP = "Services"
# Non-stock items the invoice rows use, one per budget line.
CLAIM_ITEMS = {
	"Trainee Wages and Benefits": (
		"EQ-TRAINEE-WAGES",
		"Remboursement - salaires des travailleurs en formation",
	),
	"Supervision Staff Wages and Benefits": (
		"EQ-SUPERVISION",
		"Remboursement - salaires du personnel d'encadrement",
	),
	"Insertion Costs": ("EQ-INSERTION-COSTS", "Remboursement - frais d'insertion"),
	"Other": ("EQ-OTHER", "Remboursement - autres dépenses"),
}


def make_claim_invoice(claim) -> str:
	"""Create and submit the claim's Sales Invoice; returns its name."""
	income_account = ensure_income_account(claim.company)
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
					"item_code": ensure_item(total.budget_kind),
					"qty": 1,
					"rate": total.claimed,
					"income_account": income_account,
					"cost_center": cost_center,
					"insertion_contract": claim.contract,
					"description": _(total.budget_kind),
				}
				for total in claim.totals
				if flt(total.claimed) > 0
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


def guard_invoice_cancel(doc, method=None) -> None:
	"""Sales Invoice hook: a claim's invoice is cancelled by cancelling the claim."""
	if doc.get("insertion_claim") and not doc.flags.from_claim:
		if frappe.db.get_value("Reimbursement Claim", doc.insertion_claim, "docstatus") == 1:
			frappe.throw(
				_("This invoice belongs to reimbursement claim {0}: cancel the claim instead.").format(
					doc.insertion_claim
				),
				title=_("Claim Invoice"),
			)


def ensure_item(kind: str) -> str:
	code, item_name = CLAIM_ITEMS[kind]
	if not frappe.db.exists("Item", code):
		frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": code,
				"item_name": item_name,
				"item_group": ITEM_GROUP
				if frappe.db.exists("Item Group", ITEM_GROUP)
				else get_root_of("Item Group"),
				# The setup wizard names units in the site's language ("Nos", "N°"...).
				"stock_uom": frappe.db.get_single_value("Stock Settings", "stock_uom")
				or frappe.db.get_value("UOM", {"must_be_whole_number": 1}),
				"is_stock_item": 0,
				"is_sales_item": 1,
				"is_purchase_item": 0,
				"include_item_in_manufacturing": 0,
			}
		).insert(ignore_permissions=True)
	return code


def ensure_income_account(company: str) -> str:
	return ensure_account(company, INCOME_ACCOUNT_NAME, "Income", "Income Account")


def ensure_account(company: str, account_name: str, root_type: str, account_type: str | None = None) -> str:
	"""A ledger account of the company, under its "Indirect" group of that root type when it has one."""
	abbr = frappe.get_cached_value("Company", company, "abbr")
	name = f"{account_name} - {abbr}"
	if frappe.db.exists("Account", name):
		return name
	groups = {"company": company, "root_type": root_type, "is_group": 1}
	parent = frappe.db.get_value(
		"Account", {**groups, "account_name": ("like", "%Indirect%")}
	) or frappe.db.get_value("Account", {**groups, "parent_account": ("is", "set")}, order_by="lft")
	frappe.get_doc(
		{
			"doctype": "Account",
			"account_name": account_name,
			"company": company,
			"parent_account": parent,
			"root_type": root_type,
			"account_type": account_type,
		}
	).insert(ignore_permissions=True)
	return name
