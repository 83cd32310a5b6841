"""Where a claim's invoice books: each company's income account and each budget line's
item, chosen by the bookkeeper in Insertion Settings ("Claim Invoices"). Defaults are
made when the app is installed or the first company is set up; a claim's submit only
reads them, and names the setting that is missing."""

import frappe
from frappe import _
from frappe.utils.nestedset import get_root_of

from insertion_erp.constants import SETTINGS
from insertion_erp.core.funding.claims import (
	BUDGET_KINDS,
	INSERTION_COSTS,
	OTHER,
	SUPERVISION_WAGES,
	TRAINEE_WAGES,
)
from insertion_erp.ledger import ensure_account

INCOME_ACCOUNT_NAME = "Subventions Emploi-Québec"
ITEM_GROUP = "Services"
# The default non-stock item of each budget line.
DEFAULT_ITEMS = {
	TRAINEE_WAGES: (
		"EQ-TRAINEE-WAGES",
		"Remboursement - salaires des travailleurs en formation",
	),
	SUPERVISION_WAGES: (
		"EQ-SUPERVISION",
		"Remboursement - salaires du personnel d'encadrement",
	),
	INSERTION_COSTS: ("EQ-INSERTION-COSTS", "Remboursement - frais d'insertion"),
	OTHER: ("EQ-OTHER", "Remboursement - autres dépenses"),
}


def ensure_claim_accounts(settings) -> None:
	"""Defaults in the settings: an income account for each company without one, an item for
	each budget line without one. The caller saves the settings."""
	configured = {row.company for row in settings.claim_accounts}
	for company in frappe.get_all("Company", pluck="name", order_by="creation"):
		if company not in configured:
			account = ensure_account(company, INCOME_ACCOUNT_NAME, "Income", "Income Account")
			settings.append("claim_accounts", {"company": company, "income_account": account})
	kinds = {row.budget_kind for row in settings.claim_items}
	for kind in BUDGET_KINDS:
		if kind not in kinds:
			settings.append("claim_items", {"budget_kind": kind, "item": ensure_item(kind)})


def claim_invoice_setup(company: str, kinds: list[str]) -> tuple[str, dict[str, str]]:
	"""The company's income account and the item of each budget line of `kinds`, as set."""
	settings = frappe.get_cached_doc(SETTINGS)
	account = next((row.income_account for row in settings.claim_accounts if row.company == company), None)
	if not account:
		frappe.throw(
			_(
				"Choose the income account of company {0} for claims in Insertion Settings, Claim Invoices."
			).format(frappe.bold(company)),
			title=_("Claim Income Account Missing"),
		)
	items = {row.budget_kind: row.item for row in settings.claim_items}
	for kind in kinds:
		if not items.get(kind):
			frappe.throw(
				_("Choose the item of budget line {0} in Insertion Settings, Claim Invoices.").format(
					frappe.bold(_(kind))
				),
				title=_("Claim Item Missing"),
			)
	return account, items


def ensure_item(kind: str) -> str:
	code, item_name = DEFAULT_ITEMS[kind]
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
