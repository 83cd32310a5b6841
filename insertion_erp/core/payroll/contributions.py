"""The employer's contributions on a pay: one table built on the source deductions.

The employer's QPP, QPP2, EI and QPIP are the engine's (core.payroll.source_deductions
computes them beside the employee's, each year-to-date maximum counted); this module adds
the contributions only the employer pays: the Health Services Fund (FSS), the labour
standards levy (CNT) and CNESST. A slip carries the whole table (its "Employer
Contributions"); a claim reads it and computes nothing.

The rates are data (a yearly record the user can edit), never constants here.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from insertion_erp.core.money import HUNDRED, ZERO, round_money, to_decimal
from insertion_erp.core.payroll.source_deductions import (
	Deductions,
	Pay,
	PayrollYear,
	Profile,
	YearToDate,
	compute,
	year_to_date_after,
)

KINDS = ("QPP", "QPP2", "EI", "QPIP", "FSS", "CNT", "CNESST")


@dataclass(frozen=True)
class Rates:
	"""One year's employer-only rates (percentages) and the CNT's maximum earnings."""

	year: int
	fss_low_rate: Decimal
	fss_high_rate: Decimal
	fss_low_payroll: Decimal
	fss_high_payroll: Decimal
	fss_base_rate: Decimal
	fss_factor: Decimal
	cnt_rate: Decimal
	cnt_max_earnings: Decimal


def fss_rate(rates: Rates, annual_payroll: Decimal) -> Decimal:
	"""Health Services Fund rate for a total payroll: low up to the first threshold,
	high from the second, base + factor x payroll / 1M in between."""
	payroll = to_decimal(annual_payroll)
	if payroll <= rates.fss_low_payroll:
		return rates.fss_low_rate
	if payroll >= rates.fss_high_payroll:
		return rates.fss_high_rate
	return rates.fss_base_rate + rates.fss_factor * payroll / Decimal(1_000_000)


def employer_contributions(
	deductions: Deductions,
	gross: Decimal,
	earned_before: Decimal,
	rates: Rates,
	*,
	fss_rate_percent: Decimal,
	cnesst_rate_per_100: Decimal = ZERO,
) -> dict[str, Decimal]:
	"""The employer's table of one pay: QPP, QPP2, EI and QPIP as the engine computed them
	(`deductions`), FSS and CNESST on the whole pay, CNT on the pay up to its maximum earnings
	(`earned_before`: the employee's gross of the year before this pay)."""
	gross = to_decimal(gross)
	cnt_base = min(gross, max(ZERO, rates.cnt_max_earnings - to_decimal(earned_before)))
	return {
		"QPP": deductions.employer_qpp,
		"QPP2": deductions.employer_qpp2,
		"EI": deductions.employer_ei,
		"QPIP": deductions.employer_qpip,
		"FSS": round_money(gross * to_decimal(fss_rate_percent) / HUNDRED),
		"CNT": round_money(cnt_base * rates.cnt_rate / HUNDRED),
		"CNESST": round_money(gross * to_decimal(cnesst_rate_per_100) / HUNDRED),
	}


@dataclass(frozen=True)
class PayOfYear:
	"""One pay of an employee's year, as a slip holds it."""

	gross: Decimal
	pay_date: date
	pays_per_year: int
	profile: Profile


def contributions_of_year(
	pays: Iterable[PayOfYear],
	year: PayrollYear,
	rates: Rates,
	*,
	fss_rate_percent: Decimal,
	cnesst_rate_per_100: Decimal = ZERO,
	opening: YearToDate | None = None,
) -> list[dict[str, Decimal]]:
	"""Each pay's employer table over one employee's year, pays in pay order: the engine run
	pay after pay from `opening` (what another payroll held this year), as the slips are
	computed one after the other. An upgrade writes old slips' tables with it."""
	ytd, earned = opening or YearToDate(), ZERO
	result = []
	for pay in pays:
		engine_pay = Pay(gross=to_decimal(pay.gross), pay_date=pay.pay_date, pays_per_year=pay.pays_per_year)
		deductions = compute(engine_pay, year, pay.profile, ytd)
		result.append(
			employer_contributions(
				deductions,
				engine_pay.gross,
				earned,
				rates,
				fss_rate_percent=fss_rate_percent,
				cnesst_rate_per_100=cnesst_rate_per_100,
			)
		)
		ytd = year_to_date_after(ytd, engine_pay, deductions)
		earned += engine_pay.gross
	return result
