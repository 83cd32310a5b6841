"""The Record of Employment (ROE) an employer owes Service Canada at each interruption of
earnings, computed from the pay periods that were paid (facts: shared/quebec-payroll.md s. 4).

- Block 15A, the insurable hours (at most 8,904, the most the form and ROE Web take), and 15B, the insurable earnings, of the periods reported;
- block 15C, the insurable earnings of each period, the final period first (PP1), as many
  periods as the pay frequency asks (weekly 53, biweekly 27, semi-monthly 25, monthly 13);
- block 17A, the vacation pay paid at separation (the final period's);
- block 16, the reason: a parcours run to its end is the end of a contract (A00); otherwise
  the code the settings map to the exit reason;
- the deadline: 5 calendar days after the end of the pay period in which the interruption
  happened; for monthly periods, the earlier of that and 15 days after the interruption.

Pure: no frappe. Amounts are Decimals rounded to the cent, hours to the hundredth.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from insertion_erp.core.money import ZERO, round_money

# Block 6, the pay period type.
PAY_PERIOD_TYPE = {"Weekly": "W", "Fortnightly": "B", "Bimonthly": "S", "Monthly": "M"}
END_OF_CONTRACT = "A00"
OTHER = "K00"
# Block 14, expected date of recall: "not returning" for a trainee whose parcours ended.
NOT_RETURNING = "N"
# Service Canada's limits for one ROE Web bulk file.
MAX_ROES_PER_FILE = 1200
MAX_FILE_BYTES = 1_000_000
# Block 15A takes at most 8,904 hours (ROE Web's payroll extract V2: TotalInsurableHoursType).
MAX_INSURABLE_HOURS = Decimal(8904)


class RoeError(ValueError):
	"""What keeps a ROE from being built (the frappe layer says it in the user's language)."""

	def __init__(self, kind: str) -> None:
		super().__init__(kind)
		self.kind = kind


NO_PAY = "no_pay"
UNKNOWN_FREQUENCY = "unknown_frequency"


@dataclass(frozen=True)
class PayPeriod:
	"""One paid pay period of the employee: its dates, insurable hours and earnings, and the
	vacation pay among those earnings."""

	start: date
	end: date
	hours: Decimal
	earnings: Decimal
	vacation_pay: Decimal = ZERO
	reference: str = ""  # the salary slip (the first one when a period has several)


@dataclass
class Roe:
	first_day_worked: date
	last_day_paid: date
	final_period_end: date
	pay_period_type: str
	insurable_hours: Decimal  # 15A
	insurable_earnings: Decimal  # 15B
	periods: list[tuple[int, Decimal]] = field(default_factory=list)  # 15C: (PP number, amount)
	reported: list[PayPeriod] = field(default_factory=list)  # the periods of 15C, final first
	vacation_pay: Decimal = ZERO  # 17A
	reason_code: str = END_OF_CONTRACT
	recall_code: str = NOT_RETURNING
	deadline: date | None = None


def reason_code(ran_to_planned_end: bool, exit_reason: str | None, mapping: dict[str, str]) -> str:
	"""Block 16: the end of a contract when the parcours ran to its planned end; else the code
	mapped to the exit reason, and Other (K00, with a comment) for a reason not mapped."""
	if ran_to_planned_end:
		return END_OF_CONTRACT
	return mapping.get(exit_reason or "", OTHER) or OTHER


def deadline(final_period_end: date, last_day_paid: date, frequency: str) -> date:
	"""The day the ROE is due (electronic ROE): 5 days after the end of the pay period of the
	interruption; with monthly pay periods, 15 days after the interruption if that is earlier."""
	due = final_period_end + timedelta(days=5)
	if frequency == "Monthly":
		interruption = last_day_paid + timedelta(days=1)
		due = min(due, interruption + timedelta(days=15))
	return due


def build(
	periods: list[PayPeriod],
	frequency: str,
	first_day_worked: date,
	last_day_paid: date,
	reason: str,
	periods_reported: dict[str, int],
) -> Roe:
	"""The ROE's blocks from the employee's paid periods (any order): the periods ending after
	the last day paid belong to no earnings of this employment and are left out. Block 15C
	reports as many periods as `periods_reported` gives the frequency (a setting: its figures
	are to confirm against the ROE guide)."""
	if frequency not in periods_reported or frequency not in PAY_PERIOD_TYPE:
		raise RoeError(UNKNOWN_FREQUENCY)
	paid = sorted(merged(p for p in periods if p.start <= last_day_paid), key=lambda p: p.end, reverse=True)
	if not paid:
		raise RoeError(NO_PAY)
	reported = paid[: periods_reported[frequency]]
	final = reported[0]
	return Roe(
		first_day_worked=first_day_worked,
		last_day_paid=last_day_paid,
		final_period_end=final.end,
		pay_period_type=PAY_PERIOD_TYPE[frequency],
		insurable_hours=min(MAX_INSURABLE_HOURS, round_hours(sum((p.hours for p in reported), ZERO))),
		insurable_earnings=round_money(sum((p.earnings for p in reported), ZERO)),
		periods=[(number, round_money(p.earnings)) for number, p in enumerate(reported, start=1)],
		vacation_pay=round_money(final.vacation_pay),
		reported=reported,
		reason_code=reason,
		deadline=deadline(final.end, last_day_paid, frequency),
	)


def vacation_owed(periods: list[PayPeriod], rate_percent: Decimal) -> Decimal:
	"""Vacation pay accrued on the wages of the periods and not paid yet (LNT s. 74): the rate
	on every wage but the vacation pay itself, less the vacation pay already paid."""
	paid = sum((p.vacation_pay for p in periods), ZERO)
	wages = sum((p.earnings for p in periods), ZERO) - paid
	return max(ZERO, round_money(wages * rate_percent / Decimal(100)) - paid)


def merged(periods) -> list[PayPeriod]:
	"""One period for the slips of the same pay period (a final pay made apart from the
	period's regular slip)."""
	by_dates: dict[tuple[date, date], PayPeriod] = {}
	for p in periods:
		found = by_dates.get((p.start, p.end))
		by_dates[(p.start, p.end)] = (
			PayPeriod(
				p.start,
				p.end,
				found.hours + p.hours,
				found.earnings + p.earnings,
				found.vacation_pay + p.vacation_pay,
				found.reference,
			)
			if found
			else p
		)
	return list(by_dates.values())


def round_hours(hours: Decimal) -> Decimal:
	"""Hours to the hundredth (the file rounds block 15A to whole hours, core/payroll/roe_xml.py)."""
	return round_money(hours)
