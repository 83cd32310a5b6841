from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.funding.claims import (
	SUPERVISION_WAGES,
	TRAINEE_WAGES,
	Ceilings,
	PayLine,
	cap_to_budget,
	claim_periods,
	funded_amount,
	is_claim_period,
	reimbursed,
)
from insertion_erp.core.periods import Period

CONTRACT = Period(date(2026, 4, 1), date(2027, 3, 31))


def test_monthly_claims_follow_calendar_months():
	periods = claim_periods(CONTRACT, "Monthly")
	assert len(periods) == 12
	assert periods[0] == Period(date(2026, 4, 1), date(2026, 4, 30))
	assert is_claim_period(CONTRACT, "Monthly", Period(date(2026, 5, 1), date(2026, 5, 31)))
	assert not is_claim_period(CONTRACT, "Monthly", Period(date(2026, 5, 1), date(2026, 6, 15)))


def test_quarterly_and_four_weekly_periods_start_with_the_contract():
	quarters = claim_periods(CONTRACT, "Quarterly")
	assert quarters[1] == Period(date(2026, 7, 1), date(2026, 9, 30))
	assert quarters[-1].end == CONTRACT.end
	blocks = claim_periods(CONTRACT, "Every 4 Weeks")
	assert blocks[0] == Period(date(2026, 4, 1), date(2026, 4, 28))
	assert blocks[-1].end == CONTRACT.end
	assert sum(p.days for p in blocks) == CONTRACT.days


def test_per_pay_period_claims_only_stay_inside_the_contract():
	assert is_claim_period(CONTRACT, "Per Pay Period", Period(date(2026, 4, 5), date(2026, 4, 18)))
	assert not is_claim_period(CONTRACT, "Per Pay Period", Period(date(2026, 3, 29), date(2026, 4, 11)))
	with pytest.raises(ValueError):
		claim_periods(CONTRACT, "Per Pay Period")


def trainee(hours, gross, contributions="0", days=14):
	return PayLine(TRAINEE_WAGES, D(hours), D(gross), D(contributions), days)


def test_trainee_pay_within_the_ceilings_is_funded_whole():
	line = trainee("70", "1127.00", "128.17")
	assert funded_amount(line, Ceilings(D("18.00"), D("35"))) == D("1255.17")


def test_hourly_and_weekly_ceilings_cut_the_funded_wage_and_its_contributions():
	# 80 h over 2 weeks at $20: cap 35 h a week -> 70 h; cap $18 -> 70 x 18 = 1260 of 1600.
	line = trainee("80", "1600", "200")
	funded = funded_amount(line, Ceilings(D(18), D(35)))
	assert funded == D(1260) + D(200) * D(1260) / D(1600)  # 1417.50
	assert funded == D("1417.5")


def test_supervisors_count_for_their_funded_share():
	line = PayLine(SUPERVISION_WAGES, D(0), D("4000"), D("600"), 31, funded_share=D(50))
	assert funded_amount(line, Ceilings(D(18), D(35))) == D(2300)


def test_no_hours_no_wage_funded():
	assert funded_amount(trainee("0", "500"), Ceilings()) == 0
	assert funded_amount(trainee("10", "0"), Ceilings()) == 0


def test_reimbursed_rounds_half_up():
	assert reimbursed(D("1417.5"), D("75")) == D("1063.13")  # 1063.125


def test_a_budget_line_is_capped_to_what_remains():
	lines, total = cap_to_budget(TRAINEE_WAGES, [D("600.004"), D("300"), D("100")], D("10000"), D("9500"))
	assert total.requested == D("1000.00")
	assert total.claimed == D("500.00") and total.capped
	assert sum(lines) == total.claimed
	assert lines == [D("300.00"), D("150.00"), D("50.00")]
	assert total.remaining_after == 0


def test_a_budget_line_under_its_budget_is_untouched():
	lines, total = cap_to_budget(TRAINEE_WAGES, [D("10.005"), D("20")], D("100"), D("0"))
	assert lines == [D("10.01"), D("20.00")] and not total.capped
	assert total.remaining_after == D("69.99")


money = st.decimals(min_value=0, max_value=5000, places=2)


@given(
	st.lists(
		st.tuples(st.decimals(min_value=0, max_value=120, places=2), money, money), min_size=1, max_size=20
	),
	st.decimals(min_value=0, max_value=30, places=2),
	st.decimals(min_value=0, max_value=40, places=1),
	st.decimals(min_value=0, max_value=100, places=2),
	st.decimals(min_value=0, max_value=50000, places=2),
	st.decimals(min_value=0, max_value=50000, places=2),
)
def test_a_claim_never_passes_its_budget_nor_what_was_paid(rows, hourly, weekly, rate, budget, before):
	lines = [trainee(h, g, c) for h, g, c in rows]
	ceilings = Ceilings(hourly, weekly)
	amounts = [reimbursed(funded_amount(line, ceilings), rate) for line in lines]
	claimed, total = cap_to_budget(TRAINEE_WAGES, amounts, budget, before)
	assert sum(claimed) == total.claimed <= max(D(0), budget - before)
	for line, amount in zip(lines, claimed, strict=True):
		assert 0 <= amount <= line.eligible_gross + line.contributions
	# Rounded lines add up to the total the funder sees.
	assert sum(claimed) == total.claimed


def test_a_budget_line_at_the_current_pace():
	from insertion_erp.core.funding.claims import project

	# 30,000 claimed in 6 months of a 12-month contract with a 50,000 budget: 5,000 a month,
	# 60,000 by the end; what remains lasts 4 months, fewer than the 6 left.
	p = project(D(50000), D(30000), D(6), D(6))
	assert (p.monthly_pace, p.projected, p.months_left_at_pace) == (D("5000.00"), D("60000.00"), D("4.0"))
	assert p.runs_out_before(D(6))
	slow = project(D(50000), D(12000), D(6), D(6))
	assert slow.projected == D("24000.00") and not slow.runs_out_before(D(6))
	nothing = project(D(50000), D(0), D(0), D(12))
	assert nothing.months_left_at_pace is None and not nothing.runs_out_before(D(12))
