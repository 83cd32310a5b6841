"""Quebec employer contributions on a pay, with year-to-date maximums.

The rates are data (a yearly table the user can edit), never constants here.
Each slip's contribution is rounded to the cent, as a payroll does; the
year-to-date maximums count the earlier slips of the same employee and year.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from insertion_erp.core.money import HUNDRED, ZERO, percent_of, round_money, to_decimal

KINDS = ("QPP", "QPP2", "EI", "QPIP", "FSS", "CNT", "CNESST")


@dataclass(frozen=True)
class Rates:
	"""One year of employer rates (percentages) and maximum earnings (dollars a year)."""

	year: int
	qpp_rate: Decimal
	qpp_max_earnings: Decimal
	qpp_exemption: Decimal
	qpp2_rate: Decimal
	qpp2_max_earnings: Decimal
	ei_rate: Decimal
	ei_max_earnings: Decimal
	qpip_rate: Decimal
	qpip_max_earnings: Decimal
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


@dataclass(frozen=True)
class YearToDate:
	"""What an employee's earlier pays of the year leave behind, as the database sums it.

	earnings: the sum of their gross pays; qpp: the sum of `qpp_on_pay` over them,
	before the year's maximum contribution (which `employer_contributions` applies)."""

	earnings: Decimal = ZERO
	qpp: Decimal = ZERO


def qpp_exemption_per_pay(rates: Rates, pays_per_year: int) -> Decimal:
	"""The basic exemption of one pay as Revenu Québec publishes it: the year's exemption over
	the pays, truncated to the cent (3,500 / 26 = 134.61; 3,500 / 12 = 291.66)."""
	return (rates.qpp_exemption * HUNDRED // Decimal(pays_per_year)) / HUNDRED


def qpp_on_pay(gross: Decimal, rates: Rates, pays_per_year: int) -> Decimal:
	"""QPP on one pay before the year's maximum: the rate on the pay above the period's
	truncated exemption, rounded to the cent half up, as a salary slip withholds it
	(core.source_deductions). The database sums the same formula over the earlier pays
	(funding.payroll.QPP_CENTS_SQL)."""
	above = max(ZERO, to_decimal(gross) - qpp_exemption_per_pay(rates, pays_per_year))
	return round_money(above * rates.qpp_rate / HUNDRED)


def _between(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
	return min(max(value, low), high)


def _insurable(gross: Decimal, earned_before: Decimal, maximum: Decimal) -> Decimal:
	"""The part of a pay still under the year's maximum earnings."""
	return min(gross, max(ZERO, maximum - earned_before))


def employer_contributions(
	gross_pays: Sequence[Decimal],
	rates: Rates,
	*,
	pays_per_year: int,
	fss_rate_percent: Decimal,
	cnesst_rate_per_100: Decimal = ZERO,
	before: YearToDate = YearToDate(),
) -> list[dict[str, Decimal]]:
	"""Contributions of each pay of one employee in one year, pays in date order,
	after the earlier pays of the year summed in `before` (none by default).

	QPP: rate on the pay above the exemption for the period, up to the year's
	maximum contribution. QPP2: rate on the year's earnings between the first
	and second ceilings. EI, QPIP, CNT: rate on earnings up to their maximums.
	FSS and CNESST: rate on all earnings.
	"""
	if pays_per_year < 1:
		raise ValueError("a year has at least one pay")
	qpp_year_max = round_money(percent_of(rates.qpp_max_earnings - rates.qpp_exemption, rates.qpp_rate))
	ytd_earnings = to_decimal(before.earnings)
	# Each pay's QPP is cut to what is left of the maximum, so what the earlier pays
	# paid is their uncapped sum up to the maximum.
	ytd_qpp = min(qpp_year_max, to_decimal(before.qpp))
	fss = to_decimal(fss_rate_percent)
	cnesst = to_decimal(cnesst_rate_per_100)
	result = []
	for gross in gross_pays:
		gross = to_decimal(gross)
		earned_before, after = ytd_earnings, ytd_earnings + gross
		qpp = min(qpp_on_pay(gross, rates, pays_per_year), max(ZERO, qpp_year_max - ytd_qpp))
		qpp2_base = _between(after, rates.qpp_max_earnings, rates.qpp2_max_earnings) - _between(
			earned_before, rates.qpp_max_earnings, rates.qpp2_max_earnings
		)
		# rate x amount / 100 (percent_of, inlined: a claim computes this for every slip).
		result.append(
			{
				"QPP": qpp,
				"QPP2": round_money(qpp2_base * rates.qpp2_rate / HUNDRED),
				"EI": round_money(
					_insurable(gross, earned_before, rates.ei_max_earnings) * rates.ei_rate / HUNDRED
				),
				"QPIP": round_money(
					_insurable(gross, earned_before, rates.qpip_max_earnings) * rates.qpip_rate / HUNDRED
				),
				"FSS": round_money(gross * fss / HUNDRED),
				"CNT": round_money(
					_insurable(gross, earned_before, rates.cnt_max_earnings) * rates.cnt_rate / HUNDRED
				),
				"CNESST": round_money(gross * cnesst / HUNDRED),
			}
		)
		ytd_earnings = after
		ytd_qpp += qpp
	return result
