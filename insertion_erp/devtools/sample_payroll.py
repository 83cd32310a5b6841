"""Sample payroll and ledger for the demo site, the claim tests and the benchmark: a company,
structures, assignments, timesheets, submitted salary slips and insertion costs, each created
once (a second call finds it)."""

from datetime import datetime, timedelta

import frappe

from insertion_erp.ledger import ensure_account, paying_account
from insertion_erp.parcours.pay import submit_assignment

HOURLY_COMPONENT = "Salaire horaire TEF"
BASE_COMPONENT = "Salaire de base"
ACTIVITY = "Travail en atelier"


def ensure_components() -> None:
	for component, abbr, by_days in ((HOURLY_COMPONENT, "SH", 0), (BASE_COMPONENT, "SB", 1)):
		if not frappe.db.exists("Salary Component", component):
			frappe.get_doc(
				{
					"doctype": "Salary Component",
					"salary_component": component,
					"salary_component_abbr": abbr,
					"type": "Earning",
					"depends_on_payment_days": by_days,
				}
			).insert(ignore_permissions=True)
	if not frappe.db.exists("Activity Type", ACTIVITY):
		frappe.get_doc({"doctype": "Activity Type", "activity_type": ACTIVITY}).insert(
			ignore_permissions=True
		)


def ensure_hourly_structure(name: str, company: str, hour_rate: float, frequency: str = "Monthly") -> str:
	"""Trainees paid by the hour from their timesheets, every month or every week."""
	return _ensure_structure(
		name,
		company,
		salary_slip_based_on_timesheet=1,
		salary_component=HOURLY_COMPONENT,
		hour_rate=hour_rate,
		payroll_frequency=frequency,
	)


def ensure_salaried_structure(name: str, company: str, frequency: str = "Monthly") -> str:
	"""Staff paid a base each pay (the assignment's base: a pay's amount)."""
	base = {
		"salary_component": BASE_COMPONENT,
		"abbr": "SB",
		"amount_based_on_formula": 1,
		"formula": "base",
		"depends_on_payment_days": 1,
	}
	return _ensure_structure(name, company, earnings=[base], payroll_frequency=frequency)


def _ensure_structure(name: str, company: str, **fields) -> str:
	ensure_components()
	if not frappe.db.exists("Salary Structure", name):
		frappe.get_doc(
			{
				"doctype": "Salary Structure",
				"__newname": name,
				"company": company,
				"currency": "CAD",
				"is_active": "Yes",
				**{"payroll_frequency": "Monthly", **fields},
			}
		).insert(ignore_permissions=True).submit()
	return name


def assign(employee: str, structure: str, company: str, from_date, base: float = 0) -> None:
	if frappe.db.exists("Salary Structure Assignment", {"employee": employee, "docstatus": 1}):
		return
	submit_assignment(employee, structure, company, from_date, base)


def ensure_timesheet(employee: str, company: str, first_day, hours: float) -> None:
	"""Seven-hour days from `first_day` until the hours are logged."""
	if frappe.db.exists("Timesheet", {"employee": employee, "start_date": first_day, "docstatus": 1}):
		return
	logs, day, left = [], datetime.fromisoformat(f"{first_day} 08:00:00"), hours
	while left > 0:
		chunk = min(7, left)
		logs.append(
			{
				"activity_type": ACTIVITY,
				"from_time": day,
				"hours": chunk,
				"to_time": day + timedelta(hours=chunk),
			}
		)
		day, left = day + timedelta(days=1), left - chunk
	frappe.get_doc(
		{"doctype": "Timesheet", "employee": employee, "company": company, "time_logs": logs}
	).insert(ignore_permissions=True).submit()


def ensure_slip(employee: str, company: str, start, end) -> str:
	existing = frappe.db.get_value("Salary Slip", {"employee": employee, "start_date": start, "docstatus": 1})
	if existing:
		return existing
	slip = frappe.get_doc(
		{
			"doctype": "Salary Slip",
			"employee": employee,
			"start_date": start,
			"end_date": end,
			"posting_date": end,
			"payroll_frequency": "Monthly",
			"company": company,
		}
	)
	slip.insert(ignore_permissions=True)
	slip.submit()
	return slip.name


def ensure_company(name: str, abbr: str) -> str:
	"""A Canadian company in CAD with the standard chart of accounts."""
	if not frappe.db.exists("Company", name):
		frappe.get_doc(
			{
				"doctype": "Company",
				"company_name": name,
				"abbr": abbr,
				"country": "Canada",
				"default_currency": "CAD",
				"chart_of_accounts": "Standard",
			}
		).insert(ignore_permissions=True)
	return name


def add_insertion_cost(company: str, contract: str, day, amount: float, remark: str) -> str:
	"""An insertion cost paid in cash and tagged with the contract (accounting dimension)."""
	existing = frappe.db.get_value(
		"Journal Entry", {"user_remark": remark, "company": company, "docstatus": 1}
	)
	if existing:
		return existing
	expense = ensure_account(company, "Frais de formation des participants", "Expense")
	cash = frappe.db.get_value("Account", {"company": company, "account_type": "Cash", "is_group": 0})
	entry = frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": company,
			"posting_date": day,
			"user_remark": remark,
			"accounts": [
				{
					"account": expense,
					"debit_in_account_currency": amount,
					"insertion_contract": contract,
					"cost_center": frappe.get_cached_value("Company", company, "cost_center"),
				},
				{"account": cash, "credit_in_account_currency": amount},
			],
		}
	).insert(ignore_permissions=True)
	entry.submit()
	return entry.name


def submitted_contract(
	company: str,
	reference: str,
	year: int,
	budgets: dict[str, tuple[float, float]],
	supervisor: str,
	funded_share: float,
	max_weekly_hours: float,
	other_staff: dict[str, float] | None = None,
) -> str:
	"""A submitted Emploi-Québec contract for the calendar year: 12 places of 26 weeks at $17 an
	hour at most, a budget (amount, reimbursement rate) per kind, the funded supervisor (and
	`other_staff`: {employee: funded share})."""
	contract = frappe.get_doc(
		{
			"doctype": "Insertion Contract",
			"reference": reference,
			"company": company,
			"from_date": f"{year}-01-01",
			"to_date": f"{year}-12-31",
			"claim_frequency": "Monthly",
			"places": 12,
			"planned_weeks": 26,
			"max_hourly_wage": 17,
			"max_weekly_hours": max_weekly_hours,
			"budget_lines": [
				{"kind": kind, "budget_amount": amount, "reimbursement_rate": rate}
				for kind, (amount, rate) in budgets.items()
			],
			"supervision_staff": [
				{"employee": employee, "funded_share": share}
				for employee, share in {supervisor: funded_share, **(other_staff or {})}.items()
			],
		}
	).insert(ignore_permissions=True)
	contract.submit()
	return contract.name


def ensure_payroll_accounts(
	company: str, components: tuple[str, ...] = (HOURLY_COMPONENT, BASE_COMPONENT)
) -> str:
	"""What HRMS's Payroll Entry books to: the company's payroll payable account (no account
	type, as HRMS requires) and the wages' expense account on each earning component."""
	from insertion_erp.quebec_payroll.install import PAYROLL_PAYABLE_ACCOUNT, wages_expense_account

	ensure_components()
	payable = ensure_account(company, PAYROLL_PAYABLE_ACCOUNT, "Liability")
	frappe.db.set_value("Company", company, "default_payroll_payable_account", payable)
	expense = wages_expense_account(company)
	for name in components:
		component = frappe.get_doc("Salary Component", name)
		if not any(row.company == company for row in component.accounts):
			component.append("accounts", {"company": company, "account": expense})
			component.save(ignore_permissions=True)
	return payable


def submitted_payroll_entry(
	company: str,
	start,
	end,
	*,
	timesheet_based: bool,
	posting_date=None,
	worked_only: bool = False,
	frequency: str = "Monthly",
):
	"""A submitted Payroll Entry for the period (every `frequency`), with its employees and no slips yet. Above 30
	employees HRMS's submit queues the slips' creation for a worker: the caller makes them
	instead (`slip_arguments`), so none is left waiting in the queue. `worked_only`: the
	employees without a submitted timesheet in the period taken out, as the bookkeeper takes
	out a trainee who did not work (a slip of nothing)."""
	entry = frappe.get_doc(
		{
			"doctype": "Payroll Entry",
			"company": company,
			"posting_date": posting_date or end,
			"payroll_frequency": frequency,
			"start_date": start,
			"end_date": end,
			"currency": "CAD",
			"exchange_rate": 1,
			"salary_slip_based_on_timesheet": int(timesheet_based),
			"payroll_payable_account": frappe.get_cached_value(
				"Company", company, "default_payroll_payable_account"
			),
			"cost_center": frappe.get_cached_value("Company", company, "cost_center"),
			"payment_account": paying_account(company),
		}
	)
	entry.fill_employee_details()
	if worked_only:
		worked = set(
			frappe.get_all(
				"Timesheet",
				filters={"docstatus": 1, "start_date": ("<=", end), "end_date": (">=", start)},
				pluck="employee",
			)
		)
		entry.set("employees", [row for row in entry.employees if row.employee in worked])
	entry.insert(ignore_permissions=True)
	entry.create_salary_slips = lambda: None
	entry.submit()
	return entry


def slip_arguments(entry) -> frappe._dict:
	"""What PayrollEntry.create_salary_slips hands to create_salary_slips_for_employees."""
	return frappe._dict(
		salary_slip_based_on_timesheet=entry.salary_slip_based_on_timesheet,
		payroll_frequency=entry.payroll_frequency,
		start_date=entry.start_date,
		end_date=entry.end_date,
		company=entry.company,
		posting_date=entry.posting_date,
		deduct_tax_for_unclaimed_employee_benefits=entry.deduct_tax_for_unclaimed_employee_benefits,
		deduct_tax_for_unsubmitted_tax_exemption_proof=entry.deduct_tax_for_unsubmitted_tax_exemption_proof,
		payroll_entry=entry.name,
		exchange_rate=entry.exchange_rate,
		currency=entry.currency,
	)


def run_payroll_entry(company: str, start, end, **options) -> str:
	"""A pay period's payroll as a bookkeeper runs it: a Payroll Entry for the company's employees
	paid from timesheets (or the others), its slips created and submitted, the accrual journal
	entry made by HRMS and the bank entry submitted (`options`: submitted_payroll_entry's).
	Returns the Payroll Entry's name."""
	from hrms.payroll.doctype.payroll_entry.payroll_entry import (
		create_salary_slips_for_employees,
		submit_salary_slips_for_employees,
	)

	entry = submitted_payroll_entry(company, start, end, **options)
	create_salary_slips_for_employees(
		[row.employee for row in entry.employees], slip_arguments(entry), publish_progress=False
	)
	entry.reload()
	submit_salary_slips_for_employees(entry, entry.get_sal_slip_list(ss_status=0), publish_progress=False)
	entry.reload()
	if entry.status != "Submitted" or entry.error_message:
		frappe.throw(f"Payroll Entry {entry.name}: {entry.error_message or entry.status}")
	bank = entry.make_bank_entry()
	if bank:
		bank.cheque_no = bank.cheque_no or entry.name
		bank.cheque_date = bank.cheque_date or entry.posting_date
		bank.submit()
	return entry.name
