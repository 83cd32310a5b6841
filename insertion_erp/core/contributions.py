"""Quebec employer contributions on a pay, with year-to-date maximums.

The rates are data (a yearly table the user can edit), never constants here.
Each slip's contribution is rounded to the cent, as a payroll does; the
year-to-date maximums count the earlier slips of the same employee and year.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from insertion_erp.core.money import ZERO, percent_of, round_money, to_decimal

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
) -> list[dict[str, Decimal]]:
	"""Contributions of each pay of one employee in one year, pays in date order.

	QPP: rate on the pay above the exemption for the period, up to the year's
	maximum contribution. QPP2: rate on the year's earnings between the first
	and second ceilings. EI, QPIP, CNT: rate on earnings up to their maximums.
	FSS and CNESST: rate on all earnings.
	"""
	if pays_per_year < 1:
		raise ValueError("a year has at least one pay")
	period_exemption = rates.qpp_exemption / Decimal(pays_per_year)
	qpp_year_max = round_money(percent_of(rates.qpp_max_earnings - rates.qpp_exemption, rates.qpp_rate))
	ytd_earnings = ZERO
	ytd_qpp = ZERO
	result = []
	for gross in gross_pays:
		gross = to_decimal(gross)
		before, after = ytd_earnings, ytd_earnings + gross
		qpp = round_money(percent_of(max(ZERO, gross - period_exemption), rates.qpp_rate))
		qpp = min(qpp, max(ZERO, qpp_year_max - ytd_qpp))
		qpp2_base = _between(after, rates.qpp_max_earnings, rates.qpp2_max_earnings) - _between(
			before, rates.qpp_max_earnings, rates.qpp2_max_earnings
		)

		result.append(
			{
				"QPP": qpp,
				"QPP2": round_money(percent_of(qpp2_base, rates.qpp2_rate)),
				"EI": round_money(
					percent_of(_insurable(gross, before, rates.ei_max_earnings), rates.ei_rate)
				),
				"QPIP": round_money(
					percent_of(_insurable(gross, before, rates.qpip_max_earnings), rates.qpip_rate)
				),
				"FSS": round_money(percent_of(gross, fss_rate_percent)),
				"CNT": round_money(
					percent_of(_insurable(gross, before, rates.cnt_max_earnings), rates.cnt_rate)
				),
				"CNESST": round_money(gross * to_decimal(cnesst_rate_per_100) / Decimal(100)),
			}
		)
		ytd_earnings = after
		ytd_qpp += qpp
	return result
