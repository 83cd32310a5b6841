"""Reimbursement claims: claim periods, ceilings, reimbursed amounts, budget caps.

Rounding rule (what the funder sees): each line's reimbursed amount is
rounded to the cent, half away from zero; a budget line's total is the sum of
its rounded lines, and the claim's total the sum of the budget lines. So the
lines always add up to the totals, to the cent. When a budget line would pass
its remaining budget, its total is cut to what remains and the cut is spread
over its lines in proportion (largest remainder), so they still add up.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from insertion_erp.core.money import ZERO, allocate, percent_of, round_money, to_decimal
from insertion_erp.core.periods import Period, add_days, add_months, months_between

TRAINEE_WAGES = "Trainee Wages and Benefits"
SUPERVISION_WAGES = "Supervision Staff Wages and Benefits"
INSERTION_COSTS = "Insertion Costs"
OTHER = "Other"
BUDGET_KINDS = (TRAINEE_WAGES, SUPERVISION_WAGES, INSERTION_COSTS, OTHER)

FREQUENCIES = ("Monthly", "Every 4 Weeks", "Quarterly", "Per Pay Period")


def claim_periods(contract: Period, frequency: str) -> list[Period]:
	"""The periods a contract is claimed by: calendar months, or blocks of 4 weeks or 3 months from its start."""
	if frequency == "Monthly":
		return list(months_between(contract))
	periods = []
	start = contract.start
	while start <= contract.end:
		if frequency == "Every 4 Weeks":
			end = add_days(start, 27)
		elif frequency == "Quarterly":
			end = add_days(add_months(start, 3), -1)
		else:
			raise ValueError(f"{frequency} has no fixed periods")
		periods.append(Period(start, min(end, contract.end)))
		start = add_days(end, 1)
	return periods


def is_claim_period(contract: Period, frequency: str, period: Period) -> bool:
	"""A claim covers one of the contract's periods (any period inside it, claimed per pay period)."""
	if not contract.contains_period(period):
		return False
	if frequency == "Per Pay Period":
		return True
	return period in claim_periods(contract, frequency)


@dataclass(frozen=True)
class Ceilings:
	"""Funded ceilings of a contract (None: no ceiling)."""

	hourly_wage: Decimal | None = None
	weekly_hours: Decimal | None = None


@dataclass(frozen=True)
class PayLine:
	"""One salary slip of one employee, as the claim sees it."""

	kind: str  # TRAINEE_WAGES or SUPERVISION_WAGES
	hours: Decimal
	eligible_gross: Decimal
	contributions: Decimal
	period_days: int
	funded_share: Decimal = Decimal(100)  # percent of a supervisor's time the contract funds


def eligible_contributions(contributions: Decimal, eligible_gross: Decimal, gross: Decimal) -> Decimal:
	"""A slip's employer contributions in proportion to its eligible share of the gross pay,
	rounded once to the cent (half up); nothing when the slip pays nothing."""
	if not gross:
		return ZERO
	return round_money(to_decimal(contributions) * to_decimal(eligible_gross) / to_decimal(gross))


def funded_amount(line: PayLine, ceilings: Ceilings) -> Decimal:
	"""Wages and contributions the contract funds, unrounded.

	A trainee's hours are capped at the weekly ceiling over the slip's weeks and
	their hourly wage at the hourly ceiling; contributions follow the funded
	share of the wages. A supervisor's pay counts for the share of time funded.
	"""
	eligible = to_decimal(line.eligible_gross)
	contributions = to_decimal(line.contributions)
	if eligible <= 0:
		return ZERO
	if line.kind == SUPERVISION_WAGES:
		return percent_of(eligible + contributions, line.funded_share)
	hours = to_decimal(line.hours)
	if hours <= 0:
		return ZERO
	funded_hours = hours
	if ceilings.weekly_hours is not None:
		funded_hours = min(hours, ceilings.weekly_hours * Decimal(line.period_days) / Decimal(7))
	hourly = eligible / hours
	if ceilings.hourly_wage is not None:
		hourly = min(hourly, ceilings.hourly_wage)
	funded_gross = min(eligible, funded_hours * hourly)
	return funded_gross + contributions * funded_gross / eligible


def reimbursed(funded: Decimal, rate_percent: Decimal) -> Decimal:
	"""The funder's share of a funded amount, rounded to the cent."""
	return round_money(percent_of(funded, rate_percent))


@dataclass(frozen=True)
class BudgetTotal:
	kind: str
	budget: Decimal
	claimed_before: Decimal
	requested: Decimal  # sum of this claim's rounded lines before the cap
	claimed: Decimal  # what this claim claims (requested, or what remains)

	@property
	def remaining_before(self) -> Decimal:
		return max(ZERO, self.budget - self.claimed_before)

	@property
	def capped(self) -> bool:
		return self.claimed < self.requested

	@property
	def remaining_after(self) -> Decimal:
		return self.remaining_before - self.claimed


def cap_to_budget(
	kind: str, amounts: Sequence[Decimal], budget: Decimal, claimed_before: Decimal
) -> tuple[list[Decimal], BudgetTotal]:
	"""Rounded line amounts of one budget line, cut to what remains of its budget."""
	amounts = [round_money(a) for a in amounts]
	requested = sum(amounts, ZERO)
	remaining = max(ZERO, round_money(budget) - round_money(claimed_before))
	if requested <= remaining:
		claimed = amounts
	elif remaining == 0 or requested == 0:
		claimed = [ZERO for _ in amounts]
	else:
		claimed = allocate(remaining, amounts)
	total = BudgetTotal(kind, round_money(budget), round_money(claimed_before), requested, sum(claimed, ZERO))
	return claimed, total


@dataclass(frozen=True)
class Projection:
	"""A budget line at the current monthly pace of its claims."""

	monthly_pace: Decimal
	projected: Decimal  # claimed by the contract's end at this pace
	months_left_at_pace: Decimal | None  # how long what remains lasts at this pace (None: no pace)

	def runs_out_before(self, months_to_end: Decimal) -> bool:
		return self.months_left_at_pace is not None and self.months_left_at_pace < months_to_end


def project(budget: Decimal, claimed: Decimal, months_claimed: Decimal, months_to_end: Decimal) -> Projection:
	"""Claimed so far over the months claimed gives the pace; the contract's remaining months
	at that pace give the year-end projection."""
	budget, claimed = to_decimal(budget), to_decimal(claimed)
	months_claimed, months_to_end = to_decimal(months_claimed), to_decimal(months_to_end)
	if months_claimed <= 0 or claimed <= 0:
		return Projection(ZERO, claimed, None)
	pace = claimed / months_claimed
	remaining = max(ZERO, budget - claimed)
	return Projection(
		monthly_pace=round_money(pace),
		projected=round_money(claimed + pace * max(ZERO, months_to_end)),
		months_left_at_pace=round_money(remaining / pace, Decimal("0.1")) if remaining else ZERO,
	)
