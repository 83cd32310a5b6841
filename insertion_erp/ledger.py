"""Ledger accounts the app makes for a company (claims' income, payroll's payables and
contributions), each once, under the chart's usual group."""

import frappe


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


def paying_account(company: str) -> str | None:
	"""The account the company pays from: its bank account, or its cash when it has no bank."""
	for account_type in ("Bank", "Cash"):
		account = frappe.db.get_value(
			"Account", {"company": company, "account_type": account_type, "is_group": 0}, order_by="lft"
		)
		if account:
			return account
	return None


def ensure_duties_account(
	company: str, account_name: str, account_type: str | None = None, tax_rate: float | None = None
) -> str:
	"""A liability account under the company's "Duties and Taxes" group when it has one (payroll
	remittances, sales taxes collected and paid)."""
	abbr = frappe.get_cached_value("Company", company, "abbr")
	name = f"{account_name} - {abbr}"
	if frappe.db.exists("Account", name):
		return name
	parent = frappe.db.get_value(
		"Account", {"company": company, "is_group": 1, "account_type": "Tax", "root_type": "Liability"}
	)
	if not parent:
		return ensure_account(company, account_name, "Liability", account_type)
	frappe.get_doc(
		{
			"doctype": "Account",
			"account_name": account_name,
			"company": company,
			"parent_account": parent,
			"root_type": "Liability",
			"account_type": account_type,
			"tax_rate": tax_rate,
		}
	).insert(ignore_permissions=True)
	return name
