"""Quebec source deductions on one pay (core.source_deductions) and the shipped parameters.

The oracles O1-O6 are those of quebec-payroll.md §3; every other figure is worked by hand in
a comment beside it. No published gross-to-tax example exists for Quebec: the tax figures
are the formulas' own, to check against the CRA's PDOC and Revenu Québec's WebRAS.
"""

import ast
import json
from dataclasses import fields, replace
from datetime import date, timedelta
from decimal import Decimal as D
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insertion_erp.core.money import round_money
from insertion_erp.core.payroll import payroll_parameters
from insertion_erp.core.payroll.source_deductions import (
	Deductions,
	Pay,
	PayrollYear,
	Profile,
	YearToDate,
	annual_federal_tax,
	annual_quebec_tax,
	bracket_for,
	compute,
	ei,
	ei_annual_max,
	employer_ei,
	employer_ei_annual_max,
	employer_qpip,
	employer_qpip_annual_max,
	exemption_per_pay,
	federal_annual_income_a,
	federal_bpa,
	federal_f5a,
	federal_k1,
	federal_k2q,
	federal_k4,
	federal_t1,
	federal_t3,
	federal_table,
	federal_tax_per_pay,
	federal_tc,
	qpip,
	qpip_annual_max,
	qpp,
	qpp2,
	qpp2_annual_max,
	qpp_annual_max,
	quebec_e,
	quebec_h,
	quebec_i,
	quebec_table,
	quebec_tax_per_pay,
	quebec_y,
	year_to_date_after,
)
from tests.app_meta import APP

SHIPPED = payroll_parameters.shipped(APP / "quebec_payroll" / "data" / "payroll_years")
SHIPPED_YEARS = {year: payroll_parameters.payroll_year(data) for year, data in SHIPPED.items()}
Y2025 = SHIPPED_YEARS[2025]
Y2026 = SHIPPED_YEARS[2026]
NOBODY = Profile()
START = YearToDate()
CENT = D("0.01")


def pay(gross: str | D, per_year: int = 26, on: date = date(2026, 3, 6)) -> Pay:
	return Pay(gross=D(gross), pay_date=on, pays_per_year=per_year)


def weekly(amounts: list[D], year: PayrollYear, first: date, profile: Profile = NOBODY) -> list[Deductions]:
	"""Each week's deductions, the year to date carried from one pay to the next."""
	ytd, result = START, []
	for week, gross in enumerate(amounts):
		this = Pay(gross=gross, pay_date=first + timedelta(weeks=week), pays_per_year=52)
		deductions = compute(this, year, profile, ytd)
		ytd = year_to_date_after(ytd, this, deductions)
		result.append(deductions)
	return result


# -- Oracles of quebec-payroll.md §3 -----------------------------------------------------------


def test_o1_2026_biweekly_qpp():
	# (5,300.00 - 134.61) x 6.30 % = 5,165.39 x 0.063 = 325.41957 -> 325.42
	assert qpp(pay("5300.00"), Y2026, START, NOBODY) == D("325.42")


def test_o2_2026_weekly_qpip():
	# 1,229.00 x 0.430 % = 5.2847 -> 5.28
	assert qpip(pay("1229.00", 52), Y2026, START, NOBODY) == D("5.28")


def test_o3_2023_semi_monthly_qpp_at_6_40():
	y2023 = replace(Y2025, year=2023)  # 6.40 % = 5.40 + 1.00, the 2023 rate
	# contributory earnings 1,367.50 - 145.83 = 1,221.67; x 6.40 % = 78.18688 -> 78.19
	assert D("1367.50") - exemption_per_pay(y2023, 24) == D("1221.67")
	assert qpp(pay("1367.50", 24, date(2023, 5, 15)), y2023, START, NOBODY) == D("78.19")


def test_o4_two_months_worked_two_monthly_exemptions():
	ytd, exemption = START, D(0)
	for month in (9, 10):
		this = pay("3000", 12, date(2026, month, 30))
		result = compute(this, Y2026, NOBODY, ytd)
		ytd = year_to_date_after(ytd, this, result)
		exemption += result.steps["exemption"]
	assert exemption == D("583.32")  # 291.66 x 2
	# each month: (3,000 - 291.66) x 6.30 % = 170.62542 -> 170.63
	assert ytd.qpp == D("341.26")


def test_o5_qpp2_on_70000_at_the_2024_ceilings():
	y2024 = replace(Y2025, year=2024, ympe=D(68_500), yampe=D(73_200))
	# (70,000 - 68,500) x 4 % = 60.00, in one annual pay or across two
	assert qpp2(pay("70000", 1, date(2024, 12, 31)), y2024, START, NOBODY) == D("60.00")
	first = pay("68000", 12, date(2024, 11, 30))
	assert qpp2(first, y2024, START, NOBODY) == D("0.00")
	after = YearToDate(pensionable=D(68_000))
	assert qpp2(pay("2000", 12, date(2024, 12, 31)), y2024, after, NOBODY) == D("60.00")


def test_o6_annual_maximums():
	assert ei_annual_max(Y2025) == D("860.67")  # 65,700 x 1.31 %
	assert qpip_annual_max(Y2025) == D("484.12")  # 98,000 x 0.494 %
	assert qpp_annual_max(Y2025) == D("4339.20")  # (71,300 - 3,500) x 6.40 %
	assert ei_annual_max(Y2026) == D("895.70")  # 68,900 x 1.30 %
	assert qpip_annual_max(Y2026) == D("442.90")  # 103,000 x 0.430 %
	# and their neighbours, worked the same way
	assert qpp_annual_max(Y2026) == D("4479.30")  # (74,600 - 3,500) x 6.30 %
	assert qpp2_annual_max(Y2025) == D("396.00")  # (81,200 - 71,300) x 4 %
	assert qpp2_annual_max(Y2026) == D("416.00")  # (85,000 - 74,600) x 4 %
	assert employer_qpip_annual_max(Y2025) == D("678.16")  # 98,000 x 0.692 %
	assert employer_qpip_annual_max(Y2026) == D("620.06")  # 103,000 x 0.602 %
	assert employer_ei_annual_max(Y2025) == D("1204.94")  # 860.67 x 1.4 = 1,204.938
	assert employer_ei_annual_max(Y2026) == D("1253.98")  # 895.70 x 1.4


# -- Contributions, by hand ------------------------------------------------------------------


def test_exemption_per_pay():
	assert exemption_per_pay(Y2026, 26) == D("134.61")  # Revenu Québec's table
	assert exemption_per_pay(Y2026, 52) == D("67.30")
	assert exemption_per_pay(Y2026, 13) == D("269.23")  # 3,500 / 13 = 269.2307..., truncated
	assert exemption_per_pay(Y2026, 9) == D("388.88")  # 388.888..., truncated, not rounded
	assert exemption_per_pay(Y2026, 1) == D("3500.00")
	with pytest.raises(ValueError):
		exemption_per_pay(Y2026, 0)


def test_qpp_by_hand():
	# (2,000 - 134.61) x 6.30 % = 117.51957 -> 117.52
	assert qpp(pay("2000"), Y2026, START, NOBODY) == D("117.52")
	# under the exemption: nothing, never negative
	assert qpp(pay("100"), Y2026, START, NOBODY) == D("0.00")
	# 9.30 left of the 4,479.30 maximum
	assert qpp(pay("2000"), Y2026, YearToDate(qpp=D("4470.00")), NOBODY) == D("9.30")
	assert qpp(pay("2000"), Y2026, YearToDate(qpp=D("4479.30")), NOBODY) == D("0.00")
	assert qpp(pay("2000"), Y2026, START, Profile(qpp_exempt=True)) == D(0)


def test_qpp2_by_hand():
	# year to date 74,000 + 1,000 = 75,000: (75,000 - 74,600) x 4 % = 16.00
	assert qpp2(pay("1000", 52), Y2026, YearToDate(pensionable=D(74_000)), NOBODY) == D("16.00")
	# 84,900 + 1,000 passes the YAMPE: (85,000 - 74,600) x 4 % = 416, less 412 already taken
	ytd = YearToDate(pensionable=D(84_900), qpp2=D("412.00"))
	assert qpp2(pay("1000", 52), Y2026, ytd, NOBODY) == D("4.00")
	assert qpp2(pay("1000", 52), Y2026, YearToDate(pensionable=D(90_000), qpp2=D(416)), NOBODY) == 0
	assert qpp2(pay("1000", 52), Y2026, START, NOBODY) == 0  # under the YMPE
	assert qpp2(pay("90000", 1), Y2026, START, Profile(qpp_exempt=True)) == 0


def test_ei_by_hand():
	assert ei(pay("2000"), Y2026, START, NOBODY) == D("26.00")  # 2,000 x 1.30 %
	assert ei(pay("1234.56"), Y2026, START, NOBODY) == D("16.05")  # 16.04928 -> 16.05
	assert ei(pay("2000"), Y2026, YearToDate(ei=D(890)), NOBODY) == D("5.70")  # 895.70 - 890
	assert ei(pay("2000"), Y2026, START, Profile(ei_exempt=True)) == 0


def test_qpip_by_hand():
	assert qpip(pay("2000"), Y2026, START, NOBODY) == D("8.60")  # 2,000 x 0.430 %
	assert qpip(pay("2000"), Y2026, YearToDate(qpip=D(440)), NOBODY) == D("2.90")  # 442.90 - 440
	assert qpip(pay("2000"), Y2026, START, Profile(qpip_exempt=True)) == 0


def test_employer_contributions_by_hand():
	assert employer_ei(D("26.00"), Y2026, START) == D("36.40")  # 26.00 x 1.4
	assert employer_ei(D("17.23"), Y2026, START) == D("24.12")  # 24.122 -> 24.12
	assert employer_ei(D("26.00"), Y2026, YearToDate(employer_ei=D(1250))) == D("3.98")  # 1,253.98 - 1,250
	assert employer_qpip(pay("2000"), Y2026, START, NOBODY) == D("12.04")  # 2,000 x 0.602 %
	# 500 of insurable earnings left under 103,000: 500 x 0.602 % = 3.01
	assert employer_qpip(pay("2000"), Y2026, YearToDate(qpip_insurable=D(102_500)), NOBODY) == D("3.01")
	# 2,000 x 0.602 % = 12.04, but 620.06 - 615 = 5.06 remains
	assert employer_qpip(pay("2000"), Y2026, YearToDate(employer_qpip=D(615)), NOBODY) == D("5.06")
	assert employer_qpip(pay("2000"), Y2026, START, Profile(qpip_exempt=True)) == 0


def test_a_pay_must_be_a_pay():
	with pytest.raises(ValueError):
		qpp(pay("100", 0), Y2026, START, NOBODY)
	with pytest.raises(ValueError):
		compute(pay("-1"), Y2026, NOBODY, START)


# -- Federal tax, step by step: 2026, biweekly 2,000.00, no claim -------------------------------
# QPP 117.52, QPP2 0, EI 26.00, QPIP 8.60 (above).


def test_federal_table_and_the_2025_mid_year_change():
	assert federal_table(Y2026, date(2026, 3, 6)).credit_rate == 14
	june, july = federal_table(Y2025, date(2025, 6, 30)), federal_table(Y2025, date(2025, 7, 4))
	assert (june.credit_rate, june.brackets[0].rate, june.brackets[1].constant) == (15, 15, 3156)
	assert (july.credit_rate, july.brackets[0].rate, july.brackets[1].constant) == (14, 14, 3729)
	before = compute(pay("2000", 26, date(2025, 6, 30)), Y2025, NOBODY, START)
	after = compute(pay("2000", 26, date(2025, 7, 4)), Y2025, NOBODY, START)
	assert (before.steps["R"], after.steps["R"]) == (15, 14)
	assert before.steps["K1"] == D("2419.35")  # 16,129 x 15 %
	assert after.steps["K1"] == D("2258.06")  # 16,129 x 14 %
	assert before.federal_tax != after.federal_tax
	with pytest.raises(ValueError):
		federal_table(Y2025, date(2026, 1, 2))  # a 2026 pay with the 2025 parameters


def test_federal_f5a_and_a():
	# F5A = 117.52 x 1.00 / 6.30 = 18.6539682...; A = 26 x (2,000 - 18.6539682...) = 51,514.99682...
	assert round_money(federal_f5a(D("117.52"), D(0), Y2026), D("0.0001")) == D("18.6540")
	a = federal_annual_income_a(pay("2000"), Y2026, D("117.52"), D(0))
	assert round_money(a, D("0.0001")) == D("51514.9968")
	# with QPP2 the whole QPP2 is deducted too: F5A = 63 / 6.3 + 4 = 14
	assert federal_f5a(D("63.00"), D("4.00"), Y2026) == 14


def test_federal_bpa():
	assert federal_bpa(Y2026, D(100_000)) == D(16_452)  # up to 181,440: the maximum
	assert federal_bpa(Y2026, D(300_000)) == D(14_829)  # from 258,482: the minimum
	# halfway, (181,440 + 258,482) / 2 = 219,961: 16,452 - (16,452 - 14,829) / 2 = 15,640.50
	assert federal_bpa(Y2026, D(219_961)) == D("15640.5")


def test_federal_tc_and_k1():
	assert federal_tc(Y2026, D(51_515), None) == D(16_452)
	assert federal_tc(Y2026, D(51_515), D(0)) == 0  # a TD1 claim of 0 is a claim
	table = federal_table(Y2026, date(2026, 3, 6))
	assert federal_k1(table, D(16_452)) == D("2303.28")  # 16,452 x 14 %


def test_federal_k2q():
	table = federal_table(Y2026, date(2026, 3, 6))
	# [26 x 117.52 x 5.30 / 6.30 = 2,570.5168 + 26 x 26.00 = 676 + 26 x 8.60 = 223.60] x 14 %
	# = 3,470.1168 x 14 % = 485.8164
	k2q = federal_k2q(table, Y2026, 26, D("117.52"), D("26.00"), D("8.60"))
	assert round_money(k2q, D("0.0001")) == D("485.8164")
	# each annualised amount stops at its maximum: base share of 4,479.30 = 3,768.30,
	# EI 895.70, QPIP 442.90; (3,768.30 + 895.70 + 442.90) x 14 % = 5,106.90 x 14 % = 714.966
	assert federal_k2q(table, Y2026, 26, D(200), D(40), D(20)) == D("714.966")


def test_federal_k4():
	table = federal_table(Y2026, date(2026, 3, 6))
	assert federal_k4(table, D(51_515), Y2026) == D("210.14")  # 1,501 x 14 %
	assert federal_k4(table, D(1_000), Y2026) == D("140.00")  # A under the CEA: 1,000 x 14 %


def test_federal_t3_and_t1():
	table = federal_table(Y2026, date(2026, 3, 6))
	a = federal_annual_income_a(pay("2000"), Y2026, D("117.52"), D(0))
	k2q = federal_k2q(table, Y2026, 26, D("117.52"), D("26.00"), D("8.60"))
	# 14 % x 51,514.9968 = 7,212.0996 - 0 - 2,303.28 - 485.8164 - 210.14 = 4,212.8632
	t3 = federal_t3(table, a, D("2303.28"), k2q, D("210.14"))
	assert round_money(t3, D("0.0001")) == D("4212.8632")
	# T1 = 4,212.8632 - 16.5 % x 4,212.8632 = 3,517.7408
	assert round_money(federal_t1(t3, Y2026), D("0.0001")) == D("3517.7408")
	# third bracket: 120,000 x 26 % - 10,241 = 20,959
	assert federal_t3(table, D(120_000), D(0), D(0), D(0)) == D(20_959)
	assert bracket_for(table, D(120_000)).rate == 26
	assert federal_t3(table, D(10_000), D("2303.28"), D(0), D(0)) == 0  # never negative
	assert federal_t1(D(1000), Y2026) == D(835)


def test_federal_tax_per_pay():
	assert federal_tax_per_pay(D("3517.740772"), 26) == D("135.30")  # 135.2977
	assert federal_tax_per_pay(D("3517.740772"), 26, D(10)) == D("145.30")  # + L
	assert federal_tax_per_pay(D(0), 26) == D("0.00")


# -- Quebec tax, step by step: 2026, biweekly 2,000.00, no claim --------------------------------


def test_quebec_h():
	# 6 % x 2,000 = 120, but at most 1,450 / 26 = 55.769...
	assert round_money(quebec_h(pay("2000"), Y2026), D("0.0001")) == D("55.7692")
	assert quebec_h(pay("500"), Y2026) == D(30)  # 6 % x 500 under the cap


def test_quebec_i():
	# 26 x (2,000 - 1,450 / 26) = 52,000 - 1,450 = 50,550
	assert quebec_i(pay("2000"), Y2026, quebec_h(pay("2000"), Y2026)) == D(50_550)
	assert quebec_i(pay("500"), Y2026, D(30)) == D(12_220)  # 26 x (500 - 30)
	# a capped H whose division does not end (1,380 / 13): I is still exact, 13 x 2,000 - 1,380
	year = replace(Y2026, quebec_worker_deduction_max=D(1380))
	assert quebec_i(pay("2000", 13), year, quebec_h(pay("2000", 13), year)) == D(24_620)


def test_quebec_e():
	assert quebec_e(Y2026, None) == D(18_950)  # 18,952 to the nearest 5
	assert quebec_e(Y2025, None) == D(18_570)  # 18,571
	assert quebec_e(Y2026, D(18_953)) == D(18_955)
	assert quebec_e(Y2026, D("18952.50")) == D(18_955)  # a half rounds up
	assert quebec_e(Y2026, D(0)) == 0


def test_quebec_y():
	table = quebec_table(Y2026, date(2026, 3, 6))
	# 14 % x 50,550 - 0 - 14 % x 18,950 = 7,077 - 2,653 = 4,424
	assert quebec_y(table, D(50_550), D(18_950)) == D(4_424)
	# second bracket: 19 % x 60,000 - 2,717 - 2,653 = 11,400 - 5,370 = 6,030
	assert quebec_y(table, D(60_000), D(18_950)) == D(6_030)
	assert quebec_y(table, D(10_000), D(18_950)) == 0  # never negative


def test_quebec_tax_per_pay():
	assert quebec_tax_per_pay(D(4_424), 26) == D("170.15")  # 170.1538
	assert quebec_tax_per_pay(D(4_424), 26, D(25)) == D("195.15")


# -- One pay, the year -------------------------------------------------------------------------


def test_one_biweekly_pay_of_2000_in_2026():
	result = compute(pay("2000"), Y2026, NOBODY, START)
	assert result == Deductions(
		qpp=D("117.52"),
		qpp2=D("0.00"),
		ei=D("26.00"),
		qpip=D("8.60"),
		federal_tax=D("135.30"),
		quebec_tax=D("170.15"),
		employer_qpp=D("117.52"),
		employer_qpp2=D("0.00"),
		employer_ei=D("36.40"),
		employer_qpip=D("12.04"),
		steps=result.steps,
	)
	steps = result.steps
	assert (steps["exemption"], steps["pensionable"], steps["E"], steps["I"]) == (
		D("134.61"),
		D(2000),
		D(18_950),
		D(50_550),
	)
	assert round_money(steps["T1"], CENT) == D("3517.74")
	assert {"A", "K1", "K2Q", "K4", "T3", "T1", "H", "I", "E", "Y", "F5A"} <= set(steps)
	assert all(isinstance(v, D) for v in steps.values())
	assert result.employee_total == D("457.57")  # 117.52 + 26 + 8.60 + 135.30 + 170.15


def test_exempt_profile_and_extra_tax():
	exempt = Profile(qpp_exempt=True, ei_exempt=True, qpip_exempt=True, extra_federal_tax=D(20))
	result = compute(pay("2000"), Y2026, exempt, START)
	assert (result.qpp, result.qpp2, result.ei, result.qpip) == (0, 0, 0, 0)
	assert (result.employer_qpp, result.employer_ei, result.employer_qpip) == (0, 0, 0)
	assert result.steps["exemption"] == 0
	# no F5A nor K2Q: A = 52,000; 14 % x 52,000 - 2,303.28 - 210.14 = 4,766.58; x 0.835 = 3,980.0943
	# / 26 = 153.08 + 20 = 173.08
	assert result.federal_tax == D("173.08")


def test_year_to_date_after_chains_the_pays():
	first = compute(pay("2000"), Y2026, NOBODY, START)
	ytd = year_to_date_after(START, pay("2000"), first)
	assert ytd == YearToDate(
		pensionable=D(2000),
		qpp=D("117.52"),
		qpp2=D("0.00"),
		insurable=D(2000),
		ei=D("26.00"),
		qpip_insurable=D(2000),
		qpip=D("8.60"),
		employer_ei=D("36.40"),
		employer_qpip=D("12.04"),
	)


def test_annual_taxes_by_hand():
	# Quebec, 50,000 a year: H = min(3,000, 1,450); I = 48,550; 14 % x 48,550 - 14 % x 18,950 = 4,144
	assert annual_quebec_tax(D(50_000), Y2026, NOBODY, date(2026, 12, 31)) == D("4144.00")
	# federal, the 26 pays of 2,000 above: T1 = 3,517.740772, the same as each pay's
	annual = annual_federal_tax(
		D(52_000), Y2026, NOBODY, date(2026, 12, 31), D("3055.52"), D(0), D(676), D("223.60")
	)
	assert annual == D("3517.74")


# -- Properties --------------------------------------------------------------------------------


def _check_capped(actual: list[D], uncapped: list[D], maximum: D) -> None:
	"""Each pay takes its own amount or, once the maximum is near, exactly what remains."""
	total = D(0)
	for amount, own in zip(actual, uncapped, strict=True):
		assert amount == min(own, maximum - total)
		total += amount
		assert 0 <= total <= maximum
	assert total == min(sum(uncapped, D(0)), maximum)


@settings(max_examples=60, deadline=None)
@given(
	st.lists(st.decimals(min_value=0, max_value=5000, places=2), min_size=52, max_size=52),
	st.sampled_from([2025, 2026]),
)
def test_no_contribution_passes_its_annual_maximum(amounts, year_number):
	year = SHIPPED_YEARS[year_number]
	results = weekly(amounts, year, date(year_number, 1, 2))

	def each(name):
		return [getattr(r, name) for r in results]

	def pct(amount, rate):
		return round_money(amount * rate / 100)

	rate = year.qpp_base_rate + year.qpp_first_additional_rate
	_check_capped(each("qpp"), [pct(max(D(0), g - D("67.30")), rate) for g in amounts], qpp_annual_max(year))
	_check_capped(each("ei"), [pct(g, year.ei_rate) for g in amounts], ei_annual_max(year))
	_check_capped(each("qpip"), [pct(g, year.qpip_employee_rate) for g in amounts], qpip_annual_max(year))
	_check_capped(
		each("employer_ei"),
		[round_money(year.ei_employer_factor * e) for e in each("ei")],
		employer_ei_annual_max(year),
	)
	cumulative, counted = D(0), []
	for g in amounts:
		counted.append(min(g, max(D(0), year.qpip_max_earnings - cumulative)))
		cumulative += g
	_check_capped(
		each("employer_qpip"),
		[pct(c, year.qpip_employer_rate) for c in counted],
		employer_qpip_annual_max(year),
	)
	# QPP2: after each pay, the year's QPP2 is the rate on the earnings between the ceilings
	cumulative, total = D(0), D(0)
	for g, amount in zip(amounts, each("qpp2"), strict=True):
		cumulative += g
		total += amount
		assert total == pct(min(max(cumulative, year.ympe), year.yampe) - year.ympe, year.qpp2_rate)
	assert total <= qpp2_annual_max(year)
	assert each("employer_qpp") == each("qpp")
	assert each("employer_qpp2") == each("qpp2")


@settings(max_examples=40, deadline=None)
@given(
	st.decimals(min_value=0, max_value=1300, places=2),
	st.sampled_from(
		[Profile(), Profile(federal_claim=D(0), quebec_claim=D(0)), Profile(federal_claim=D(20_000))]
	),
)
def test_a_constant_earner_withholds_the_annual_tax(gross, profile):
	# Up to 1,300 a week no maximum is reached in 2026 (52 x 1,300 = 67,600 < 68,900 insurable;
	# QPP 52 x 77.66 = 4,038.32 < 4,479.30): every pay annualises to the same year, so the
	# 52 withholdings are 52 x the annual tax / 52, each rounded: within a cent a pay.
	results = weekly([gross] * 52, Y2026, date(2026, 1, 2), profile)
	ytd = START
	for r in results:
		ytd = year_to_date_after(ytd, Pay(gross, date(2026, 1, 2), 52), r)
	income = 52 * gross
	federal = annual_federal_tax(
		income, Y2026, profile, date(2026, 12, 31), ytd.qpp, ytd.qpp2, ytd.ei, ytd.qpip
	)
	quebec = annual_quebec_tax(income, Y2026, profile, date(2026, 12, 31))
	assert abs(sum(r.federal_tax for r in results) - federal) <= 52 * CENT
	assert abs(sum(r.quebec_tax for r in results) - quebec) <= 52 * CENT


def test_a_weekly_earner_above_the_maximums():
	# 2,500 a week in 2026 (130,000): QPP, QPP2, EI and QPIP all reach their maximum in the year.
	results = weekly([D(2500)] * 52, Y2026, date(2026, 1, 2))
	assert sum(r.qpp for r in results) == D("4479.30")
	assert sum(r.qpp2 for r in results) == D("416.00")
	assert sum(r.ei for r in results) == D("895.70")
	assert sum(r.qpip for r in results) == D("442.90")
	# Week 1: QPP (2,500 - 67.30) x 6.30 % = 153.26, EI 32.50, QPIP 10.75.
	# A = 52 x (2,500 - 153.26 / 6.3) = 128,734.99; K2Q at the three maximums: 714.966;
	# T3 = 26 % x 128,734.99 - 10,241 - 2,303.28 - 714.966 - 210.14 = 20,001.71;
	# T1 = 0.835 x T3 = 16,701.43; / 52 = 321.18
	assert results[0].federal_tax == D("321.18")
	# Week 52, every maximum reached: no F5A, no K2Q; A = 130,000;
	# T3 = 33,800 - 10,241 - 2,303.28 - 210.14 = 21,045.58; T1 = 17,573.06; / 52 = 337.94
	assert results[-1].federal_tax == D("337.94")
	# Each pay annualises its own contributions (T4127's K2Q and F5A), so the pays after a
	# maximum lose the credit: the year withholds more than the annual tax on the year's
	# contributions, and the return gives the difference back.
	federal = annual_federal_tax(
		D(130_000), Y2026, NOBODY, date(2026, 12, 31), D("4479.30"), D(416), D("895.70"), D("442.90")
	)
	assert federal == D("16731.39")
	assert sum(r.federal_tax for r in results) == D("16981.79")
	# Quebec's Y has no contribution credit: the year still adds up, within a cent a pay.
	quebec = annual_quebec_tax(D(130_000), Y2026, NOBODY, date(2026, 12, 31))
	assert abs(sum(r.quebec_tax for r in results) - quebec) <= 52 * CENT


@settings(max_examples=40, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=2000, places=2), min_size=26, max_size=26))
def test_a_trainee_from_june_gets_the_exemption_of_the_weeks_worked(amounts):
	# A 26-week parcours from June 5, paid weekly: 26 exemptions of 67.30, not the year's 3,500.
	results = weekly(amounts, Y2026, date(2026, 6, 5))
	assert sum(r.steps["exemption"] for r in results) == 26 * D("67.30") == D("1749.80")
	# 26 x 2,000 stays under every maximum, so each pay is its own rate x (gross - 67.30)
	assert [r.qpp for r in results] == [round_money(max(D(0), g - D("67.30")) * D("0.063")) for g in amounts]


def test_a_trainee_from_june_by_hand():
	# 26 weeks of 600: (600 - 67.30) x 6.30 % = 33.5601 -> 33.56 a week, 872.56 in all,
	# where the year's exemption (3,500) would have left 6.30 % x (15,600 - 3,500) = 762.30.
	results = weekly([D(600)] * 26, Y2026, date(2026, 6, 5))
	assert sum(r.qpp for r in results) == D("872.56")


# -- The shipped parameters ----------------------------------------------------------------------


def test_every_shipped_figure_has_its_source():
	figures = {f.name for f in fields(PayrollYear)} - {"year"}
	for year, parameters in SHIPPED_YEARS.items():
		assert parameters.year == year
		sources = payroll_parameters.figure_sources(SHIPPED[year])
		assert set(sources) == figures, year
		for figure, (source, unconfirmed) in sources.items():
			assert source.strip(), (year, figure)
			tagged = any(tag in source for tag in ("[3P]", "[DER]", "[3P/DER]", "not found"))
			assert unconfirmed == tagged, (year, figure)
			assert "http" in source or "not found" in source, (year, figure)


def test_figures_to_confirm():
	# 2026: the CRA's T4127 (122nd edition) confirmed all but Revenu Québec's own figures.
	assert payroll_parameters.to_confirm(SHIPPED[2026]) == [
		"quebec_tables",
		"quebec_basic_amount",
		"quebec_worker_deduction_rate",
		"quebec_worker_deduction_max",
	]
	assert "federal_tables" in payroll_parameters.to_confirm(SHIPPED[2025])  # the derived January constants


def test_a_year_is_one_data_file_and_the_employer_rates_derive_from_it(tmp_path):
	rates = payroll_parameters.employer_rates(SHIPPED[2026])
	assert (rates.cnt_rate, rates.cnt_max_earnings) == (D("0.06"), D(103_000))
	assert rates.fss_low_rate == D("1.65")
	# A new year is a file: read as the shipped ones are, no code.
	data = json.loads(json.dumps(SHIPPED[2026]))
	data["year"] = 2031
	data["figures"]["ympe"]["value"] = "80000"
	(tmp_path / "2031.json").write_text(json.dumps(data), encoding="utf-8")
	(tmp_path / "2026.json").write_text(json.dumps(SHIPPED[2026]), encoding="utf-8")
	years = payroll_parameters.shipped(tmp_path)
	assert sorted(years) == [2026, 2031]
	assert payroll_parameters.payroll_year(years[2031]).ympe == D(80_000)
	assert payroll_parameters.employer_rates(years[2031]).year == 2031
	(tmp_path / "2032.json").write_text(json.dumps(data), encoding="utf-8")  # a file named for another year
	with pytest.raises(ValueError, match=r"2032\.json holds the year 2031"):
		payroll_parameters.shipped(tmp_path)


def test_quebec_constants_drop_the_cents_as_revenu_quebec_does():
	# TP-1015.F-V's K are the continuity constants with their cents dropped (Revenu Québec's
	# own 2016 figures 1,695 / 5,086 / 6,891 for 1,695.60 / 5,086.80 / 6,891.93): 2026's top
	# one is 10,465 (10,465.54), not the 10,466 first shipped. 2025's, shipped rounded, are to
	# confirm (the year's file says so).
	table = Y2026.quebec_tables[0]
	exact = D(0)
	for low, high in pairwise(table.brackets):
		exact += (high.rate - low.rate) * high.threshold / 100
		assert high.constant == int(exact), (high, exact)
	assert [b.constant for b in table.brackets] == [0, 2_717, 8_151, 10_465]


def test_shipped_tables_are_consistent():
	# Each constant K makes the tax continuous at its threshold (to the dollar): K_n = K_(n-1) +
	# (R_n - R_(n-1)) x threshold_n. The credits are at the lowest rate.
	for year in SHIPPED_YEARS.values():
		for table in (*year.federal_tables, *year.quebec_tables):
			brackets = table.brackets
			assert brackets[0].threshold == 0 and brackets[0].constant == 0
			assert table.valid_from.year == year.year
			exact = D(0)
			for low, high in pairwise(brackets):
				exact += (high.rate - low.rate) * high.threshold / 100
				assert abs(high.constant - exact) <= 1, (year.year, table.valid_from, high)
		assert year.federal_tables[0].valid_from == date(year.year, 1, 1)
		assert year.federal_tables[0].credit_rate == year.federal_tables[0].brackets[0].rate
		assert year.quebec_tables[0].credit_rate == 14


def test_the_core_holds_no_figure():
	# The rules take every rate, ceiling and amount from PayrollYear: the only numbers in
	# source_deductions.py are 0, 1, 5 (E to the nearest $5) and the bracket indexes.
	source = (
		Path(__file__).resolve().parent.parent / "insertion_erp" / "core" / "payroll" / "source_deductions.py"
	)
	numbers = {
		node.value
		for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
		if isinstance(node, ast.Constant)
		and isinstance(node.value, int | float)
		and not isinstance(node.value, bool)
	}
	decimals = {
		node.args[0].value
		for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
		if isinstance(node, ast.Call)
		and getattr(node.func, "id", None) == "Decimal"
		and node.args
		and isinstance(node.args[0], ast.Constant)
	}
	assert numbers <= {0, 1, 3, 4, 5}
	assert decimals <= {1, 5}
