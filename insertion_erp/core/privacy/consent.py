"""A trainee's consents under Quebec's Law 25: one purpose each, given on a day, maybe withdrawn.

Plain rules, no frappe. The Trainee controller checks its rows with `check`, the
exports ask `consented` (the SQL of results/activity.py says the same thing in bulk).

The rule of the exports: information is shared for a purpose only while a consent
to that purpose is in force on the day it is shared. A consent is in force from the
day it was given until the day before it was withdrawn; no consent recorded for a
purpose is no consent (there is no implied consent, not even from the intake's).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

INTAKE = "Intake Information"
REFERRER = "Sharing with the Referring Organisation"
FUNDER = "Sharing with the Funder"
NETWORK = "Network Statistics"
PHOTOS = "Photos"
PURPOSES = (INTAKE, REFERRER, FUNDER, NETWORK, PHOTOS)

SIGNED_FORM = "Signed Form"
MEANS = (SIGNED_FORM, "Verbal, Witnessed", "Electronic")

GIVEN = "Given"
WITHDRAWN = "Withdrawn"

# What a change to a row means, for the access log.
NEW = "given"
TAKEN_BACK = "withdrawn"
REMOVED = "removed"


@dataclass(frozen=True)
class Consent:
	"""One row: consent to `purpose` given on `given_on` by `means`, withdrawn on `withdrawn_on`.

	`key` identifies a saved row (its name), `row` is its 1-based position for messages."""

	purpose: str
	given_on: date
	means: str | None = None
	withdrawn_on: date | None = None
	key: str | None = None
	row: int = 0

	@property
	def status(self) -> str:
		return WITHDRAWN if self.withdrawn_on else GIVEN


def in_force(consent: Consent, on: date) -> bool:
	"""Given on or before `on`, and not withdrawn on or before it (a withdrawal counts from its day)."""
	return consent.given_on <= on and (consent.withdrawn_on is None or on < consent.withdrawn_on)


def consented(consents: Iterable[Consent], purpose: str, on: date) -> bool:
	"""Whether a consent to `purpose` is in force on `on`."""
	return any(c.purpose == purpose and in_force(c, on) for c in consents)


def intake_consent(consents: Iterable[Consent], on: date) -> Consent | None:
	"""The consent to the intake's information in force on `on` (the Trainee's legacy fields)."""
	return next((c for c in consents if c.purpose == INTAKE and in_force(c, on)), None)


# Problems: each names its row and field; the controller turns them into messages.


class ConsentError(ValueError):
	def __init__(self, consent: Consent, field: str = "", other: Consent | None = None) -> None:
		super().__init__(f"{type(self).__name__}: row {consent.row} ({consent.purpose}) {field}".strip())
		self.consent = consent
		self.field = field
		self.other = other


class InFuture(ConsentError):
	"""`field` (given_on or withdrawn_on) is after today."""


class WithdrawnBeforeGiven(ConsentError):
	"""withdrawn_on is before given_on."""


class Overlaps(ConsentError):
	"""Another row (`other`) of the same purpose is in force when this one is given."""


class Unwithdrawn(ConsentError):
	"""withdrawn_on was cleared: a withdrawal cannot be undone."""


class ChangedAfterWithdrawal(ConsentError):
	"""`field` of a withdrawn row was changed."""


class RemovedAfterWithdrawal(ConsentError):
	"""A withdrawn row was removed: the record of the withdrawal stays."""


FROZEN_FIELDS = ("purpose", "given_on", "means", "withdrawn_on")


def check(consents: list[Consent], before: Mapping[str, Consent], today: date) -> None:
	"""Raise the first problem of the rows, `before` being the saved rows by key."""
	keys = {c.key for c in consents if c.key}
	for old in before.values():
		if old.withdrawn_on and old.key not in keys:
			raise RemovedAfterWithdrawal(old)
	for consent in consents:
		old = before.get(consent.key) if consent.key else None
		if old is not None and old.withdrawn_on:
			if consent.withdrawn_on is None:
				raise Unwithdrawn(consent, "withdrawn_on", old)
			for field in FROZEN_FIELDS:
				if getattr(consent, field) != getattr(old, field):
					raise ChangedAfterWithdrawal(consent, field, old)
		if consent.given_on > today:
			raise InFuture(consent, "given_on")
		if consent.withdrawn_on:
			if consent.withdrawn_on > today:
				raise InFuture(consent, "withdrawn_on")
			if consent.withdrawn_on < consent.given_on:
				raise WithdrawnBeforeGiven(consent, "withdrawn_on")
	for consent in consents:
		for other in consents:
			if other is not consent and other.purpose == consent.purpose and overlap(other, consent):
				first, second = sorted((consent, other), key=lambda c: (c.given_on, c.row))
				raise Overlaps(second, "given_on", first)


def overlap(a: Consent, b: Consent) -> bool:
	"""Two consents of a purpose are in force on a common day (one row in force per purpose)."""
	return max(a.given_on, b.given_on) < min(a.withdrawn_on or date.max, b.withdrawn_on or date.max)


def changes(consents: Iterable[Consent], before: Mapping[str, Consent]) -> list[tuple[Consent, str]]:
	"""What the save records, for the access log: consents given, withdrawn, removed."""
	found = []
	kept = set()
	for consent in consents:
		old = before.get(consent.key) if consent.key else None
		if old is None:
			found.append((consent, NEW))
			if consent.withdrawn_on:
				found.append((consent, TAKEN_BACK))
			continue
		kept.add(consent.key)
		if old.purpose != consent.purpose:
			found.append((old, REMOVED))
			found.append((consent, NEW))
		if consent.withdrawn_on and not old.withdrawn_on:
			found.append((consent, TAKEN_BACK))
	found.extend((old, REMOVED) for key, old in before.items() if key not in kept)
	return found
