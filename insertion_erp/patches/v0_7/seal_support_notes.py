"""Seal the support interventions' notes stored in clear before v0.7, in batches; a second
run finds none left. Backups are encrypted from now on (as on a new install)."""

from insertion_erp.install.install import encrypt_backups
from insertion_erp.privacy import sealed_notes

BATCH = 500


def execute() -> None:
	encrypt_backups()
	seal_clear_notes()


def seal_clear_notes(batch: int = BATCH, commit: bool = True) -> int:
	"""Seal every note not sealed yet; the count sealed."""
	return sealed_notes.rewrite_in_batches(
		"notes is not null and notes != '' and notes not like %(prefix)s",
		{"prefix": sealed_notes.SEALED + "%"},
		lambda name, notes: sealed_notes.seal(notes, name),
		batch,
		commit,
	)
