"""The return to government: what a trainee's new job gives back to the public purse in a year.

An estimate, and it says so. For a person a follow-up finds employed after entering
the parcours on social assistance or employment insurance, the yearly gain is:

- the benefits no longer paid: social assistance (monthly amount x 12) or
  employment insurance (average weekly benefit x weeks avoided);
- the income tax paid on the follow-up's wage (hourly wage x weekly hours x
  weeks worked a year): Quebec tax, plus federal tax after the Quebec abatement;
- the contributions on that wage, employee and employer sides: QPP, EI and QPIP.

Deliberately left out: other credits and deductions (Canada employment amount,
credits for the contributions, work premium, solidarity and GST credits), the
QPP's second additional contribution (the wages here are far below its ceiling),
the Health Services Fund, CNESST and labour standards contributions, and what the
person would have earned anyway. Every parameter is a yearly record the user edits
("Return to Government Rates"); SHIPPED_RETURN_RATES holds the years shipped with the app
and RETURN_SOURCES their sources, with the figures still "à confirmer". It keeps its own
figures, apart from the payroll's years (quebec_payroll/data/payroll_years/): it is an
estimate of a whole year's taxes on a wage (annual brackets without the payroll's per-pay
formulas, the benefits avoided), which the director tunes on its own record, and a change to
the payroll's figures must not move a return already reported to a funder.

A wage is never invented: a follow-up without a wage or hours gives no gain and is
counted, by reason, among the members lacking data (see `member`).

The outlay for a person is what the submitted reimbursement claims claimed for them: their
own trainee wage lines, plus a share of each claim's supervision staff and insertion cost
lines by their hours among all the trainees of the claim (`claim_outlays`); and what the
funder paid of it, by the paid share of each claim's invoice (`cohort_outlays`).
"""

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from decimal import Decimal
from itertools import pairwise

from insertion_erp.core.money import ZERO, MoneyLike, allocate, percent_of, round_money, to_decimal
from insertion_erp.core.periods import Period

D = Decimal
TENTH = D("0.1")
MONTHS_PER_YEAR = 12

# The Parcours' income sources at entry.
SOCIAL_ASSISTANCE = "Social Assistance"
EMPLOYMENT_INSURANCE = "Employment Insurance"
NO_PUBLIC_INCOME = "No Public Income"
OTHER = "Other"
INCOME_SOURCES = (SOCIAL_ASSISTANCE, EMPLOYMENT_INSURANCE, NO_PUBLIC_INCOME, OTHER)
ON_BENEFITS = (SOCIAL_ASSISTANCE, EMPLOYMENT_INSURANCE)

# The jurisdictions of the tax brackets (the options of Return to Government Bracket).
QUEBEC = "Quebec"
FEDERAL = "Federal"
JURISDICTIONS = (QUEBEC, FEDERAL)

# Why a member has no yearly gain. The first three are data the enterprise lacks: the
# report counts them as such. The last two are no gain by definition.
NO_FOLLOW_UP = "no follow-up"  # none done, or the person was unreachable
NO_INCOME_SOURCE = "no income source at entry"  # the parcours does not say
NO_WAGE_OR_HOURS = "no wage or hours"  # employed, but the follow-up lacks the wage or the hours
NO_RATES = "no return rates for the year"  # no Return to Government Rates record for the follow-up's year
NOT_EMPLOYED = "not employed"  # school, job search, other
NOT_ON_BENEFITS = "not on benefits at entry"  # no public income, or another source
LACKING_DATA = (NO_FOLLOW_UP, NO_INCOME_SOURCE, NO_WAGE_OR_HOURS, NO_RATES)
NO_GAIN = (NOT_EMPLOYED, NOT_ON_BENEFITS)
REASONS = (*LACKING_DATA, *NO_GAIN)


@dataclass(frozen=True)
class Bracket:
	"""A tax bracket: `rate` (percent) applies to the income above `threshold`, up to the
	next bracket's threshold."""

	threshold: Decimal
	rate: Decimal


@dataclass(frozen=True)
class ReturnRates:
	"""One year of the return's parameters. Rates are percentages, amounts dollars.

	social_assistance_monthly: the social assistance benefit of a single adult without a
	limited capacity for employment; employment_insurance_weekly: the average weekly EI
	benefit; employment_insurance_weeks: the weeks of EI benefit no longer paid in a year.
	The basic personal amounts give a credit at the lowest rate of their brackets; the
	federal tax is reduced by federal_quebec_abatement for Quebec residents. The QPP
	rate is the employee's; the employer pays the same.
	"""

	year: int
	social_assistance_monthly: Decimal
	employment_insurance_weekly: Decimal
	employment_insurance_weeks: int
	quebec_brackets: tuple[Bracket, ...]
	quebec_basic_amount: Decimal
	federal_brackets: tuple[Bracket, ...]
	federal_basic_amount: Decimal
	federal_quebec_abatement: Decimal
	qpp_rate: Decimal
	qpp_exemption: Decimal
	qpp_max_earnings: Decimal
	ei_employee_rate: Decimal
	ei_employer_rate: Decimal
	ei_max_earnings: Decimal
	qpip_employee_rate: Decimal
	qpip_employer_rate: Decimal
	qpip_max_earnings: Decimal
	weeks_per_year: int = 52


def check_brackets(brackets: Iterable[Bracket]) -> tuple[Bracket, ...]:
	"""The brackets, if they start at 0 and their thresholds increase; else ValueError."""
	result = tuple(brackets)
	if not result:
		raise ValueError("a tax needs at least one bracket")
	if result[0].threshold != 0:
		raise ValueError("the first bracket must start at 0")
	for before, after in pairwise(result):
		if after.threshold <= before.threshold:
			raise ValueError("bracket thresholds must increase")
	return result


def income_tax(income: MoneyLike, brackets: Iterable[Bracket], basic_amount: MoneyLike) -> Decimal:
	"""Progressive tax on a yearly income, less the basic personal amount's credit, unrounded.

	Each bracket's rate applies to the part of the income between its threshold and the
	next one's; the credit is the lowest rate (the first bracket's) x the basic amount.
	Never below 0.
	"""
	brackets = check_brackets(brackets)
	income = max(ZERO, to_decimal(income))
	tax = ZERO
	for i, bracket in enumerate(brackets):
		if income <= bracket.threshold:
			break
		top = brackets[i + 1].threshold if i + 1 < len(brackets) else income
		tax += percent_of(min(income, top) - bracket.threshold, bracket.rate)
	credit = percent_of(basic_amount, brackets[0].rate)
	return max(ZERO, tax - credit)


def yearly_income(hourly_wage: MoneyLike, weekly_hours: MoneyLike, weeks: MoneyLike) -> Decimal:
	"""hourly wage x weekly hours x weeks, unrounded."""
	return to_decimal(hourly_wage) * to_decimal(weekly_hours) * to_decimal(weeks)


@dataclass(frozen=True)
class YearlyGain:
	"""A year of public gain, each part rounded to the cent; total is the sum of the parts."""

	benefits: Decimal = ZERO
	quebec_tax: Decimal = ZERO
	federal_tax: Decimal = ZERO
	contributions: Decimal = ZERO
	total: Decimal = ZERO

	def __add__(self, other: "YearlyGain") -> "YearlyGain":
		return YearlyGain(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def benefits_avoided(rates: ReturnRates, income_source: str) -> Decimal:
	"""Benefits no longer paid in a year: social assistance x 12, employment insurance's
	average weekly benefit x the weeks avoided, nothing for the other sources."""
	if income_source not in INCOME_SOURCES:
		raise ValueError(f"unknown income source: {income_source!r}")
	if income_source == SOCIAL_ASSISTANCE:
		return to_decimal(rates.social_assistance_monthly) * MONTHS_PER_YEAR
	if income_source == EMPLOYMENT_INSURANCE:
		return to_decimal(rates.employment_insurance_weekly) * rates.employment_insurance_weeks
	return ZERO


def contributions(rates: ReturnRates, income: MoneyLike) -> Decimal:
	"""Employee and employer contributions on a yearly income, unrounded.

	QPP: both rates (equal) on the earnings between the basic exemption and the maximum
	pensionable earnings. EI and QPIP: employee + employer rates on the earnings up to
	their maximum insurable earnings.
	"""
	income = max(ZERO, to_decimal(income))
	qpp_base = max(ZERO, min(income, rates.qpp_max_earnings) - rates.qpp_exemption)
	qpp = percent_of(qpp_base, rates.qpp_rate) * 2
	ei = percent_of(min(income, rates.ei_max_earnings), rates.ei_employee_rate + rates.ei_employer_rate)
	qpip = percent_of(
		min(income, rates.qpip_max_earnings), rates.qpip_employee_rate + rates.qpip_employer_rate
	)
	return qpp + ei + qpip


def yearly_gain(
	rates: ReturnRates, income_source: str, hourly_wage: MoneyLike, weekly_hours: MoneyLike
) -> YearlyGain:
	"""The estimated public gain of one year of the follow-up's job.

	Yearly income = hourly wage x weekly hours x rates.weeks_per_year. Benefits: see
	`benefits_avoided`. Quebec tax: `income_tax` with the Quebec brackets and basic
	amount. Federal tax: `income_tax` with the federal ones, less the Quebec abatement
	(federal tax x (1 - abatement %)). Contributions: see `contributions`. Each part is
	rounded to the cent; the total is their sum.
	"""
	income = yearly_income(hourly_wage, weekly_hours, rates.weeks_per_year)
	benefits = round_money(benefits_avoided(rates, income_source))
	quebec_tax = round_money(income_tax(income, rates.quebec_brackets, rates.quebec_basic_amount))
	federal = income_tax(income, rates.federal_brackets, rates.federal_basic_amount)
	federal_tax = round_money(federal - percent_of(federal, rates.federal_quebec_abatement))
	paid = round_money(contributions(rates, income))
	return YearlyGain(
		benefits=benefits,
		quebec_tax=quebec_tax,
		federal_tax=federal_tax,
		contributions=paid,
		total=benefits + quebec_tax + federal_tax + paid,
	)


def months_to_pay_back(outlay: MoneyLike, gain: MoneyLike) -> Decimal | None:
	"""Months of yearly gain that pay back the outlay: outlay / (gain / 12), to a tenth
	(half up). None when there is no gain to pay it back, or no outlay recorded: an outlay of
	nothing is one that is not known, never an instant pay-back."""
	gain = to_decimal(gain)
	if gain <= 0 or to_decimal(outlay) <= 0:
		return None
	return round_money(to_decimal(outlay) * MONTHS_PER_YEAR / gain, TENTH)


@dataclass(frozen=True)
class Member:
	"""One person of the cohort: the public outlay for their parcours and either their
	yearly gain or the reason (one of REASONS) why there is none."""

	outlay: Decimal
	gain: YearlyGain | None = None
	missing: str | None = None

	def __post_init__(self) -> None:
		if (self.gain is None) == (self.missing is None):
			raise ValueError("a member has either a gain or a reason why not")
		if self.missing is not None and self.missing not in REASONS:
			raise ValueError(f"unknown reason: {self.missing!r}")


def member(
	outlay: MoneyLike,
	rates: ReturnRates | None,
	*,
	employed: bool | None,
	income_source: str | None,
	hourly_wage: MoneyLike = None,
	weekly_hours: MoneyLike = None,
) -> Member:
	"""A cohort member from their latest follow-up, without ever inventing a value.

	employed: None when no follow-up was done or the person was unreachable. The gain is
	computed only for a person employed who entered on social assistance or employment
	insurance, with a positive wage and hours and rates for the year; otherwise the
	member carries the first reason that applies, in this order: no follow-up, not
	employed, no income source, not on benefits, no rates, no wage or hours.
	"""
	outlay = to_decimal(outlay)
	if employed is None:
		return Member(outlay, missing=NO_FOLLOW_UP)
	if not employed:
		return Member(outlay, missing=NOT_EMPLOYED)
	if not income_source:
		return Member(outlay, missing=NO_INCOME_SOURCE)
	if income_source not in ON_BENEFITS:
		return Member(outlay, missing=NOT_ON_BENEFITS)
	if rates is None:
		return Member(outlay, missing=NO_RATES)
	if to_decimal(hourly_wage) <= 0 or to_decimal(weekly_hours) <= 0:
		return Member(outlay, missing=NO_WAGE_OR_HOURS)
	return Member(outlay, gain=yearly_gain(rates, income_source, hourly_wage, weekly_hours))


@dataclass(frozen=True)
class CohortReturn:
	"""A cohort's outlay against its yearly gain.

	outlay: every member's, rounded to the cent. gain: the sum of the gains of the
	members employed with data; a member lacking data adds nothing (the gain is
	understated, never guessed). months_to_pay_back: outlay / (gain.total / 12).
	lacking_data and no_gain: counts by reason (LACKING_DATA, NO_GAIN), zeros included.
	"""

	members: int
	outlay: Decimal
	gain: YearlyGain
	months_to_pay_back: Decimal | None
	employed_with_data: int
	lacking_data: dict[str, int] = field(default_factory=dict)
	no_gain: dict[str, int] = field(default_factory=dict)

	@property
	def lacking_data_count(self) -> int:
		return sum(self.lacking_data.values())


def cohort_return(members: Iterable[Member]) -> CohortReturn:
	members = list(members)
	outlay = round_money(sum((to_decimal(m.outlay) for m in members), ZERO))
	gain = sum((m.gain for m in members if m.gain is not None), YearlyGain())
	lacking = dict.fromkeys(LACKING_DATA, 0)
	no_gain = dict.fromkeys(NO_GAIN, 0)
	for m in members:
		if m.missing in lacking:
			lacking[m.missing] += 1
		elif m.missing in no_gain:
			no_gain[m.missing] += 1
	return CohortReturn(
		members=len(members),
		outlay=outlay,
		gain=gain,
		months_to_pay_back=months_to_pay_back(outlay, gain.total),
		employed_with_data=sum(1 for m in members if m.gain is not None),
		lacking_data=lacking,
		no_gain=no_gain,
	)


# The Parcours Follow-up's status and situations, as the return reads them.
DONE = "Done"
UNREACHABLE = "Unreachable"
EMPLOYED_SITUATIONS = ("Employed Full Time", "Employed Part Time")


def follow_up_used(follow_ups: Iterable[Mapping]) -> Mapping | None:
	"""The follow-up the return reads for a person: among those done with a situation other
	than Unreachable, the latest (highest months_after_exit, then latest contact_date).
	None when there is none: the member then has NO_FOLLOW_UP."""
	usable = [
		f
		for f in follow_ups
		if f.get("status") == DONE and f.get("situation") and f.get("situation") != UNREACHABLE
	]
	if not usable:
		return None
	return max(usable, key=lambda f: (f.get("months_after_exit") or 0, f.get("contact_date") or date.min))


def member_at_follow_up(
	outlay: MoneyLike, rates: ReturnRates | None, income_source: str | None, follow_up: Mapping | None
) -> Member:
	"""`member` read from the follow-up used (see follow_up_used; None: no follow-up)."""
	if follow_up is None:
		return member(outlay, rates, employed=None, income_source=income_source)
	return member(
		outlay,
		rates,
		employed=follow_up.get("situation") in EMPLOYED_SITUATIONS,
		income_source=income_source,
		hourly_wage=follow_up.get("hourly_wage"),
		weekly_hours=follow_up.get("weekly_hours"),
	)


def member_of_line(
	parcours: Iterable[tuple[Hashable, date, date]], start: date | None, end: date | None
) -> Hashable | None:
	"""The member a claim line belongs to: the first of the trainee's parcours (key, start,
	end) whose days overlap the line's. A line without dates belongs to the trainee's only
	parcours, if there is just one. None: the line is not the cohort's."""
	parcours = list(parcours)
	if not start or not end:
		return parcours[0][0] if len(parcours) == 1 else None
	line = Period(min(start, end), max(start, end))
	for key, first, last in parcours:
		if first and last and Period(first, max(first, last)).overlaps(line):
			return key
	return None


@dataclass(frozen=True)
class ClaimLine:
	"""A trainee wage line of a submitted claim: the trainee, the hours the line pays, what
	it reimbursed, and the cohort member (parcours) it belongs to, None for anyone else."""

	trainee: str
	hours: Decimal
	reimbursed: Decimal
	member: Hashable | None = None


@dataclass(frozen=True)
class ClaimOutlay:
	"""One submitted claim as the return reads it: the trainee wage lines of every trainee of
	the claim (in the cohort or not), the reimbursed total of its supervision staff and
	insertion cost lines (`shared`), and the share of its invoice the funder has paid
	(`paid_share`, 0 to 1)."""

	lines: tuple[ClaimLine, ...]
	shared: Decimal = ZERO
	paid_share: Decimal = ZERO


@dataclass(frozen=True)
class Outlay:
	"""A member's public outlay: what the claims claimed for them, and what the funder paid of it."""

	claimed: Decimal = ZERO
	paid: Decimal = ZERO


def shares_by_hours(total: MoneyLike, hours: Mapping[Hashable, MoneyLike]) -> dict[Hashable, Decimal]:
	"""`total` split over the keys in proportion to their hours, to the cent, the parts adding
	up exactly to the rounded total (money.allocate; keys in sorted order, so a tie goes to the
	first). No hours at all: nothing to split by, every part is 0."""
	keys = sorted(hours, key=str)
	weights = [max(ZERO, to_decimal(hours[key])) for key in keys]
	if sum(weights, ZERO) == 0:
		return dict.fromkeys(keys, ZERO)
	return dict(zip(keys, allocate(total, weights), strict=True))


def claim_outlays(claim: ClaimOutlay) -> dict[Hashable, Decimal]:
	"""What one claim spent on each member of the cohort, to the cent: the reimbursed amounts
	of the member's trainee wage lines, plus the trainee's share of the claim's supervision
	and insertion costs, by the trainee's hours in the claim / all trainee hours of the claim
	(shares_by_hours). When a trainee's lines belong to more than one parcours, or partly to
	none of the cohort's, their share is divided among them by hours the same way."""
	hours: dict[str, Decimal] = {}
	for line in claim.lines:
		hours[line.trainee] = hours.get(line.trainee, ZERO) + to_decimal(line.hours)
	result: dict[Hashable, Decimal] = {}
	for trainee, share in shares_by_hours(claim.shared, hours).items():
		by_member: dict[Hashable | None, Decimal] = {}
		for line in claim.lines:
			if line.trainee == trainee:
				by_member[line.member] = by_member.get(line.member, ZERO) + to_decimal(line.hours)
		parts = {next(iter(by_member)): share} if len(by_member) == 1 else shares_by_hours(share, by_member)
		for key, part in parts.items():
			if key is not None:
				result[key] = result.get(key, ZERO) + part
	for line in claim.lines:
		if line.member is not None:
			result[line.member] = result.get(line.member, ZERO) + to_decimal(line.reimbursed)
	return result


def cohort_outlays(claims: Iterable[ClaimOutlay]) -> dict[Hashable, Outlay]:
	"""Each member's outlay over the claims: claimed, the sum of claim_outlays (exact cents);
	paid, the sum of each claim's part x that claim's paid_share, rounded once to the cent."""
	claimed: dict[Hashable, Decimal] = {}
	paid: dict[Hashable, Decimal] = {}
	for claim in claims:
		share = to_decimal(claim.paid_share)
		for key, amount in claim_outlays(claim).items():
			claimed[key] = claimed.get(key, ZERO) + amount
			paid[key] = paid.get(key, ZERO) + amount * share
	return {key: Outlay(round_money(claimed[key]), round_money(paid[key])) for key in claimed}


TO_CONFIRM = re.compile(r"\b(?:à|a) confirmer\b|\bto (?:be )?confirm(?:ed)?\b", re.IGNORECASE)


def figures_to_confirm(sources: str | None) -> str:
	"""The figures of a rates record still to confirm: its sources text after the first
	"À confirmer" (or "to confirm") and its colon. Empty when the text marks none."""
	found = TO_CONFIRM.search(sources or "")
	return (sources or "")[found.end() :].lstrip(" \u00a0:").strip() if found else ""


# Fields of ReturnRates stored as they are on a Return to Government Rates record (the brackets
# are its child table).
INT_FIELDS = ("year", "employment_insurance_weeks", "weeks_per_year")
BRACKET_FIELDS = {QUEBEC: "quebec_brackets", FEDERAL: "federal_brackets"}


def record_values(rates: ReturnRates) -> dict:
	"""The values of a Return to Government Rates record, its brackets as child rows."""
	values = {
		f.name: getattr(rates, f.name) for f in fields(ReturnRates) if f.name not in BRACKET_FIELDS.values()
	}
	values["brackets"] = [
		{"jurisdiction": jurisdiction, "threshold": bracket.threshold, "rate": bracket.rate}
		for jurisdiction, fieldname in BRACKET_FIELDS.items()
		for bracket in getattr(rates, fieldname)
	]
	return values


def rates_from_values(values: Mapping, brackets: Iterable[Mapping]) -> ReturnRates:
	"""ReturnRates from a record's values and its bracket rows (in any order)."""
	by_jurisdiction: dict[str, list[Bracket]] = {jurisdiction: [] for jurisdiction in JURISDICTIONS}
	for row in brackets:
		if row.get("jurisdiction") not in by_jurisdiction:
			raise ValueError(f"unknown jurisdiction: {row.get('jurisdiction')!r}")
		by_jurisdiction[row.get("jurisdiction")].append(
			Bracket(to_decimal(row.get("threshold")), to_decimal(row.get("rate")))
		)
	kwargs: dict = {}
	for f in fields(ReturnRates):
		if f.name in BRACKET_FIELDS.values():
			continue
		value = values.get(f.name)
		if f.name in INT_FIELDS:
			default = 0 if f.default is MISSING else f.default
			kwargs[f.name] = int(value) if value not in (None, "") else default
		else:
			kwargs[f.name] = to_decimal(value)
	for jurisdiction, fieldname in BRACKET_FIELDS.items():
		kwargs[fieldname] = tuple(sorted(by_jurisdiction[jurisdiction], key=lambda b: b.threshold))
	return ReturnRates(**kwargs)


def _brackets(*pairs: tuple[int, str]) -> tuple[Bracket, ...]:
	return tuple(Bracket(D(threshold), D(rate)) for threshold, rate in pairs)


SHIPPED_RETURN_RATES = {
	2025: ReturnRates(
		year=2025,
		social_assistance_monthly=D(829),  # 784 basic benefit + 45 adjustment
		employment_insurance_weekly=D(570),
		employment_insurance_weeks=18,
		quebec_brackets=_brackets((0, "14"), (53255, "19"), (106495, "24"), (129590, "25.75")),
		quebec_basic_amount=D(18571),
		# 14.5: the lowest rate went from 15 % to 14 % on July 1, 2025.
		federal_brackets=_brackets(
			(0, "14.5"), (57375, "20.5"), (114750, "26"), (177882, "29"), (253414, "33")
		),
		federal_basic_amount=D(16129),
		federal_quebec_abatement=D("16.5"),
		qpp_rate=D("6.40"),
		qpp_exemption=D(3500),
		qpp_max_earnings=D(71300),
		ei_employee_rate=D("1.31"),
		ei_employer_rate=D("1.834"),
		ei_max_earnings=D(65700),
		qpip_employee_rate=D("0.494"),
		qpip_employer_rate=D("0.692"),
		qpip_max_earnings=D(98000),
	),
	2026: ReturnRates(
		year=2026,
		social_assistance_monthly=D(845),  # 800 basic benefit (784 indexed by 2.05 %) + 45 adjustment
		employment_insurance_weekly=D(570),
		employment_insurance_weeks=18,
		quebec_brackets=_brackets((0, "14"), (54345, "19"), (108680, "24"), (132245, "25.75")),
		quebec_basic_amount=D(18952),
		federal_brackets=_brackets(
			(0, "14"), (58523, "20.5"), (117045, "26"), (181440, "29"), (258482, "33")
		),
		federal_basic_amount=D(16452),
		federal_quebec_abatement=D("16.5"),
		qpp_rate=D("6.30"),
		qpp_exemption=D(3500),
		qpp_max_earnings=D(74600),
		ei_employee_rate=D("1.30"),
		ei_employer_rate=D("1.82"),
		ei_max_earnings=D(68900),
		qpip_employee_rate=D("0.430"),
		qpip_employer_rate=D("0.602"),
		qpip_max_earnings=D(103000),
	),
}

RETURN_SOURCES = {
	2025: "Cotisations (RRQ 6,40 % de chaque côté, exemption 3 500 $, maximum 71 300 $; AE 1,31 % / 1,834 %, "
	"maximum 65 700 $; RQAP 0,494 % / 0,692 %, maximum 98 000 $) : Revenu Québec et canada.ca, comme les "
	"« Taux de paie du Québec ». À confirmer : paliers d'impôt du Québec (14 % jusqu'à 53 255 $, 19 % jusqu'à "
	"106 495 $, 24 % jusqu'à 129 590 $, 25,75 % au-delà) et montant personnel de base (18 571 $), Revenu "
	"Québec; paliers fédéraux (14,5 % effectif en 2025, taux passé de 15 % à 14 % le 1er juillet; 20,5 % dès "
	"57 375 $, 26 % dès 114 750 $, 29 % dès 177 882 $, 33 % dès 253 414 $) et montant personnel de base "
	"(16 129 $), ARC; abattement du Québec (16,5 %); prestation d'aide sociale d'un adulte seul sans contrainte "
	"à l'emploi (784 $ + ajustement de 45 $ = 829 $ par mois au 1er janvier 2025, MESS); prestation "
	"hebdomadaire moyenne d'assurance-emploi (570 $, ordre de grandeur du Rapport de contrôle et d'évaluation "
	"de l'assurance-emploi; maximum 695 $) et semaines de prestations évitées par année (18, ordre de "
	"grandeur de la durée moyenne des prestations régulières).",
	2026: "Cotisations (RRQ 6,30 % de chaque côté, exemption 3 500 $, maximum 74 600 $; AE 1,30 % / 1,82 %, "
	"maximum 68 900 $; RQAP 0,430 % / 0,602 %, maximum 103 000 $) : Revenu Québec, canada.ca et compben.com, "
	"comme les « Taux de paie du Québec ». À confirmer : taux du RQAP (une seule source); paliers d'impôt du "
	"Québec indexés de 2,05 % (14 % jusqu'à 54 345 $, 19 % jusqu'à 108 680 $, 24 % jusqu'à 132 245 $, "
	"25,75 % au-delà) et montant personnel de base (18 952 $), ministère des Finances du Québec; paliers "
	"fédéraux indexés de 2 % (14 %; 20,5 % dès 58 523 $, 26 % dès 117 045 $, 29 % dès 181 440 $, 33 % dès "
	"258 482 $) et montant personnel de base (16 452 $), ARC; abattement du Québec (16,5 %); prestation "
	"d'aide sociale d'un adulte seul sans contrainte à l'emploi (800 $ + ajustement de 45 $ = 845 $ par mois, "
	"déduite de 2025 indexée de 2,05 %); prestation hebdomadaire moyenne d'assurance-emploi (570 $, reprise "
	"de 2025; maximum 729 $) et semaines de prestations évitées par année (18, reprise de 2025).",
}
