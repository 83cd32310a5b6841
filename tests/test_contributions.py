from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.contributions import Rates, employer_contributions, fss_rate

# The 2025 figures of the domain brief.
RATES_2025 = Rates(
	year=2025,
	qpp_rate=D("6.40"),
	qpp_max_earnings=D(71300),
	qpp_exemption=D(3500),
	qpp2_rate=D("4.00"),
	qpp2_max_earnings=D(81200),
	ei_rate=D("1.834"),
	ei_max_earnings=D(65700),
	qpip_rate=D("0.692"),
	qpip_max_earnings=D(98000),
	fss_low_rate=D("1.65"),
	fss_high_rate=D("4.26"),
	fss_low_payroll=D(1_000_000),
	fss_high_payroll=D(7_800_000),
	fss_base_rate=D("1.2662"),
	fss_factor=D("0.3838"),
	cnt_rate=D("0.06"),
	cnt_max_earnings=D(94000),
)


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
	assert sum(p["CNT"] for p in pays) == D("56.40")  # 94000 x 0.06 %
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
	assert sum(r["CNT"] for r in result) <= D("56.40") + D("0.01") * len(pays)
	assert all(v >= 0 for r in result for v in r.values())
