"""Indicators the director reads: how far sales pay for the enterprise."""

from decimal import Decimal

from insertion_erp.core.money import ZERO, round_money, to_decimal

RATIO_DEFINITION = "Self-financing ratio = sales (goods and services) / total expenses"


def self_financing_ratio(sales: Decimal, expenses: Decimal) -> Decimal | None:
	"""Sales over total expenses, in percent to the hundredth (as the report and the card show
	it: rounded once, never to a tenth then shown with two decimals); None when nothing was spent."""
	expenses = to_decimal(expenses)
	if expenses <= ZERO:
		return None
	return round_money(to_decimal(sales) * 100 / expenses)
