"""The Record of Employment's blocks from paid periods (core/payroll/roe.py)."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from insertion_erp.core.payroll import roe

# Block 15C's periods by frequency, as Insertion Settings ship them (to confirm).
PERIODS = {"Weekly": 53, "Fortnightly": 27, "Bimonthly": 25, "Monthly": 13}


def weeks(first_monday: date, count: int, hours: str = "30", rate: str = "18") -> list[roe.PayPeriod]:
	return [
		roe.PayPeriod(
			start=first_monday + timedelta(weeks=n),
			end=first_monday + timedelta(weeks=n, days=6),
			hours=D(hours),
			earnings=D(hours) * D(rate),
		)
		for n in range(count)
	]


def test_final_period_first_and_totals_of_the_periods_reported():
	periods = weeks(date(2026, 3, 2), 4)
	# The last week paid 12 hours and the vacation pay accrued over the contract.
	last = periods[-1]
	periods[-1] = roe.PayPeriod(last.start, last.end, D(12), D(12 * 18) + D("86.40"), D("86.40"))
	built = roe.build(list(reversed(periods)), "Weekly", date(2026, 3, 2), date(2026, 3, 27), "A00", PERIODS)
	assert built.final_period_end == date(2026, 3, 29)
	assert built.periods == [(1, D("302.40")), (2, D("540.00")), (3, D("540.00")), (4, D("540.00"))]
	assert built.insurable_hours == D(102)
	assert built.insurable_earnings == D("1922.40")
	assert built.vacation_pay == D("86.40")
	assert built.pay_period_type == "W"
	assert built.deadline == date(2026, 4, 3)


def test_as_many_periods_as_the_frequency_asks():
	periods = weeks(date(2025, 1, 6), 60)
	built = roe.build(periods, "Weekly", date(2025, 1, 6), periods[-1].end, "A00", PERIODS)
	assert len(built.periods) == 53
	assert built.periods[0][0] == 1
	assert built.insurable_hours == D(53 * 30)


def test_a_period_starting_after_the_last_day_paid_is_left_out():
	periods = weeks(date(2026, 3, 2), 3)
	built = roe.build(periods, "Weekly", date(2026, 3, 2), date(2026, 3, 13), "E00", PERIODS)
	assert [amount for _n, amount in built.periods] == [D("540.00"), D("540.00")]
	assert built.final_period_end == date(2026, 3, 15)


def test_monthly_deadline_is_the_earlier_of_five_days_and_fifteen_after_the_interruption():
	# Last day paid March 3: the interruption starts March 4; +15 = March 19, before April 5.
	assert roe.deadline(date(2026, 3, 31), date(2026, 3, 3), "Monthly") == date(2026, 3, 19)
	# Last day paid March 30: +15 from March 31 = April 15; five days after March 31 = April 5.
	assert roe.deadline(date(2026, 3, 31), date(2026, 3, 30), "Monthly") == date(2026, 4, 5)
	assert roe.deadline(date(2026, 3, 15), date(2026, 3, 10), "Fortnightly") == date(2026, 3, 20)


def test_reason_code_end_of_contract_mapped_or_other():
	mapping = {"Dismissed": "M00", "Dropped Out": "E00"}
	assert roe.reason_code(True, "Dismissed", mapping) == "A00"
	assert roe.reason_code(False, "Dismissed", mapping) == "M00"
	assert roe.reason_code(False, "Other", mapping) == "K00"
	assert roe.reason_code(False, None, mapping) == "K00"


def test_no_pay_or_an_unknown_frequency_is_refused():
	with pytest.raises(roe.RoeError) as error:
		roe.build([], "Weekly", date(2026, 3, 2), date(2026, 3, 13), "A00", PERIODS)
	assert error.value.kind == roe.NO_PAY
	with pytest.raises(roe.RoeError) as error:
		roe.build(weeks(date(2026, 3, 2), 1), "Daily", date(2026, 3, 2), date(2026, 3, 6), "A00", PERIODS)
	assert error.value.kind == roe.UNKNOWN_FREQUENCY


def test_slips_of_the_same_pay_period_are_one_period():
	week = weeks(date(2026, 3, 2), 1)[0]
	final_pay = roe.PayPeriod(week.start, week.end, D(0), D("151.20"), D("151.20"), "extra")
	built = roe.build([week, final_pay], "Weekly", week.start, date(2026, 3, 6), "A00", PERIODS)
	assert built.periods == [(1, D("691.20"))]
	assert built.vacation_pay == D("151.20")
	assert built.reported[0].reference == ""


def test_vacation_owed_is_the_rate_on_wages_less_what_was_paid():
	periods = weeks(date(2026, 3, 2), 5)  # 5 x 540.00 = 2,700.00
	assert roe.vacation_owed(periods, D(4)) == D("108.00")
	paid = roe.PayPeriod(date(2026, 4, 6), date(2026, 4, 12), D(0), D("50.00"), D("50.00"))
	assert roe.vacation_owed([*periods, paid], D(4)) == D("58.00")


def test_block_15c_reports_as_many_periods_as_the_setting_says():
	periods = weeks(date(2026, 1, 5), 10)
	built = roe.build(periods, "Weekly", date(2026, 1, 5), periods[-1].end, "A00", {"Weekly": 4})
	assert [number for number, _amount in built.periods] == [1, 2, 3, 4]
	assert built.insurable_hours == D(120)
