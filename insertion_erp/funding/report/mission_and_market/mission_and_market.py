"""Mission and market in the books, per month of a fiscal year: sales, subsidies (the
funder's claims and other grants), the mission's expenses (the trainees' wages and employer
contributions, the other expenses of the insertion contracts), those of the market
(production and structure) and the self-financing ratio (sales / total expenses).

The ledger is read once, aggregated by month, kind of line and account (`ledger`); the
trainees' part of each payroll journal entry comes from its salary slips (`payroll_costs`)
and is moved to the mission's side by the pure core (`insertion_erp.core.results.mission_market`).
Each line lists the accounts it counts. The totals are those of ERPNext's Profit and Loss
for the same period (closing entries left out as it leaves them out)."""

from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import escape_html, fmt_money, getdate, nowdate

from insertion_erp.constants import SETTINGS
from insertion_erp.core.money import ZERO, to_decimal
from insertion_erp.core.periods import Period, months_between
from insertion_erp.core.results.indicators import RATIO_DEFINITION, self_financing_ratio
from insertion_erp.core.results.mission_market import (
	CLAIMS,
	EXPENSE_KINDS,
	GRANTS,
	INCOME_KINDS,
	INSERTION,
	MISSION_KINDS,
	MOVED_TO_MISSION,
	PRODUCTION,
	SALES,
	TRAINEE_WAGES,
	Entry,
	PayrollCost,
	accounts_of,
	by_side,
	total,
)

LINES = (
	(SALES, "Sales (goods and services)"),
	(CLAIMS, "Subsidies: the funder's claims"),
	(GRANTS, "Subsidies: other grants"),
	("income", "Total income"),
	(TRAINEE_WAGES, "Mission: the trainees' wages and employer contributions"),
	(INSERTION, "Mission: other expenses of the insertion contracts"),
	(PRODUCTION, "Market: expenses of production and structure"),
	("expenses", "Total expenses"),
	("net", "Net result"),
	("ratio", "Self-financing ratio (%)"),
)
# Lines whose accounts are listed under them. The trainees' line is not: its part of each
# payroll account is known for the whole entry, not account by account.
LINES_WITH_ACCOUNTS = (SALES, CLAIMS, GRANTS, INSERTION, PRODUCTION)
MOVED_LABEL = "Less: the trainees' wages and employer contributions, counted on the mission's side"


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	if not filters.company or not filters.fiscal_year:
		frappe.throw(_("Choose the company and the fiscal year."), title=_("Filters Missing"))
	start, end = frappe.db.get_value(
		"Fiscal Year", filters.fiscal_year, ["year_start_date", "year_end_date"]
	) or (None, None)
	if not start:
		frappe.throw(_("Could not find {0}").format(f"{_('Fiscal Year')}: {filters.fiscal_year}"))
	period = Period(getdate(start), getdate(end))
	months = list(months_between(period))
	amounts = amounts_by_line(filters.company, period)
	data = rows(months, amounts)
	currency = frappe.get_cached_value("Company", filters.company, "default_currency")
	return (
		columns(months),
		data,
		message(amounts),
		chart(months, data, currency),
		summary(amounts, currency),
	)


def amounts_by_line(company: str, period: Period) -> dict[tuple[str, str, str], Decimal]:
	"""Amounts by (month, kind, account), the trainees' wages on the mission's side."""
	payroll = payroll_costs(company, period)
	return by_side(ledger(company, period, tuple(payroll)), payroll)


def payroll_costs(company: str, period: Period) -> dict[str, PayrollCost]:
	"""For each payroll journal entry of the period that paid trainees: the wages and employer
	contributions of its submitted slips, the trainees' and everyone's. A trainee's slip is one
	of an employee linked to a trainee (a parcours made them an employee) or of the trainees'
	employment type set in Insertion Settings."""
	trainee_type = frappe.db.get_single_value(SETTINGS, "trainee_employment_type")
	cost = "ss.gross_pay + coalesce(ss.insertion_total_employer_contributions, 0)"
	result = frappe.db.sql(
		f"""select ss.journal_entry,
			sum(case when coalesce(ss.insertion_trainee, '') != ''
				or (%(trainee_type)s is not null and e.employment_type = %(trainee_type)s)
				then {cost} else 0 end),
			sum({cost})
		from `tabSalary Slip` ss
		join `tabEmployee` e on e.name = ss.employee
		join `tabJournal Entry` je on je.name = ss.journal_entry
		where ss.docstatus = 1 and ss.company = %(company)s and je.docstatus = 1
			and je.posting_date between %(start)s and %(end)s
		group by ss.journal_entry""",
		{"company": company, "start": period.start, "end": period.end, "trainee_type": trainee_type},
	)
	return {
		entry: PayrollCost(trainees=to_decimal(trainees), everyone=to_decimal(everyone))
		for entry, trainees, everyone in result
		if to_decimal(trainees) > ZERO
	}


def ledger(company: str, period: Period, payroll_entries: tuple[str, ...] = ()) -> list[Entry]:
	"""Income and expense of the period by month, kind and account, in one aggregated query;
	the lines of the given payroll journal entries kept apart."""
	settings = frappe.get_cached_doc(SETTINGS)
	claim_accounts = tuple(row.income_account for row in settings.claim_accounts if row.company == company)
	grant_ranges = frappe.get_all(
		"Account",
		filters={
			"name": ("in", [row.account for row in settings.grant_accounts] or [""]),
			"company": company,
		},
		fields=["lft", "rgt"],
	)
	grant_condition = " or ".join(f"(a.lft >= {int(r.lft)} and a.rgt <= {int(r.rgt)})" for r in grant_ranges)
	result = frappe.db.sql(
		f"""select date_format(gle.posting_date, '%%Y-%%m') as month,
			case
				when a.root_type = 'Income' and a.name in %(claims)s then '{CLAIMS}'
				when a.root_type = 'Income' and ({grant_condition or "false"}) then '{GRANTS}'
				when a.root_type = 'Income' then '{SALES}'
				when gle.insertion_contract is not null and gle.insertion_contract != '' then '{INSERTION}'
				else '{PRODUCTION}'
			end as kind,
			gle.account,
			case when a.root_type = 'Expense' and gle.voucher_type = 'Journal Entry'
				and gle.voucher_no in %(payroll)s then gle.voucher_no else '' end as payroll_entry,
			sum(case when a.root_type = 'Income' then gle.credit - gle.debit else gle.debit - gle.credit end)
		from `tabGL Entry` gle
		join `tabAccount` a on a.name = gle.account
		where gle.company = %(company)s and gle.is_cancelled = 0
			and gle.posting_date between %(start)s and %(end)s
			and a.root_type in ('Income', 'Expense')
			and gle.voucher_type != 'Period Closing Voucher'
		group by month, kind, gle.account, payroll_entry""",
		{
			"company": company,
			"start": period.start,
			"end": period.end,
			"claims": claim_accounts or ("",),
			"payroll": payroll_entries or ("",),
		},
	)
	return [
		Entry(month=month, kind=kind, account=account, amount=to_decimal(amount), payroll_entry=entry)
		for month, kind, account, entry, amount in result
	]


def rows(months: list[Period], amounts: dict) -> list[dict]:
	"""One row per line, and under each line of LINES_WITH_ACCOUNTS one row per account it
	counts (and the trainees' part it gives to the mission), as a tree."""
	keys = [m.start.strftime("%Y-%m") for m in months]

	def values(total_of) -> dict[str, Decimal | None]:
		result = {column_key(k): total_of([k]) for k in keys}
		result["total"] = total_of(keys)
		return result

	def line_values(kind: str, month_keys: list[str]) -> Decimal | None:
		kinds = {
			"income": INCOME_KINDS,
			"expenses": EXPENSE_KINDS,
		}.get(kind, (kind,))
		if kind == "net":
			return total(amounts, INCOME_KINDS, month_keys) - total(amounts, EXPENSE_KINDS, month_keys)
		if kind == "ratio":
			return self_financing_ratio(
				total(amounts, (SALES,), month_keys), total(amounts, EXPENSE_KINDS, month_keys)
			)
		return total(amounts, kinds, month_keys)

	data = []
	for kind, label in LINES:
		data.append(row(_(label), kind, 0, values(lambda ks, kind=kind: line_values(kind, ks))))
		if kind not in LINES_WITH_ACCOUNTS:
			continue
		for account in [*accounts_of(amounts, kind), MOVED_TO_MISSION]:
			of_account = {(m, k, a): v for (m, k, a), v in amounts.items() if k == kind and a == account}
			if not of_account:
				continue
			data.append(
				row(
					account or _(MOVED_LABEL),
					"account",
					1,
					values(lambda ks, of_account=of_account, kind=kind: total(of_account, (kind,), ks)),
				)
			)
	return data


def row(label: str, kind: str, indent: int, values: dict) -> dict:
	return {
		"line": label,
		"kind": kind,
		"indent": indent,
		**{k: (float(v) if v is not None else None) for k, v in values.items()},
	}


def column_key(month: str) -> str:
	return "total" if month == "total" else "m_" + month.replace("-", "_")


def columns(months: list[Period]) -> list[dict]:
	result = [{"fieldname": "line", "label": _("Line"), "fieldtype": "Data", "width": 420}]
	for month in months:
		result.append(
			{
				"fieldname": column_key(month.start.strftime("%Y-%m")),
				"label": month.start.strftime("%Y-%m"),
				"fieldtype": "Float",
				"precision": 2,
				"width": 110,
			}
		)
	result.append(
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Float", "precision": 2, "width": 130}
	)
	return result


def message(amounts: dict) -> str:
	"""What the ratio is and which accounts each side counts."""
	trainee_accounts = accounts_of(amounts, TRAINEE_WAGES)
	parts = [
		_(RATIO_DEFINITION) + ".",
		_(
			"Mission's side: the wages and employer contributions of the trainees' salary slips (employees linked to a trainee, or of the trainees' employment type), and the expenses tagged with an insertion contract. Market's side: every other expense (production and structure). The accounts of each line are listed under it."
		),
	]
	if trainee_accounts:
		parts.append(
			_("The trainees' wages and employer contributions are taken from the accounts {0}.").format(
				", ".join(escape_html(a) for a in trainee_accounts)
			)
		)
	parts.append(
		_(
			"Subsidies: the income of the claims' accounts and of the other grant accounts set in Insertion Settings."
		)
	)
	return " ".join(parts)


def summary(amounts: dict, currency: str) -> list[dict]:
	"""Sales, subsidies, each side's expenses and the ratio, for the year."""
	ratio = self_financing_ratio(total(amounts, (SALES,)), total(amounts, EXPENSE_KINDS))

	def money(label: str, value: Decimal, indicator: str) -> dict:
		return {
			"label": label,
			"value": float(value),
			"datatype": "Currency",
			"currency": currency,
			"indicator": indicator,
		}

	return [
		money(_("Sales (goods and services)"), total(amounts, (SALES,)), "Green"),
		money(_("Subsidies"), total(amounts, (CLAIMS, GRANTS)), "Blue"),
		money(_("Mission's expenses"), total(amounts, MISSION_KINDS), "Orange"),
		money(_("Market's expenses"), total(amounts, (PRODUCTION,)), "Orange"),
		{
			"label": _("Self-financing ratio"),
			# Text, to the hundredth: a Percent would take the system's float precision (3).
			"value": "—" if ratio is None else f"{fmt_money(float(ratio), precision=2)} %",
			"datatype": "Data",
		},
	]


def chart(months: list[Period], data: list[dict], currency: str) -> dict:
	by_kind = {row["kind"]: row for row in data if row["indent"] == 0}
	keys = [column_key(m.start.strftime("%Y-%m")) for m in months]
	return {
		"data": {
			"labels": [m.start.strftime("%Y-%m") for m in months],
			"datasets": [
				{"name": _("Sales (goods and services)"), "values": [by_kind[SALES][k] for k in keys]},
				{
					"name": _("Subsidies"),
					"values": [by_kind[CLAIMS][k] + by_kind[GRANTS][k] for k in keys],
				},
				{"name": _("Total expenses"), "values": [by_kind["expenses"][k] for k in keys]},
			],
		},
		"type": "bar",
		# Read by the report's JavaScript: the axis and tooltips in dollars, in Quebec French.
		"currency": currency,
	}


@frappe.whitelist()
def self_financing_ratio_to_date() -> dict:
	"""Number card: sales over expenses since the start of the fiscal year, for the user's company."""
	if not frappe.get_cached_doc("Report", "Mission and Market").is_permitted():  # the report's roles
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	company = frappe.defaults.get_user_default("Company") or frappe.db.get_single_value(
		"Global Defaults", "default_company"
	)
	today = getdate(nowdate())
	start = frappe.db.get_value(
		"Fiscal Year", {"year_start_date": ("<=", today), "year_end_date": (">=", today)}, "year_start_date"
	)
	# precision 2: the card shows the hundredth the report shows, not the system's float precision
	if not company or not start:
		return {"value": 0, "fieldtype": "Percent", "precision": 2}
	amounts = ledger(company, Period(getdate(start), today))
	sales = sum((e.amount for e in amounts if e.kind == SALES), ZERO)
	expenses = sum((e.amount for e in amounts if e.kind in EXPENSE_KINDS), ZERO)
	ratio = self_financing_ratio(sales, expenses)
	return {"value": float(ratio) if ratio is not None else 0, "fieldtype": "Percent", "precision": 2}
