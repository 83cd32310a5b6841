"""Mission and market in the books, per month of a fiscal year: sales, subsidies (the
funder's claims and other grants), expenses of the insertion contracts and of production
and structure, and the self-financing ratio (sales / total expenses).

The ledger is read once, aggregated by month and kind of line (`ledger_by_month`); the
totals are those of ERPNext's Profit and Loss for the same period (closing entries left
out as it leaves them out)."""

from collections import defaultdict
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from insertion_erp.constants import SETTINGS
from insertion_erp.core.indicators import RATIO_DEFINITION, self_financing_ratio
from insertion_erp.core.money import ZERO, to_decimal
from insertion_erp.core.periods import Period, months_between

SALES, CLAIMS, GRANTS = "sales", "claims", "grants"
INSERTION, PRODUCTION = "insertion", "production"
LINES = (
	(SALES, "Sales (goods and services)"),
	(CLAIMS, "Subsidies: the funder's claims"),
	(GRANTS, "Subsidies: other grants"),
	("income", "Total income"),
	(INSERTION, "Expenses of the insertion contracts"),
	(PRODUCTION, "Expenses of production and structure"),
	("expenses", "Total expenses"),
	("net", "Net result"),
	("ratio", "Self-financing ratio (%)"),
)


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
	amounts = ledger_by_month(filters.company, period)
	data = rows(months, amounts)
	message = (
		_(RATIO_DEFINITION)
		+ ". "
		+ _(
			"Subsidies: the income of the claims' accounts and of the other grant accounts set in Insertion Settings."
		)
	)
	return columns(months), data, message, chart(months, data)


def ledger_by_month(company: str, period: Period) -> dict[tuple[str, str], Decimal]:
	"""Income and expense of the period by (month, kind), in one aggregated query."""
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
	rows = frappe.db.sql(
		f"""select date_format(gle.posting_date, '%%Y-%%m') as month,
			case
				when a.root_type = 'Income' and a.name in %(claims)s then '{CLAIMS}'
				when a.root_type = 'Income' and ({grant_condition or "false"}) then '{GRANTS}'
				when a.root_type = 'Income' then '{SALES}'
				when gle.insertion_contract is not null and gle.insertion_contract != '' then '{INSERTION}'
				else '{PRODUCTION}'
			end as kind,
			sum(case when a.root_type = 'Income' then gle.credit - gle.debit else gle.debit - gle.credit end)
		from `tabGL Entry` gle
		join `tabAccount` a on a.name = gle.account
		where gle.company = %(company)s and gle.is_cancelled = 0
			and gle.posting_date between %(start)s and %(end)s
			and a.root_type in ('Income', 'Expense')
			and gle.voucher_type != 'Period Closing Voucher'
		group by month, kind""",
		{"company": company, "start": period.start, "end": period.end, "claims": claim_accounts or ("",)},
	)
	return {(month, kind): to_decimal(amount) for month, kind, amount in rows}


def rows(months: list[Period], amounts: dict) -> list[dict]:
	keys = [m.start.strftime("%Y-%m") for m in months]
	values: dict[str, dict[str, Decimal]] = defaultdict(dict)
	for key in [*keys, "total"]:
		month_keys = keys if key == "total" else [key]

		def total(kind, month_keys=month_keys):
			return sum((amounts.get((m, kind), ZERO) for m in month_keys), ZERO)

		v = {kind: total(kind) for kind in (SALES, CLAIMS, GRANTS, INSERTION, PRODUCTION)}
		v["income"] = v[SALES] + v[CLAIMS] + v[GRANTS]
		v["expenses"] = v[INSERTION] + v[PRODUCTION]
		v["net"] = v["income"] - v["expenses"]
		v["ratio"] = self_financing_ratio(v[SALES], v["expenses"])
		for kind, amount in v.items():
			values[kind][column_key(key)] = amount
	data = []
	for kind, label in LINES:
		row = {
			"line": _(label),
			"kind": kind,
		}
		row.update({k: (float(v) if v is not None else None) for k, v in values[kind].items()})
		data.append(row)
	return data


def column_key(month: str) -> str:
	return "total" if month == "total" else "m_" + month.replace("-", "_")


def columns(months: list[Period]) -> list[dict]:
	result = [{"fieldname": "line", "label": _("Line"), "fieldtype": "Data", "width": 280}]
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


def chart(months: list[Period], data: list[dict]) -> dict:
	by_kind = {row["kind"]: row for row in data}
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
	if not company or not start:
		return {"value": 0, "fieldtype": "Percent"}
	amounts = ledger_by_month(company, Period(getdate(start), today))
	sales = sum((v for (_month, kind), v in amounts.items() if kind == SALES), ZERO)
	expenses = sum((v for (_month, kind), v in amounts.items() if kind in (INSERTION, PRODUCTION)), ZERO)
	ratio = self_financing_ratio(sales, expenses)
	return {"value": float(ratio) if ratio is not None else 0, "fieldtype": "Percent"}
