"""Sites installed before the shop floor get the Shop Supervisor role and the break defaults."""

import frappe

from insertion_erp.constants import SETTINGS, SUPERVISOR
from insertion_erp.install.install import ensure_role


def execute() -> None:
	ensure_role(SUPERVISOR)
	for field, default in (("unpaid_break_minutes", 30), ("break_after_hours", 5)):
		if not frappe.db.sql(
			"select 1 from `tabSingles` where doctype = %s and field = %s", (SETTINGS, field)
		):
			frappe.db.set_single_value(SETTINGS, field, default)
