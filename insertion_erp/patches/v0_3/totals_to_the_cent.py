"""Sites set up before: a Canadian dollar with no smallest fraction rounds a sale's total
to the dollar (ERPNext's rounded total); it becomes one cent."""

import frappe


def execute() -> None:
	if frappe.db.get_value("Currency", "CAD", "smallest_currency_fraction_value") == 0:
		frappe.db.set_value("Currency", "CAD", "smallest_currency_fraction_value", 0.01)
