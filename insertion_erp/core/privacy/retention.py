"""How long a trainee's information is kept, and what anonymising it erases.

Quebec's Act respecting the protection of personal information in the private
sector (as amended by Law 25), s. 23: once the purposes of its collection are
achieved, personal information is destroyed or anonymised. A trainee's file
serves the parcours and the follow-ups after it, so the retention period runs
from the last follow-up (the day of its contact, or its due date when the person
was not reached), or from the last exit when there is no follow-up, or from the
file's creation when the person never had a parcours. While a parcours is open
(a candidate's, or one under way) the file is in use and never due.

The period itself is a setting (Insertion Settings, Retention Period), 5 years by
default: a figure to confirm against the enterprise's own obligations and its
agreement with the funder.

What anonymising erases is listed here, field by field, for the records that
are about the trainee alone; the records it keeps (payroll, claims, accounts)
are not touched at all. Every field of these records that can hold free text is
either replaced (the name and its copies), erased, or kept for a reason given in
KEPT: tests/test_retention.py checks that no such field is forgotten.
"""

import calendar
from collections.abc import Iterable
from datetime import date

DEFAULT_RETENTION_YEARS = 5
PSEUDONYM_FIRST_NAME = "Anonyme"

# The records about a trainee, parents and their tables.
RECORDS = (
	"Trainee",
	"Parcours",
	"Parcours Barrier",
	"Parcours Hours Step",
	"Parcours Suspension",
	"Parcours Follow-up",
	"Training Plan",
	"Training Plan Competency",
	"Training Evaluation",
	"Training Evaluation Level",
	"Support Intervention",
	"Support Intervention Participant",
	"Placement",
	"Alumni Follow-up Answer",
	"Employer Satisfaction Answer",
	"Questionnaire Invitation",
)

# Replaced by the pseudonym: the name and the copies other records keep of it.
NAME_FIELDS = {
	"Trainee": ("first_name", "last_name", "trainee_name"),
	"Parcours": ("trainee_name",),
	"Parcours Follow-up": ("trainee_name",),
	"Training Plan": ("trainee_name",),
	"Training Evaluation": ("trainee_name",),
	"Support Intervention": ("trainee_name",),
	"Support Intervention Participant": ("trainee_name",),
	"Placement": ("trainee_name",),
}

# Erased (left empty). The date of birth gives way to the age band at entry.
ERASED_FIELDS = {
	"Trainee": ("date_of_birth", "email", "phone"),
	"Parcours": ("referral_details", "exit_notes"),
	"Parcours Follow-up": ("employer_or_school", "notes"),
	"Placement": ("tasks", "evaluated_by", "evaluation_comment", "supervisor_name"),
	"Alumni Follow-up Answer": ("employer_or_school", "comment", "token"),
	"Employer Satisfaction Answer": ("comment", "token"),
	"Questionnaire Invitation": ("email", "answer", "token_hash"),
	"Training Plan": ("goals",),
	"Training Evaluation Level": ("comment",),
	# An intervention about this trainee alone. A group session is about the other
	# participants too: only the name copies change there (see privacy/anonymisation.py).
	"Support Intervention": ("topic", "referred_to", "notes"),
}

# Fields that could hold free text and are kept, with the reason.
KEPT = {
	("Trainee", "age_band"): "the band of age at entry that replaces the date of birth, for the counts",
	("Parcours", "approval_reference"): (
		"the funder's own reference of its approval, which the claims' audits need; "
		"it names no one outside the funder's files"
	),
}

# Field types that can hold free text.
FREE_TEXT_TYPES = (
	"Data",
	"Small Text",
	"Text",
	"Long Text",
	"Text Editor",
	"Markdown Editor",
	"HTML Editor",
	"Code",
	"Attach",
	"Attach Image",
)


def add_years(day: date, years: int) -> date:
	"""The same day `years` later; February 29 becomes February 28 in a common year."""
	year = day.year + years
	last_day = calendar.monthrange(year, day.month)[1]
	return day.replace(year=year, day=min(day.day, last_day))


def last_contact(
	exits: Iterable[date | None], follow_ups: Iterable[tuple[date | None, date | None]]
) -> date | None:
	"""The last day the enterprise dealt with the person: the latest follow-up (its contact,
	else its due date) or exit. None when there is neither."""
	days = [day for day in exits if day]
	days += [contact or due for due, contact in follow_ups if contact or due]
	return max(days, default=None)


def due_date(
	*,
	open_parcours: int,
	last_exit: date | None,
	last_follow_up: date | None,
	created: date | None,
	years: int,
) -> date | None:
	"""The day the trainee's information is due for anonymisation; None while a parcours is open.

	`last_follow_up` is the latest of the follow-ups' contact (or due) dates, `last_exit`
	the latest exit, `created` the day the file was opened (used when there is neither)."""
	if open_parcours:
		return None
	start = last_contact([last_exit], [(last_follow_up, None)]) or created
	if start is None:
		return None
	return add_years(start, years)


def is_due(due: date | None, on: date) -> bool:
	return due is not None and due <= on


def pseudonym(token: str) -> dict[str, str]:
	"""The names an anonymised trainee keeps: "Anonyme" and a random token, not derived from
	anything about the person."""
	token = token.strip()
	if not token:
		raise ValueError("a pseudonym needs a token")
	return {
		"first_name": PSEUDONYM_FIRST_NAME,
		"last_name": token,
		"trainee_name": f"{PSEUDONYM_FIRST_NAME} {token}",
	}
