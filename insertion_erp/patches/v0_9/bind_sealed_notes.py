"""Re-seal the notes sealed before v0.9 (`sealed:v1:`) bound to their intervention, in
batches; a second run finds none left. From then on a sealed value opens only on its own
record (privacy/sealed_notes.py)."""

from insertion_erp.privacy import sealed_notes

BATCH = 500


def execute() -> None:
	bind_sealed_notes()


def bind_sealed_notes(batch: int = BATCH, commit: bool = True) -> int:
	"""Bind every note sealed without its record to the record that holds it; the count bound."""
	return sealed_notes.rewrite_in_batches(
		"notes like %(prefix)s",
		{"prefix": sealed_notes.LEGACY_PREFIX + "%"},
		lambda name, stored: sealed_notes.seal(sealed_notes.unseal_legacy(stored), name),
		batch,
		commit,
	)
