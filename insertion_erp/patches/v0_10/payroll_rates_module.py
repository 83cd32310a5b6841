"""The record "Quebec Payroll Rates" belongs to the Quebec Payroll module, beside its tables
(it was filed under Funding): its DocType says so before the doctypes are synced from their
new folder."""

import frappe


def execute() -> None:
	if frappe.db.exists("DocType", "Quebec Payroll Rates"):
		frappe.db.set_value("DocType", "Quebec Payroll Rates", "module", "Quebec Payroll")
