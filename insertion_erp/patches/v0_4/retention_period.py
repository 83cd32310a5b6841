"""Sites installed before Law 25's retention period get its default (5 years, to confirm)."""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.core.privacy.retention import DEFAULT_RETENTION_YEARS


def execute() -> None:
	if not frappe.db.sql(
		"select 1 from `tabSingles` where doctype = %s and field = 'retention_years'", (SETTINGS,)
	):
		frappe.db.set_single_value(SETTINGS, "retention_years", DEFAULT_RETENTION_YEARS)
