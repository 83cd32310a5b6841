"""Training plans, evaluations, and the hours of training and support, without frappe."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from insertion_erp.core.money import round_money
from insertion_erp.core.parcours.parcours import HoursStep, weekly_hours
from insertion_erp.core.periods import Period, add_days, add_weeks

# The 4-level scale, lowest first; a level's score is its index.
LEVELS = ("Not Started", "Emerging", "Acquired", "Mastered")
ACQUIRED_LEVELS = frozenset(("Acquired", "Mastered"))
CATEGORIES = ("Technical", "Personal", "Social")


def level_score(level: str) -> int:
	try:
		return LEVELS.index(level)
	except ValueError:
		raise ValueError(f"unknown level {level!r}") from None


@dataclass(frozen=True)
class Assessment:
	"""One competency's level at one evaluation."""

	evaluated_on: date
	competency: str
	category: str
	level: str


def progress_by_category(assessments: Iterable[Assessment]) -> dict[str, list[tuple[date, Decimal]]]:
	"""For each category, the mean score (0 to 3) of its competencies at each evaluation date, in date order."""
	scores: dict[tuple[str, date], list[int]] = defaultdict(list)
	for a in assessments:
		scores[(a.category, a.evaluated_on)].append(level_score(a.level))
	progress: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
	for (category, day), values in sorted(scores.items(), key=lambda item: (item[0][1], item[0][0])):
		mean = round_money(Decimal(sum(values)) / Decimal(len(values)))
		progress[category].append((day, mean))
	return dict(progress)


def latest_levels(assessments: Iterable[Assessment]) -> dict[str, Assessment]:
	"""The most recent assessment of each competency."""
	latest: dict[str, Assessment] = {}
	for a in sorted(assessments, key=lambda a: a.evaluated_on):
		latest[a.competency] = a
	return latest


def acquired_competencies(assessments: Iterable[Assessment]) -> list[Assessment]:
	"""Competencies whose latest level is Acquired or Mastered, by category then name."""
	return sorted(
		(a for a in latest_levels(assessments).values() if a.level in ACQUIRED_LEVELS),
		key=lambda a: (CATEGORIES.index(a.category) if a.category in CATEGORIES else 99, a.competency),
	)


def next_evaluation_date(start: date, last_evaluation: date | None, interval_weeks: int) -> date:
	"""Evaluations every `interval_weeks` weeks: after the last one, or after the start."""
	if interval_weeks < 1:
		raise ValueError("evaluations need an interval of at least one week")
	return add_weeks(last_evaluation or start, interval_weeks)


def minutes_to_hours(minutes: int | Decimal) -> Decimal:
	return round_money(Decimal(minutes) / Decimal(60))


def paid_training_hours(steps: list[HoursStep], total_weeks: int, start: date, days: Period) -> Decimal:
	"""Scheduled hours of a parcours starting on `start` that fall on `days`.

	Each week's hours spread evenly over its 7 days, so a part of a week counts
	its share (2 days of a 28-hour week: 8 hours)."""
	total = Decimal(0)
	hours = weekly_hours(steps, total_weeks)
	# Only the weeks that can meet `days` (a claim's month: 5 or 6 of them).
	first = max(0, (days.start - start).days // 7)
	last = min(len(hours) - 1, (days.end - start).days // 7)
	for week in range(first, last + 1):
		week_hours = hours[week]
		week_start = add_weeks(start, week)
		overlap = Period(week_start, add_days(week_start, 6)).intersection(days)
		if overlap:
			total += week_hours * Decimal(overlap.days) / Decimal(7)
	return round_money(total)
