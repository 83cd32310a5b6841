"""The employer table of slips submitted before the Quebec payroll wrote it.

A slip submitted by the Quebec payroll carries its "Employer Contributions"; older slips
carry none, and a claim reads nothing else. The upgrade writes them once: each employee's
year run through the same engine (core.payroll.contributions.contributions_of_year), every
submitted slip of the year in pay order, rows written only on the slips that have none. The
ledger is left as it was posted; claims already submitted keep their own figures.
"""

import json
from collections import defaultdict
from decimal import Decimal

import frappe
from frappe.utils import getdate, now

from insertion_erp.constants import SETTINGS
from insertion_erp.core.money import ZERO, round_money, to_decimal
from insertion_erp.core.payroll.contributions import PayOfYear, contributions_of_year, fss_rate
from insertion_erp.quebec_payroll.deductions import (
	EMPLOYER_KINDS,
	cnesst_rate,
	contribution_accounts,
	deduction_profile,
	opening,
	profile,
)
from insertion_erp.quebec_payroll.rates import PAYS_PER_YEAR, RATES_DOCTYPE, payroll_year, rates_for

# Where the upgrade started, per company: the first and last slip it gave rows to, and how many.
WRITTEN_DEFAULT = "insertion_employer_rows_written"
PARENTFIELD = "insertion_employer_contributions"


def write_missing_rows() -> dict:
	"""Rows for every submitted slip with a gross pay and no employer table, in the companies
	marked Quebec Source Deductions. Returns (and keeps in the site's defaults) what it wrote;
	a year without its Quebec Payroll Rates is left as it is and said."""
	companies = frappe.get_all("Company", filters={"insertion_quebec_payroll": 1}, pluck="name")
	if not companies:
		return {}
	slips = frappe.db.sql(
		"""select ss.name, ss.company, ss.employee, ss.gross_pay, ss.payroll_frequency,
			coalesce(ss.posting_date, ss.end_date) as paid_on, ss.end_date,
			exists(select 1 from `tabEmployer Contribution` ec
				where ec.parenttype = 'Salary Slip' and ec.parent = ss.name) as has_rows
		from `tabSalary Slip` ss
		where ss.docstatus = 1 and ss.company in %(companies)s
		order by ss.company, ss.employee, paid_on, ss.end_date, ss.name""",
		{"companies": tuple(companies)},
		as_dict=True,
	)
	years: dict[tuple, list] = defaultdict(list)
	for slip in slips:
		years[(slip.company, slip.employee, getdate(slip.paid_on).year)].append(slip)
	known_years = {int(y) for y in frappe.get_all(RATES_DOCTYPE, pluck="year")}
	settings = frappe.get_cached_doc(SETTINGS)

	written: dict[str, dict] = {}
	left: dict[int, int] = defaultdict(int)
	rows = []
	for (company, employee, year), pays in years.items():
		missing = [slip for slip in pays if not slip.has_rows and slip.gross_pay]
		if not missing:
			continue
		if year not in known_years:
			left[year] += len(missing)
			continue
		tables = year_of_tables(company, employee, year, pays, settings)
		accounts = contribution_accounts(company, settings)
		for slip, table in zip(pays, tables, strict=True):
			if slip.has_rows or not slip.gross_pay:
				continue
			rows.extend(table_rows(slip, table, accounts))
			total = round_money(sum(table.values(), ZERO))
			frappe.db.set_value(
				"Salary Slip",
				slip.name,
				"insertion_total_employer_contributions",
				float(total),
				update_modified=False,
			)
			mark = written.setdefault(company, {"first": slip.end_date, "last": slip.end_date, "slips": 0})
			mark["first"] = min(mark["first"], slip.end_date)
			mark["last"] = max(mark["last"], slip.end_date)
			mark["slips"] += 1
	if rows:
		frappe.db.bulk_insert(
			"Employer Contribution",
			fields=list(rows[0]),
			values=[tuple(row.values()) for row in rows],
		)
	summary = {
		"written": {
			company: {**mark, "first": str(mark["first"]), "last": str(mark["last"])}
			for company, mark in written.items()
		},
		"left_without_rates": dict(left),
	}
	if written:
		frappe.db.set_default(WRITTEN_DEFAULT, json.dumps(summary["written"]))
	return summary


def year_of_tables(company: str, employee: str, year: int, pays: list, settings) -> list[dict[str, Decimal]]:
	"""The employer table of each of an employee's slips of a year (pays in pay order)."""
	person = deduction_profile(employee)
	rates = rates_for(year)
	return contributions_of_year(
		[
			PayOfYear(
				gross=to_decimal(slip.gross_pay),
				pay_date=getdate(slip.paid_on),
				pays_per_year=PAYS_PER_YEAR.get(slip.payroll_frequency, 12),
				profile=profile(person, getdate(slip.paid_on)),
			)
			for slip in pays
		],
		payroll_year(year),
		rates,
		fss_rate_percent=fss_rate(rates, to_decimal(settings.annual_payroll)),
		cnesst_rate_per_100=cnesst_rate(company),
		opening=opening(person, year, {"gross": ZERO, "components": {}, "employer": {}}),
	)


def table_rows(slip, table: dict[str, Decimal], accounts: dict) -> list[dict]:
	"""The child rows of one slip's table, as the slip would hold them (none for a zero)."""
	stamp, user = now(), frappe.session.user
	rows = []
	for kind in EMPLOYER_KINDS:
		if not table[kind]:
			continue
		expense, payable = accounts[kind]
		rows.append(
			{
				"name": frappe.generate_hash(length=10),
				"creation": stamp,
				"modified": stamp,
				"modified_by": user,
				"owner": user,
				"docstatus": 1,
				"idx": len(rows) + 1,
				"parent": slip.name,
				"parentfield": PARENTFIELD,
				"parenttype": "Salary Slip",
				"contribution": kind,
				"earnings": float(to_decimal(slip.gross_pay)),
				"amount": float(table[kind]),
				"expense_account": expense,
				"payable_account": payable,
			}
		)
	return rows
