"""Dates and periods, without frappe.

A Period is a closed interval of days: both its start and its end belong to
it, as on a pay slip ("from 2026-01-04 to 2026-01-17").
"""

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta


def add_days(day: date, days: int) -> date:
	return day + timedelta(days=days)


def add_weeks(day: date, weeks: int) -> date:
	return day + timedelta(weeks=weeks)


def add_months(day: date, months: int) -> date:
	"""Same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29)."""
	month_index = day.year * 12 + (day.month - 1) + months
	year, month = divmod(month_index, 12)
	month += 1
	last_day = calendar.monthrange(year, month)[1]
	return date(year, month, min(day.day, last_day))


def end_after_weeks(start: date, weeks: int) -> date:
	"""Last day of a span of `weeks` full weeks starting on `start` (26 weeks from a Monday end on a Sunday)."""
	if weeks < 1:
		raise ValueError("a span lasts at least one week")
	return add_days(start, weeks * 7 - 1)


@dataclass(frozen=True, order=True)
class Period:
	start: date
	end: date

	def __post_init__(self) -> None:
		if self.end < self.start:
			raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

	@property
	def days(self) -> int:
		return (self.end - self.start).days + 1

	def __contains__(self, day: date) -> bool:
		return self.start <= day <= self.end

	def overlaps(self, other: "Period") -> bool:
		return self.start <= other.end and other.start <= self.end

	def intersection(self, other: "Period") -> "Period | None":
		if not self.overlaps(other):
			return None
		return Period(max(self.start, other.start), min(self.end, other.end))

	def contains_period(self, other: "Period") -> bool:
		return self.start <= other.start and other.end <= self.end


def without(period: Period, gaps: Iterable[Period]) -> list[Period]:
	"""The parts of `period` outside every gap, in order."""
	parts = [period]
	for gap in sorted(gaps, key=lambda g: g.start):
		last = parts.pop()
		cut = last.intersection(gap)
		if cut is None:
			parts.append(last)
			continue
		if cut.start > last.start:
			parts.append(Period(last.start, add_days(cut.start, -1)))
		if cut.end < last.end:
			parts.append(Period(add_days(cut.end, 1), last.end))
		if not parts:
			break
	return parts


def month_period(day: date) -> Period:
	"""The calendar month holding `day`."""
	last_day = calendar.monthrange(day.year, day.month)[1]
	return Period(day.replace(day=1), day.replace(day=last_day))


def months_between(period: Period) -> Iterator[Period]:
	"""The calendar months `period` touches, each cut to the period."""
	current = period.start
	while current <= period.end:
		month = month_period(current)
		yield Period(current, min(month.end, period.end))
		current = add_days(month.end, 1)
