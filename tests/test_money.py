from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.funding.claims import eligible_contributions
from insertion_erp.core.money import allocate, percent_of, round_money, to_decimal


@pytest.mark.parametrize(
	"value, expected",
	[
		(None, Decimal("0")),
		("", Decimal("0")),
		(12, Decimal("12")),
		(0.1, Decimal("0.1")),
		(16.10, Decimal("16.1")),
		("1 234.56", Decimal("1234.56")),
		(Decimal("3.005"), Decimal("3.005")),
	],
)
def test_to_decimal_reads_what_forms_and_the_database_give(value, expected):
	assert to_decimal(value) == expected


@pytest.mark.parametrize("value", [True, object(), "nan", float("inf")])
def test_to_decimal_refuses_what_is_not_an_amount(value):
	with pytest.raises((TypeError, ValueError, ArithmeticError)):
		to_decimal(value)


@pytest.mark.parametrize(
	"value, expected",
	[
		("2.675", "2.68"),  # a float 2.675 would round down to 2.67
		(2.675, "2.68"),
		("0.005", "0.01"),
		("-0.005", "-0.01"),  # half away from zero
		("1.004", "1.00"),
		("10", "10.00"),
	],
)
def test_round_money_is_half_up_to_the_cent(value, expected):
	assert round_money(value) == Decimal(expected)
	assert str(round_money(value)) == expected


def test_percent_of_is_exact():
	assert percent_of(1000, "6.4") == Decimal("64")
	assert percent_of("16.10", "1.834") == Decimal("0.295274")


def test_allocate_gives_cents_to_largest_remainders():
	assert allocate("100", [1, 1, 1]) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
	assert allocate("0.05", [1, 1]) == [Decimal("0.03"), Decimal("0.02")]
	assert allocate("-10", [1, 3]) == [Decimal("-2.50"), Decimal("-7.50")]
	assert allocate("0", []) == []


@pytest.mark.parametrize("weights", [[], [0, 0], [1, -1]])
def test_allocate_refuses_impossible_weights(weights):
	with pytest.raises(ValueError):
		allocate("1", weights)


amounts = st.decimals(min_value=-(10**7), max_value=10**7, allow_nan=False, allow_infinity=False, places=4)
weights = st.lists(st.decimals(min_value=0, max_value=10**6, places=2), min_size=1, max_size=30).filter(
	lambda ws: sum(ws) > 0
)


@given(amounts, weights)
def test_allocated_parts_add_up_to_the_rounded_total(total, ws):
	parts = allocate(total, ws)
	assert sum(parts) == round_money(total)
	assert all(part == round_money(part) for part in parts)


@given(amounts, weights)
def test_allocation_never_strays_a_cent_from_the_exact_share(total, ws):
	rounded = round_money(total)
	for part, w in zip(allocate(total, ws), ws, strict=True):
		exact = rounded * w / sum(ws)
		assert abs(part - exact) < Decimal("0.01")


D = Decimal


def test_every_rounding_of_the_app_goes_through_round_money():
	"""One rounding rule (half up): a bare Decimal.quantize rounds half to even (0.125 -> 0.12)."""
	app = Path(__file__).resolve().parent.parent / "insertion_erp"
	bare = [
		f"{path.relative_to(app)}:{number}"
		for path in app.rglob("*.py")
		if path != app / "core" / "money.py"
		and "tests" not in path.parts
		and not path.name.startswith("test_")
		for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
		if ".quantize(" in line
	]
	assert not bare, f"round with core.money.round_money: {bare}"


def test_contributions_of_a_half_cent_share_round_half_up():
	# $0.25 of contributions, half of the gross eligible: $0.125 is $0.13, not $0.12.
	assert eligible_contributions(D("0.25"), D("50"), D("100")) == D("0.13")
	assert eligible_contributions(D("0.25"), D("50"), D("0")) == D("0")
