"""The partners' names typed before they were records that agree with no partner's name: for
the manager to create the partner (or correct the text); each typed name is linked as soon as
a partner with the same name exists (partners/names.py)."""

import frappe
from frappe import _

from insertion_erp.partners.names import unlinked_texts


def execute(filters: dict | None = None):
	rows = [
		{
			"text": row.text,
			"doctype": _(row.doctype),
			"field": _(frappe.get_meta(row.doctype).get_label(row.field)),
			"records": row.records,
		}
		for row in sorted(unlinked_texts(), key=lambda r: (-r.records, r.text.casefold()))
	]
	return (
		columns(),
		rows,
		_(
			"Create the partner from a follow-up's Create Partner button, or in Partner: every record where the same name was typed is then linked."
		),
	)


def columns() -> list[dict]:
	return [
		{"fieldname": "text", "label": _("Name Typed"), "fieldtype": "Data", "width": 280},
		{"fieldname": "doctype", "label": _("Where"), "fieldtype": "Data", "width": 180},
		{"fieldname": "field", "label": _("Field"), "fieldtype": "Data", "width": 180},
		{"fieldname": "records", "label": _("Records"), "fieldtype": "Int", "width": 100},
	]
