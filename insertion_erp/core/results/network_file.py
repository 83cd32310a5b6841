"""The file an enterprise sends its network: one period's activity, counts and rates only.

Format "insertion-erp.activity-indicators", version 2, described by the JSON Schema
in insertion_erp/results/schema/activity-indicators-2.schema.json (the tests check
that every file written here is valid against it, and that `read` refuses what it
refuses). No name of a person, no date of birth, no note: an Activity (see
core/results/outcomes.py) with every count below the small-count threshold suppressed, and the
counts that would give one of them back by subtraction (outcomes.suppress): an empty
count may therefore be of any size, and `read` accepts it so.

Version 2 (issue 23): "completed" counts every parcours that ran to its planned end or
ended for the reason Completed (core/parcours/parcours.exit_kind, the parcours' own status rule), and
hours.paid is what the period's salary slips paid, beside hours.planned (the schedules);
version 1 counted only the reason Completed, and its paid hours were the schedules'. A version 1 file is refused with what to do,
so a network's totals never add the two meanings.
"""

import hashlib
import json
import re
from datetime import date
from decimal import Decimal

from insertion_erp.core.money import to_decimal
from insertion_erp.core.results import outcomes

FORMAT = "insertion-erp.activity-indicators"
VERSION = 2

# Messages are English source strings with {0}-style placeholders; the caller translates them.
NOT_JSON = "The file is not valid JSON: {0}"
NOT_THIS_FORMAT = "The file is not an activity indicators file (format {0})."
UNKNOWN_VERSION = "Version {0} of the activity indicators file is not supported; this site reads version {1}."
OLD_VERSION = (
	"Version 1 of the activity indicators file counted as completed only the exits whose reason was Completed,"
	" and as paid the hours the schedules planned; this site reads version 2, where a parcours that ran to its"
	" planned end is completed and paid hours are those the salary slips paid. Ask the enterprise to update"
	" its site and export the period again."
)
MISSING = "The file lacks {0}."
NOT_A_COUNT = "{0} must be a whole number of 0 or more, or empty when suppressed: {1}."
NOT_AN_AMOUNT = "{0} must be a number of 0 or more: {1}."
BAD_DATE = "{0} must be a date (YYYY-MM-DD): {1}."
BAD_PERIOD = "The period ends ({1}) before it starts ({0})."
UNKNOWN_KEY = "{0} is not part of the format."
UNKNOWN_SITUATION = "Follow-up situation {0} is not one of {1}."
UNSUPPRESSED = "{0} is {1}, below the file's small-count threshold of {2}: it should have been suppressed."
A_DATE = "{0} looks like a date: the file must hold no date of birth or other date of a person."
MESSAGES = (
	NOT_JSON,
	NOT_THIS_FORMAT,
	UNKNOWN_VERSION,
	OLD_VERSION,
	MISSING,
	NOT_A_COUNT,
	NOT_AN_AMOUNT,
	BAD_DATE,
	BAD_PERIOD,
	UNKNOWN_KEY,
	UNKNOWN_SITUATION,
	UNSUPPRESSED,
	A_DATE,
)
DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}")


class FileError(ValueError):
	"""A file refused, with an English message template and its arguments."""

	def __init__(self, template: str, *args):
		super().__init__(template.format(*args))
		self.template = template
		self.args_ = args


def _number(value: Decimal) -> float | int:
	value = to_decimal(value)
	return int(value) if value == value.to_integral_value() else float(value)


def document(
	enterprise: str, start: date, end: date, activity: outcomes.Activity, threshold: int, generated: str
) -> dict:
	"""The file's content for one enterprise and period: the activity with small counts suppressed,
	and the counts that would give them back (outcomes.suppress)."""
	published = outcomes.suppress(activity, threshold)
	weeks = published["parcours_weeks"]
	return {
		"format": FORMAT,
		"version": VERSION,
		"enterprise": enterprise,
		"period": {"from": start.isoformat(), "to": end.isoformat()},
		"generated": generated,
		"small_count_threshold": threshold,
		"trainees": published["trainees"],
		"exit_reasons": published["exit_reasons"],
		"parcours_weeks": {
			"total": None if weeks["total"] is None else _number(round(to_decimal(weeks["total"]), 4)),
			"parcours": weeks["parcours"],
		},
		"hours": {key: _number(round(to_decimal(value), 2)) for key, value in published["hours"].items()},
		"age_bands": published["age_bands"],
		"genders": published["genders"],
		"barriers": published["barriers"],
		"income_sources": published["income_sources"],
		"exit_situations": published["exit_situations"],
		"follow_ups": published["follow_ups"],
		"rates": {
			months: {
				"integration": _rate(outcomes.rate(published, int(months), "integration")),
				"integration_all": _rate(outcomes.rate(published, int(months), "integration_all")),
			}
			for months in published["follow_ups"]
		},
	}


def _rate(value: Decimal | None) -> float | None:
	return None if value is None else float(value)


def dumps(doc: dict) -> str:
	return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def checksum(text: str | bytes) -> str:
	data = text.encode("utf-8") if isinstance(text, str) else text
	return hashlib.sha256(data).hexdigest()


def csv_rows(doc: dict) -> list[list]:
	"""The same content as rows of (section, key, value); suppressed counts are empty."""
	out: list[list] = [["section", "key", "value"]]
	for key in ("format", "version", "enterprise", "generated", "small_count_threshold"):
		out.append(["file", key, doc[key]])
	out.append(["period", "from", doc["period"]["from"]])
	out.append(["period", "to", doc["period"]["to"]])
	for section in ("trainees", "parcours_weeks", "hours", *SECTIONS_OF_COUNTS):
		for key, value in doc[section].items():
			out.append([section, key, "" if value is None else value])
	for group in ("follow_ups", "rates"):
		for months, values in doc[group].items():
			for key, value in values.items():
				out.append([f"{group}.{months}", key, "" if value is None else value])
	return out


SECTIONS_OF_COUNTS = ("exit_reasons", "age_bands", "genders", "barriers", "income_sources", "exit_situations")
TOP_KEYS = {
	"format",
	"version",
	"enterprise",
	"period",
	"generated",
	"small_count_threshold",
	"trainees",
	"parcours_weeks",
	"hours",
	"follow_ups",
	"rates",
	*SECTIONS_OF_COUNTS,
}


def read(text: str | bytes) -> tuple[dict, outcomes.Activity]:
	"""The header (enterprise, period, threshold) and the activity of a file; FileError if malformed."""
	try:
		doc = json.loads(text)
	except (ValueError, UnicodeDecodeError) as error:
		raise FileError(NOT_JSON, str(error)) from None
	if not isinstance(doc, dict) or doc.get("format") != FORMAT:
		raise FileError(NOT_THIS_FORMAT, doc.get("format") if isinstance(doc, dict) else type(doc).__name__)
	if doc.get("version") == 1:
		raise FileError(OLD_VERSION)
	if doc.get("version") != VERSION:
		raise FileError(UNKNOWN_VERSION, doc.get("version"), VERSION)
	for key in sorted(TOP_KEYS - {"rates"}):
		if key not in doc:
			raise FileError(MISSING, key)
	for key in doc:
		if key not in TOP_KEYS:
			raise FileError(UNKNOWN_KEY, key)
	if not isinstance(doc["enterprise"], str) or not doc["enterprise"].strip():
		raise FileError(MISSING, "enterprise")
	start, end = _date(doc["period"], "from"), _date(doc["period"], "to")
	if end < start:
		raise FileError(BAD_PERIOD, start.isoformat(), end.isoformat())
	threshold = doc["small_count_threshold"]
	if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
		raise FileError(NOT_A_COUNT, "small_count_threshold", threshold)

	activity = outcomes.new_activity()
	activity["trainees"] = _counts(doc, "trainees", threshold, outcomes.TRAINEE_COUNTS)
	for section in SECTIONS_OF_COUNTS:
		activity[section] = _counts(doc, section, threshold)
		for key in activity[section]:
			if DATE_LIKE.search(key):
				raise FileError(A_DATE, f"{section}.{key}")
	bands = {label for label, _first, _last in outcomes.AGE_BANDS}
	for key in activity["age_bands"]:
		if key not in bands:
			raise FileError(UNKNOWN_KEY, f"age_bands.{key}")
	for key in activity["exit_situations"]:
		if key not in outcomes.SITUATIONS:
			raise FileError(UNKNOWN_SITUATION, key, ", ".join(outcomes.SITUATIONS))
	weeks = _section(doc, "parcours_weeks", ("total", "parcours"))
	activity["parcours_weeks"] = {
		"total": None if weeks["total"] is None else _amount("parcours_weeks.total", weeks["total"]),
		"parcours": _count("parcours_weeks.parcours", weeks["parcours"], threshold),
	}
	hours = _section(doc, "hours", outcomes.HOURS)
	activity["hours"] = {key: _amount(f"hours.{key}", hours[key]) for key in outcomes.HOURS}
	follow_ups = doc["follow_ups"]
	if not isinstance(follow_ups, dict):
		raise FileError(MISSING, "follow_ups")
	for months in follow_ups:
		if not str(months).isdigit():
			raise FileError(UNKNOWN_KEY, f"follow_ups.{months}")
		activity["follow_ups"][months] = _counts(
			follow_ups, months, threshold, outcomes.FOLLOW_UP_KEYS, name=f"follow_ups.{months}"
		)
	header = {"enterprise": doc["enterprise"].strip(), "from": start, "to": end, "threshold": threshold}
	return header, activity


def _date(period, key: str) -> date:
	if not isinstance(period, dict) or key not in period:
		raise FileError(MISSING, f"period.{key}")
	try:
		return date.fromisoformat(period[key])
	except (TypeError, ValueError):
		raise FileError(BAD_DATE, f"period.{key}", period[key]) from None


def _section(doc: dict, name: str, keys) -> dict:
	section = doc.get(name)
	if not isinstance(section, dict):
		raise FileError(MISSING, name)
	for key in keys:
		if key not in section:
			raise FileError(MISSING, f"{name}.{key}")
	for key in section:
		if key not in keys:
			raise FileError(UNKNOWN_KEY, f"{name}.{key}")
	return section


def _counts(doc: dict, section: str, threshold: int, keys=None, name: str | None = None) -> dict:
	name = name or section
	values = _section(doc, section, keys) if keys else doc.get(section)
	if not isinstance(values, dict):
		raise FileError(MISSING, name)
	return {key: _count(f"{name}.{key}", value, threshold) for key, value in values.items()}


def _count(name: str, value, threshold: int) -> int | None:
	"""A count as written: empty (suppressed, small or not), 0, or threshold and more."""
	if value is None:
		return None
	if not isinstance(value, int) or isinstance(value, bool) or value < 0:
		raise FileError(NOT_A_COUNT, name, value)
	if 0 < value < threshold:
		raise FileError(UNSUPPRESSED, name, value, threshold)
	return value


def _amount(name: str, value) -> Decimal:
	if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
		raise FileError(NOT_AN_AMOUNT, name, value)
	return Decimal(str(value))
