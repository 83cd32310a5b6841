"""Seal the support interventions' notes stored in clear before v0.7, in batches; a second
run finds none left. Backups are encrypted from now on (as on a new install)."""

import frappe

from insertion_erp.privacy import sealed_notes
from insertion_erp.setup.install import encrypt_backups

BATCH = 500


def execute() -> None:
	encrypt_backups()
	seal_clear_notes()


def seal_clear_notes(batch: int = BATCH, commit: bool = True) -> int:
	"""Seal every note not sealed yet; the count sealed."""
	sealed = 0
	while True:
		rows = frappe.db.sql(
			f"""select name, notes from `tab{sealed_notes.DOCTYPE}`
			where notes is not null and notes != '' and notes not like %(prefix)s
			order by name limit %(batch)s""",
			{"prefix": sealed_notes.SEALED + "%", "batch": batch},
		)
		if not rows:
			return sealed
		for name, notes in rows:
			frappe.db.set_value(
				sealed_notes.DOCTYPE, name, "notes", sealed_notes.seal(notes, name), update_modified=False
			)
		sealed += len(rows)
		if commit:
			frappe.db.commit()  # nosemgrep: one batch at a time on a large table
