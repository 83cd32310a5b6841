"""A trainee's parcours: its dates, its gradual hours, its status, its follow-ups.

Plain rules, no frappe. The Parcours controller calls them and turns what they
find into translated messages.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from insertion_erp.core.periods import Period, add_days, add_months, end_after_weeks

MIN_AGE = 15
MAX_AGE = 90


class Status(str, Enum):
	"""The values of Parcours.status, in the order a parcours goes through them."""

	CANDIDATE = "Candidate"
	APPROVED = "Approved"
	ACTIVE = "Active"
	SUSPENDED = "Suspended"
	COMPLETED = "Completed"
	EXITED_EARLY = "Exited Early"
	FOLLOWED_UP = "Followed Up"


COMPLETED_EXIT_REASON = "Completed"


def age_on(birth_date: date, day: date) -> int:
	"""Age in whole years on `day` (a person born on Feb 29 turns a year older on Mar 1)."""
	before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
	return day.year - birth_date.year - before_birthday


def plausible_birth_date(birth_date: date, on: date) -> bool:
	"""A trainee is between MIN_AGE and MAX_AGE years old on `on` (intake or start)."""
	return birth_date < on and MIN_AGE <= age_on(birth_date, on) <= MAX_AGE


def planned_end(start: date, weeks: int, suspensions: Iterable[tuple[date, date | None]] = ()) -> date:
	"""The last day of `weeks` weeks from `start`, moved by the days of ended suspensions
	(a suspension still open moves it when the parcours resumes)."""
	return add_days(end_after_weeks(start, weeks), suspended_days(suspensions))


def suspended_days(suspensions: Iterable[tuple[date, date | None]]) -> int:
	"""Days of the ended suspensions, (first day, last day) each, both included."""
	return sum((last - first).days + 1 for first, last in suspensions if last is not None)


def occupied_period(start: date, planned_end_date: date, actual_end: date | None) -> Period:
	"""The days a parcours holds: from its start to its actual end, or its planned end while open."""
	return Period(start, actual_end or planned_end_date)


def first_overlap(candidate: Period, others: Iterable[tuple[str, Period]]) -> str | None:
	"""Name of the first other parcours whose period overlaps `candidate`."""
	for name, period in others:
		if period.overlaps(candidate):
			return name
	return None


def derive_status(
	*,
	approved: bool,
	start: date | None,
	planned_end_date: date | None,
	actual_end: date | None,
	exit_reason: str | None,
	follow_ups_due: int = 0,
	follow_ups_done: int = 0,
	suspended: bool = False,
) -> Status:
	"""The status follows from the data alone; nobody types it."""
	if actual_end:
		if follow_ups_due and follow_ups_done >= follow_ups_due:
			return Status.FOLLOWED_UP
		return exit_kind(planned_end_date, actual_end, exit_reason)
	if start:
		return Status.SUSPENDED if suspended else Status.ACTIVE
	if approved:
		return Status.APPROVED
	return Status.CANDIDATE


def exit_kind(planned_end_date: date | None, actual_end: date, exit_reason: str | None) -> Status:
	"""How a parcours ended, the one rule the status, the Activity Report, the network's file and
	the Return to Government all use: Completed when it ran to its planned end (whatever reason
	was noted: leaving for school on the last planned day is no early exit) or when its reason
	is Completed; Exited Early otherwise."""
	early = planned_end_date is not None and actual_end < planned_end_date
	if exit_reason == COMPLETED_EXIT_REASON or not early:
		return Status.COMPLETED
	return Status.EXITED_EARLY


def follow_up_due_dates(exit_date: date, offsets_months: Iterable[int]) -> list[tuple[int, date]]:
	"""(months, due date) of each follow-up after an exit, earliest first."""
	return [(m, add_months(exit_date, m)) for m in sorted(set(offsets_months))]


# Gradual entry: hours per week by ranges of weeks ---------------------------


@dataclass(frozen=True)
class HoursStep:
	"""Weeks `from_week` to `to_week` (inclusive; None: to the end) at `hours` a week."""

	from_week: int
	to_week: int | None
	hours: Decimal


class ScheduleError(ValueError):
	"""A step (1-based `row`) of a gradual-entry schedule that does not fit."""

	def __init__(self, row: int, week: int = 0) -> None:
		super().__init__(f"{type(self).__name__} at row {row}, week {week}")
		self.row = row
		self.week = week


class ScheduleGap(ScheduleError):
	"""The step does not start the week after the previous one ends (`week` expected)."""


class ScheduleBackwards(ScheduleError):
	"""The step ends before it starts."""


class ScheduleTooLong(ScheduleError):
	"""The step goes past the last week of the parcours (`week`)."""


class ScheduleShort(ScheduleError):
	"""The schedule stops before the last week of the parcours (`week` left uncovered)."""


class ScheduleHours(ScheduleError):
	"""Hours per week outside 0 (excluded) to MAX_WEEKLY_HOURS."""


MAX_WEEKLY_HOURS = Decimal(60)

DEFAULT_SCHEDULE = (
	HoursStep(1, 4, Decimal(21)),
	HoursStep(5, 8, Decimal(28)),
	HoursStep(9, None, Decimal(35)),
)


def weekly_hours(steps: Sequence[HoursStep], total_weeks: int) -> list[Decimal]:
	"""Planned hours of each week 1..total_weeks; raises a ScheduleError where the steps do not fit."""
	if not steps:
		raise ScheduleShort(row=0, week=1)
	hours: list[Decimal] = []
	for row, step in enumerate(steps, start=1):
		expected = len(hours) + 1
		if step.from_week != expected:
			raise ScheduleGap(row, expected)
		if not Decimal(0) < step.hours <= MAX_WEEKLY_HOURS:
			raise ScheduleHours(row, step.from_week)
		last = total_weeks if step.to_week is None else step.to_week
		if last < step.from_week:
			raise ScheduleBackwards(row, step.from_week)
		if last > total_weeks:
			raise ScheduleTooLong(row, total_weeks)
		hours.extend([step.hours] * (last - step.from_week + 1))
		if step.to_week is None and row != len(steps):
			raise ScheduleGap(row + 1, last + 1)
	if len(hours) < total_weeks:
		raise ScheduleShort(len(steps), len(hours) + 1)
	return hours


def fit_schedule(steps: Sequence[HoursStep], total_weeks: int) -> list[HoursStep]:
	"""A default schedule cut to a parcours of `total_weeks`: steps past the end go, the last one runs to the end."""
	fitted: list[HoursStep] = []
	for step in steps:
		if step.from_week > total_weeks:
			break
		fitted.append(step)
	if fitted:
		last = fitted[-1]
		fitted[-1] = HoursStep(last.from_week, None, last.hours)
	return fitted
