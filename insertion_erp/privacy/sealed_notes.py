"""The confidential notes sealed at rest.

A support intervention's notes are stored encrypted with the site's encryption key
(`encryption_key` in site_config.json: frappe's own, the one its Password fields use),
so a copy of the database, a replica or a backup holds no note without that key. They
are opened only where the app logs a reading: `get_notes`, the access request, and the
form of Administrator (who holds every permission level).

A sealed value starts with `PREFIX` and is bound to its intervention: the record's name is
sealed with the text, so a sealed value moved to another record (a counsellor writing a
colleague's ciphertext onto her own, a copy from a dump) opens nowhere but on its own record,
and the refusal is logged. Values sealed before that binding (`LEGACY_PREFIX`) are re-sealed
by the v0_9 patch and refused until then; a value without any prefix is a note stored before
the app sealed notes (the v0_7 patch seals those). A key that is missing, or is not the one
the notes were sealed with, never shows anything garbled and never makes a new key on a
site that holds sealed notes: the reader gets a message that says what to do, and the
refusal is logged.
"""

import frappe
from cryptography.fernet import Fernet, InvalidToken
from frappe import _
from frappe.utils.password import get_encryption_key

from insertion_erp.privacy.access_log import log, request_path

PREFIX = "sealed:v2:"
LEGACY_PREFIX = "sealed:v1:"
SEALED = "sealed:"
# Between the record's name and the text, inside the sealed value: no name holds it.
SEPARATOR = "\x00"
DOCTYPE = "Support Intervention"
REFUSED = "Refused"


class NotesUnreadable(frappe.ValidationError):
	"""The site's key cannot open the notes: missing, or not the one they were sealed with;
	or the sealed value belongs to another record."""


def misplaced_message() -> str:
	return _(
		"These confidential notes were sealed for another record: they are not opened here. The attempt is logged."
	)


def legacy_message() -> str:
	return _(
		"These confidential notes are sealed in an older format: an administrator must run the site's migration (bench migrate) before they can be opened."
	)


def key_missing_message() -> str:
	return _(
		"This site has no encryption key, so the confidential notes cannot be opened. Put the site's original encryption_key back in its site_config.json (see the README, Backups and keys)."
	)


def key_wrong_message() -> str:
	return _(
		"The confidential notes cannot be opened with this site's encryption key: it is not the key they were sealed with. Put the site's original encryption_key back in its site_config.json (see the README, Backups and keys)."
	)


def is_sealed(value: str | None) -> bool:
	"""A sealed value, in any format."""
	return bool(value) and value.startswith(SEALED)


def any_sealed() -> bool:
	return bool(
		frappe.db.sql(
			f"select 1 from `tab{DOCTYPE}` where notes like %(prefix)s limit 1", {"prefix": SEALED + "%"}
		)
	)


def site_key(for_writing: bool = False) -> str:
	"""The site's encryption key. Frappe makes one when there is none: only for a first note,
	never over notes sealed with a key that has gone missing."""
	key = frappe.local.conf.get("encryption_key")
	if key:
		return key
	if for_writing and not any_sealed():
		return get_encryption_key()
	raise NotesUnreadable(key_missing_message())


def seal(text: str | None, record: str) -> str | None:
	"""The notes of intervention `record` as stored: sealed with the site's key and bound to the
	record (nothing stays nothing). Only clear text is sealed: a value that is already sealed is
	refused, so nobody passes another record's sealed notes off as their own."""
	if not text:
		return None
	if is_sealed(text):
		frappe.throw(
			_("Confidential notes are written as text: a sealed value is not accepted."),
			title=_("Invalid Notes"),
		)
	plain = f"{record}{SEPARATOR}{text}"
	return PREFIX + Fernet(site_key(for_writing=True).encode()).encrypt(plain.encode()).decode()


def _decrypt(sealed: str) -> str:
	try:
		return Fernet(site_key().encode()).decrypt(sealed.encode()).decode()
	except (InvalidToken, ValueError):  # ValueError: a key that is no Fernet key at all
		raise NotesUnreadable(key_wrong_message()) from None


def unseal(stored: str | None, record: str) -> str:
	"""The clear notes of intervention `record` from its stored value; NotesUnreadable when the
	site's key cannot open them, or when they were sealed for another record."""
	if not stored:
		return ""
	if not is_sealed(stored):
		return stored  # stored before notes were sealed, until the patch seals it
	if not stored.startswith(PREFIX):
		raise NotesUnreadable(legacy_message())
	owner, separator, text = _decrypt(stored.removeprefix(PREFIX)).partition(SEPARATOR)
	if not separator or owner != record:
		raise NotesUnreadable(misplaced_message())
	return text


def unseal_legacy(stored: str) -> str:
	"""The clear text of a value sealed before notes were bound to their record (the v0_9 patch)."""
	return _decrypt(stored.removeprefix(LEGACY_PREFIX))


def log_refusal(name: str, trainees: list[str], path: str | None = None) -> None:
	for trainee in trainees or [None]:
		log(DOCTYPE, name, REFUSED, path or request_path(), trainee)


def open_or_refuse(stored: str | None, name: str, trainees: list[str], path: str | None = None) -> str:
	"""The clear notes of intervention `name`, or the key's message thrown to the reader with
	the refusal logged. The error rolls the request back: the refusal is written after it."""
	try:
		return unseal(stored, name)
	except NotesUnreadable as error:
		path = path or request_path()

		def write_refusal() -> None:
			log_refusal(name, trainees, path)
			frappe.db.commit()  # nosemgrep: after the request's rollback, the refusal alone

		frappe.db.after_rollback.add(write_refusal)
		frappe.throw(str(error), NotesUnreadable, title=_("Confidential Notes Locked"))


def rewrite_in_batches(condition: str, params: dict, rewrite, batch: int, commit: bool) -> int:
	"""Each stored note matching `condition` (SQL on `notes`) replaced by `rewrite(name, notes)`,
	`batch` rows at a time (committed after each when `commit`): the patches that seal the notes.
	The rewritten rows no longer match, so a second run finds none; the count rewritten."""
	done = 0
	while True:
		rows = frappe.db.sql(
			f"select name, notes from `tab{DOCTYPE}` where {condition} order by name limit %(batch)s",
			{**params, "batch": batch},
		)
		if not rows:
			return done
		for name, notes in rows:
			frappe.db.set_value(DOCTYPE, name, "notes", rewrite(name, notes), update_modified=False)
		done += len(rows)
		if commit:
			frappe.db.commit()  # nosemgrep: one batch at a time on a large table
