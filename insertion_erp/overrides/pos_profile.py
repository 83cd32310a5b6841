"""POS Profile (ERPNext): a till of a Quebec company charges the GST and the QST. ERPNext's till
takes its taxes from the profile alone, so a profile made without a template would sell
untaxed: it gets the company's default sales template, and prints the Quebec receipt."""

import frappe

from insertion_erp.quebec_sales_taxes.install import RECEIPT


def default_sales_taxes(doc, method=None) -> None:
	"""before_validate: the company's default sales taxes template where the profile has none,
	and the Quebec receipt where it prints with none."""
	if not doc.company or frappe.get_cached_value("Company", doc.company, "country") != "Canada":
		return
	if not doc.taxes_and_charges:
		doc.taxes_and_charges = frappe.db.get_value(
			"Sales Taxes and Charges Template", {"company": doc.company, "is_default": 1, "disabled": 0}
		)
	if not doc.print_format and frappe.db.exists("Print Format", RECEIPT):
		doc.print_format = RECEIPT
