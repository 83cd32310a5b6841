"""Block 15C's number of pay periods by payroll frequency becomes a setting, with its source
and a to-confirm flag, instead of a constant in the code."""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.install.install import ensure_roe_periods_reported


def execute() -> None:
	settings = frappe.get_single(SETTINGS)
	if not settings.get("roe_periods_reported"):
		ensure_roe_periods_reported(settings)
		settings.flags.ignore_permissions = True
		settings.flags.ignore_mandatory = True
		settings.save()
