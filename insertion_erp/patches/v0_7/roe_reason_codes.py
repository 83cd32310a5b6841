"""Records of Employment arrive in v0.7: block 16's code for each exit reason in the settings."""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.install.install import ensure_roe_reason_codes


def execute() -> None:
	settings = frappe.get_single(SETTINGS)
	if not settings.get("roe_reason_codes"):
		ensure_roe_reason_codes(settings)
		settings.flags.ignore_permissions = True
		settings.flags.ignore_mandatory = True
		settings.save()
