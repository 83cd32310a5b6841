"""A year's record "Quebec Payroll Rates" as the core's `PayrollYear`, and back.

The record holds every figure with its source and a to-confirm flag; the slips read it
through frappe's document cache (dropped when the record changes).
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.controllers.arguments import require
from insertion_erp.core.money import to_decimal
from insertion_erp.core.payroll.contributions import Rates
from insertion_erp.core.payroll.source_deductions import Bracket, PayrollYear, TaxTable

RATES_DOCTYPE = "Quebec Payroll Rates"
PAYS_PER_YEAR = {"Monthly": 12, "Bimonthly": 24, "Fortnightly": 26, "Weekly": 52, "Daily": 260}

# PayrollYear's field -> the record's field, where the names differ.
RECORD_FIELD = {
	"ympe": "qpp_max_earnings",
	"yampe": "qpp2_max_earnings",
	"ei_rate": "ei_employee_rate",
	"qpip_employer_rate": "qpip_rate",
}
# Each parameter's name as the record's "Source of Each Figure" shows it (translated).
FIGURE_LABELS = {
	"qpp_base_rate": "QPP base rate",
	"qpp_first_additional_rate": "QPP first additional rate",
	"qpp2_rate": "QPP2 rate",
	"qpp_exemption": "QPP basic exemption",
	"qpp_exemption_per_pay": "QPP exemption per pay",
	"ympe": "Maximum pensionable earnings (YMPE)",
	"yampe": "Second earnings ceiling (YAMPE)",
	"ei_rate": "EI employee rate",
	"ei_max_earnings": "EI maximum insurable earnings",
	"ei_employer_factor": "EI employer factor",
	"qpip_employee_rate": "QPIP employee rate",
	"qpip_employer_rate": "QPIP employer rate",
	"qpip_max_earnings": "QPIP maximum insurable earnings",
	"federal_tables": "Federal brackets and constants",
	"federal_bpa_max": "Federal basic personal amount, maximum",
	"federal_bpa_min": "Federal basic personal amount, minimum",
	"canada_employment_amount": "Canada employment amount",
	"quebec_abatement": "Quebec abatement",
	"quebec_tables": "Quebec brackets and constants",
	"quebec_basic_amount": "Quebec basic personal amount",
	"quebec_worker_deduction_rate": "Deduction for employment income, rate",
	"quebec_worker_deduction_max": "Deduction for employment income, maximum",
}
TABLES = {"qpp_exemption_per_pay", "federal_tables", "quebec_tables"}
JURISDICTION = {"federal_tables": "Federal", "quebec_tables": "Quebec"}


def rates_record(year: int):
	try:
		return frappe.get_cached_doc(RATES_DOCTYPE, str(year))
	except frappe.DoesNotExistError:
		frappe.clear_last_message()
		frappe.throw(
			_("Enter the Quebec payroll rates of {0} in Quebec Payroll Rates.").format(year),
			title=_("Rates Missing"),
		)


def payroll_year(year: int) -> PayrollYear:
	"""The year's parameters from its record."""
	doc = rates_record(year)
	tables: dict[str, dict] = defaultdict(lambda: defaultdict(list))
	for row in doc.tax_brackets:
		tables[row.jurisdiction][getdate(row.valid_from)].append(
			Bracket(to_decimal(row.threshold), to_decimal(row.rate), to_decimal(row.constant))
		)
	values = {
		field: to_decimal(doc.get(RECORD_FIELD.get(field, field)))
		for field in PayrollYear.__dataclass_fields__
		if field not in TABLES and field != "year"
	}
	for field, jurisdiction in JURISDICTION.items():
		values[field] = tuple(
			_table(valid_from, brackets) for valid_from, brackets in sorted(tables[jurisdiction].items())
		)
		if not values[field]:
			frappe.throw(
				_("Enter the {0} tax brackets of {1} in Quebec Payroll Rates.").format(_(jurisdiction), year),
				title=_("Rates Missing"),
			)
	values["qpp_exemption_per_pay"] = {
		int(row.pays_per_year): to_decimal(row.exemption) for row in doc.qpp_exemptions
	}
	return PayrollYear(year=int(year), **values)


def _table(valid_from, brackets: list[Bracket]) -> TaxTable:
	brackets = sorted(brackets, key=lambda b: b.threshold)
	# The credits (K1, K2Q, K4; E in Quebec) are at the rate of the lowest bracket.
	return TaxTable(valid_from=valid_from, brackets=tuple(brackets), credit_rate=brackets[0].rate)


def record_values(year: PayrollYear) -> dict:
	"""The record's fields of the core's parameters (employee side and taxes), for the shipped years."""
	values = {
		RECORD_FIELD.get(field, field): getattr(year, field)
		for field in PayrollYear.__dataclass_fields__
		if field not in TABLES
	}
	values["qpp_exemptions"] = [
		{"pays_per_year": n, "exemption": amount} for n, amount in sorted(year.qpp_exemption_per_pay.items())
	]
	values["tax_brackets"] = [
		{
			"jurisdiction": jurisdiction,
			"valid_from": table.valid_from,
			"threshold": bracket.threshold,
			"rate": bracket.rate,
			"constant": bracket.constant,
		}
		for field, jurisdiction in JURISDICTION.items()
		for table in getattr(year, field)
		for bracket in table.brackets
	]
	return values


def figures_to_confirm(year: int) -> list[str]:
	"""The figures of the year's record still flagged to confirm."""
	if not frappe.db.exists(RATES_DOCTYPE, str(year)):
		return []
	return [row.figure for row in rates_record(year).figure_sources if row.to_confirm]


def to_confirm_message(year: int) -> str | None:
	"""What the payroll user must read before paying with the year's figures, or nothing."""
	figures = figures_to_confirm(year)
	if not figures:
		return None
	return _(
		"The Quebec payroll rates of {0} hold {1} figure(s) still to confirm against the CRA's and Revenu Québec's calculators: {2}. Deductions use them as they are."
	).format(year, len(figures), ", ".join(_(figure) for figure in figures))


@frappe.whitelist()
def year_warning(year: int | str | None = None) -> str | None:
	"""The warning of `to_confirm_message`, for the Salary Slip and Payroll Entry forms."""
	frappe.has_permission("Salary Slip", "read", throw=True)
	require(year=year)
	try:
		year = int(year)
	except (TypeError, ValueError):
		frappe.throw(_("Year must be a whole number."), title=_("Invalid Year"))
	return to_confirm_message(year)


def rates_for(year: int) -> Rates:
	"""The year's employer-only rates (FSS, CNT) of the slips' employer table."""
	doc = rates_record(year)
	return Rates(
		**{field: to_decimal(doc.get(field)) for field in Rates.__dataclass_fields__ if field != "year"},
		year=year,
	)
