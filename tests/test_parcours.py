from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from insertion_erp.core.parcours.parcours import (
	DEFAULT_SCHEDULE,
	HoursStep,
	ScheduleBackwards,
	ScheduleGap,
	ScheduleHours,
	ScheduleShort,
	ScheduleTooLong,
	Status,
	age_on,
	derive_status,
	exit_kind,
	first_overlap,
	fit_schedule,
	follow_up_due_dates,
	occupied_period,
	planned_end,
	plausible_birth_date,
	suspended_days,
	weekly_hours,
)
from insertion_erp.core.periods import Period

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


# Ages and birth dates --------------------------------------------------------


def test_age_counts_whole_years():
	assert age_on(date(2000, 6, 15), date(2026, 6, 14)) == 25
	assert age_on(date(2000, 6, 15), date(2026, 6, 15)) == 26
	assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
	assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


@pytest.mark.parametrize(
	"birth, plausible",
	[
		(date(2011, 1, 5), True),  # 15 on the day
		(date(2011, 1, 6), False),  # 14
		(date(1980, 5, 1), True),
		(date(1935, 1, 5), False),  # 91
		(date(2027, 1, 1), False),  # not born yet
	],
)
def test_birth_date_must_be_plausible(birth, plausible):
	assert plausible_birth_date(birth, on=date(2026, 1, 5)) is plausible


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), dates)
def test_age_grows_by_one_each_birthday(birth, day):
	assume(birth <= day)
	age = age_on(birth, day)
	assert age >= 0
	assert age_on(birth, day + timedelta(days=366)) in (age + 1, age + 2)


# Parcours dates ----------------------------------------------------------------


def test_planned_end_of_a_26_week_parcours():
	assert planned_end(date(2026, 1, 5), 26) == date(2026, 7, 5)


@given(dates, st.integers(min_value=1, max_value=104))
def test_planned_end_gives_whole_weeks(start, weeks):
	end = planned_end(start, weeks)
	assert end > start
	assert ((end - start).days + 1) == weeks * 7
	assert end.weekday() == (start.weekday() - 1) % 7


def test_an_open_parcours_holds_its_planned_period_a_closed_one_its_actual_one():
	start, plan = date(2026, 1, 5), date(2026, 7, 5)
	assert occupied_period(start, plan, None) == Period(start, plan)
	assert occupied_period(start, plan, date(2026, 3, 1)) == Period(start, date(2026, 3, 1))


def test_first_overlap_names_the_clashing_parcours():
	first = ("PRC-1", Period(date(2025, 1, 6), date(2025, 7, 6)))
	second = ("PRC-2", Period(date(2026, 1, 5), date(2026, 7, 5)))
	assert first_overlap(Period(date(2025, 7, 7), date(2025, 12, 31)), [first, second]) is None
	assert first_overlap(Period(date(2025, 7, 6), date(2025, 12, 31)), [first, second]) == "PRC-1"
	assert first_overlap(Period(date(2025, 12, 1), date(2026, 1, 5)), [first, second]) == "PRC-2"


# Status ------------------------------------------------------------------------


def status(**kw):
	base = dict(approved=False, start=None, planned_end_date=None, actual_end=None, exit_reason=None)
	return derive_status(**{**base, **kw})


def test_status_follows_the_data():
	start, plan = date(2026, 1, 5), date(2026, 7, 5)
	assert status() is Status.CANDIDATE
	assert status(approved=True) is Status.APPROVED
	assert status(approved=True, start=start, planned_end_date=plan) is Status.ACTIVE
	closed = dict(approved=True, start=start, planned_end_date=plan)
	assert status(**closed, actual_end=plan, exit_reason="Completed") is Status.COMPLETED
	assert status(**closed, actual_end=date(2026, 4, 1), exit_reason="Dropped Out") is Status.EXITED_EARLY
	assert status(**closed, actual_end=date(2026, 4, 1), exit_reason="Left for a Job") is Status.EXITED_EARLY
	assert status(**closed, actual_end=date(2026, 6, 28), exit_reason="Completed") is Status.COMPLETED
	assert status(**closed, actual_end=plan, exit_reason="Dismissed") is Status.COMPLETED
	followed = dict(**closed, actual_end=plan, exit_reason="Completed", follow_ups_due=2)
	assert status(**followed, follow_ups_done=1) is Status.COMPLETED
	assert status(**followed, follow_ups_done=2) is Status.FOLLOWED_UP


def test_one_rule_for_how_a_parcours_ended():
	plan = date(2026, 7, 5)
	# Run to its planned end: completed, whatever reason was noted.
	assert exit_kind(plan, plan, "Back to School") is Status.COMPLETED
	assert exit_kind(plan, date(2026, 7, 6), "Dismissed") is Status.COMPLETED
	# Before it: early, unless the reason is Completed.
	assert exit_kind(plan, date(2026, 7, 4), "Back to School") is Status.EXITED_EARLY
	assert exit_kind(plan, date(2026, 7, 4), "Completed") is Status.COMPLETED
	assert exit_kind(None, date(2026, 7, 4), "Dropped Out") is Status.COMPLETED  # no plan: not early


# Follow-ups --------------------------------------------------------------------


def test_follow_ups_fall_3_and_6_months_after_exit():
	assert follow_up_due_dates(date(2026, 8, 31), [6, 3]) == [(3, date(2026, 11, 30)), (6, date(2027, 2, 28))]
	assert follow_up_due_dates(date(2026, 8, 31), []) == []


@given(dates, st.lists(st.integers(min_value=1, max_value=60), max_size=6))
def test_follow_ups_come_after_exit_in_order(exit_date, offsets):
	due = follow_up_due_dates(exit_date, offsets)
	assert [m for m, _ in due] == sorted(set(offsets))
	assert all(d > exit_date for _, d in due)
	assert [d for _, d in due] == sorted(d for _, d in due)


# Gradual entry schedule ----------------------------------------------------------


def test_default_schedule_gives_21_then_28_then_35_hours():
	hours = weekly_hours(DEFAULT_SCHEDULE, 26)
	assert len(hours) == 26
	assert hours[:4] == [21] * 4 and hours[4:8] == [28] * 4 and hours[8:] == [35] * 18
	assert sum(hours) == 4 * 21 + 4 * 28 + 18 * 35 == 826


def test_fit_schedule_cuts_a_default_to_a_short_parcours():
	fitted = fit_schedule(DEFAULT_SCHEDULE, 6)
	assert fitted == [HoursStep(1, 4, Decimal(21)), HoursStep(5, None, Decimal(28))]
	assert weekly_hours(fitted, 6) == [21, 21, 21, 21, 28, 28]
	assert fit_schedule(DEFAULT_SCHEDULE, 30)[-1] == HoursStep(9, None, Decimal(35))


H = Decimal(21)


@pytest.mark.parametrize(
	"steps, weeks, error, row, week",
	[
		([HoursStep(2, None, H)], 10, ScheduleGap, 1, 1),
		([HoursStep(1, 4, H), HoursStep(6, None, H)], 10, ScheduleGap, 2, 5),
		([HoursStep(1, 4, H), HoursStep(4, None, H)], 10, ScheduleGap, 2, 5),
		([HoursStep(1, None, H), HoursStep(5, None, H)], 10, ScheduleGap, 2, 11),
		([HoursStep(1, 0, H)], 10, ScheduleBackwards, 1, 1),
		([HoursStep(1, 12, H)], 10, ScheduleTooLong, 1, 10),
		([HoursStep(1, 4, H)], 10, ScheduleShort, 1, 5),
		([], 10, ScheduleShort, 0, 1),
		([HoursStep(1, None, Decimal(0))], 10, ScheduleHours, 1, 1),
		([HoursStep(1, None, Decimal(61))], 10, ScheduleHours, 1, 1),
	],
)
def test_schedules_that_do_not_fit_are_refused_with_their_row(steps, weeks, error, row, week):
	with pytest.raises(error) as raised:
		weekly_hours(steps, weeks)
	assert (raised.value.row, raised.value.week) == (row, week)


@st.composite
def schedules(draw):
	total = draw(st.integers(min_value=1, max_value=60))
	cuts = (
		sorted(draw(st.sets(st.integers(min_value=1, max_value=total - 1), max_size=5))) if total > 1 else []
	)
	bounds = [0, *cuts, total]
	hours = [Decimal(draw(st.integers(min_value=1, max_value=40))) for _ in bounds[1:]]
	steps = [HoursStep(a + 1, b, h) for a, b, h in zip(bounds, bounds[1:], hours, strict=False)]
	if draw(st.booleans()):
		steps[-1] = HoursStep(steps[-1].from_week, None, steps[-1].hours)
	return steps, total


@given(schedules())
def test_a_contiguous_schedule_covers_every_week_once(schedule):
	steps, total = schedule
	hours = weekly_hours(steps, total)
	assert len(hours) == total
	for step in steps:
		last = total if step.to_week is None else step.to_week
		assert hours[step.from_week - 1 : last] == [step.hours] * (last - step.from_week + 1)


@given(schedules(), st.integers(min_value=1, max_value=60))
def test_a_fitted_schedule_always_fits(schedule, weeks):
	steps, _ = schedule
	assert len(weekly_hours(fit_schedule(steps, weeks), weeks)) == weeks


def test_ended_suspensions_move_the_planned_end():
	start = date(2026, 1, 5)
	plain = planned_end(start, 26)
	ended = [(date(2026, 2, 2), date(2026, 2, 15))]  # 14 days
	assert planned_end(start, 26, ended) == plain + timedelta(days=14)
	still_open = [(date(2026, 3, 2), None)]
	assert planned_end(start, 26, ended + still_open) == plain + timedelta(days=14)
	assert suspended_days([]) == 0


def test_an_open_suspension_is_the_status_of_a_started_parcours():
	common = dict(approved=True, start=date(2026, 1, 5), planned_end_date=date(2026, 7, 5), exit_reason=None)
	assert derive_status(**common, actual_end=None, suspended=True) == Status.SUSPENDED
	assert derive_status(**common, actual_end=None) == Status.ACTIVE
	assert derive_status(
		**{**common, "exit_reason": "Dropped Out"}, actual_end=date(2026, 3, 1), suspended=True
	) == (Status.EXITED_EARLY)
