"""The boxes of an employee's T4 (CRA) and RL-1 (Revenu Québec) for a year, from the totals of
the year's submitted salary slips (facts: shared/quebec-payroll.md s. 5).

Every earning is taken as employment income, pensionable, insurable and taxable (as the
payroll computes its deductions). Insurable and pensionable earnings stop at the year's
maximums, and are nil where no contribution was withheld (an exempt employee). Which maximum
box G of the RL-1 stops at since 2024 (the MGA or the MGAP) is to confirm: the MGAP is used.

Pure: no frappe; amounts in Decimal, to the cent.
"""

from dataclasses import dataclass
from decimal import Decimal

from insertion_erp.core.money import ZERO, round_money

T4_BOXES = ("14", "17", "17A", "18", "22", "24", "26", "55", "56")
RL1_BOXES = ("A", "B.A", "B.B", "C", "E", "G", "H", "I")


@dataclass(frozen=True)
class YearTotals:
	"""What an employee's submitted slips of the year add up to."""

	gross: Decimal
	qpp: Decimal = ZERO
	qpp2: Decimal = ZERO
	ei: Decimal = ZERO
	qpip: Decimal = ZERO
	federal_tax: Decimal = ZERO
	quebec_tax: Decimal = ZERO


@dataclass(frozen=True)
class Maximums:
	"""The year's maximum earnings: pensionable (MGA and MGAP), EI and QPIP insurable."""

	ympe: Decimal
	yampe: Decimal
	ei: Decimal
	qpip: Decimal


def capped(gross, maximum, withheld) -> Decimal:
	return round_money(min(gross, maximum)) if withheld else ZERO


def t4(totals: YearTotals, maximums: Maximums) -> dict[str, Decimal]:
	return {
		"14": round_money(totals.gross),
		"17": round_money(totals.qpp),
		"17A": round_money(totals.qpp2),
		"18": round_money(totals.ei),
		"22": round_money(totals.federal_tax),
		"24": capped(totals.gross, maximums.ei, totals.ei),
		"26": capped(totals.gross, maximums.ympe, totals.qpp),
		"55": round_money(totals.qpip),
		"56": capped(totals.gross, maximums.qpip, totals.qpip),
	}


def rl1(totals: YearTotals, maximums: Maximums) -> dict[str, Decimal]:
	return {
		"A": round_money(totals.gross),
		"B.A": round_money(totals.qpp),
		"B.B": round_money(totals.qpp2),
		"C": round_money(totals.ei),
		"E": round_money(totals.quebec_tax),
		"G": capped(totals.gross, maximums.yampe, totals.qpp),
		"H": round_money(totals.qpip),
		"I": capped(totals.gross, maximums.qpip, totals.qpip),
	}


def disagreements(t4_boxes: dict, rl1_boxes: dict) -> list[str]:
	"""The boxes of the two slips that must agree and do not, as 'T4 x = RL-1 y' names."""
	pairs = (
		(("17", "17A"), ("B.A", "B.B")),
		(("14",), ("A",)),
		(("18",), ("C",)),
		(("55",), ("H",)),
	)
	found = []
	for t4_names, rl1_names in pairs:
		if sum((t4_boxes[n] for n in t4_names), ZERO) != sum((rl1_boxes[n] for n in rl1_names), ZERO):
			found.append(f"T4 {' + '.join(t4_names)} = RL-1 {' + '.join(rl1_names)}")
	return found
