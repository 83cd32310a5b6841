"""GST and QST on a site installed before them: each Canadian company's tax accounts, its
"TPS 5 % + TVQ 9,975 %" templates made default in place of ERPNext's GST-only one, the
zero-rated and exempt item tax templates, its tills charging both taxes, and half a cent
rounded up."""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.install.company import COMMERCIAL_ROUNDING
from insertion_erp.quebec_sales_taxes.install import set_up_canadian_companies


def execute() -> None:
	set_up_canadian_companies()
	if frappe.db.exists("Company", {"country": "Canada"}):
		# Half a cent rounds up, as the taxes are computed (install/company.apply_quebec_formats).
		frappe.db.set_single_value("System Settings", "rounding_method", COMMERCIAL_ROUNDING)
		frappe.db.set_default("rounding_method", COMMERCIAL_ROUNDING)  # what the desk boots with
	if not frappe.db.get_single_value(SETTINGS, "donated_goods_supply"):
		frappe.db.set_single_value(SETTINGS, "donated_goods_supply", "Taxable")
