"""Claims no longer create their income account and items at submit: the settings name
them. Sites installed before get, in Insertion Settings, the account and items the
earlier claims created (or the defaults, for a company that had none)."""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.funding.claim_accounts import ensure_claim_accounts


def execute() -> None:
	if not frappe.db.a_row_exists("Company"):
		return
	settings = frappe.get_single(SETTINGS)
	ensure_claim_accounts(settings)
	settings.flags.ignore_permissions = True
	settings.save()
