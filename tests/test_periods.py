import calendar
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.periods import (
	Period,
	add_months,
	end_after_weeks,
	month_period,
	months_between,
	without,
)

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(
	"start, months, expected",
	[
		(date(2026, 1, 31), 1, date(2026, 2, 28)),
		(date(2028, 1, 31), 1, date(2028, 2, 29)),
		(date(2026, 8, 15), 6, date(2027, 2, 15)),
		(date(2026, 3, 31), -1, date(2026, 2, 28)),
		(date(2026, 12, 1), 3, date(2027, 3, 1)),
	],
)
def test_add_months_clamps_to_month_end(start, months, expected):
	assert add_months(start, months) == expected


@given(dates, st.integers(min_value=-240, max_value=240))
def test_add_months_lands_in_the_right_month(day, months):
	result = add_months(day, months)
	assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
	assert result.day == min(day.day, calendar.monthrange(result.year, result.month)[1])


def test_a_26_week_parcours_from_a_monday_ends_on_a_sunday():
	end = end_after_weeks(date(2026, 1, 5), 26)
	assert end == date(2026, 7, 5)
	assert end.weekday() == 6
	assert Period(date(2026, 1, 5), end).days == 182
	with pytest.raises(ValueError):
		end_after_weeks(date(2026, 1, 5), 0)


@given(dates, st.integers(min_value=1, max_value=200))
def test_span_of_weeks_has_seven_days_a_week(start, weeks):
	assert Period(start, end_after_weeks(start, weeks)).days == weeks * 7


def test_period_is_closed_at_both_ends():
	p = Period(date(2026, 1, 4), date(2026, 1, 17))
	assert p.days == 14
	assert date(2026, 1, 4) in p and date(2026, 1, 17) in p
	assert date(2026, 1, 18) not in p
	with pytest.raises(ValueError):
		Period(date(2026, 2, 1), date(2026, 1, 31))


def test_overlap_and_intersection():
	jan = month_period(date(2026, 1, 15))
	assert jan == Period(date(2026, 1, 1), date(2026, 1, 31))
	pay = Period(date(2026, 1, 25), date(2026, 2, 7))
	assert jan.overlaps(pay)
	assert jan.intersection(pay) == Period(date(2026, 1, 25), date(2026, 1, 31))
	assert jan.intersection(Period(date(2026, 2, 1), date(2026, 2, 2))) is None
	assert not jan.contains_period(pay)


@given(dates, dates, dates, dates)
def test_overlap_is_symmetric_and_matches_intersection(a, b, c, d):
	p, q = Period(min(a, b), max(a, b)), Period(min(c, d), max(c, d))
	assert p.overlaps(q) == q.overlaps(p) == (p.intersection(q) is not None)
	if p.overlaps(q):
		inter = p.intersection(q)
		assert p.contains_period(inter) and q.contains_period(inter)


@given(dates, st.integers(min_value=0, max_value=800))
def test_months_between_tiles_the_period(start, length):
	period = Period(start, start + timedelta(days=length))
	months = list(months_between(period))
	assert months[0].start == period.start and months[-1].end == period.end
	assert sum(m.days for m in months) == period.days
	for before, after in pairwise(months):
		assert after.start == before.end + timedelta(days=1)
		assert before.start.month == before.end.month


def test_a_period_without_its_gaps():
	d = date
	month = Period(d(2026, 3, 1), d(2026, 3, 31))
	assert without(month, []) == [month]
	assert without(month, [Period(d(2026, 3, 10), d(2026, 3, 19))]) == [
		Period(d(2026, 3, 1), d(2026, 3, 9)),
		Period(d(2026, 3, 20), d(2026, 3, 31)),
	]
	assert without(month, [Period(d(2026, 2, 1), d(2026, 3, 5)), Period(d(2026, 3, 30), d(2026, 4, 30))]) == [
		Period(d(2026, 3, 6), d(2026, 3, 29))
	]
	assert without(month, [Period(d(2026, 2, 1), d(2026, 4, 30))]) == []
