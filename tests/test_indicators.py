from decimal import Decimal as D

from insertion_erp.core.indicators import self_financing_ratio


def test_self_financing_ratio():
	assert self_financing_ratio(D("45000"), D("100000")) == D("45.0")
	assert self_financing_ratio(D("1"), D("3")) == D("33.3")
	assert self_financing_ratio(D("2"), D("3")) == D("66.7")
	assert self_financing_ratio(D("10"), D("0")) is None
