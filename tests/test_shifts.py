from datetime import date, datetime
from decimal import Decimal as D

from insertion_erp.core.parcours.shifts import (
	DOUBLE_IN,
	IN,
	MISSING_OUT,
	OUT,
	OUT_WITHOUT_IN,
	OVER_CEILING,
	OVER_SCHEDULE,
	Break,
	Punch,
	check_week,
	pair,
	parcours_week,
)

LUNCH = Break(minutes=30, after_hours=D(5))


def punch(name, when, log_type):
	return Punch(name, datetime.fromisoformat(when), log_type)


def test_a_day_of_two_shifts_is_paid_its_hours():
	days = pair(
		[
			punch("a", "2026-05-04 08:00", IN),
			punch("b", "2026-05-04 12:00", OUT),
			punch("c", "2026-05-04 13:00", IN),
			punch("d", "2026-05-04 15:15", OUT),
		]
	)
	day = days[date(2026, 5, 4)]
	assert not day.problems
	assert day.paid_hours(LUNCH) == D("6.25")


def test_a_long_shift_has_its_unpaid_break_after_five_hours():
	day = pair([punch("a", "2026-05-04 08:00", IN), punch("b", "2026-05-04 15:30", OUT)])[date(2026, 5, 4)]
	(shift,) = day.shifts
	assert shift.segments(LUNCH) == [
		(datetime(2026, 5, 4, 8), datetime(2026, 5, 4, 13)),
		(datetime(2026, 5, 4, 13, 30), datetime(2026, 5, 4, 15, 30)),
	]
	assert day.paid_hours(LUNCH) == D(7)
	# Out during the break: paid up to it. No break set: every minute is paid.
	short = pair([punch("a", "2026-05-04 08:00", IN), punch("b", "2026-05-04 13:20", OUT)])
	assert short[date(2026, 5, 4)].paid_hours(LUNCH) == D(5)
	assert day.paid_hours(Break(minutes=0)) == D("7.5")


def test_a_double_in_keeps_the_first_and_is_flagged():
	day = pair(
		[
			punch("a", "2026-05-05 08:00", IN),
			punch("b", "2026-05-05 08:01", IN),
			punch("c", "2026-05-05 12:00", OUT),
		]
	)[date(2026, 5, 5)]
	assert [p.kind for p in day.problems] == [DOUBLE_IN]
	assert day.problems[0].punches == ("a", "b")
	assert day.paid_hours(LUNCH) == D(4)
	assert not day.blocked


def test_punches_of_the_same_second_count_in_the_order_they_were_made():
	"""Out then back in within a second (the supervisor's tap undone): the shift is open again,
	no double IN; in then out within a second: a shift of no time. Names follow creation."""
	out_and_in = pair(
		[
			punch("EMP-CKIN-000885", "2026-12-07 08:00:00", IN),
			punch("EMP-CKIN-000888", "2026-12-07 10:00:00", OUT),
			punch("EMP-CKIN-000889", "2026-12-07 10:00:00", IN),
			punch("EMP-CKIN-000890", "2026-12-07 12:00:00", OUT),
		]
	)[date(2026, 12, 7)]
	assert not out_and_in.problems
	assert out_and_in.paid_hours(LUNCH) == D(4)
	in_and_out = pair([punch("a", "2026-12-07 08:00:00", IN), punch("b", "2026-12-07 08:00:00", OUT)])
	assert not in_and_out[date(2026, 12, 7)].problems
	assert in_and_out[date(2026, 12, 7)].paid_hours(LUNCH) == D(0)


def test_a_missing_out_blocks_the_day_and_pays_nothing_guessed():
	days = pair(
		[
			punch("a", "2026-05-06 08:00", IN),
			punch("b", "2026-05-07 08:00", IN),
			punch("c", "2026-05-07 11:00", OUT),
			punch("d", "2026-05-07 11:05", OUT),
		]
	)
	assert [p.kind for p in days[date(2026, 5, 6)].problems] == [MISSING_OUT]
	assert days[date(2026, 5, 6)].blocked
	assert days[date(2026, 5, 6)].paid_hours(LUNCH) == 0
	assert [p.kind for p in days[date(2026, 5, 7)].problems] == [OUT_WITHOUT_IN]
	assert days[date(2026, 5, 7)].paid_hours(LUNCH) == D(3)


def test_seconds_count_exactly():
	day = pair([punch("a", "2026-05-04 08:00:00", IN), punch("b", "2026-05-04 08:20:00", OUT)])
	assert day[date(2026, 5, 4)].paid_seconds(LUNCH) == 20 * 60


def test_the_week_is_checked_against_the_schedule_and_the_ceiling():
	days = pair(
		[punch(f"i{d}", f"2026-05-0{d} 08:00", IN) for d in range(4, 9)]
		+ [punch(f"o{d}", f"2026-05-0{d} 15:30", OUT) for d in range(4, 9)]
	)  # 5 days x 7 h = 35 h
	assert [p.kind for p in check_week(days, LUNCH, D(20), D(30))] == [OVER_SCHEDULE, OVER_CEILING]
	assert check_week(days, LUNCH, D(35), D(35)) == []
	assert check_week(days, LUNCH, None, None) == []
	assert parcours_week(date(2026, 5, 6), date(2026, 5, 6)) == (1, date(2026, 5, 6), date(2026, 5, 12))
	assert parcours_week(date(2026, 5, 6), date(2026, 5, 13)) == (2, date(2026, 5, 13), date(2026, 5, 19))
