"""Shifts on the shop floor: check-ins paired into shifts, unpaid breaks, the week's checks.

A supervisor taps In and Out for each trainee (HRMS Employee Checkin). A day's
check-ins become shifts, IN then OUT; what does not pair is a problem the
supervisor sees and corrects, never hours guessed:

- a second IN while a shift is open (a double tap) is set aside, the first IN counts;
- an OUT with no open shift is set aside;
- a shift with no OUT (still open at the end of the day) is not paid until an OUT is added.

A shift longer than the threshold has an unpaid meal break (Quebec's labour standards:
30 minutes after 5 consecutive hours of work, Act respecting labour standards, s. 79),
placed after the threshold: the shift is paid in two segments around it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

IN, OUT = "IN", "OUT"

# Problem kinds (the desk translates their messages)
DOUBLE_IN = "Double IN"
OUT_WITHOUT_IN = "OUT without IN"
MISSING_OUT = "Missing OUT"
OUTSIDE_PARCOURS = "Outside the parcours"
OVER_SCHEDULE = "Over the week's schedule"
OVER_CEILING = "Over the contract's weekly ceiling"
PROBLEMS = (DOUBLE_IN, OUT_WITHOUT_IN, MISSING_OUT, OUTSIDE_PARCOURS, OVER_SCHEDULE, OVER_CEILING)
# A day with one of these is not turned into a timesheet until it is corrected.
BLOCKING = (MISSING_OUT, OUTSIDE_PARCOURS)


@dataclass(frozen=True)
class Punch:
	name: str
	time: datetime
	log_type: str


@dataclass(frozen=True)
class Break:
	"""The unpaid break: `minutes` long, taken after `after_hours` of work (0: none)."""

	minutes: int = 30
	after_hours: Decimal = Decimal(5)


@dataclass(frozen=True)
class Shift:
	start: datetime
	end: datetime
	punches: tuple[str, ...]

	def segments(self, unpaid: Break) -> list[tuple[datetime, datetime]]:
		"""The paid stretches of the shift: one, or two around the break."""
		if not unpaid.minutes or not unpaid.after_hours:
			return [(self.start, self.end)]
		break_start = self.start + timedelta(hours=float(unpaid.after_hours))
		break_end = break_start + timedelta(minutes=unpaid.minutes)
		if self.end <= break_start:
			return [(self.start, self.end)]
		if self.end <= break_end:
			return [(self.start, break_start)]
		return [(self.start, break_start), (break_end, self.end)]

	def paid_seconds(self, unpaid: Break) -> int:
		return sum(int((end - start).total_seconds()) for start, end in self.segments(unpaid))


@dataclass(frozen=True)
class Problem:
	kind: str
	day: date
	punches: tuple[str, ...] = ()
	at: datetime | None = None  # the time of the first punch concerned


@dataclass
class Day:
	day: date
	shifts: list[Shift] = field(default_factory=list)
	problems: list[Problem] = field(default_factory=list)

	@property
	def blocked(self) -> bool:
		return any(problem.kind in BLOCKING for problem in self.problems)

	def paid_seconds(self, unpaid: Break) -> int:
		"""Exact; hours are `to_hours` of it (a third of an hour has no finite decimal)."""
		return sum(shift.paid_seconds(unpaid) for shift in self.shifts)

	def paid_hours(self, unpaid: Break) -> Decimal:
		return to_hours(self.paid_seconds(unpaid))


def to_hours(seconds: int) -> Decimal:
	return Decimal(seconds) / Decimal(3600)


def pair(punches: Iterable[Punch]) -> dict[date, Day]:
	"""One employee's check-ins, by day: shifts IN then OUT, and what does not pair.

	A shift belongs to the day it starts on; an open shift does not run past midnight."""
	days: dict[date, Day] = {}
	open_in: Punch | None = None
	# Punches of the same second in the order they were made (a tap out undone by a tap in).
	for punch in sorted(punches, key=lambda p: (p.time, p.name)):
		day = days.setdefault(punch.time.date(), Day(punch.time.date()))
		if open_in and open_in.time.date() != punch.time.date():
			_day_of(days, open_in).problems.append(
				Problem(MISSING_OUT, open_in.time.date(), (open_in.name,), open_in.time)
			)
			open_in = None
		if punch.log_type == IN:
			if open_in:
				day.problems.append(Problem(DOUBLE_IN, day.day, (open_in.name, punch.name), punch.time))
			else:
				open_in = punch
		elif punch.log_type == OUT:
			if open_in:
				day.shifts.append(Shift(open_in.time, punch.time, (open_in.name, punch.name)))
				open_in = None
			else:
				day.problems.append(Problem(OUT_WITHOUT_IN, day.day, (punch.name,), punch.time))
	if open_in:
		_day_of(days, open_in).problems.append(
			Problem(MISSING_OUT, open_in.time.date(), (open_in.name,), open_in.time)
		)
	return days


def _day_of(days: dict[date, Day], punch: Punch) -> Day:
	return days.setdefault(punch.time.date(), Day(punch.time.date()))


def parcours_week(start: date, day: date) -> tuple[int, date, date]:
	"""The parcours' week holding `day` (weeks run from its first day): its number from 1,
	its first and its last day."""
	index = (day - start).days // 7
	first = start + timedelta(days=7 * index)
	return index + 1, first, first + timedelta(days=6)


def check_week(
	days: dict[date, Day],
	unpaid: Break,
	scheduled_hours: Decimal | None,
	ceiling_hours: Decimal | None,
) -> list[Problem]:
	"""Problems of one week's days taken together: paid hours over the parcours' schedule
	for the week, or over the contract's weekly ceiling (flags: the hours were worked)."""
	if not days:
		return []
	paid = to_hours(sum(day.paid_seconds(unpaid) for day in days.values()))
	last = max(days)
	problems = []
	if scheduled_hours is not None and paid > scheduled_hours:
		problems.append(Problem(OVER_SCHEDULE, last))
	if ceiling_hours is not None and paid > ceiling_hours:
		problems.append(Problem(OVER_CEILING, last))
	return problems
