"""Sites installed before the results get the return to government's shipped years and the
network file's small-count threshold."""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.core.results.outcomes import DEFAULT_SMALL_COUNT
from insertion_erp.install.install import ensure_return_rates


def execute() -> None:
	ensure_return_rates()
	if not frappe.db.sql(
		"select 1 from `tabSingles` where doctype = %s and field = 'small_count_threshold'", (SETTINGS,)
	):
		frappe.db.set_single_value(SETTINGS, "small_count_threshold", DEFAULT_SMALL_COUNT)
