"""What the parcours achieve, as counts: the activity report, the network's file and its totals.

An Activity holds counts of people (and totals of hours and weeks), never a name
or a date of birth, so the same structure is the report of one enterprise, the
file it sends to its network (with small counts suppressed) and the sum of many
such files. Sections:

- trainees: entered and active (people, once each: a trainee back for a second parcours
  is one), completed and exited_early (parcours ended in the period);
- exit_reasons: exits in the period by reason;
- parcours_weeks: total weeks and number of parcours ended in the period (for the average);
- hours: paid training hours (what the period's slips paid), planned training hours (the
  parcours' schedules), workshop and support hours in the period;
- age_bands, genders, barriers, income_sources: the people served in the period, at entry;
- exit_situations: where the people who left in the period went;
- follow_ups: per offset in months ("3", "6"), the follow-ups due in the period by
  situation, with "due" (all due), "durable" (durable jobs) and "job_unknown"
  (employed, but the job's kind or length is not recorded).

A suppressed count is None: it is unknown, never zero. Some counts add up to others (SUMS):
a count is suppressed when it is small, and also when the counts it adds up with would
otherwise give a small one back by subtraction (see `suppress`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from insertion_erp.core.money import ZERO, round_money, to_decimal

SITUATIONS = ("employed", "school", "job_search", "other", "unknown")
INTEGRATED = ("employed", "school")

# The Parcours Follow-up's situations, and what each counts as.
FOLLOW_UP_SITUATIONS = {
	"Employed Full Time": "employed",
	"Employed Part Time": "employed",
	"In School or Training": "school",
	"Looking for Work": "job_search",
	"Other": "other",
	"Unreachable": "unknown",
}
# Where an exit reason says it, without a recorded situation at exit.
EXIT_REASON_SITUATIONS = {"Left for a Job": "employed", "Back to School": "school"}

PERMANENT = "Permanent"
FIXED_TERM = "Fixed Term"
DURABLE_FIXED_TERM_MONTHS = 6

# (label, first age, last age); None: no upper bound. 16-24 and 25-35 add up to the network's 16-35.
AGE_BANDS = (("Under 16", 0, 15), ("16-24", 16, 24), ("25-35", 25, 35), ("36-54", 36, 54), ("55+", 55, None))

TRAINEE_COUNTS = ("entered", "active", "completed", "exited_early")
HOURS = ("paid", "planned", "workshop", "support")
CATEGORY_SECTIONS = ("exit_reasons", "age_bands", "genders", "barriers", "income_sources", "exit_situations")
FOLLOW_UP_KEYS = ("due", *SITUATIONS, "durable", "job_unknown")

DEFAULT_SMALL_COUNT = 5

Count = int | None
Activity = dict


def new_activity(offsets: Iterable[int] = ()) -> Activity:
	return {
		"trainees": dict.fromkeys(TRAINEE_COUNTS, 0),
		"exit_reasons": {},
		"parcours_weeks": {"total": ZERO, "parcours": 0},
		"hours": dict.fromkeys(HOURS, ZERO),
		"age_bands": {},
		"genders": {},
		"barriers": {},
		"income_sources": {},
		"exit_situations": dict.fromkeys(SITUATIONS, 0),
		"follow_ups": {str(months): dict.fromkeys(FOLLOW_UP_KEYS, 0) for months in sorted(offsets)},
	}


def add(section: dict, key: str, count: int = 1) -> None:
	section[key] = section.get(key, 0) + count


def follow_up_situation(situation: str | None) -> str:
	"""The situation a follow-up recorded; not recorded, or the person not reached, is unknown."""
	return FOLLOW_UP_SITUATIONS.get(situation or "", "unknown")


def exit_situation(situation: str | None, exit_reason: str | None) -> str:
	"""The situation recorded at exit, else the one the exit reason states, else unknown."""
	if situation:
		return follow_up_situation(situation)
	return EXIT_REASON_SITUATIONS.get(exit_reason or "", "unknown")


def age_band(born: date, on: date) -> str:
	age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
	for label, first, last in AGE_BANDS:
		if age >= first and (last is None or age <= last):
			return label
	return AGE_BANDS[0][0]


def is_durable(job_type: str | None, months: int | None) -> bool | None:
	"""A permanent job, or a fixed-term one of six months or more. None: not recorded."""
	if job_type == PERMANENT:
		return True
	if job_type == FIXED_TERM:
		return None if not months else months >= DURABLE_FIXED_TERM_MONTHS
	if job_type:
		return False
	return None


def parcours_weeks(start: date, end: date) -> Decimal:
	"""Weeks from the first day to the last, both included."""
	return Decimal((end - start).days + 1) / 7


def add_follow_up(activity: Activity, months: int, situation: str, job_type: str | None, job_months) -> None:
	"""Count one follow-up due in the period. Offsets not in the activity are not counted."""
	counts = activity["follow_ups"].get(str(months))
	if counts is None:
		return
	counts["due"] += 1
	counts[situation] += 1
	if situation == "employed":
		durable = is_durable(job_type, job_months)
		if durable is None:
			counts["job_unknown"] += 1
		elif durable:
			counts["durable"] += 1


# Sums and suppression ---------------------------------------------------------


def merge(activities: Iterable[Activity]) -> Activity:
	"""The sum of several activities (a network's enterprises).

	A suppressed count adds nothing and is counted, per line, in "suppressed": the
	sum is then a floor, and the report says by how many counts. A follow-up block
	(one offset of one enterprise) with a suppressed count is left out whole, and
	counted in "left_out": its rates are then exact over the blocks that remain.
	"""
	total = new_activity()
	suppressed: dict[tuple[str, str], int] = {}
	left_out: dict[str, int] = {}

	def add_known(section: str, into: dict, key: str, count: Count) -> None:
		into.setdefault(key, 0)
		if count is None:
			suppressed[(section, key)] = suppressed.get((section, key), 0) + 1
		else:
			into[key] += count

	for activity in activities:
		for key in TRAINEE_COUNTS:
			add_known("trainees", total["trainees"], key, activity["trainees"].get(key, 0))
		for key in HOURS:
			total["hours"][key] += to_decimal(activity["hours"].get(key) or 0)
		weeks = activity["parcours_weeks"]
		if weeks.get("parcours") is not None and weeks.get("total") is not None:
			total["parcours_weeks"]["total"] += to_decimal(weeks["total"])
			total["parcours_weeks"]["parcours"] += weeks["parcours"]
		for section in CATEGORY_SECTIONS:
			for key, count in activity[section].items():
				add_known(section, total[section], key, count)
		for months, counts in activity["follow_ups"].items():
			into = total["follow_ups"].setdefault(months, dict.fromkeys(FOLLOW_UP_KEYS, 0))
			if any(counts.get(key, 0) is None for key in FOLLOW_UP_KEYS):
				left_out[months] = left_out.get(months, 0) + 1
				continue
			for key in FOLLOW_UP_KEYS:
				into[key] += counts.get(key, 0)
	total["follow_ups"] = dict(sorted(total["follow_ups"].items(), key=lambda item: int(item[0])))
	total["suppressed"] = suppressed
	total["left_out"] = left_out
	return total


# Counts that add up, as results/activity.py counts them: (the total, the section of its parts,
# the parts; None: every key of the section). Each parcours ended in the period (count_exit)
# adds 1 to parcours_weeks.parcours, to completed or exited_early, to one exit reason ("Unknown"
# when none) and to one exit situation; each person served (count_parcours, at their first
# parcours of the period) adds 1 to active, to one gender and one income source ("Unknown" when
# none) and to one age band (the date of birth is mandatory, the band kept when it is erased).
# Not sums: entered (some of active, the rest not published), barriers (a person may have
# several), durable and job_unknown (some of employed, the rest not published).
ENDED = ("parcours_weeks", "parcours")
ACTIVE = ("trainees", "active")
SUMS = (
	(ENDED, "trainees", ("completed", "exited_early")),
	(ENDED, "exit_reasons", None),
	(ENDED, "exit_situations", None),
	(ACTIVE, "genders", None),
	(ACTIVE, "income_sources", None),
	(ACTIVE, "age_bands", None),
)
# In each follow-up offset (add_follow_up): every follow-up due adds 1 to due and to one situation.
FOLLOW_UP_SUMS = (("due", SITUATIONS),)

Path = tuple  # where a count is in an activity: ("trainees", "active"), ("follow_ups", "3", "due")


def sums(activity: Activity) -> list[tuple[Path, tuple[Path, ...]]]:
	"""Every relation total = sum of parts between the activity's counts: (total, parts)."""
	out = [
		(total, tuple((section, key) for key in (activity[section] if keys is None else keys)))
		for total, section, keys in SUMS
	]
	for months in activity["follow_ups"]:
		for total, keys in FOLLOW_UP_SUMS:
			out.append((("follow_ups", months, total), tuple(("follow_ups", months, key) for key in keys)))
	return out


def _at(activity: Activity, path: Path) -> Count:
	for key in path:
		activity = activity[key]
	return activity


def _clear(activity: Activity, path: Path) -> None:
	*section, key = path
	_at(activity, tuple(section))[key] = None


def _hide(count: Count, threshold: int) -> Count:
	return None if count is not None and 0 < count < threshold else count


def suppress(activity: Activity, threshold: int = DEFAULT_SMALL_COUNT) -> Activity:
	"""The activity with every count of people between 1 and threshold - 1 replaced by None,
	and the counts that would give one of them back by subtraction (`_complement`).

	Totals of hours name nobody and stay; so do the total of weeks and the number of
	parcours behind it, which the average needs, unless that number is suppressed.
	"""
	out = new_activity()
	out["trainees"] = {key: _hide(count, threshold) for key, count in activity["trainees"].items()}
	out["hours"] = dict(activity["hours"])
	out["parcours_weeks"] = {
		"total": activity["parcours_weeks"]["total"],
		"parcours": _hide(activity["parcours_weeks"]["parcours"], threshold),
	}
	for section in CATEGORY_SECTIONS:
		out[section] = {key: _hide(count, threshold) for key, count in activity[section].items()}
	out["follow_ups"] = {
		months: {key: _hide(count, threshold) for key, count in counts.items()}
		for months, counts in activity["follow_ups"].items()
	}
	_complement(out, activity)
	if out["parcours_weeks"]["parcours"] is None:
		out["parcours_weeks"]["total"] = None
	return out


def _complement(published: Activity, activity: Activity) -> None:
	"""Complementary suppression: suppress more counts of `published` until no relation of
	`sums` gives a suppressed count from the published ones.

	A relation leaks when exactly one of its counts is suppressed (it is the total less the
	other parts, or the sum of the parts), or when its total is published and its suppressed
	parts are all 1 (a suppressed count is never 0, so k of them adding up to k are all 1). The
	relation's smallest published part above 0 is then suppressed (a hidden 0 beside a small
	count would leave their sum equal to the small count), or its total when no part is left.
	A total is shared by several relations (active is the sum of the genders, of the income
	sources and of the age bands), so suppressing it in one may expose it in another: the
	relations are gone over again until none leaks.

	That suffices for all the relations together: no count is a part in two of them and no
	total is a part, so a combination of relations that each hold two suppressed counts or
	none never isolates one. Published counts keep their values; suppressed counts are >= 1.
	"""
	relations = sums(activity)
	changed = True
	while changed:
		changed = False
		for total, parts in relations:
			hidden = [part for part in parts if _at(published, part) is None]
			if _at(published, total) is None:
				leaks = not hidden
			else:
				leaks = len(hidden) == 1 or (
					hidden and sum(_at(activity, part) or 0 for part in hidden) == len(hidden)
				)
			if not leaks:
				continue
			shown = [part for part in parts if _at(published, part)]  # published and above 0
			if shown:
				_clear(published, min(shown, key=lambda part: _at(published, part)))
			elif _at(published, total):
				_clear(published, total)
			else:  # nothing left to suppress: cannot happen, counts add up (a 0 total has no part above 0)
				continue
			changed = True


# Rates ------------------------------------------------------------------------


def share(part: Count, whole: Count) -> Decimal | None:
	"""part / whole in percent to a tenth; None when either is unknown or nothing is counted."""
	if part is None or not whole:
		return None
	return round_money(Decimal(part) * 100 / Decimal(whole), Decimal("0.1"))


def _total(counts: Iterable[Count]) -> Count:
	total = 0
	for count in counts:
		if count is None:
			return None
		total += count
	return total


def integrated(counts: dict) -> Count:
	return _total(counts.get(key, 0) for key in INTEGRATED)


def reached(counts: dict) -> Count:
	"""Follow-ups due whose situation is known."""
	due, unknown = counts.get("due", 0), counts.get("unknown", 0)
	return None if due is None or unknown is None else due - unknown


def average_weeks(activity: Activity) -> Decimal | None:
	weeks = activity["parcours_weeks"]
	if not weeks.get("parcours") or weeks.get("total") is None:
		return None
	return round_money(to_decimal(weeks["total"]) / weeks["parcours"], Decimal("0.1"))


# Definitions of a whole section's lines (each category, each situation), not of one line.
BY_SECTION = frozenset(
	(
		"exit_reasons",
		"age_bands",
		"genders",
		"barriers",
		"income_sources",
		"exit_situations",
		"follow_up_situation",
	)
)
# Every line of the report carries one of these, on screen, in Excel and in the French print.
DEFINITIONS = {
	"entered": "People with a parcours that started in the period, each counted once",
	"active": "People with a parcours under way on at least one day of the period, each counted once",
	"completed": "Parcours ended in the period that ran to their planned end, or ended for the reason Completed",
	"exited_early": "Parcours ended in the period before their planned end, for a reason other than Completed",
	"exit_reasons": "Parcours ended in the period, by the reason noted at their exit",
	"hours_paid": "Hours the submitted salary slips ending in the period paid the trainees: their timesheets' "
	"hours, or for a trainee paid by the month the slip's payment days times the planned daily hours",
	"hours_planned": "Hours planned in the period by each parcours' gradual schedule, up to today, suspended "
	"days removed",
	"hours_gap": "Planned training hours less paid training hours: absences, and hours not paid yet",
	"hours_workshop": "Hours of the training events (workshops) the trainees attended in the period",
	"hours_support": "Hours of the support interventions of the period, a group session counted for each "
	"participant",
	"age_bands": "People served in the period, by their age at the start of their first parcours of the period",
	"genders": "People served in the period, by gender",
	"barriers": "Barriers to employment noted at entry of the people served in the period; a person may "
	"have several",
	"income_sources": "People served in the period, by their main income source at entry",
	"exit_situations": "Parcours ended in the period, by the situation at their exit",
	"due": "Follow-ups at this offset after an exit that fell due in the period, up to today",
	"follow_up_situation": "Follow-ups due, by the situation found; the share is of the follow-ups due",
	"reached": "Follow-ups due whose situation is known (the person was reached)",
	"job_unknown": "People employed at the follow-up whose kind of job was not recorded",
	"integration": "(employed + in school or training) / trainees reached at the follow-up",
	"integration_all": "(employed + in school or training) / follow-ups due: the unreached and the "
	"follow-ups not done count as failures",
	"durable": "(permanent jobs + fixed-term jobs of 6 months or more) / trainees reached at the follow-up",
	"completion": "Parcours ended in the period that were completed / parcours ended in the period",
	"average_weeks": "Days from the start to the end of the parcours, both included, / 7, over the parcours "
	"ended in the period",
	"suppressed": "A count below the small-count threshold is not published, nor a count that would give one back by subtraction: it shows as empty",
	"left_out": "Enterprises whose follow-up counts include a suppressed count: left out of this follow-up's "
	"counts and rates, which stay exact over the others",
	"not_included": "Not included: {0} suppressed counts, each below its file's threshold",
}


@dataclass(frozen=True)
class Row:
	"""One line of the activity report. Labels are English source strings the report translates."""

	section: str
	indicator: str
	value: Decimal | int | None
	share: Decimal | None = None
	definition: str = ""
	kind: str = "count"  # count, category, hours, weeks, rate
	section_args: tuple = ()
	key: tuple = ()  # (section, key) of a count in the activity
	suppressed: int = 0  # in a sum of files: suppressed counts the value does not include


SECTION_LABELS = {
	"trainees": "Trainees",
	"exit_reasons": "Exits by Reason",
	"hours": "Hours",
	"age_bands": "Age at Entry",
	"genders": "Gender",
	"barriers": "Barriers at Entry",
	"income_sources": "Main Income Source at Entry",
	"exit_situations": "Situation at Exit",
}
TRAINEE_LABELS = {
	"entered": "Entered",
	"active": "Active",
	"completed": "Completed",
	"exited_early": "Exited Early",
}
HOUR_LABELS = {
	"paid": "Paid Training Hours",
	"planned": "Planned Training Hours",
	"workshop": "Workshop Hours",
	"support": "Support Hours",
}
PLANNED_NOT_PAID = "Planned Hours Not Paid"
SITUATION_LABELS = {
	"employed": "Employed",
	"school": "In School or Training",
	"job_search": "Looking for Work",
	"other": "Other",
	"unknown": "Unknown",
}
FOLLOW_UP_SECTION = "Follow-up at {0} Months"
INDICATOR_LABELS = {
	"completion": "Completion Rate",
	"average_weeks": "Average Parcours Length (Weeks)",
	"due": "Follow-ups Due",
	"reached": "Trainees Reached",
	"integration": "Integration Rate",
	"integration_all": "Integration Rate, Unknowns as Failures",
	"durable": "Durable Jobs",
	"job_unknown": "Employed, Job Not Recorded",
	"left_out": "Enterprises Left Out",
}


def rows(activity: Activity) -> list[Row]:
	"""The activity as report lines: counts with their share of the section, then the rates."""
	out: list[Row] = []
	trainees = activity["trainees"]
	section = SECTION_LABELS["trainees"]
	for key in TRAINEE_COUNTS:
		out.append(
			Row(section, TRAINEE_LABELS[key], trainees.get(key), definition=key, key=("trainees", key))
		)
	out.append(
		Row(
			section,
			INDICATOR_LABELS["completion"],
			trainees.get("completed"),
			completion_rate(activity),
			"completion",
			"rate",
		)
	)
	out.append(
		Row(
			section,
			INDICATOR_LABELS["average_weeks"],
			average_weeks(activity),
			None,
			"average_weeks",
			"weeks",
		)
	)
	out.extend(_category_rows(activity, "exit_reasons"))
	for key in HOURS:
		out.append(
			Row(
				SECTION_LABELS["hours"],
				HOUR_LABELS[key],
				to_decimal(activity["hours"].get(key) or 0),
				definition=f"hours_{key}",
				kind="hours",
			)
		)
	hours = activity["hours"]
	out.append(
		Row(
			SECTION_LABELS["hours"],
			PLANNED_NOT_PAID,
			to_decimal(hours.get("planned") or 0) - to_decimal(hours.get("paid") or 0),
			definition="hours_gap",
			kind="hours",
		)
	)
	for name in ("age_bands", "genders", "barriers", "income_sources"):
		out.extend(_category_rows(activity, name))
	exits = activity["exit_situations"]
	whole = _total(exits.get(key, 0) for key in SITUATIONS)
	for key in SITUATIONS:
		out.append(
			Row(
				SECTION_LABELS["exit_situations"],
				SITUATION_LABELS[key],
				exits.get(key, 0),
				share(exits.get(key, 0), whole),
				definition="exit_situations",
				key=("exit_situations", key),
			)
		)
	for months, counts in activity["follow_ups"].items():
		due, known, good, durable = (
			counts.get("due"),
			reached(counts),
			integrated(counts),
			counts.get("durable"),
		)
		lines = [
			(INDICATOR_LABELS["due"], due, None, "due", "count"),
			*(
				(
					SITUATION_LABELS[key],
					counts.get(key),
					share(counts.get(key), due),
					"follow_up_situation",
					"count",
				)
				for key in SITUATIONS
			),
			(INDICATOR_LABELS["reached"], known, share(known, due), "reached", "count"),
			(INDICATOR_LABELS["integration"], good, share(good, known), "integration", "rate"),
			(INDICATOR_LABELS["integration_all"], good, share(good, due), "integration_all", "rate"),
			(INDICATOR_LABELS["durable"], durable, share(durable, known), "durable", "rate"),
			(INDICATOR_LABELS["job_unknown"], counts.get("job_unknown"), None, "job_unknown", "count"),
		]
		left_out = activity.get("left_out", {}).get(months)
		if left_out:
			lines.append((INDICATOR_LABELS["left_out"], left_out, None, "left_out", "count"))
		out.extend(Row(FOLLOW_UP_SECTION, *line, section_args=(months,)) for line in lines)
	suppressed = activity.get("suppressed", {})
	return [replace(row, suppressed=suppressed[row.key]) if row.key in suppressed else row for row in out]


def _category_rows(activity: Activity, name: str) -> list[Row]:
	counts = activity[name]
	whole = _total(counts.values())
	return [
		Row(
			SECTION_LABELS[name],
			key,
			count,
			share(count, whole),
			definition=name,
			kind="category",
			key=(name, key),
		)
		for key, count in sorted(counts.items(), key=lambda item: (item[1] is None, -(item[1] or 0), item[0]))
	]


def completion_rate(activity: Activity) -> Decimal | None:
	"""Completed parcours in percent of the parcours ended in the period."""
	trainees = activity["trainees"]
	return share(trainees.get("completed"), _total((trainees.get("completed"), trainees.get("exited_early"))))


def rate(activity: Activity, months: int, which: str = "integration") -> Decimal | None:
	"""One follow-up offset's integration rate ("integration" or "integration_all")."""
	counts = activity["follow_ups"].get(str(months))
	if not counts:
		return None
	whole = reached(counts) if which == "integration" else counts.get("due")
	return share(integrated(counts), whole)
