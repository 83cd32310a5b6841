from decimal import Decimal as D

from insertion_erp.core.results.indicators import self_financing_ratio


def test_self_financing_ratio():
	assert self_financing_ratio(D("45000"), D("100000")) == D("45.00")
	assert self_financing_ratio(D("1"), D("3")) == D("33.33")
	assert self_financing_ratio(D("2"), D("3")) == D("66.67")
	# 10,24 % was shown "10,20": rounded to a tenth, then printed with two decimals.
	assert self_financing_ratio(D("1024"), D("10000")) == D("10.24")
	assert self_financing_ratio(D("10"), D("0")) is None
