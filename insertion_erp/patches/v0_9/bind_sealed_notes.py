"""Re-seal the notes sealed before v0.9 (`sealed:v1:`) bound to their intervention, in
batches; a second run finds none left. From then on a sealed value opens only on its own
record (privacy/sealed_notes.py)."""

import frappe

from insertion_erp.privacy import sealed_notes

BATCH = 500


def execute() -> None:
	bind_sealed_notes()


def bind_sealed_notes(batch: int = BATCH, commit: bool = True) -> int:
	"""Bind every note sealed without its record to the record that holds it; the count bound."""
	bound = 0
	while True:
		rows = frappe.db.sql(
			f"""select name, notes from `tab{sealed_notes.DOCTYPE}`
			where notes like %(prefix)s order by name limit %(batch)s""",
			{"prefix": sealed_notes.LEGACY_PREFIX + "%", "batch": batch},
		)
		if not rows:
			return bound
		for name, stored in rows:
			notes = sealed_notes.seal(sealed_notes.unseal_legacy(stored), name)
			frappe.db.set_value(sealed_notes.DOCTYPE, name, "notes", notes, update_modified=False)
		bound += len(rows)
		if commit:
			frappe.db.commit()  # nosemgrep: one batch at a time on a large table
