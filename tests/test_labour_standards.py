from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.payroll.labour_standards import (
	EASTER_MONDAY,
	GOOD_FRIDAY,
	easter_sunday,
	holiday_indemnity,
	holiday_reference_weeks,
	holidays_in,
	quebec_general_holidays,
	vacation_pay,
	vacation_pay_rate,
)

years = st.integers(min_value=1583, max_value=9999)


@pytest.mark.parametrize(
	"year, expected",
	[
		(2024, date(2024, 3, 31)),
		(2025, date(2025, 4, 20)),
		(2026, date(2026, 4, 5)),
		(2027, date(2027, 3, 28)),
		(2000, date(2000, 4, 23)),
		(2038, date(2038, 4, 25)),  # the latest possible date
		(2285, date(2285, 3, 22)),  # the earliest possible date
	],
)
def test_easter_sunday_known_years(year, expected):
	assert easter_sunday(year) == expected


@given(years)
def test_easter_is_a_sunday_between_march_22_and_april_25(year):
	easter = easter_sunday(year)
	assert easter.weekday() == 6
	assert date(year, 3, 22) <= easter <= date(year, 4, 25)


def test_easter_refuses_a_year_before_the_gregorian_calendar():
	with pytest.raises(ValueError):
		easter_sunday(1582)


def test_2026_holidays_exactly():
	# Worked out by hand. 2026-01-01 is a Thursday.
	# Easter 2026-04-05 (Sunday), so Good Friday is 2026-04-03.
	# May 1 is a Friday, May 25 a Monday: the Monday *before* May 25 is May 18.
	# June 24 is a Wednesday, July 1 a Wednesday (no move).
	# September 1 is a Tuesday: first Monday September 7.
	# October 1 is a Thursday: Mondays October 5 and 12, the second is October 12.
	# December 25 is a Friday.
	assert quebec_general_holidays(2026) == [
		(date(2026, 1, 1), "Jour de l'An"),
		(date(2026, 4, 3), "Vendredi saint"),
		(date(2026, 5, 18), "Journée nationale des patriotes"),
		(date(2026, 6, 24), "Fête nationale du Québec"),
		(date(2026, 7, 1), "Fête du Canada"),
		(date(2026, 9, 7), "Fête du Travail"),
		(date(2026, 10, 12), "Action de grâce"),
		(date(2026, 12, 25), "Noël"),
	]


def test_easter_monday_replaces_good_friday_when_the_employer_chooses_it():
	holidays = quebec_general_holidays(2026, EASTER_MONDAY)
	assert (date(2026, 4, 6), "Lundi de Pâques") in holidays
	assert all(name != "Vendredi saint" for _, name in holidays)
	assert len(holidays) == 8


def test_unknown_easter_choice_is_refused():
	with pytest.raises(ValueError):
		quebec_general_holidays(2026, "Easter Sunday")


def test_canada_day_on_a_sunday_moves_to_july_2():
	# 2029-01-01 is a Monday; July 1 is 181 days later (181 = 7 x 25 + 6): a Sunday.
	assert date(2029, 7, 1).weekday() == 6
	days = {name: day for day, name in quebec_general_holidays(2029)}
	assert days["Fête du Canada"] == date(2029, 7, 2)


def test_fete_nationale_on_a_sunday():
	# June 24, 2029 is a Sunday too (a week before July 1). National Holiday Act s. 2: June 25
	# for an employee who does not normally work on Sunday; the Sunday itself for one who does.
	assert date(2029, 6, 24).weekday() == 6
	usual = {name: day for day, name in quebec_general_holidays(2029)}
	sunday_workers = {name: day for day, name in quebec_general_holidays(2029, sunday_is_workday=True)}
	assert usual["Fête nationale du Québec"] == date(2029, 6, 25)
	assert sunday_workers["Fête nationale du Québec"] == date(2029, 6, 24)
	assert sunday_workers["Fête du Canada"] == date(2029, 7, 2)  # s. 60 moves it for everyone


def test_patriotes_is_may_24_when_may_24_is_a_monday():
	# 2027-05-01 is a Saturday, so May 24 is a Monday: the Monday preceding May 25.
	days = {name: day for day, name in quebec_general_holidays(2027)}
	assert days["Journée nationale des patriotes"] == date(2027, 5, 24)


@given(years, st.sampled_from([GOOD_FRIDAY, EASTER_MONDAY]), st.booleans())
def test_always_eight_distinct_sorted_dates_within_the_year(year, easter, sunday_is_workday):
	holidays = quebec_general_holidays(year, easter, sunday_is_workday=sunday_is_workday)
	days = [day for day, _ in holidays]
	assert len(days) == len(set(days)) == 8
	assert all(day.year == year for day in days)
	assert all(a < b for a, b in pairwise(days))
	patriotes = {name: day for day, name in holidays}["Journée nationale des patriotes"]
	assert patriotes.weekday() == 0 and date(year, 5, 18) <= patriotes <= date(year, 5, 24)


def test_vacation_rate_is_4_percent_then_6_at_exactly_three_years():
	start = date(2023, 5, 1)
	# A reference year ending April 30: service 2023-05-01 to 2026-04-30 inclusive is three years.
	assert vacation_pay_rate(start, date(2026, 4, 29)) == Decimal("4")
	assert vacation_pay_rate(start, date(2026, 4, 30)) == Decimal("6")
	assert vacation_pay_rate(start, date(2025, 4, 30)) == Decimal("4")
	assert vacation_pay_rate(start, start) == Decimal("4")
	assert vacation_pay_rate(start, date(2035, 4, 30)) == Decimal("6")


def test_vacation_rate_follows_the_cnesst_example():
	# CNESST: hired 2016-09-01, reference year May 1 to April 30: 4 % at 2019-04-30 (2 years),
	# 6 % at 2020-04-30 (3 years).
	start = date(2016, 9, 1)
	assert vacation_pay_rate(start, date(2019, 4, 30)) == Decimal("4")
	assert vacation_pay_rate(start, date(2020, 4, 30)) == Decimal("6")


def test_vacation_rate_with_other_rates_and_a_february_29_start():
	rates = (Decimal("6"), Decimal("8"))
	assert vacation_pay_rate(date(2020, 1, 1), date(2022, 12, 31), rates) == Decimal("8")
	assert vacation_pay_rate(date(2020, 1, 1), date(2022, 12, 30), rates) == Decimal("6")
	assert vacation_pay_rate(date(2020, 1, 1), date(2020, 12, 31), years_for_higher=1) == Decimal("6")
	# Three years from 2020-02-29 are complete at the end of 2023-02-28 (2023 has no February 29).
	assert vacation_pay_rate(date(2020, 2, 29), date(2023, 2, 27)) == Decimal("4")
	assert vacation_pay_rate(date(2020, 2, 29), date(2023, 2, 28)) == Decimal("6")


def test_vacation_rate_refuses_a_date_before_the_service():
	with pytest.raises(ValueError):
		vacation_pay_rate(date(2026, 5, 1), date(2026, 4, 30))


@pytest.mark.parametrize(
	"gross, rate, expected",
	[
		(Decimal("25000"), Decimal("4"), Decimal("1000.00")),
		(Decimal("25000"), Decimal("6"), Decimal("1500.00")),
		(Decimal("1234.56"), Decimal("4"), Decimal("49.38")),  # 49.3824
		(Decimal("1234.625"), Decimal("4"), Decimal("49.39")),  # 49.385, half away from zero
		(Decimal("0"), Decimal("6"), Decimal("0.00")),
	],
)
def test_vacation_pay(gross, rate, expected):
	assert vacation_pay(gross, rate) == expected


def test_holiday_indemnity_is_one_twentieth():
	# Four weeks of 30 h at $17: 4 x 30 x 17 = $2,040; / 20 = $102.00.
	assert holiday_indemnity(Decimal("2040")) == Decimal("102.00")
	# CNESST-style example: 800 + 640 + 800 + 320 = 2,560; / 20 = 128.
	assert holiday_indemnity(Decimal("2560")) == Decimal("128.00")
	assert holiday_indemnity(Decimal("1234.50")) == Decimal("61.73")  # 61.725 rounds up
	assert holiday_indemnity(Decimal("0")) == Decimal("0.00")


def test_reference_weeks_of_fete_nationale_2026():
	# Wednesday 2026-06-24: its week starts Sunday 2026-06-21; the four complete weeks before
	# run from Sunday 2026-05-24 to Saturday 2026-06-20.
	assert holiday_reference_weeks(date(2026, 6, 24)) == (date(2026, 5, 24), date(2026, 6, 20))


def test_reference_weeks_when_the_holiday_starts_its_week_or_weeks_start_on_monday():
	# Sunday 2029-06-24 starts its own Sunday week.
	assert holiday_reference_weeks(date(2029, 6, 24)) == (date(2029, 5, 27), date(2029, 6, 23))
	# Pay weeks starting on Monday: Monday 2026-05-18 starts its own week.
	assert holiday_reference_weeks(date(2026, 5, 18), week_starts_on=0) == (
		date(2026, 4, 20),
		date(2026, 5, 17),
	)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.integers(0, 6))
def test_reference_weeks_are_28_days_ending_the_day_before_the_holidays_week(holiday, starts_on):
	first, last = holiday_reference_weeks(holiday, starts_on)
	assert first.weekday() == starts_on
	assert last - first == timedelta(days=27)
	assert timedelta(days=1) <= holiday - last <= timedelta(days=7)


def test_reference_weeks_refuse_a_bad_weekday():
	with pytest.raises(ValueError):
		holiday_reference_weeks(date(2026, 6, 24), week_starts_on=7)


def test_holidays_in_a_pay_period():
	holidays = [day for day, _ in quebec_general_holidays(2026)]
	assert holidays_in(date(2026, 6, 21), date(2026, 7, 4), holidays) == [date(2026, 6, 24), date(2026, 7, 1)]
	assert holidays_in(date(2026, 6, 24), date(2026, 6, 24), holidays) == [date(2026, 6, 24)]
	assert holidays_in(date(2026, 7, 5), date(2026, 7, 18), holidays) == []
	assert holidays_in(date(2026, 1, 1), date(2026, 1, 10), [date(2026, 1, 1)] * 2) == [date(2026, 1, 1)]
	with pytest.raises(ValueError):
		holidays_in(date(2026, 7, 18), date(2026, 7, 5), holidays)
