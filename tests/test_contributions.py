"""The employer's table (core.payroll.contributions): the engine's QPP, QPP2, EI and QPIP and
the employer-only FSS, CNT and CNESST; a year of pays run as the slips are, one after the other."""

from datetime import date, timedelta
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from insertion_erp.core.money import round_money
from insertion_erp.core.payroll import payroll_parameters
from insertion_erp.core.payroll.contributions import (
	KINDS,
	PayOfYear,
	contributions_of_year,
	employer_contributions,
	fss_rate,
)
from insertion_erp.core.payroll.source_deductions import (
	Pay,
	Profile,
	YearToDate,
	compute,
	year_to_date_after,
)
from tests.app_meta import APP

SHIPPED = payroll_parameters.shipped(APP / "quebec_payroll" / "data" / "payroll_years")
RATES = {year: payroll_parameters.employer_rates(data) for year, data in SHIPPED.items()}
YEARS = {year: payroll_parameters.payroll_year(data) for year, data in SHIPPED.items()}
NOBODY = Profile()
FSS = D("1.65")
CNESST = D("1.50")


def year_of(pays, per_year, first, year=2026, profile=NOBODY, step=None, opening=None):
	step = step or timedelta(days=365 // per_year)
	return contributions_of_year(
		[
			PayOfYear(gross=D(gross), pay_date=first + step * n, pays_per_year=per_year, profile=profile)
			for n, gross in enumerate(pays)
		],
		YEARS[year],
		RATES[year],
		fss_rate_percent=FSS,
		cnesst_rate_per_100=CNESST,
		opening=opening,
	)


def test_one_biweekly_pay_of_2026_worked_by_hand():
	# 70 h x $16.10 = $1,127.00 gross, the first pay of the year.
	(c,) = year_of(["1127.00"], 26, date(2026, 1, 9))
	assert c == {
		"QPP": D("62.52"),  # (1127 - 134.61) x 6.30 % = 62.5206 (quebec-payroll.md O1's exemption)
		"QPP2": D("0.00"),
		"EI": D("20.51"),  # 1.4 x the employee's 14.65 (1127 x 1.30 % = 14.651)
		"QPIP": D("6.78"),  # 1127 x 0.602 % = 6.78454
		"FSS": D("18.60"),  # 1127 x 1.65 % = 18.5955
		"CNT": D("0.68"),  # 1127 x 0.06 % = 0.6762
		"CNESST": D("16.91"),  # 1127 x 1.50 / 100 = 16.905
	}


def test_the_employer_ei_is_1_4_times_the_employees_rounded_premium():
	# 1,127 x 1.30 % = 14.651 -> 14.65; 1.4 x 14.65 = 20.51. Not 1,127 x 1.82 % = 20.5114 ->
	# 20.51 here, but on 1,137.50: employee 14.7875 -> 14.79, x 1.4 = 20.706 -> 20.71, where
	# 1.82 % of the pay gives 20.7025 -> 20.70. The CRA's rule is the first.
	(c,) = year_of(["1137.50"], 26, date(2026, 1, 9))
	assert c["EI"] == D("20.71")


def test_the_table_takes_the_engines_employer_figures():
	this = Pay(gross=D("2700"), pay_date=date(2026, 3, 31), pays_per_year=12)
	deductions = compute(this, YEARS[2026], NOBODY, YearToDate())
	table = employer_contributions(deductions, D("2700"), D(0), RATES[2026], fss_rate_percent=FSS)
	assert (table["QPP"], table["QPP2"], table["EI"], table["QPIP"]) == (
		deductions.employer_qpp,
		deductions.employer_qpp2,
		deductions.employer_ei,
		deductions.employer_qpip,
	)
	# The claims' worked example (funding/.../test_reimbursement_claim.py): 151.73, 49.14, 16.25.
	assert (table["QPP"], table["EI"], table["QPIP"]) == (D("151.73"), D("49.14"), D("16.25"))
	assert table["CNESST"] == D("0.00")  # no CNESST rate given


def test_cnt_stops_at_the_qpip_maximum():
	# 2026: CNT 0.06 % up to 103,000. After 102,500 earned, a pay of 2,000 counts 500: 0.30.
	this = Pay(gross=D("2000"), pay_date=date(2026, 12, 15), pays_per_year=26)
	deductions = compute(this, YEARS[2026], NOBODY, YearToDate(pensionable=D(102_500)))
	table = employer_contributions(deductions, D("2000"), D(102_500), RATES[2026], fss_rate_percent=FSS)
	assert table["CNT"] == D("0.30")
	assert table["FSS"] == D("33.00")  # FSS has no maximum


def test_fss_scale():
	rates = RATES[2025]
	assert fss_rate(rates, D(600_000)) == D("1.65")
	assert fss_rate(rates, D(8_000_000)) == D("4.26")
	assert fss_rate(rates, D(2_000_000)) == D("1.2662") + D("0.3838") * 2


def test_shipped_years_are_consistent():
	for year, rates in RATES.items():
		assert rates.year == year
		assert rates.cnt_max_earnings == YEARS[year].qpip_max_earnings
		assert rates.fss_low_payroll < rates.fss_high_payroll
		# the formula meets the flat rates at both thresholds (to the 4th decimal)
		assert abs(fss_rate(rates, rates.fss_low_payroll + 1) - rates.fss_low_rate) < D("0.001")
		assert abs(fss_rate(rates, rates.fss_high_payroll - 1) - rates.fss_high_rate) < D("0.001")


# -- A year of three earners, as the slips are computed one after the other ------------------


def pay_by_pay(pays, per_year, first, year=2026, step=None):
	"""What the slips hold: each slip computed alone by the engine from the year to date the
	earlier slips leave (deductions.apply), its table built on the result."""
	step = step or timedelta(days=365 // per_year)
	ytd, earned, tables = YearToDate(), D(0), []
	for n, gross in enumerate(pays):
		this = Pay(gross=D(gross), pay_date=first + step * n, pays_per_year=per_year)
		result = compute(this, YEARS[year], NOBODY, ytd)
		tables.append(
			employer_contributions(
				result, this.gross, earned, RATES[year], fss_rate_percent=FSS, cnesst_rate_per_100=CNESST
			)
		)
		ytd, earned = year_to_date_after(ytd, this, result), earned + this.gross
	return tables


THREE_EARNERS = {
	# a trainee paid weekly by the hour ($18, 21 to 35 hours a week)
	"trainee": ([str(D(18) * (21 + (n * 7) % 15)) for n in range(52)], 52, date(2026, 1, 2)),
	# a supervisor past every maximum, paid every two weeks
	"supervisor": (["5400.00"] * 26, 26, date(2026, 1, 9)),
	# an employee who starts in June, biweekly
	"june": (["1850.25"] * 15, 26, date(2026, 6, 12)),
}


def test_three_earners_every_pay_of_the_year():
	for who, (pays, per_year, first) in THREE_EARNERS.items():
		replayed = year_of(pays, per_year, first)
		assert replayed == pay_by_pay(pays, per_year, first), who
		assert all(set(table) == set(KINDS) for table in replayed)
	supervisor = year_of(*THREE_EARNERS["supervisor"])
	# Every maximum of 2026 reached, to the cent (quebec-payroll.md O6).
	assert sum(t["QPP"] for t in supervisor) == D("4479.30")
	assert sum(t["QPP2"] for t in supervisor) == D("416.00")
	assert sum(t["EI"] for t in supervisor) == D("1253.98")
	assert sum(t["QPIP"] for t in supervisor) == D("620.06")
	assert sum(t["CNT"] for t in supervisor) == round_money(D(103_000) * D("0.0006"))
	# June's employee: fifteen exemptions of 134.61, none of the months before.
	june = year_of(*THREE_EARNERS["june"])
	assert june[0]["QPP"] == round_money((D("1850.25") - D("134.61")) * D("0.063"))


def test_what_another_payroll_held_counts():
	# Hired in July with 68,000 earned and 4,200 of QPP paid elsewhere this year.
	opening = YearToDate(pensionable=D(68_000), qpp=D(4200), insurable=D(68_000), ei=D("884.00"))
	(first, *_rest) = year_of(["3000"] * 12, 26, date(2026, 7, 10), opening=opening)
	# (3,000 - 134.61) x 6.30 % = 180.52, under the 279.30 left of the maximum
	assert first["QPP"] == D("180.52")
	assert first["EI"] == round_money(D("1.4") * (D("895.70") - D("884.00")))  # 11.70 left: 16.38


@settings(max_examples=30, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=9000, places=2), min_size=1, max_size=52))
def test_no_table_passes_a_yearly_maximum(pays):
	tables = year_of([str(p) for p in pays], 52, date(2026, 1, 2))
	assert sum(t["QPP"] for t in tables) <= D("4479.30")
	assert sum(t["QPP2"] for t in tables) <= D("416.00")
	assert sum(t["EI"] for t in tables) <= D("1253.98")
	assert sum(t["QPIP"] for t in tables) <= D("620.06")
	assert all(v >= 0 for t in tables for v in t.values())
