"""The enterprise's partners: matching typed names to partners, the questionnaires' single-use
tokens and the bounds of their answers, employers' satisfaction, and a placement's hours
within a period. Pure rules: no frappe here."""

import hashlib
import secrets
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from insertion_erp.core.money import round_money, to_decimal
from insertion_erp.core.periods import Period

# Names --------------------------------------------------------------------------


def name_key(text: str | None) -> str:
	"""A name as a person would compare it: case, accents, punctuation and spacing aside
	("CLSC  du Plateau-Mont-Royal" agrees with "clsc du plateau mont royal")."""
	if not text:
		return ""
	decomposed = unicodedata.normalize("NFKD", text.casefold())
	letters = "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch))
	return " ".join(letters.split())


def match_names(texts: Iterable[str], partners: Iterable[str]) -> dict[str, str | None]:
	"""Each typed text with the partner whose name agrees with it, or None. A key two partners
	share matches neither: the manager chooses."""
	by_key: dict[str, str | None] = {}
	for partner in partners:
		key = name_key(partner)
		by_key[key] = None if key in by_key and by_key[key] != partner else partner
	return {text: by_key.get(name_key(text)) for text in texts if name_key(text)}


# Tokens -------------------------------------------------------------------------

TOKEN_BYTES = 32
VALID_DAYS = 30


def new_token() -> str:
	"""An unguessable token for a link (43 URL-safe characters)."""
	return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str | None) -> str:
	"""What the database keeps of a token: its SHA-256, so a copy of the database opens no form."""
	return hashlib.sha256((token or "").encode()).hexdigest()


def looks_like_token(token: str | None) -> bool:
	return bool(token) and 20 <= len(token) <= 100 and all(ch.isalnum() or ch in "-_" for ch in token)


SENT, ANSWERED, EXPIRED, WITHDRAWN = "Sent", "Answered", "Expired", "Withdrawn"


def invitation_state(status: str | None, expires_on: datetime | None, now: datetime) -> str:
	"""An invitation's state now: a sent invitation past its expiry is expired."""
	if status == SENT and expires_on and now >= expires_on:
		return EXPIRED
	return status or SENT


# Answers ------------------------------------------------------------------------

MAX_TEXT = 140
MAX_COMMENT = 2000
MAX_WEEKLY_HOURS = Decimal(80)
MAX_HOURLY_WAGE = Decimal(500)
MAX_JOB_MONTHS = 120
EMPLOYED = ("Employed Full Time", "Employed Part Time")
FOLLOW_UP_SITUATIONS = (*EMPLOYED, "In School or Training", "Looking for Work", "Other")
JOB_TYPES = ("Permanent", "Fixed Term", "Seasonal or Occasional")
RATINGS = ("1", "2", "3", "4", "5")
SATISFACTION_QUESTIONS = ("overall", "punctuality", "quality", "teamwork", "preparation")


@dataclass(frozen=True)
class Problem:
	"""A field of an answer that cannot be taken, with the English message the form translates."""

	field: str
	message: str
	args: tuple = ()


def _number(value) -> Decimal | None:
	if value in (None, ""):
		return Decimal(0)
	try:
		number = to_decimal(value)
	except (ArithmeticError, TypeError, ValueError):
		return None
	return number if number.is_finite() else None


def _text_problems(values: Mapping, limits: Mapping[str, int]) -> list[Problem]:
	problems = []
	for name, limit in limits.items():
		value = values.get(name)
		if value is not None and not isinstance(value, str):
			problems.append(Problem(name, "{0}: a text is expected."))
		elif value and len(value) > limit:
			problems.append(Problem(name, "{0} is too long: at most {1} characters.", (limit,)))
	return problems


def follow_up_answer_problems(values: Mapping) -> list[Problem]:
	"""What an alumnus' answer cannot hold: an unknown situation or kind of job, a job's details
	without a job, hours, wage or months out of bounds, texts too long."""
	problems = _text_problems(values, {"employer_or_school": MAX_TEXT, "comment": MAX_COMMENT})
	situation = values.get("situation")
	if situation not in FOLLOW_UP_SITUATIONS:
		problems.append(Problem("situation", "{0}: choose one of the answers."))
	job_type = values.get("job_type") or None
	if job_type is not None and job_type not in JOB_TYPES:
		problems.append(Problem("job_type", "{0}: choose one of the answers."))
	bounds = {
		"weekly_hours": MAX_WEEKLY_HOURS,
		"hourly_wage": MAX_HOURLY_WAGE,
		"job_months": Decimal(MAX_JOB_MONTHS),
	}
	for name, most in bounds.items():
		number = _number(values.get(name))
		if number is None or number < 0 or number > most:
			problems.append(Problem(name, "{0} must be a number from 0 to {1}.", (most,)))
		elif number and situation not in EMPLOYED:
			problems.append(Problem(name, "{0}: only for a job."))
	if job_type and situation not in EMPLOYED:
		problems.append(Problem("job_type", "{0}: only for a job."))
	if _number(values.get("job_months")) and job_type != "Fixed Term":
		problems.append(Problem("job_months", "{0}: only for a fixed-term job."))
	return problems


def satisfaction_answer_problems(values: Mapping) -> list[Problem]:
	problems = _text_problems(values, {"comment": MAX_COMMENT})
	for name in SATISFACTION_QUESTIONS:
		if str(values.get(name) or "") not in RATINGS:
			problems.append(Problem(name, "{0}: choose a rating from 1 to 5."))
	return problems


# Satisfaction -------------------------------------------------------------------


@dataclass
class Satisfaction:
	"""Employers' answers to the overall question: how many, their mean, and how many gave
	each rating from 1 to 5."""

	answers: int = 0
	distribution: dict[int, int] = field(default_factory=lambda: {rating: 0 for rating in range(1, 6)})

	def add(self, rating) -> None:
		value = int(rating)
		if value in self.distribution:
			self.distribution[value] += 1
			self.answers += 1

	@property
	def mean(self) -> Decimal | None:
		if not self.answers:
			return None
		total = sum(rating * count for rating, count in self.distribution.items())
		return round_money(Decimal(total) / self.answers, Decimal("0.1"))

	def text(self) -> str:
		"""The distribution as "5: 3 · 4: 1", highest rating first, ratings nobody gave left out."""
		return " · ".join(
			f"{rating}: {count}" for rating, count in sorted(self.distribution.items(), reverse=True) if count
		)


def satisfaction(ratings: Iterable) -> Satisfaction:
	result = Satisfaction()
	for rating in ratings:
		if str(rating or "") in RATINGS:
			result.add(rating)
	return result


# Placements ---------------------------------------------------------------------


def placement_hours_in(hours, placement: Period, period: Period) -> Decimal:
	"""A placement's hours that fall in the period, spread evenly over its days."""
	total = to_decimal(hours or 0)
	part = placement.intersection(period)
	if not part or not total:
		return Decimal(0)
	return round_money(total * part.days / placement.days, Decimal("0.01"))


def placement_problems(start: date, end: date, hours, held: Period) -> list[Problem]:
	"""A placement lies within its parcours and holds at most 12 hours a day."""
	problems = []
	if end < start:
		problems.append(Problem("end_date", "{0} cannot be before the start date."))
		return problems
	if start < held.start or end > held.end:
		problems.append(
			Problem(
				"start_date",
				"The placement must lie within the parcours, from {0} to {1}.",
				(held.start, held.end),
			)
		)
	number = _number(hours)
	days = (end - start).days + 1
	if number is None or number <= 0 or number > 12 * days:
		problems.append(Problem("hours", "{0} must be more than 0 and at most {1} (12 a day).", (12 * days,)))
	return problems


# The partner report's definitions (its referrals' rates are the activity report's, core/results/outcomes.py).
DEFINITIONS = {
	"entered": "People the partner referred whose parcours started in the period, each counted once",
	"active": "People the partner referred with a parcours under way on at least one day of the period",
	"hired": "Alumni found employed by the partner at a follow-up done in the period, each counted once",
	"still_employed": "Of the alumni hired, those employed by the partner at their latest follow-up done by "
	"the period's end",
	"placements": "Placements at the partner under way on at least one day of the period; their hours are "
	"spread evenly over their days",
	"satisfaction": "Mean of the overall ratings (1 to 5) employers gave in the period, with how many gave each",
	"last_contact": "Latest email, comment or event on the partner's timeline",
}
