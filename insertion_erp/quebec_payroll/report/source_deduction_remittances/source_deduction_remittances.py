"""Source Deduction Remittances: what a month's pays owe the CRA and Revenu Québec, item by
item, with the due date of the remittance and a check against the books.

The month's pays are the submitted salary slips of the company whose posting date falls in
the month. Employee amounts are their deduction rows of the app's components (one aggregated
query), employer amounts their Employer Contributions table (another); CNT and CNESST are
paid on their own schedules and are left out. The check reads the ledger once: the net
credit those slips' accrual journal entries (Salary Slip.journal_entry) booked on each
agency's payable account in the month, which must equal the agency's total. A payment of
a remittance is never counted: it is not a slip's accrual.

Its reference doctype is Quebec Payroll Rates, which the payroll (HR User, HR Manager) and the
books (Accounts User, Accounts Manager) both report on: HRMS gives no accounts role a report on
Salary Slip, and the figures here are totals the ledger already shows the bookkeeper.
"""

from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import escape_html, getdate, nowdate

from insertion_erp.constants import (
	CRA,
	DEDUCTION_COMPONENTS,
	EI,
	FEDERAL_TAX,
	PAYABLE_ACCOUNTS,
	QPIP,
	QPP,
	QPP2,
	QUEBEC_TAX,
	REMITTED_TO,
	REVENU_QUEBEC,
)
from insertion_erp.controllers import arguments
from insertion_erp.core.money import ZERO, round_money, to_decimal
from insertion_erp.core.periods import Period, add_months, month_period

EMPLOYEE, EMPLOYER = "employee", "employer"
FSS = "FSS"
AGENCIES = (CRA, REVENU_QUEBEC)
# (who pays, kind, label), in the order of the agencies' remittance forms.
ITEMS = (
	(EMPLOYEE, EI, "EI (employee)"),
	(EMPLOYER, EI, "EI (employer)"),
	(EMPLOYEE, FEDERAL_TAX, "Federal income tax"),
	(EMPLOYEE, QPP, "QPP (employee)"),
	(EMPLOYER, QPP, "QPP (employer)"),
	(EMPLOYEE, QPP2, "QPP2 (employee)"),
	(EMPLOYER, QPP2, "QPP2 (employer)"),
	(EMPLOYEE, QPIP, "QPIP (employee)"),
	(EMPLOYER, QPIP, "QPIP (employer)"),
	(EMPLOYEE, QUEBEC_TAX, "Quebec income tax"),
	(EMPLOYER, FSS, "Health Services Fund (FSS)"),
)
EMPLOYER_KINDS = tuple(kind for payer, kind, _label in ITEMS if payer == EMPLOYER)
DUE_DAY = 15  # of the following month, for a regular (monthly) remitter


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	arguments.require(company=filters.company)
	arguments.check_company(filters.company)
	month = month_period(getdate(filters.month or nowdate()))
	result = remittances(filters.company, month)
	currency = frappe.get_cached_value("Company", filters.company, "default_currency")
	return (
		columns(),
		rows(result, currency),
		message(filters.company, month, result),
		None,
		summary(result, currency),
	)


def due_date(month: Period):
	"""The 15th of the month after the pays."""
	return add_months(month.start, 1).replace(day=DUE_DAY)


def remittances(company: str, month: Period) -> frappe._dict:
	"""Each item's amount, each agency's total, payable account, booked credit and difference."""
	slips = {"company": company, "start": month.start, "end": month.end}
	employee = withheld(slips)
	employer = contributed(slips)
	abbr = frappe.get_cached_value("Company", company, "abbr")
	accounts = {agency: f"{PAYABLE_ACCOUNTS[agency]} - {abbr}" for agency in AGENCIES}
	booked = booked_by_accruals(slips, accounts)
	lines = []
	for payer, kind, label in ITEMS:
		amounts = employee if payer == EMPLOYEE else employer
		lines.append(frappe._dict(agency=REMITTED_TO[kind], label=label, amount=amounts.get(kind, ZERO)))
	agencies = {}
	for agency in AGENCIES:
		total = sum((item.amount for item in lines if item.agency == agency), ZERO)
		agencies[agency] = frappe._dict(
			total=total,
			account=accounts[agency],
			booked=booked[agency],
			difference=total - booked[agency],
		)
	return frappe._dict(
		lines=lines,
		agencies=agencies,
		due_date=due_date(month),
		quebec_payroll=bool(frappe.get_cached_value("Company", company, "insertion_quebec_payroll")),
	)


SLIPS_OF_THE_MONTH = """ss.company = %(company)s and ss.docstatus = 1
	and ss.posting_date between %(start)s and %(end)s"""


def withheld(slips: dict) -> dict[str, Decimal]:
	"""The employees' deductions of the month's slips, by kind (QPP, EI...), in one query."""
	kind_of = {component: kind for kind, (component, _abbr) in DEDUCTION_COMPONENTS.items()}
	rows = frappe.db.sql(
		f"""select sd.salary_component, sum(sd.amount)
		from `tabSalary Detail` sd join `tabSalary Slip` ss on ss.name = sd.parent
		where sd.parenttype = 'Salary Slip' and sd.parentfield = 'deductions'
			and sd.salary_component in %(components)s and {SLIPS_OF_THE_MONTH}
		group by sd.salary_component""",
		{**slips, "components": tuple(kind_of)},
	)
	return {kind_of[component]: round_money(to_decimal(amount)) for component, amount in rows}


def contributed(slips: dict) -> dict[str, Decimal]:
	"""The employer's contributions remitted to the CRA and Revenu Québec, by kind, in one query."""
	rows = frappe.db.sql(
		f"""select ec.contribution, sum(ec.amount)
		from `tabEmployer Contribution` ec join `tabSalary Slip` ss on ss.name = ec.parent
		where ec.parenttype = 'Salary Slip' and ec.contribution in %(kinds)s and {SLIPS_OF_THE_MONTH}
		group by ec.contribution""",
		{**slips, "kinds": EMPLOYER_KINDS},
	)
	return {kind: round_money(to_decimal(amount)) for kind, amount in rows}


def booked_by_accruals(slips: dict, accounts: dict[str, str]) -> dict[str, Decimal]:
	"""Credit less debit on each agency's payable account, in the month, of the journal entries
	that accrued the month's slips (HRMS writes each slip's entry in Salary Slip.journal_entry)."""
	rows = frappe.db.sql(
		f"""select gle.account, sum(gle.credit) - sum(gle.debit)
		from `tabGL Entry` gle
		where gle.company = %(company)s and gle.account in %(accounts)s and gle.is_cancelled = 0
			and gle.posting_date between %(start)s and %(end)s
			and gle.voucher_type = 'Journal Entry'
			and gle.voucher_no in (
				select ss.journal_entry from `tabSalary Slip` ss
				where {SLIPS_OF_THE_MONTH} and ss.journal_entry is not null and ss.journal_entry != '')
		group by gle.account""",
		{**slips, "accounts": tuple(accounts.values())},
	)
	by_account = {account: round_money(to_decimal(amount)) for account, amount in rows}
	return {agency: by_account.get(account, ZERO) for agency, account in accounts.items()}


def agency_label(agency: str) -> str:
	return {CRA: _("CRA"), REVENU_QUEBEC: _("Revenu Québec")}[agency]


def rows(result: frappe._dict, currency: str | None) -> list[dict]:
	data = []
	for agency in AGENCIES:
		for item in result.lines:
			if item.agency == agency:
				data.append(
					{
						"agency": agency_label(agency),
						"item": _(item.label),
						"amount": float(item.amount),
						"currency": currency,
					}
				)
		total = result.agencies[agency]
		data.append(
			{
				"agency": agency_label(agency),
				"item": _("Total to Remit"),
				"amount": float(total.total),
				"due_date": result.due_date,
				"account": total.account,
				"booked": float(total.booked),
				"difference": float(total.difference),
				"currency": currency,
				"is_total": 1,
			}
		)
	return data


def columns() -> list[dict]:
	money = {"fieldtype": "Currency", "options": "currency", "width": 130}
	return [
		{"fieldname": "agency", "label": _("Agency"), "fieldtype": "Data", "width": 120},
		{"fieldname": "item", "label": _("Deduction or Contribution"), "fieldtype": "Data", "width": 230},
		{"fieldname": "amount", "label": _("Amount"), **money},
		{"fieldname": "due_date", "label": _("Due Date"), "fieldtype": "Date", "width": 110},
		# Data, not Link: a payroll user (HR User) may not read the chart of accounts.
		{"fieldname": "account", "label": _("Payable Account"), "fieldtype": "Data", "width": 260},
		{"fieldname": "booked", "label": _("Booked by the Payroll"), **money},
		{"fieldname": "difference", "label": _("Difference"), **money},
		{"fieldname": "currency", "label": _("Currency"), "fieldtype": "Data", "hidden": 1},
		{"fieldname": "is_total", "label": _("Total"), "fieldtype": "Check", "hidden": 1},
	]


def summary(result: frappe._dict, currency: str | None) -> list[dict]:
	due = frappe.format(result.due_date, "Date")
	return [
		{
			"label": _("{0}: to remit by {1}").format(agency_label(agency), due),
			"value": float(total.total),
			"datatype": "Currency",
			"currency": currency,
			"indicator": "Green" if not total.difference else "Red",
		}
		for agency, total in result.agencies.items()
	]


def message(company: str, month: Period, result: frappe._dict) -> str:
	components = ", ".join(component for component, _abbr in DEDUCTION_COMPONENTS.values())
	paragraphs = [
		_("Pays: the submitted salary slips of {0} whose posting date falls from {1} to {2}.").format(
			escape_html(company), frappe.format(month.start, "Date"), frappe.format(month.end, "Date")
		),
		_("Employee amounts: the slips' deduction rows of the components {0}.").format(components),
		_(
			"Employer amounts: the slips' Employer Contributions table (EI, QPP, QPP2, QPIP and FSS; CNT and CNESST are paid on their own schedules and are left out)."
		),
		_(
			"Booked by the payroll: credit less debit on the agency's payable account, in the month, of the accrual journal entries of those slips (the Journal Entry of each slip, not cancelled); a payment of a remittance is not counted. The difference must be 0.00: otherwise a slip was not accrued, or the account was changed on a component or in Insertion Settings."
		),
		_(
			"Due date: the 15th of the following month, for a regular remitter (monthly remittances); an accelerated remitter's dates differ."
		),
	]
	if not result.quebec_payroll:
		paragraphs.insert(
			0,
			_(
				"Company {0} does not withhold Quebec source deductions (Quebec Source Deductions is unchecked)."
			).format(escape_html(company)),
		)
	return "".join(f"<p>{p}</p>" for p in paragraphs)
