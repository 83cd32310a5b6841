"""What a Quebec shop needs to charge and book its sales taxes, for each company in Canada:
the GST and QST accounts (collected on sales, paid on purchases), a sales and a purchase
template "TPS 5 % + TVQ 9,975 %" made the company's default and its tills', and item tax
templates for zero-rated supplies (basic groceries) and exempt ones.

Made once per company (install, setup wizard, patch); from then on they are the
bookkeeper's: nothing here overwrites a template or an account that exists.
"""

import frappe

from insertion_erp.core.market.sales_taxes import GST_RATE, QST_RATE
from insertion_erp.ledger import ensure_duties_account

TEMPLATE_TITLE = "TPS 5 % + TVQ 9,975 %"
ZERO_RATED = "Détaxé (taux zéro)"
EXEMPT = "Exonéré"
# (key, account name, rate): what is collected on sales, what is paid on purchases.
ACCOUNTS = {
	"gst_collected": ("TPS perçue", GST_RATE),
	"qst_collected": ("TVQ perçue", QST_RATE),
	"gst_paid": ("TPS payée (CTI)", GST_RATE),
	"qst_paid": ("TVQ payée (RTI)", QST_RATE),
}
TAXABLE, EXEMPT_SUPPLY = "Taxable", "Exempt"
RECEIPT = "Reçu de caisse"
# As a Quebec receipt names them; with the rate in it, ERPNext's till prints it as is (not
# "TVQ @ 9.975%"). A no-break space keeps "9,975 %" whole.
GST_LABEL, QST_LABEL = "TPS (5\u00a0%)", "TVQ (9,975\u00a0%)"


def tax_accounts(company: str) -> dict[str, str]:
	"""The company's four sales-tax accounts by key, made where missing."""
	return {
		key: ensure_duties_account(company, name, "Tax", float(rate))
		for key, (name, rate) in ACCOUNTS.items()
	}


def account_names(company: str) -> dict[str, str]:
	"""The company's four sales-tax accounts by key, as named (read only: nothing is made)."""
	abbr = frappe.get_cached_value("Company", company, "abbr")
	return {key: f"{name} - {abbr}" for key, (name, _rate) in ACCOUNTS.items()}


def template_name(doctype_title: str, company: str) -> str:
	return f"{doctype_title} - {frappe.get_cached_value('Company', company, 'abbr')}"


def set_up_canadian_companies() -> None:
	"""Each company in Canada (the app serves Quebec's insertion enterprises)."""
	for company in frappe.get_all(
		"Company", filters={"country": "Canada"}, pluck="name", order_by="creation"
	):
		set_up_company(company)


def set_up_company(company: str) -> None:
	"""The accounts, the sales and purchase templates (made default where the company has no
	template of its own but ERPNext's GST-only ones), the item tax templates, the tills."""
	accounts = tax_accounts(company)
	cost_center = frappe.get_cached_value("Company", company, "cost_center")
	sales = ensure_template(
		"Sales Taxes and Charges Template",
		company,
		[
			(GST_LABEL, accounts["gst_collected"], GST_RATE, cost_center),
			(QST_LABEL, accounts["qst_collected"], QST_RATE, cost_center),
		],
	)
	ensure_template(
		"Purchase Taxes and Charges Template",
		company,
		[
			(GST_LABEL, accounts["gst_paid"], GST_RATE, cost_center),
			(QST_LABEL, accounts["qst_paid"], QST_RATE, cost_center),
		],
	)
	for title in (ZERO_RATED, EXEMPT):
		ensure_item_tax_template(title, company, accounts)
	for profile in frappe.get_all(
		"POS Profile", filters={"company": company}, fields=["name", "taxes_and_charges", "print_format"]
	):
		if not profile.taxes_and_charges or not has_qst_row(
			"Sales Taxes and Charges Template", profile.taxes_and_charges
		):
			frappe.db.set_value("POS Profile", profile.name, "taxes_and_charges", sales)
		if not profile.print_format and frappe.db.exists("Print Format", RECEIPT):
			frappe.db.set_value("POS Profile", profile.name, "print_format", RECEIPT)


def ensure_template(doctype: str, company: str, rows: list[tuple]) -> str:
	name = template_name(TEMPLATE_TITLE, company)
	if not frappe.db.exists(doctype, name):
		doc = frappe.get_doc(
			{
				"doctype": doctype,
				"title": TEMPLATE_TITLE,
				"company": company,
				"taxes": [
					{
						"charge_type": "On Net Total",
						"account_head": account,
						"description": description,
						"rate": float(rate),
						"cost_center": cost_center,
						**(
							{"category": "Total", "add_deduct_tax": "Add"}
							if doctype.startswith("Purchase")
							else {}
						),
					}
					for description, account, rate, cost_center in rows
				],
			}
		)
		doc.insert(ignore_permissions=True)
	# ERPNext's setup for Canada makes its "GST 5%" the default: a Quebec sale needs both taxes.
	default = frappe.db.get_value(doctype, {"company": company, "is_default": 1, "disabled": 0})
	if not default or (default != name and not has_qst_row(doctype, default)):
		doc = frappe.get_doc(doctype, name)
		doc.is_default = 1
		doc.save(ignore_permissions=True)
	return name


def has_qst_row(doctype: str, template: str) -> bool:
	rows = "Sales Taxes and Charges" if doctype.startswith("Sales") else "Purchase Taxes and Charges"
	return bool(frappe.db.exists(rows, {"parent": template, "parenttype": doctype, "rate": float(QST_RATE)}))


def ensure_item_tax_template(title: str, company: str, accounts: dict[str, str]) -> str:
	"""A template charging nothing on either tax: zero-rated and exempt supplies are both
	untaxed at the till; the return tells them apart (exempt supplies are not reported)."""
	name = template_name(title, company)
	if not frappe.db.exists("Item Tax Template", name):
		frappe.get_doc(
			{
				"doctype": "Item Tax Template",
				"title": title,
				"company": company,
				"taxes": [{"tax_type": account, "tax_rate": 0} for account in accounts.values()],
			}
		).insert(ignore_permissions=True)
	return name


def apply_donated_goods_choice(settings) -> None:
	"""The item group of donated goods sold as the Settings say: exempt (the exempt template on
	the group, for each company) or taxable (no template on the group)."""
	group = settings.get("donated_goods_item_group")
	if not group or not frappe.db.exists("Item Group", group):
		return
	doc = frappe.get_doc("Item Group", group)
	exempt_templates = {
		name for name in frappe.get_all("Item Tax Template", filters={"title": EXEMPT}, pluck="name")
	}
	rows = [row for row in doc.get("taxes") if row.item_tax_template not in exempt_templates]
	if settings.get("donated_goods_supply") == EXEMPT_SUPPLY:
		rows += [frappe._dict(item_tax_template=name) for name in sorted(exempt_templates)]
	current = sorted(row.item_tax_template for row in doc.get("taxes"))
	wanted = sorted(row.item_tax_template for row in rows)
	if current == wanted:
		return
	doc.set("taxes", [{"item_tax_template": row.item_tax_template} for row in rows])
	doc.flags.ignore_permissions = True
	doc.save()


def registration_numbers(settings) -> str:
	"""What an invoice prints as the company's tax number: both registrations."""
	numbers = [
		f"{label} {number.strip()}"
		for label, number in (("TPS", settings.get("gst_number")), ("TVQ", settings.get("qst_number")))
		if number and number.strip()
	]
	return " · ".join(numbers)


def apply_registration_numbers(settings) -> None:
	"""Each Canadian company's Tax ID (which ERPNext prints on its invoices) carries the GST and
	QST registration numbers of the Settings; a Tax ID typed by hand otherwise is left alone."""
	numbers = registration_numbers(settings)
	if not numbers:
		return
	for company in frappe.get_all(
		"Company", filters={"country": "Canada"}, fields=["name", "tax_id"], order_by="creation"
	):
		if company.tax_id != numbers and (not company.tax_id or company.tax_id.startswith("TPS ")):
			frappe.db.set_value("Company", company.name, "tax_id", numbers)
