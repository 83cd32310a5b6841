from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.parcours.parcours import DEFAULT_SCHEDULE
from insertion_erp.core.parcours.training import (
	LEVELS,
	Assessment,
	acquired_competencies,
	latest_levels,
	level_score,
	minutes_to_hours,
	next_evaluation_date,
	paid_training_hours,
	progress_by_category,
)
from insertion_erp.core.periods import Period, add_days

D1, D2 = date(2026, 1, 19), date(2026, 2, 2)


def a(day, competency, category, level):
	return Assessment(day, competency, category, level)


def test_levels_are_ordered():
	assert [level_score(level) for level in LEVELS] == [0, 1, 2, 3]
	with pytest.raises(ValueError):
		level_score("Expert")


def test_progress_is_the_mean_score_per_category_and_date():
	assessments = [
		a(D1, "Knife skills", "Technical", "Not Started"),
		a(D1, "Hygiene", "Technical", "Emerging"),
		a(D1, "Punctuality", "Personal", "Emerging"),
		a(D2, "Knife skills", "Technical", "Acquired"),
		a(D2, "Hygiene", "Technical", "Mastered"),
		a(D2, "Punctuality", "Personal", "Acquired"),
	]
	assert progress_by_category(assessments) == {
		"Technical": [(D1, Decimal("0.50")), (D2, Decimal("2.50"))],
		"Personal": [(D1, Decimal("1.00")), (D2, Decimal("2.00"))],
	}


def test_acquired_competencies_use_the_latest_level():
	assessments = [
		a(D1, "Hygiene", "Technical", "Acquired"),
		a(D2, "Hygiene", "Technical", "Emerging"),  # lost since
		a(D1, "Teamwork", "Social", "Emerging"),
		a(D2, "Teamwork", "Social", "Mastered"),
		a(D2, "Punctuality", "Personal", "Acquired"),
		a(D2, "Knife skills", "Technical", "Acquired"),
	]
	assert latest_levels(assessments)["Hygiene"].level == "Emerging"
	assert [(x.competency, x.level) for x in acquired_competencies(assessments)] == [
		("Knife skills", "Acquired"),
		("Punctuality", "Acquired"),
		("Teamwork", "Mastered"),
	]


def test_next_evaluation_every_two_weeks():
	assert next_evaluation_date(date(2026, 1, 5), None, 2) == date(2026, 1, 19)
	assert next_evaluation_date(date(2026, 1, 5), date(2026, 1, 21), 2) == date(2026, 2, 4)
	with pytest.raises(ValueError):
		next_evaluation_date(date(2026, 1, 5), None, 0)


def test_minutes_become_hours_to_the_hundredth():
	assert minutes_to_hours(50) == Decimal("0.83")


START = date(2026, 1, 5)


def paid(first: date, last: date) -> Decimal:
	return paid_training_hours(list(DEFAULT_SCHEDULE), 26, START, Period(first, last))


def test_paid_training_hours_follow_the_schedule():
	assert paid(START, date(2026, 7, 5)) == Decimal(826)
	# Four weeks at 21 h, then two days of week 5 (28 h a week).
	assert paid(START, date(2026, 2, 3)) == Decimal("92.00")
	# January: weeks 1 to 3 and 6 days of week 4, all at 21 h.
	assert paid(date(2026, 1, 1), date(2026, 1, 31)) == Decimal("81.00")
	# Days outside the parcours count nothing.
	assert paid(date(2025, 1, 1), date(2025, 12, 31)) == 0
	assert paid(date(2026, 7, 1), date(2026, 12, 31)) == Decimal(25)


@given(st.integers(min_value=0, max_value=26 * 7), st.integers(min_value=0, max_value=26 * 7))
def test_paid_hours_of_consecutive_periods_add_up(a, b):
	first, cut = sorted((a, b))
	cut_day = add_days(START, cut)
	whole = paid(add_days(START, first), add_days(START, 26 * 7))
	left = paid(add_days(START, first), add_days(cut_day, -1)) if cut > first else Decimal(0)
	right = paid(cut_day, add_days(START, 26 * 7))
	assert abs(left + right - whole) <= Decimal("0.02")  # each part rounds to the cent
	assert 0 <= whole <= 826
