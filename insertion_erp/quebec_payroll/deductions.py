"""Quebec source deductions written on a Salary Slip, after HRMS has computed its earnings.

For a company marked "Quebec Source Deductions": the labour-standards pay of an hourly
trainee (vacation pay, statutory holiday indemnities) as earnings, then QPP, QPP2, EI,
QPIP, federal and Quebec income tax as deduction rows of the app's Salary Components,
and the employer's contributions in the slip's own table. HRMS's net pay, Payroll Entry,
journal entries and Salary Register then carry them like any other component.

The rules are in the pure core (core/payroll/source_deductions.py, core/payroll/contributions.py,
core/payroll/labour_standards.py); here, the reads of a slip (the employee's profile from the
document cache HRMS has filled, the year to date in one aggregated query, a period's
timesheet hours when it holds a statutory holiday) and the rows.
"""

from dataclasses import fields
from datetime import date
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import add_days, flt, getdate
from frappe.utils.caching import request_cache

from insertion_erp.constants import (
	DEDUCTION_COMPONENTS,
	EI,
	FEDERAL_TAX,
	HOLIDAY_PAY_COMPONENT,
	QPIP,
	QPP,
	QPP2,
	QUEBEC_TAX,
	SETTINGS,
	VACATION_PAY_COMPONENT,
)
from insertion_erp.core.money import ZERO, round_money, to_decimal
from insertion_erp.core.payroll import contributions as employer
from insertion_erp.core.payroll.labour_standards import (
	holiday_indemnity,
	holiday_reference_weeks,
	holidays_in,
	vacation_pay,
	vacation_pay_rate,
)
from insertion_erp.core.payroll.source_deductions import Pay, Profile, YearToDate, compute
from insertion_erp.quebec_payroll.rates import PAYS_PER_YEAR, payroll_year, rates_for, to_confirm_message

VACATION_ON_EACH_PAY = "Paid on Each Pay"
VACATION_AT_END = "Accrued, Paid at the End of the Contract"
EMPLOYER_KINDS = (QPP, QPP2, EI, QPIP, "FSS", "CNT", "CNESST")
LABOUR_STANDARDS_COMPONENTS = (VACATION_PAY_COMPONENT[0], HOLIDAY_PAY_COMPONENT[0])
APP_COMPONENTS = frozenset(
	[name for name, _abbr in DEDUCTION_COMPONENTS.values()] + list(LABOUR_STANDARDS_COMPONENTS)
)
PROFILE_FIELDS = (
	"date_of_birth",
	"date_of_joining",
	"relieving_date",
	"holiday_list",
	"insertion_federal_claim",
	"insertion_quebec_claim",
	"insertion_extra_federal_tax",
	"insertion_extra_quebec_tax",
	"insertion_qpp_exempt",
	"insertion_ei_exempt",
	"insertion_qpip_exempt",
	"insertion_opening_year",
	"insertion_opening_pensionable",
	"insertion_opening_qpp",
	"insertion_opening_qpp2",
	"insertion_opening_insurable",
	"insertion_opening_ei",
	"insertion_opening_qpip_insurable",
	"insertion_opening_qpip",
)


def is_quebec_payroll(company: str | None) -> bool:
	return bool(company and frappe.get_cached_value("Company", company, "insertion_quebec_payroll"))


def pay_date(slip) -> date:
	return getdate(slip.posting_date or slip.end_date)


def set_aside(slip) -> None:
	"""The app's rows out of the slip while HRMS computes it (`apply` writes them again): HRMS
	then neither sums each of them into its totals nor reads each one's year to date (a query
	a row, which `set_row` writes from the year to date read once)."""
	if not is_quebec_payroll(slip.company) or not slip.employee:
		return
	for parentfield in ("earnings", "deductions"):
		rows = slip.get(parentfield)
		kept = [row for row in rows if row.salary_component not in APP_COMPONENTS]
		if len(kept) != len(rows):
			slip.set(parentfield, kept)


def apply(slip) -> None:
	"""Labour-standards earnings, deductions and employer contributions of one slip."""
	if not is_quebec_payroll(slip.company) or not slip.employee:
		return
	paid_on = pay_date(slip)
	year = payroll_year(paid_on.year)
	employee = deduction_profile(slip.employee)
	before = year_to_date(slip, paid_on)
	settings = frappe.get_cached_doc(SETTINGS)

	old_net, old_gross = flt(slip.net_pay), flt(slip.gross_pay)
	wages = to_decimal(slip.gross_pay) - sum(
		(
			to_decimal(row.amount)
			for row in slip.earnings
			if row.salary_component in LABOUR_STANDARDS_COMPONENTS
		),
		ZERO,
	)
	earnings = labour_standards_pay(slip, employee, wages, settings, before)
	for (component, _abbr), amount in zip(
		(VACATION_PAY_COMPONENT, HOLIDAY_PAY_COMPONENT), earnings, strict=True
	):
		set_row(slip, "earnings", component, amount, before["components"])
	gross = wages + sum(earnings, ZERO)
	slip.gross_pay = float(gross)
	slip.base_gross_pay = flt(slip.gross_pay * flt(slip.exchange_rate or 1), slip.precision("base_gross_pay"))

	result = compute(
		Pay(gross=gross, pay_date=paid_on, pays_per_year=PAYS_PER_YEAR.get(slip.payroll_frequency, 12)),
		year,
		profile(employee, paid_on),
		opening(employee, paid_on.year, before),
	)
	amounts = {
		QPP: result.qpp,
		QPP2: result.qpp2,
		EI: result.ei,
		QPIP: result.qpip,
		FEDERAL_TAX: result.federal_tax,
		QUEBEC_TAX: result.quebec_tax,
	}
	for kind, (component, _abbr) in DEDUCTION_COMPONENTS.items():
		set_row(slip, "deductions", component, amounts[kind], before["components"])
	# The employer's share is what the ledger books: written when the slip is submitted (a draft
	# shows what the employee is paid; its rows would be saved twice for nothing).
	if slip.docstatus == 1:
		set_employer_contributions(slip, result, gross, before, settings, paid_on.year)

	slip.set_net_pay()
	# HRMS summed the year and the month to date before these rows: move them by the change.
	slip.gross_year_to_date = flt(slip.gross_year_to_date) + flt(slip.gross_pay) - old_gross
	slip.year_to_date = flt(slip.year_to_date) + flt(slip.net_pay) - old_net
	slip.month_to_date = flt(slip.month_to_date) + flt(slip.net_pay) - old_net
	warn_figures_to_confirm(paid_on.year)


def deduction_profile(employee: str) -> frappe._dict:
	"""The Employee's fields the deductions read, from frappe's document cache: HRMS has put the
	Employee there for the same slip (its joining and relieving dates), and frappe drops it
	whenever the Employee is saved."""
	doc = frappe.get_cached_doc("Employee", employee)
	return frappe._dict({field: doc.get(field) for field in PROFILE_FIELDS})


def profile(employee, paid_on: date) -> Profile:
	"""The employee's tab "Source Deductions"; under 18 on the pay date, no QPP."""
	under_18 = bool(employee.date_of_birth) and _age(getdate(employee.date_of_birth), paid_on) < 18

	def claim(value):
		return to_decimal(value) if flt(value) else None

	return Profile(
		federal_claim=claim(employee.insertion_federal_claim),
		quebec_claim=claim(employee.insertion_quebec_claim),
		extra_federal_tax=to_decimal(employee.insertion_extra_federal_tax),
		extra_quebec_tax=to_decimal(employee.insertion_extra_quebec_tax),
		qpp_exempt=bool(employee.insertion_qpp_exempt) or under_18,
		ei_exempt=bool(employee.insertion_ei_exempt),
		qpip_exempt=bool(employee.insertion_qpip_exempt),
	)


def _age(born: date, on: date) -> int:
	return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def year_to_date(slip, paid_on: date) -> dict:
	"""The employee's submitted slips of the year paid before this one, in one query: their
	gross, each of the app's components, each employer contribution."""
	components = sorted(APP_COMPONENTS)
	filters = """ss.employee = %(employee)s and ss.company = %(company)s and ss.docstatus = 1
		and ss.name != %(name)s and ss.posting_date between %(year_start)s and %(paid_on)s
		and ss.end_date < %(start_date)s"""
	rows = frappe.db.sql(
		f"""select 'gross', sum(ss.gross_pay) from `tabSalary Slip` ss where {filters}
		union all
		select concat('component:', sd.salary_component), sum(sd.amount)
		from `tabSalary Detail` sd join `tabSalary Slip` ss on ss.name = sd.parent
		where sd.parenttype = 'Salary Slip' and sd.salary_component in %(components)s and {filters}
		group by sd.salary_component
		union all
		select concat('employer:', ec.contribution), sum(ec.amount)
		from `tabEmployer Contribution` ec join `tabSalary Slip` ss on ss.name = ec.parent
		where ec.parenttype = 'Salary Slip' and {filters}
		group by ec.contribution""",
		{
			"employee": slip.employee,
			"company": slip.company,
			"name": slip.name or "",
			"year_start": date(paid_on.year, 1, 1),
			"paid_on": paid_on,
			"start_date": slip.start_date,
			"components": tuple(components),
		},
	)
	result = {"gross": ZERO, "components": {}, "employer": {}}
	for key, amount in rows:
		if key == "gross":
			result["gross"] = to_decimal(amount)
		elif key.startswith("component:"):
			result["components"][key.removeprefix("component:")] = to_decimal(amount)
		else:
			result["employer"][key.removeprefix("employer:")] = to_decimal(amount)
	return result


def opening(employee, year: int, before: dict) -> YearToDate:
	"""The year to date of the core: the slips' sums, plus what another payroll withheld this
	year (the Employee's opening year to date) when the year is the one entered there."""
	paid = before["components"]

	def component(kind: str) -> Decimal:
		return paid.get(DEDUCTION_COMPONENTS[kind][0], ZERO)

	def open_(field: str) -> Decimal:
		return to_decimal(employee.get(field)) if employee.insertion_opening_year == year else ZERO

	gross = before["gross"]
	values = {
		"pensionable": gross + open_("insertion_opening_pensionable"),
		"qpp": component(QPP) + open_("insertion_opening_qpp"),
		"qpp2": component(QPP2) + open_("insertion_opening_qpp2"),
		"insurable": gross + open_("insertion_opening_insurable"),
		"ei": component(EI) + open_("insertion_opening_ei"),
		"qpip_insurable": gross + open_("insertion_opening_qpip_insurable"),
		"qpip": component(QPIP) + open_("insertion_opening_qpip"),
		# The employer's EI and QPIP have their own maximums; another payroll's share is not known here.
		"employer_ei": before["employer"].get(EI, ZERO),
		"employer_qpip": before["employer"].get(QPIP, ZERO),
	}
	known = {f.name for f in fields(YearToDate)}
	return YearToDate(**{k: v for k, v in values.items() if k in known})


def labour_standards_pay(slip, employee, wages: Decimal, settings, before: dict) -> tuple[Decimal, Decimal]:
	"""Vacation pay and holiday indemnities of an hourly trainee's slip (paid from timesheets):
	(vacation pay, holiday indemnities), zero for anyone else."""
	if not slip.salary_slip_based_on_timesheet:
		return ZERO, ZERO
	holidays = ZERO
	if settings.holiday_indemnity:
		holidays = holiday_pay(slip, employee)
	mode = settings.vacation_pay_mode or VACATION_AT_END
	rate = vacation_pay_rate(
		getdate(employee.date_of_joining),
		getdate(slip.end_date),
		rates=(
			to_decimal(settings.vacation_pay_rate or 4),
			to_decimal(settings.vacation_pay_rate_after or 6),
		),
	)
	if mode == VACATION_ON_EACH_PAY:
		return vacation_pay(wages + holidays, rate), holidays
	if (
		mode == VACATION_AT_END
		and employee.relieving_date
		and (getdate(slip.start_date) <= getdate(employee.relieving_date) <= getdate(slip.end_date))
	):
		return vacation_owed_at_end(slip, employee, wages + holidays, rate), holidays
	return ZERO, holidays


def vacation_owed_at_end(slip, employee, this_pay: Decimal, rate: Decimal) -> Decimal:
	"""The contract's last pay: the rate on every wage of the employment (LNT s. 74, paid at
	the end as s. 83 asks), less the vacation pay already paid."""
	earned, paid = frappe.db.sql(
		"""select coalesce(sum(ss.gross_pay), 0),
			coalesce((select sum(sd.amount) from `tabSalary Detail` sd join `tabSalary Slip` s2
				on s2.name = sd.parent
				where s2.employee = %(employee)s and s2.docstatus = 1 and s2.end_date < %(start)s
				and s2.start_date >= %(joined)s and sd.parenttype = 'Salary Slip'
				and sd.salary_component = %(vacation)s), 0)
		from `tabSalary Slip` ss
		where ss.employee = %(employee)s and ss.docstatus = 1 and ss.end_date < %(start)s
			and ss.start_date >= %(joined)s""",
		{
			"employee": slip.employee,
			"start": slip.start_date,
			"joined": employee.date_of_joining,
			"vacation": VACATION_PAY_COMPONENT[0],
		},
	)[0]
	wages = to_decimal(earned) - to_decimal(paid) + this_pay
	return max(ZERO, vacation_pay(wages, rate) - to_decimal(paid))


def holiday_pay(slip, employee) -> Decimal:
	"""1/20 of the wages of the four complete weeks before each holiday's week (LNT s. 62), for
	each holiday of the employee's (or company's) Holiday List within the slip's period; the
	wages are the hours of the employee's timesheets at the slip's hourly rate."""
	return sum(holiday_indemnities(slip, employee).values(), ZERO)


def holiday_indemnities(slip, employee) -> dict[date, Decimal]:
	"""Each holiday of the slip's period and its indemnity (holiday_pay's parts; the ROE reports
	those after the last day for which paid in block 17B)."""
	holiday_list = employee.holiday_list or frappe.get_cached_value(
		"Company", slip.company, "default_holiday_list"
	)
	if not holiday_list:
		return {}
	start, end = getdate(slip.start_date), getdate(slip.end_date)
	days = holidays_in(start, end, holiday_dates(holiday_list, start, end))
	if not days:
		return {}
	weeks = {day: holiday_reference_weeks(day) for day in days}
	first = min(w[0] for w in weeks.values())
	last = max(w[1] for w in weeks.values())
	hours = dict(
		frappe.db.sql(
			"""select date(td.from_time), sum(td.hours) from `tabTimesheet Detail` td
			join `tabTimesheet` t on t.name = td.parent
			where t.employee = %(employee)s and t.docstatus = 1
				and td.from_time >= %(first)s and td.from_time < %(after)s
			group by date(td.from_time)""",
			{"employee": slip.employee, "first": first, "after": add_days(last, 1)},
		)
	)
	rate = to_decimal(slip.hour_rate)
	indemnities = {}
	for day, (reference_start, reference_end) in weeks.items():
		worked = sum(
			(to_decimal(h) for d, h in hours.items() if reference_start <= getdate(d) <= reference_end),
			ZERO,
		)
		indemnities[day] = holiday_indemnity(worked * rate)
	return indemnities


@request_cache
def holiday_dates(holiday_list: str, start: date, end: date) -> list[date]:
	"""The statutory holidays of the list in a period (once per request: a payroll asks it for
	every slip of the same period)."""
	return [
		getdate(day)
		for day in frappe.get_all(
			"Holiday",
			filters={"parent": holiday_list, "holiday_date": ("between", (start, end)), "weekly_off": 0},
			pluck="holiday_date",
		)
	]


def set_row(slip, parentfield: str, component: str, amount: Decimal, paid_before: dict) -> None:
	"""The app's row of `component` with `amount` (created or updated), and its year to date;
	no row for nothing withheld or paid (a pay statement lists what was deducted)."""
	row = next((r for r in slip.get(parentfield) if r.salary_component == component), None)
	if not amount:
		if row is not None:
			slip.remove(row)
		return
	if row is None:
		row = slip.append(
			parentfield,
			{
				"salary_component": component,
				"abbr": frappe.get_cached_value("Salary Component", component, "salary_component_abbr"),
				"depends_on_payment_days": 0,
			},
		)
	row.amount = row.default_amount = float(amount)
	row.additional_amount = 0
	row.year_to_date = float(paid_before.get(component, ZERO) + amount)


def set_employer_contributions(slip, result, gross: Decimal, before: dict, settings, year: int) -> None:
	"""The employer's table of the slip (core.payroll.contributions), built on the engine's
	result, with the accounts chosen in Insertion Settings."""
	rates = rates_for(year)
	amounts = employer.employer_contributions(
		result,
		gross,
		before["gross"],
		rates,
		fss_rate_percent=employer.fss_rate(rates, to_decimal(settings.annual_payroll)),
		cnesst_rate_per_100=cnesst_rate(slip.company),
	)
	write_employer_contributions(slip, amounts, gross, settings)


def cnesst_rate(company: str) -> Decimal:
	return to_decimal(frappe.get_cached_value("Company", company, "insertion_cnesst_rate"))


def write_employer_contributions(slip, amounts: dict[str, Decimal], gross: Decimal, settings) -> None:
	"""The slip's "Employer Contributions" rows, one per kind that is not zero."""
	accounts = contribution_accounts(slip.company, settings)
	# Rows updated in place (a slip is validated on creation and again on submit), none for a zero.
	rows = {row.contribution: row for row in slip.get("insertion_employer_contributions")}
	for kind in EMPLOYER_KINDS:
		row = rows.get(kind)
		if not amounts[kind]:
			if row is not None:
				slip.remove(row)
			continue
		expense, payable = accounts[kind]
		values = {
			"earnings": float(gross),
			"amount": float(amounts[kind]),
			"expense_account": expense,
			"payable_account": payable,
		}
		if row is None:
			slip.append("insertion_employer_contributions", {"contribution": kind, **values})
		else:
			row.update(values)
	slip.insertion_total_employer_contributions = float(round_money(sum(amounts.values(), ZERO)))


def contribution_accounts(company: str, settings) -> dict[str, tuple[str, str]]:
	accounts = {
		row.contribution: (row.expense_account, row.payable_account)
		for row in settings.contribution_accounts
		if row.company == company
	}
	missing = [kind for kind in EMPLOYER_KINDS if kind not in accounts]
	if missing:
		frappe.throw(
			_(
				"Choose the expense and payable accounts of the employer contributions {0} of company {1} in Insertion Settings, Quebec Payroll."
			).format(", ".join(missing), frappe.bold(company)),
			title=_("Contribution Accounts Missing"),
		)
	return accounts


def warn_figures_to_confirm(year: int) -> None:
	"""Once per request, the payroll user reads which figures of the year are still to confirm."""
	flag = f"insertion_warned_{year}"
	if frappe.flags.get(flag):
		return
	frappe.flags[flag] = True
	message = to_confirm_message(year)
	if message:
		frappe.msgprint(message, title=_("Rates to Confirm"), indicator="orange")
