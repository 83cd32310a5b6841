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


# Filing: which slips go in which return ---------------------------------------------------

ORIGINAL, AMENDED, CANCELLED = "original", "amended", "cancelled"
KINDS = (ORIGINAL, AMENDED, CANCELLED)
# The CRA marks each T4 slip (rpt_tcd) and the summary (O or A only); Revenu Québec names the
# slip's element after its status and marks the whole file (TypeEnvoi).
T4_SLIP_CODES = {ORIGINAL: "O", AMENDED: "A", CANCELLED: "C"}
T4_RETURN_CODES = {ORIGINAL: "O", AMENDED: "A", CANCELLED: "A"}
RL1_SLIP_ELEMENTS = {ORIGINAL: "R", AMENDED: "A", CANCELLED: "D"}
RL1_SENDING_TYPES = {ORIGINAL: "1", AMENDED: "4", CANCELLED: "6"}


@dataclass(frozen=True)
class FiledSlip:
	"""A year-end slip as the filing sees it: its state in the app and with one authority."""

	name: str
	docstatus: int  # 1 submitted, 2 cancelled
	amended_from: str | None
	filed: bool  # sent to this authority
	cancellation_filed: bool = False


def pending(slips: list[FiledSlip]) -> dict[str, list[str]]:
	"""What is still to send to an authority, by kind: a submitted slip not yet sent is an
	original unless a slip it amends (however far back) was sent, then it is an amendment; a
	cancelled slip that was sent, that no slip amends and whose cancellation was not sent, is
	a cancellation."""
	by_name = {slip.name: slip for slip in slips}
	amended = {slip.amended_from for slip in slips if slip.amended_from and slip.docstatus in (0, 1)}
	found: dict[str, list[str]] = {kind: [] for kind in KINDS}

	def sent_before(slip: FiledSlip) -> bool:
		seen = set()
		while slip.amended_from and slip.amended_from in by_name and slip.name not in seen:
			seen.add(slip.name)
			slip = by_name[slip.amended_from]
			if slip.filed:
				return True
		return False

	for slip in slips:
		if slip.docstatus == 1 and not slip.filed:
			found[AMENDED if sent_before(slip) else ORIGINAL].append(slip.name)
		elif slip.docstatus == 2 and slip.filed and not slip.cancellation_filed and slip.name not in amended:
			found[CANCELLED].append(slip.name)
	return found


def rl1_slip_number(sequence: int) -> str:
	"""An RL-1 slip number: eight digits of the transmitter's sequence, then a check digit, the
	remainder of the sequence divided by 7 (as open-source Quebec payrolls compute it; to
	confirm against Revenu Québec's RL-1 guide)."""
	if not 0 < sequence < 100_000_000:
		raise ValueError(sequence)
	return f"{sequence:08d}{sequence % 7}"


def rl1_slip_number_is_valid(number: str) -> bool:
	return len(number) == 9 and number.isdigit() and int(number[:8]) % 7 == int(number[8])


# Summaries ----------------------------------------------------------------------------------


def t4_summary(slips: list[dict[str, Decimal]], employer_ei: Decimal) -> dict[str, Decimal]:
	"""The T4 Summary of an employer whose employees all work in Quebec: QPP and QPIP go to
	Revenu Québec, so boxes 16, 16A, 27 and 27A stay empty (box 88: the number of slips; 80:
	the deductions reported)."""
	total = {box: sum((slip[box] for slip in slips), ZERO) for box in ("14", "18", "22")}
	employer = round_money(employer_ei)
	return {
		"88": Decimal(len(slips)),
		"14": round_money(total["14"]),
		"18": round_money(total["18"]),
		"19": employer,
		"22": round_money(total["22"]),
		"80": round_money(total["18"] + employer + total["22"]),
	}


@dataclass(frozen=True)
class EmployerContributions:
	qpp: Decimal = ZERO
	qpp2: Decimal = ZERO
	qpip: Decimal = ZERO
	fss: Decimal = ZERO
	cnt: Decimal = ZERO


def rl1_summary(slips: list[dict[str, Decimal]], employer: EmployerContributions) -> dict[str, Decimal]:
	"""The RL-1 Summary (RLZ-1.S) lines the payroll fills: QPP and QPIP, employee and employer
	shares together, Quebec income tax withheld, the Health Services Fund (FSS) and the labour
	standards (CNT) contributions, and their total."""

	def total(box: str) -> Decimal:
		return sum((slip[box] for slip in slips), ZERO)

	lines = {
		"slips": Decimal(len(slips)),
		"qpp": round_money(total("B.A") + total("B.B") + employer.qpp + employer.qpp2),
		"qpip": round_money(total("H") + employer.qpip),
		"quebec_tax": round_money(total("E")),
		"fss": round_money(employer.fss),
		"cnt": round_money(employer.cnt),
	}
	lines["total"] = sum((lines[k] for k in ("qpp", "qpip", "quebec_tax", "fss", "cnt")), ZERO)
	return lines


def box_differences(filed: dict[str, Decimal], now: dict[str, Decimal]) -> list[tuple[str, Decimal, Decimal]]:
	"""The boxes of an issued slip that the salary slips no longer add up to: (box, on the
	slip, now)."""
	return [(box, filed[box], now.get(box, ZERO)) for box in filed if filed[box] != now.get(box, ZERO)]
