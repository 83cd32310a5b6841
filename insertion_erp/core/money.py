"""Money as Decimal, rounded explicitly.

Rule: amounts are kept unrounded while they are computed and rounded once, to
the cent, half away from zero (ROUND_HALF_UP, as a cashier and the funder
round), when they are shown or booked. Floats never enter a computation
unconverted: they are read through their shortest repr, so 0.1 becomes
Decimal("0.1"), not 0.1000000000000000055...
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")

MoneyLike = Decimal | int | float | str | None


def to_decimal(value: MoneyLike) -> Decimal:
	"""Convert a value from the database, a form or a literal to Decimal, unrounded.

	None and "" are zero. Booleans are refused: they are never money.
	"""
	if type(value) is Decimal and value.is_finite():  # the common case, first
		return value
	if value is None or value == "":
		return ZERO
	if isinstance(value, bool):
		raise TypeError("a boolean is not an amount")
	if isinstance(value, Decimal):
		result = value
	elif isinstance(value, int):
		result = Decimal(value)
	elif isinstance(value, float):
		result = Decimal(repr(value))
	elif isinstance(value, str):
		result = Decimal(value.strip().replace(" ", "").replace("\u00a0", ""))
	else:
		raise TypeError(f"cannot read {type(value).__name__} as an amount")
	if not result.is_finite():
		raise ValueError("an amount must be a finite number")
	return result


def round_money(value: MoneyLike, quantum: Decimal = CENT) -> Decimal:
	"""Round to the cent (or another quantum), half away from zero."""
	return to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def percent_of(amount: MoneyLike, rate_percent: MoneyLike) -> Decimal:
	"""amount x rate / 100, unrounded. percent_of(200, "6.4") == Decimal("12.8")."""
	return to_decimal(amount) * to_decimal(rate_percent) / HUNDRED


def allocate(total: MoneyLike, weights: Sequence[MoneyLike], quantum: Decimal = CENT) -> list[Decimal]:
	"""Split `total`, rounded to `quantum`, in proportion to `weights`.

	The parts are rounded to the quantum and always add up exactly to the
	rounded total (largest remainder method: the cents lost by rounding down
	go to the parts with the largest remainders, ties to the earliest). This is
	how a total the funder sees stays equal to the sum of the lines it sees.
	"""
	rounded_total = round_money(total, quantum)
	ws = [to_decimal(w) for w in weights]
	if not ws:
		if rounded_total:
			raise ValueError("cannot allocate a non-zero total over no weights")
		return []
	if any(w < 0 for w in ws):
		raise ValueError("weights must not be negative")
	weight_sum = sum(ws, ZERO)
	if weight_sum == 0:
		raise ValueError("weights must not all be zero")

	sign = -1 if rounded_total < 0 else 1
	units = int(abs(rounded_total) / quantum)
	exact = [Decimal(units) * w / weight_sum for w in ws]
	floors = [int(e) for e in exact]
	left = units - sum(floors)
	by_remainder = sorted(range(len(ws)), key=lambda i: (-(exact[i] - floors[i]), i))
	for i in by_remainder[:left]:
		floors[i] += 1
	return [sign * Decimal(n) * quantum for n in floors]
