"""GST and QST on a site installed before them: each Canadian company's tax accounts, its
"TPS 5 % + TVQ 9,975 %" templates made default in place of ERPNext's GST-only one, the
zero-rated and exempt item tax templates, and its tills charging both taxes."""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.quebec_sales_taxes.setup import set_up_canadian_companies


def execute() -> None:
	set_up_canadian_companies()
	if not frappe.db.get_single_value(SETTINGS, "donated_goods_supply"):
		frappe.db.set_single_value(SETTINGS, "donated_goods_supply", "Taxable")
