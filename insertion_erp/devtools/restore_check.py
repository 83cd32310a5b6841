"""The two ends of scripts/restore-check: a note written before the backup, and read back on
the site restored from it, through the logged path (get_notes), with and without the keys.

Run with `bench --site <site> execute insertion_erp.devtools.restore_check.<function>`; each
prints one line of JSON for the script."""

import json

import frappe

from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import (
	get_notes,
	set_notes,
)
from insertion_erp.privacy.access_log import LOG
from insertion_erp.privacy.sealed_notes import NotesUnreadable


def write_note(marker: str) -> None:
	"""Administrator writes `marker` as the notes of the demo's latest individual intervention."""
	frappe.set_user("Administrator")
	name = frappe.db.get_value(
		"Support Intervention", {"kind": "Individual Meeting"}, "name", order_by="creation desc"
	)
	if not name:
		raise SystemExit("no individual intervention on this site: load the demo first")
	set_notes(name, f"Note de vérification de la restauration : {marker}")
	frappe.db.commit()  # nosemgrep: a command, not a request
	print(json.dumps({"intervention": name}))


def read_note(intervention: str) -> None:
	"""Read the notes back as Administrator through get_notes: the notes, or the refusal's
	message, with the access log's newest entry for the intervention."""
	frappe.set_user("Administrator")
	result = {}
	try:
		result["notes"] = get_notes(intervention)
		frappe.db.commit()  # nosemgrep: a command: the reading's log entry stays
	except NotesUnreadable as error:
		result["refused"] = str(error)
		frappe.db.rollback()  # as a request would: the refusal is logged after it
	result["logged"] = frappe.db.get_value(
		LOG, {"reference_name": intervention}, "action", order_by="creation desc"
	)
	frappe.clear_messages()
	print(json.dumps(result, ensure_ascii=False))
