"""Quebec source deductions on one pay: QPP, QPP2, EI, QPIP, federal and Quebec income tax,
and the employer's share of QPP, QPP2, EI and QPIP.

Pure: the year's parameters come as a `PayrollYear` (built from the yearly record
"Quebec Payroll Rates"), the employee's profile as a `Profile`, the year to date as a
`YearToDate`. Every step of both tax formulas is a named function:

- federal tax for an employee working in Quebec: the CRA's T4127, option 1
  (A, K1, K2Q, K4, T3, the 16.5 % Quebec abatement, T1);
- Quebec tax: Revenu Québec's TP-1015.F (H, I, E, Y, A).

Rates are percentages (Decimal("6.30") means 6.30 %), amounts are dollars. Each amount
withheld is rounded once, to the cent, half away from zero (core.money.round_money).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from insertion_erp.core.money import CENT, HUNDRED, ZERO, percent_of, round_money, to_decimal

FIVE = Decimal(5)
NIL = round_money(ZERO)  # an amount of nothing, to the cent: 0.00


@dataclass(frozen=True)
class Bracket:
	"""One bracket of an annual tax table: from `threshold` (a lower bound, 0 for the first)
	taxed at `rate` %, less the constant `constant` (the K or K of TP-1015.F)."""

	threshold: Decimal
	rate: Decimal
	constant: Decimal


@dataclass(frozen=True)
class TaxTable:
	"""The brackets in force from `valid_from` (a mid-year change is a second table), and
	the rate of the lowest bracket used for the credits (K1, K2Q, K4 federally; E in Quebec)."""

	valid_from: date
	brackets: tuple[Bracket, ...]
	credit_rate: Decimal


@dataclass(frozen=True)
class PayrollYear:
	"""One year of parameters, as the record "Quebec Payroll Rates" holds them."""

	year: int
	# QPP (employee = employer)
	qpp_base_rate: Decimal  # 5.30 in 2026
	qpp_first_additional_rate: Decimal  # 1.00
	qpp2_rate: Decimal  # 4.00
	qpp_exemption: Decimal  # 3,500 a year
	# Revenu Québec's truncated exemption per pay, by pays per year (26 -> 134.61)
	qpp_exemption_per_pay: dict[int, Decimal]
	ympe: Decimal  # MGA
	yampe: Decimal  # MGAP
	# EI, Quebec rate; the employer pays `ei_employer_factor` times the employee's premium
	ei_rate: Decimal
	ei_max_earnings: Decimal
	ei_employer_factor: Decimal
	# QPIP
	qpip_employee_rate: Decimal
	qpip_employer_rate: Decimal
	qpip_max_earnings: Decimal
	# Federal
	federal_tables: tuple[TaxTable, ...]  # by valid_from, the year's first on January 1
	federal_bpa_max: Decimal
	federal_bpa_min: Decimal
	canada_employment_amount: Decimal
	quebec_abatement: Decimal  # 16.5
	# Quebec
	quebec_tables: tuple[TaxTable, ...]
	quebec_basic_amount: Decimal
	quebec_worker_deduction_rate: Decimal  # 6
	quebec_worker_deduction_max: Decimal


@dataclass(frozen=True)
class Profile:
	"""An employee's source-deduction profile (the Employee's own tab)."""

	federal_claim: Decimal | None = None  # TD1 total claim; None: the year's basic amount
	quebec_claim: Decimal | None = None  # TP-1015.3 line 10 (E); None: the year's basic amount
	extra_federal_tax: Decimal = ZERO  # L, per pay
	extra_quebec_tax: Decimal = ZERO  # L, per pay
	qpp_exempt: bool = False  # e.g. under 18
	ei_exempt: bool = False
	qpip_exempt: bool = False


@dataclass(frozen=True)
class YearToDate:
	"""What the employee's earlier pays of the year (with this employer) already hold."""

	pensionable: Decimal = ZERO  # QPP pensionable earnings
	qpp: Decimal = ZERO  # employee QPP (base + first additional)
	qpp2: Decimal = ZERO
	insurable: Decimal = ZERO  # EI insurable earnings
	ei: Decimal = ZERO
	qpip_insurable: Decimal = ZERO
	qpip: Decimal = ZERO
	employer_ei: Decimal = ZERO  # the employer's EI premiums, capped at 1.4 x the employee maximum
	employer_qpip: Decimal = ZERO  # the employer's QPIP premiums, capped at their own maximum


@dataclass(frozen=True)
class Pay:
	"""One pay: its gross (all taxable, pensionable and insurable earnings), its date,
	the number of pays a year of its frequency."""

	gross: Decimal
	pay_date: date
	pays_per_year: int


@dataclass(frozen=True)
class Deductions:
	"""What one pay withholds and what the employer owes on it, each to the cent."""

	qpp: Decimal
	qpp2: Decimal
	ei: Decimal
	qpip: Decimal
	federal_tax: Decimal
	quebec_tax: Decimal
	employer_qpp: Decimal
	employer_qpp2: Decimal
	employer_ei: Decimal
	employer_qpip: Decimal
	# the figures of each step, for the pay statement and the bookkeeper's check
	steps: dict[str, Decimal] = field(default_factory=dict)

	@property
	def employee_total(self) -> Decimal:
		return self.qpp + self.qpp2 + self.ei + self.qpip + self.federal_tax + self.quebec_tax


# -- Conventions ---------------------------------------------------------------------------
#
# Each employee contribution of a pay is rate x the pay's earnings, rounded to the cent, then
# cut to what remains of its annual maximum (never negative): Revenu Québec and the CRA stop
# withholding once the maximum contribution or premium is reached, so the maximum (rate x
# ceiling) is what holds the earnings ceiling, and the pay that reaches it takes exactly what
# remains. The year to date's earnings are the sums of the pays' gross, as the slips' sums are.
# The tax steps keep their figures unrounded; the tax per pay is rounded once.


def _check_pay(pay: Pay) -> None:
	if pay.pays_per_year < 1:
		raise ValueError("a year has at least one pay")
	if pay.gross < 0:
		raise ValueError("a pay's gross cannot be negative")


def _capped(amount: Decimal, maximum: Decimal, already: Decimal) -> Decimal:
	"""`amount`, never more than what remains of `maximum` after `already`, never negative,
	to the cent."""
	return round_money(max(ZERO, min(amount, maximum - already)))


def _counted(gross: Decimal, before: Decimal, ceiling: Decimal) -> Decimal:
	"""The part of a pay still under an annual earnings ceiling."""
	return min(gross, max(ZERO, ceiling - before))


def _between(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
	return min(max(value, low), high)


# -- QPP, QPP2, EI, QPIP ---------------------------------------------------------------------


def exemption_per_pay(year: PayrollYear, pays_per_year: int) -> Decimal:
	"""The QPP basic exemption of one pay: Revenu Québec's truncated amount for the frequency
	(26 pays: 134.61), otherwise the annual exemption / pays, truncated to the cent."""
	if pays_per_year < 1:
		raise ValueError("a year has at least one pay")
	listed = year.qpp_exemption_per_pay.get(pays_per_year)
	if listed is not None:
		return listed
	# whole cents, truncated: Decimal's // drops the remainder
	return (year.qpp_exemption * HUNDRED // Decimal(pays_per_year)) * CENT


def qpp_rate(year: PayrollYear) -> Decimal:
	"""The employee's QPP rate: base + first additional contribution (6.30 % in 2026)."""
	return year.qpp_base_rate + year.qpp_first_additional_rate


def qpp_annual_max(year: PayrollYear) -> Decimal:
	"""Maximum employee QPP: rate x (YMPE - basic exemption), to the cent."""
	return round_money(percent_of(year.ympe - year.qpp_exemption, qpp_rate(year)))


def qpp2_annual_max(year: PayrollYear) -> Decimal:
	"""Maximum employee QPP2: QPP2 rate x (YAMPE - YMPE), to the cent."""
	return round_money(percent_of(year.yampe - year.ympe, year.qpp2_rate))


def ei_annual_max(year: PayrollYear) -> Decimal:
	"""Maximum employee EI premium: rate x maximum insurable earnings, to the cent."""
	return round_money(percent_of(year.ei_max_earnings, year.ei_rate))


def employer_ei_annual_max(year: PayrollYear) -> Decimal:
	"""Maximum employer EI premium: the employer factor x the employee's maximum, to the cent."""
	return round_money(year.ei_employer_factor * ei_annual_max(year))


def qpip_annual_max(year: PayrollYear) -> Decimal:
	"""Maximum employee QPIP premium: employee rate x maximum insurable earnings, to the cent."""
	return round_money(percent_of(year.qpip_max_earnings, year.qpip_employee_rate))


def employer_qpip_annual_max(year: PayrollYear) -> Decimal:
	"""Maximum employer QPIP premium: employer rate x maximum insurable earnings, to the cent."""
	return round_money(percent_of(year.qpip_max_earnings, year.qpip_employer_rate))


def qpp(pay: Pay, year: PayrollYear, ytd: YearToDate, profile: Profile) -> Decimal:
	"""Employee QPP (base + first additional): rate x (pensionable pay - exemption for the
	period), at most the annual maximum less the QPP of the earlier pays.

	Pensionable earnings count up to the YMPE through that maximum, rate x (YMPE - 3,500):
	Revenu Québec stops the contribution once it is reached. The exemption is the period's
	(exemption_per_pay), so an employee paid k pays in the year gets k exemptions only."""
	_check_pay(pay)
	if profile.qpp_exempt:
		return NIL
	contributory = max(ZERO, pay.gross - exemption_per_pay(year, pay.pays_per_year))
	return _capped(round_money(percent_of(contributory, qpp_rate(year))), qpp_annual_max(year), ytd.qpp)


def qpp2(pay: Pay, year: PayrollYear, ytd: YearToDate, profile: Profile) -> Decimal:
	"""Employee QPP2: QPP2 rate x the year-to-date pensionable earnings (this pay included)
	between the YMPE and the YAMPE, to the cent, less the QPP2 of the earlier pays."""
	_check_pay(pay)
	if profile.qpp_exempt:
		return NIL
	band = _between(ytd.pensionable + pay.gross, year.ympe, year.yampe) - year.ympe
	owed = round_money(percent_of(band, year.qpp2_rate))
	return _capped(owed - ytd.qpp2, qpp2_annual_max(year), ytd.qpp2)


def ei(pay: Pay, year: PayrollYear, ytd: YearToDate, profile: Profile) -> Decimal:
	"""Employee EI premium (Quebec rate): rate x insurable earnings, at most the annual maximum
	premium (rate x maximum insurable earnings) less the premiums of the earlier pays."""
	_check_pay(pay)
	if profile.ei_exempt:
		return NIL
	return _capped(round_money(percent_of(pay.gross, year.ei_rate)), ei_annual_max(year), ytd.ei)


def qpip(pay: Pay, year: PayrollYear, ytd: YearToDate, profile: Profile) -> Decimal:
	"""Employee QPIP premium: employee rate x insurable earnings, at most the annual maximum
	premium (rate x maximum insurable earnings) less the premiums of the earlier pays."""
	_check_pay(pay)
	if profile.qpip_exempt:
		return NIL
	return _capped(
		round_money(percent_of(pay.gross, year.qpip_employee_rate)), qpip_annual_max(year), ytd.qpip
	)


def employer_ei(employee_ei: Decimal, year: PayrollYear, ytd: YearToDate) -> Decimal:
	"""Employer EI premium: the employer factor (1.4) x the employee's premium of this pay, to
	the cent, at most the employer's maximum less its premiums of the earlier pays."""
	return _capped(
		round_money(year.ei_employer_factor * employee_ei), employer_ei_annual_max(year), ytd.employer_ei
	)


def employer_qpip(pay: Pay, year: PayrollYear, ytd: YearToDate, profile: Profile) -> Decimal:
	"""Employer QPIP premium: employer rate x the pay's insurable earnings counted up to the
	maximum insurable earnings, at most the employer's maximum less its earlier premiums."""
	_check_pay(pay)
	if profile.qpip_exempt:
		return NIL
	insurable = _counted(pay.gross, ytd.qpip_insurable, year.qpip_max_earnings)
	return _capped(
		round_money(percent_of(insurable, year.qpip_employer_rate)),
		employer_qpip_annual_max(year),
		ytd.employer_qpip,
	)


# -- Tables ----------------------------------------------------------------------------------


def _table_in_force(tables: tuple[TaxTable, ...], pay_date: date, year: PayrollYear) -> TaxTable:
	if pay_date.year != year.year:
		raise ValueError(f"a pay of {pay_date.year} cannot use the parameters of {year.year}")
	in_force = [table for table in tables if table.valid_from <= pay_date]
	if not in_force:
		raise ValueError(f"no tax table of {year.year} is in force on {pay_date.isoformat()}")
	return max(in_force, key=lambda table: table.valid_from)


def federal_table(year: PayrollYear, pay_date: date) -> TaxTable:
	"""The federal table in force on the pay date (2025: 15 % until June, 14 % from July 1)."""
	return _table_in_force(year.federal_tables, pay_date, year)


def quebec_table(year: PayrollYear, pay_date: date) -> TaxTable:
	"""The Quebec table in force on the pay date."""
	return _table_in_force(year.quebec_tables, pay_date, year)


def bracket_for(table: TaxTable, income: Decimal) -> Bracket:
	"""The bracket of an annual income: the last whose threshold the income reaches (R and K
	federally, T and K in Quebec)."""
	chosen = table.brackets[0]
	for bracket in table.brackets:
		if income >= bracket.threshold:
			chosen = bracket
	return chosen


# -- Federal tax, T4127 option 1, employee working in Quebec ---------------------------------


def federal_f5a(qpp_amount: Decimal, qpp2_amount: Decimal, year: PayrollYear) -> Decimal:
	"""F5A, the deduction for the enhanced QPP contributions of the pay: the first-additional
	share of its QPP (QPP x first additional rate / (base + first additional)) plus its QPP2."""
	return qpp_amount * year.qpp_first_additional_rate / qpp_rate(year) + qpp2_amount


def federal_annual_income_a(
	pay: Pay, year: PayrollYear, qpp_amount: Decimal, qpp2_amount: Decimal
) -> Decimal:
	"""A, annual taxable income: P x (I - F5A), I the pay's gross (no F, F2, U1, HD, F1 here)."""
	_check_pay(pay)
	return max(ZERO, Decimal(pay.pays_per_year) * (pay.gross - federal_f5a(qpp_amount, qpp2_amount, year)))


def federal_bpa(year: PayrollYear, a: Decimal) -> Decimal:
	"""BPAF, the federal basic personal amount: its maximum up to the threshold of the 29 %
	bracket (the 4th), its minimum from the threshold of the 33 % bracket (the 5th), linear in
	between. The thresholds are the year's (the same in each of its tables)."""
	brackets = year.federal_tables[0].brackets
	if len(brackets) < 5:
		raise ValueError("the federal table needs five brackets")
	low, high = brackets[3].threshold, brackets[4].threshold
	if a <= low:
		return year.federal_bpa_max
	if a >= high:
		return year.federal_bpa_min
	return year.federal_bpa_max - (a - low) * (year.federal_bpa_max - year.federal_bpa_min) / (high - low)


def federal_tc(year: PayrollYear, a: Decimal, claim: Decimal | None) -> Decimal:
	"""TC, the TD1 total claim: the employee's, or by default the basic personal amount of A."""
	return federal_bpa(year, a) if claim is None else to_decimal(claim)


def federal_k1(table: TaxTable, claim: Decimal) -> Decimal:
	"""K1, the personal credits: the lowest rate x TC."""
	return percent_of(claim, table.credit_rate)


def federal_k2q(
	table: TaxTable,
	year: PayrollYear,
	pays_per_year: int,
	qpp_amount: Decimal,
	ei_amount: Decimal,
	qpip_amount: Decimal,
) -> Decimal:
	"""K2Q, the credits for contributions in Quebec: the lowest rate x [the annualised base
	share of the QPP (QPP x base rate / (base + first additional)), at most the base share of
	the maximum QPP, + P x EI, at most the maximum EI, + P x QPIP, at most the maximum QPIP]."""
	p = Decimal(pays_per_year)
	base_share = year.qpp_base_rate / qpp_rate(year)
	total = (
		min(p * qpp_amount * base_share, qpp_annual_max(year) * base_share)
		+ min(p * ei_amount, ei_annual_max(year))
		+ min(p * qpip_amount, qpip_annual_max(year))
	)
	return percent_of(total, table.credit_rate)


def federal_k4(table: TaxTable, a: Decimal, year: PayrollYear) -> Decimal:
	"""K4, the Canada employment credit: the lowest rate x the lesser of A and the CEA."""
	return percent_of(min(a, year.canada_employment_amount), table.credit_rate)


def federal_t3(table: TaxTable, a: Decimal, k1: Decimal, k2q: Decimal, k4: Decimal) -> Decimal:
	"""T3, annual basic federal tax: R x A - K - K1 - K2Q - K4 (no K3), R and K of A's
	bracket; 0 if negative."""
	bracket = bracket_for(table, a)
	return max(ZERO, percent_of(a, bracket.rate) - bracket.constant - k1 - k2q - k4)


def federal_t1(t3: Decimal, year: PayrollYear) -> Decimal:
	"""T1, annual federal tax in Quebec: T3 - the Quebec abatement (16.5 %) x T3. The
	labour-sponsored funds credit (LCF) is not supported: 0."""
	return t3 - percent_of(t3, year.quebec_abatement)


def federal_tax_per_pay(t1: Decimal, pays_per_year: int, extra: Decimal = ZERO) -> Decimal:
	"""Federal tax withheld on the pay: T1 / P + L, to the cent, never negative."""
	return max(ZERO, round_money(t1 / Decimal(pays_per_year) + to_decimal(extra)))


def _federal_steps(
	pay: Pay,
	year: PayrollYear,
	profile: Profile,
	qpp_amount: Decimal,
	qpp2_amount: Decimal,
	ei_amount: Decimal,
	qpip_amount: Decimal,
) -> dict[str, Decimal]:
	table = federal_table(year, pay.pay_date)
	a = federal_annual_income_a(pay, year, qpp_amount, qpp2_amount)
	tc = federal_tc(year, a, profile.federal_claim)
	k1 = federal_k1(table, tc)
	k2q = federal_k2q(table, year, pay.pays_per_year, qpp_amount, ei_amount, qpip_amount)
	k4 = federal_k4(table, a, year)
	bracket = bracket_for(table, a)
	t3 = federal_t3(table, a, k1, k2q, k4)
	return {
		"F5A": federal_f5a(qpp_amount, qpp2_amount, year),
		"A": a,
		"TC": tc,
		"R": bracket.rate,
		"K": bracket.constant,
		"K1": k1,
		"K2Q": k2q,
		"K4": k4,
		"T3": t3,
		"T1": federal_t1(t3, year),
	}


# -- Quebec tax, TP-1015.F -------------------------------------------------------------------


def quebec_h(pay: Pay, year: PayrollYear) -> Decimal:
	"""H, the deduction for employment income: the rate (6 %) x G, at most the annual
	maximum / P."""
	_check_pay(pay)
	return min(
		percent_of(pay.gross, year.quebec_worker_deduction_rate),
		year.quebec_worker_deduction_max / Decimal(pay.pays_per_year),
	)


def quebec_i(pay: Pay, year: PayrollYear, h: Decimal) -> Decimal:
	"""I, annual taxable income: P x (G - H); F, J and J1 are not supported (0).

	Doubt: whether I also subtracts the enhanced QPP contributions (as federal F5A does) is not
	confirmed for 2025-2026 (the guide's text was not found); it is not subtracted here.
	Computed as P x G - P x H, so a capped H (maximum / P) gives back the maximum exactly."""
	_check_pay(pay)
	p = Decimal(pay.pays_per_year)
	return max(ZERO, p * pay.gross - p * h)


def quebec_e(year: PayrollYear, claim: Decimal | None) -> Decimal:
	"""E, the personal credits of form TP-1015.3 (line 10), by default the year's basic
	amount, rounded to the nearest $5."""
	amount = year.quebec_basic_amount if claim is None else to_decimal(claim)
	return round_money(amount / FIVE, Decimal(1)) * FIVE


def quebec_y(table: TaxTable, i: Decimal, e: Decimal) -> Decimal:
	"""Y, annual Quebec tax: T x I - K - credit rate x E (no K1, Q, Q1), T and K of I's
	bracket; 0 if negative."""
	bracket = bracket_for(table, i)
	return max(ZERO, percent_of(i, bracket.rate) - bracket.constant - percent_of(e, table.credit_rate))


def quebec_tax_per_pay(y: Decimal, pays_per_year: int, extra: Decimal = ZERO) -> Decimal:
	"""A, Quebec tax withheld on the pay: Y / P + L, to the cent, never negative."""
	return max(ZERO, round_money(y / Decimal(pays_per_year) + to_decimal(extra)))


def _quebec_steps(pay: Pay, year: PayrollYear, profile: Profile) -> dict[str, Decimal]:
	table = quebec_table(year, pay.pay_date)
	h = quebec_h(pay, year)
	i = quebec_i(pay, year, h)
	e = quebec_e(year, profile.quebec_claim)
	bracket = bracket_for(table, i)
	return {"H": h, "I": i, "E": e, "T": bracket.rate, "KQ": bracket.constant, "Y": quebec_y(table, i, e)}


# -- One pay, a year, the year to date ------------------------------------------------------


def compute(pay: Pay, year: PayrollYear, profile: Profile, ytd: YearToDate) -> Deductions:
	"""Everything one pay withholds and what the employer owes on it: the contributions first
	(with the year to date), then both taxes, which use this pay's contributions."""
	_check_pay(pay)
	employee_qpp = qpp(pay, year, ytd, profile)
	employee_qpp2 = qpp2(pay, year, ytd, profile)
	employee_ei = ei(pay, year, ytd, profile)
	employee_qpip = qpip(pay, year, ytd, profile)
	federal = _federal_steps(pay, year, profile, employee_qpp, employee_qpp2, employee_ei, employee_qpip)
	quebec = _quebec_steps(pay, year, profile)
	p = pay.pays_per_year
	steps = {
		"P": Decimal(p),
		"exemption": ZERO if profile.qpp_exempt else exemption_per_pay(year, p),
		"pensionable": ZERO if profile.qpp_exempt else _counted(pay.gross, ytd.pensionable, year.yampe),
		"insurable": ZERO if profile.ei_exempt else _counted(pay.gross, ytd.insurable, year.ei_max_earnings),
		"qpip_insurable": ZERO
		if profile.qpip_exempt
		else _counted(pay.gross, ytd.qpip_insurable, year.qpip_max_earnings),
		**federal,
		**quebec,
	}
	return Deductions(
		qpp=employee_qpp,
		qpp2=employee_qpp2,
		ei=employee_ei,
		qpip=employee_qpip,
		federal_tax=federal_tax_per_pay(federal["T1"], p, profile.extra_federal_tax),
		quebec_tax=quebec_tax_per_pay(quebec["Y"], p, profile.extra_quebec_tax),
		employer_qpp=employee_qpp,
		employer_qpp2=employee_qpp2,
		employer_ei=employer_ei(employee_ei, year, ytd),
		employer_qpip=employer_qpip(pay, year, ytd, profile),
		steps=steps,
	)


def annual_federal_tax(
	income: Decimal,
	year: PayrollYear,
	profile: Profile,
	pay_date: date,
	qpp_amount: Decimal = ZERO,
	qpp2_amount: Decimal = ZERO,
	ei_amount: Decimal = ZERO,
	qpip_amount: Decimal = ZERO,
) -> Decimal:
	"""T1 for a whole year's income and contributions (the formulas with P = 1), to the cent;
	the table is the one in force on `pay_date`. Without L: extra withholding is no tax."""
	annual = Pay(gross=to_decimal(income), pay_date=pay_date, pays_per_year=1)
	steps = _federal_steps(annual, year, profile, qpp_amount, qpp2_amount, ei_amount, qpip_amount)
	return round_money(steps["T1"])


def annual_quebec_tax(income: Decimal, year: PayrollYear, profile: Profile, pay_date: date) -> Decimal:
	"""Y for a whole year's income (the formulas with P = 1), to the cent; without L."""
	annual = Pay(gross=to_decimal(income), pay_date=pay_date, pays_per_year=1)
	return round_money(_quebec_steps(annual, year, profile)["Y"])


def year_to_date_after(ytd: YearToDate, pay: Pay, deductions: Deductions) -> YearToDate:
	"""The year to date once this pay is made: its gross added to each kind of earnings (as
	the slips' sums are), its contributions to theirs."""
	return YearToDate(
		pensionable=ytd.pensionable + pay.gross,
		qpp=ytd.qpp + deductions.qpp,
		qpp2=ytd.qpp2 + deductions.qpp2,
		insurable=ytd.insurable + pay.gross,
		ei=ytd.ei + deductions.ei,
		qpip_insurable=ytd.qpip_insurable + pay.gross,
		qpip=ytd.qpip + deductions.qpip,
		employer_ei=ytd.employer_ei + deductions.employer_ei,
		employer_qpip=ytd.employer_qpip + deductions.employer_qpip,
	)
