"""POS Profile (ERPNext): a till of a Quebec company charges the GST and the QST. ERPNext's till
takes its taxes from the profile alone, so a profile made without a template would sell
untaxed: it gets the company's default sales template."""

import frappe


def default_sales_taxes(doc, method=None) -> None:
	"""before_validate: the company's default sales taxes template where the profile has none."""
	if doc.taxes_and_charges or not doc.company:
		return
	if frappe.get_cached_value("Company", doc.company, "country") != "Canada":
		return
	doc.taxes_and_charges = frappe.db.get_value(
		"Sales Taxes and Charges Template", {"company": doc.company, "is_default": 1, "disabled": 0}
	)
