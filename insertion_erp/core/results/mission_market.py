"""Mission and market: on which side of the enterprise each expense of the books is counted.

The mission is what the funder pays for, in part: the trainees' wages and their employer
contributions, their training and their psycho-social support (the expenses tagged with an
insertion contract). The market is what the sales pay for: production and structure (rent,
goods sold, administrative and supervising staff...).

The ledger knows the accounts, not who was paid: a Payroll Entry books every slip of the
month on the same wage and contribution accounts. The trainees' part of each payroll
journal entry is therefore taken from its salary slips and moved, to the cent, from the
side its accounts are on to the mission's, so the total expense never changes.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from insertion_erp.core.money import ZERO, round_money, to_decimal

SALES, CLAIMS, GRANTS = "sales", "claims", "grants"
TRAINEE_WAGES, INSERTION, PRODUCTION = "trainee_wages", "insertion", "production"
INCOME_KINDS = (SALES, CLAIMS, GRANTS)
MISSION_KINDS = (TRAINEE_WAGES, INSERTION)
MARKET_KINDS = (PRODUCTION,)
EXPENSE_KINDS = (*MISSION_KINDS, *MARKET_KINDS)
# The account of the line that takes the trainees' part out of a side, as (month, kind, account).
MOVED_TO_MISSION = ""


@dataclass(frozen=True)
class Entry:
	"""Income or expense of one account in one month, on the side `kind` its account and tag
	put it; `payroll_entry` is the payroll journal entry it comes from, if any."""

	month: str
	kind: str
	account: str
	amount: Decimal
	payroll_entry: str = ""


@dataclass(frozen=True)
class PayrollCost:
	"""The wages and employer contributions of the slips a payroll journal entry booked:
	the trainees' and everyone's."""

	trainees: Decimal
	everyone: Decimal


def trainees_part(amount: Decimal, cost: PayrollCost | None) -> Decimal:
	"""The trainees' share of an amount booked by a payroll journal entry, to the cent:
	amount x trainees / everyone (the whole amount when the entry paid only trainees)."""
	if cost is None:
		return ZERO
	everyone, trainees = to_decimal(cost.everyone), to_decimal(cost.trainees)
	if everyone <= ZERO or trainees <= ZERO:
		return ZERO
	return round_money(to_decimal(amount) * min(trainees, everyone) / everyone)


def by_side(
	entries: Iterable[Entry], payroll: Mapping[str, PayrollCost]
) -> dict[tuple[str, str, str], Decimal]:
	"""Amounts by (month, kind, account). The trainees' part of an expense booked by a payroll
	journal entry moves to TRAINEE_WAGES (under its account), and its side keeps the account
	whole plus a negative line (account MOVED_TO_MISSION): each side's sum is what it counts,
	and the total of all expenses is the ledger's."""
	result: dict[tuple[str, str, str], Decimal] = defaultdict(lambda: ZERO)
	for entry in entries:
		amount = to_decimal(entry.amount)
		result[(entry.month, entry.kind, entry.account)] += amount
		if entry.kind not in EXPENSE_KINDS or entry.kind == TRAINEE_WAGES or not entry.payroll_entry:
			continue
		moved = trainees_part(amount, payroll.get(entry.payroll_entry))
		if moved:
			result[(entry.month, TRAINEE_WAGES, entry.account)] += moved
			result[(entry.month, entry.kind, MOVED_TO_MISSION)] -= moved
	return dict(result)


def accounts_of(amounts: Mapping[tuple[str, str, str], Decimal], kind: str) -> list[str]:
	"""The accounts counted on a line, sorted, without the line that moves the trainees' part."""
	return sorted({account for (_m, k, account) in amounts if k == kind and account != MOVED_TO_MISSION})


def total(amounts: Mapping[tuple[str, str, str], Decimal], kinds: Iterable[str], months=None) -> Decimal:
	"""The sum of some kinds, in some months (all when None)."""
	kinds = set(kinds)
	months = None if months is None else set(months)
	return sum(
		(v for (m, k, _a), v in amounts.items() if k in kinds and (months is None or m in months)),
		ZERO,
	)
