from dataclasses import replace
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.payroll import payroll_parameters
from insertion_erp.core.payroll.contributions import YearToDate, employer_contributions, fss_rate, qpp_on_pay
from tests.app_meta import APP

SHIPPED_RATES = {
	year: payroll_parameters.employer_rates(data)
	for year, data in payroll_parameters.shipped(APP / "quebec_payroll" / "data" / "payroll_years").items()
}

# The 2025 figures of the domain brief, as shipped.
RATES_2025 = SHIPPED_RATES[2025]


def contributions(pays, per_year=26, cnesst=D("1.50")):
	return employer_contributions(
		[D(p) for p in pays],
		RATES_2025,
		pays_per_year=per_year,
		fss_rate_percent=D("1.65"),
		cnesst_rate_per_100=cnesst,
	)


def test_one_ordinary_biweekly_pay_worked_by_hand():
	# 70 h x $16.10 = $1,127.00 gross; exemption per pay 3500 / 26 = 134.615...
	(c,) = contributions(["1127.00"])
	assert c == {
		"QPP": D("63.51"),  # (1127 - 134.615) x 6.40 % = 63.5126
		"QPP2": D("0.00"),
		"EI": D("20.67"),  # 1127 x 1.834 % = 20.669
		"QPIP": D("7.80"),  # 1127 x 0.692 % = 7.7988
		"FSS": D("18.60"),  # 1127 x 1.65 % = 18.5955
		"CNT": D("0.68"),  # 1127 x 0.06 % = 0.6762
		"CNESST": D("16.91"),  # 1127 x 1.50 / 100 = 16.905
	}


def test_year_to_date_maximums_stop_the_contributions():
	# Twelve monthly pays of $8,000: $96,000 a year, above every maximum but QPIP's.
	pays = contributions(["8000"] * 12, per_year=12)
	qpp_max = D("4339.20")  # (71300 - 3500) x 6.40 %
	assert sum(p["QPP"] for p in pays) == qpp_max
	assert pays[-1]["QPP"] == 0
	assert sum(p["EI"] for p in pays) == D("1204.94")  # 65700 x 1.834 % = 1204.938
	assert pays[8]["EI"] == D("31.18")  # 8 pays = 64000; 1700 left x 1.834 %
	assert pays[9]["EI"] == 0
	assert sum(p["QPP2"] for p in pays) == D("396.00")  # (81200 - 71300) x 4 %
	assert sum(p["CNT"] for p in pays) == D("57.60")  # every pay: 96000 is under the 98000 ceiling
	assert sum(p["QPIP"] for p in pays) == sum([D("55.36")] * 12)  # below its maximum


def test_earlier_pays_of_the_year_count():
	alone = contributions(["5000"], per_year=12)[0]
	after_a_big_year = contributions(["64000", "5000"], per_year=12)[1]
	assert alone["EI"] == D("91.70")
	assert after_a_big_year["EI"] == D("31.18")  # only 1700 insurable left


def test_fss_scale():
	assert fss_rate(RATES_2025, D(600_000)) == D("1.65")
	assert fss_rate(RATES_2025, D(8_000_000)) == D("4.26")
	assert fss_rate(RATES_2025, D(2_000_000)) == D("1.2662") + D("0.3838") * 2


def test_a_year_needs_pays():
	with pytest.raises(ValueError):
		contributions(["100"], per_year=0)


@given(st.lists(st.decimals(min_value=0, max_value=20000, places=2), min_size=1, max_size=53))
def test_contributions_never_pass_the_yearly_maximums(pays):
	result = contributions([str(p) for p in pays], per_year=52)
	assert sum(r["QPP"] for r in result) <= D("4339.20")
	assert sum(r["EI"] for r in result) <= D("1204.94") + D("0.01") * len(pays)
	assert sum(r["CNT"] for r in result) <= D("58.80") + D("0.01") * len(pays)
	assert all(v >= 0 for r in result for v in r.values())


def test_shipped_years_are_consistent():
	for year, rates in SHIPPED_RATES.items():
		assert rates.year == year
		assert rates.qpp_exemption < rates.qpp_max_earnings < rates.qpp2_max_earnings
		assert rates.fss_low_payroll < rates.fss_high_payroll
		# the formula meets the flat rates at both thresholds (to the 4th decimal)
		assert abs(fss_rate(rates, rates.fss_low_payroll + 1) - rates.fss_low_rate) < D("0.001")
		assert abs(fss_rate(rates, rates.fss_high_payroll - 1) - rates.fss_high_rate) < D("0.001")


def test_qpp_on_a_pay_uses_revenu_quebecs_truncated_exemption():
	# 3500 / 52 = 67.307... truncated to 67.30 (Revenu Québec's table); (1127 - 67.30) x 6.40 %
	# = 67.8208 -> 67.82
	assert qpp_on_pay(D("1127"), RATES_2025, 52) == D("67.82")
	assert qpp_on_pay(D("100"), RATES_2025, 1) == D("0.00")  # under the yearly exemption
	# (100 - 67.30) x 6.5 % = 2.1255 -> 2.13
	rates = replace(RATES_2025, qpp_rate=D("6.5"))
	assert qpp_on_pay(D("100"), rates, 52) == D("2.13")
	# A monthly pay of 2,700: (2700 - 291.66) x 6.30 % = 151.72542 -> 151.73, the cent the
	# exact fraction (151.7249...) would have lost.
	assert qpp_on_pay(D("2700"), replace(RATES_2025, qpp_rate=D("6.30")), 12) == D("151.73")


@given(
	st.lists(st.decimals(min_value=0, max_value=20000, places=2), min_size=2, max_size=26),
	st.integers(min_value=1, max_value=25),
	st.sampled_from([12, 24, 26, 52]),
)
def test_earlier_pays_summed_give_the_same_contributions(pays, split, per_year):
	# What the database sums for the earlier pays (their earnings and their QPP before the
	# maximum) stands for those pays: the later pays' contributions are the same.
	split = min(split, len(pays) - 1)
	whole = contributions([str(p) for p in pays], per_year=per_year)
	earlier = pays[:split]
	before = YearToDate(
		earnings=sum(earlier, D(0)), qpp=sum((qpp_on_pay(p, RATES_2025, per_year) for p in earlier), D(0))
	)
	later = employer_contributions(
		pays[split:],
		RATES_2025,
		pays_per_year=per_year,
		fss_rate_percent=D("1.65"),
		cnesst_rate_per_100=D("1.50"),
		before=before,
	)
	assert later == whole[split:]
