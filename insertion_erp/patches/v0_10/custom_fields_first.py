"""The app's custom fields before any other patch of a migration: a site that skipped releases
runs patches written for fields that only `after_migrate` used to create (v0_5.quebec_payroll
sets Company's insertion_quebec_payroll), so they are synced first. Listed at the head of
post_model_sync; running it again changes nothing."""

from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from insertion_erp.install.custom_fields import CUSTOM_FIELDS


def execute() -> None:
	create_custom_fields(CUSTOM_FIELDS, ignore_validate=True)
