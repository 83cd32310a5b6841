"""A small enterprise with real HRMS payroll for the claim tests, built once and committed.

Company "Atelier Paie Test": an hourly trainee (timesheet-based salary structure at
$18.00 an hour) and a supervisor on a monthly structure ($4,000), paid for
March and April 2026; a $300 insertion cost tagged with the contract; an
Emploi-Québec contract for 2026. The figures are the worked example of
test_reimbursement_claim.py. Building it is idempotent: a second run finds it.
"""

from datetime import datetime, timedelta

import frappe

from insertion_erp.tests.factories import COUNSELLOR, ensure_trade, make_trainee
from insertion_erp.tests.utils import make_user

COMPANY = "Atelier Paie Test"
ABBR = "APT"
HOLIDAYS = "Paie Test 2026"
HOURLY = "TEF horaire APT"
MONTHLY = "Encadrement mensuel APT"
HOURLY_COMPONENT = "Salaire horaire TEF"
BASE_COMPONENT = "Salaire de base"
ACTIVITY = "Travail en atelier"
CONTRACT_REFERENCE = "EQ-PAIE-TEST-2026"
TRAINEE_LAST_NAME = "Paie-Test"
# (month start, month end, timesheet hours of the trainee)
MONTHS = (("2026-03-01", "2026-03-31", 150), ("2026-04-01", "2026-04-30", 120))
HOUR_RATE = 18
SUPERVISOR_BASE = 4000
CNESST_RATE = 1.5
INSERTION_COST = 300


def build() -> frappe._dict:
	ensure_company()
	frappe.db.set_single_value("Insertion Settings", "annual_payroll", 600_000)
	trainee_employee = ensure_trainee()
	supervisor = ensure_supervisor()
	ensure_structures()
	assign(trainee_employee, HOURLY, 0, "2026-02-02")
	assign(supervisor, MONTHLY, SUPERVISOR_BASE, "2026-01-01")
	contract = ensure_contract(supervisor)
	slips = {}
	for start, end, hours in MONTHS:
		ensure_timesheet(trainee_employee, start, hours)
		slips[(trainee_employee, start)] = ensure_slip(trainee_employee, start, end)
		slips[(supervisor, start)] = ensure_slip(supervisor, start, end)
	cost = ensure_insertion_cost(contract)
	frappe.db.commit()  # nosemgrep: the claim tests need it on every connection
	return frappe._dict(
		contract=contract, trainee_employee=trainee_employee, supervisor=supervisor, slips=slips, cost=cost
	)


def ensure_company() -> None:
	if not frappe.db.exists("Company", COMPANY):
		frappe.get_doc(
			{
				"doctype": "Company",
				"company_name": COMPANY,
				"abbr": ABBR,
				"country": "Canada",
				"default_currency": "CAD",
				"chart_of_accounts": "Standard",
			}
		).insert(ignore_permissions=True)
	if not frappe.db.exists("Holiday List", HOLIDAYS):
		frappe.get_doc(
			{
				"doctype": "Holiday List",
				"holiday_list_name": HOLIDAYS,
				"from_date": "2026-01-01",
				"to_date": "2026-12-31",
			}
		).insert(ignore_permissions=True)
	frappe.db.set_value(
		"Company", COMPANY, {"default_holiday_list": HOLIDAYS, "insertion_cnesst_rate": CNESST_RATE}
	)
	for year in (2025, 2026, 2027):
		fiscal_year = frappe.db.get_value("Fiscal Year", {"year_start_date": f"{year}-01-01"})
		if fiscal_year and not frappe.db.exists(
			"Fiscal Year Company", {"parent": fiscal_year, "company": COMPANY}
		):
			doc = frappe.get_doc("Fiscal Year", fiscal_year)
			doc.append("companies", {"company": COMPANY})
			doc.save(ignore_permissions=True)


def ensure_trainee() -> str:
	employee = frappe.db.get_value("Employee", {"last_name": TRAINEE_LAST_NAME, "company": COMPANY})
	if employee:
		return employee
	trainee = make_trainee(last_name=TRAINEE_LAST_NAME, consent_date="2026-01-05")
	parcours = frappe.get_doc(
		{
			"doctype": "Parcours",
			"trainee": trainee.name,
			"company": COMPANY,
			"trade": ensure_trade(),
			"referral_source": "CLSC",
			"income_source": "Social Assistance",
			"approval_date": "2026-01-20",
		}
	).insert()
	parcours.start("2026-02-02")
	return parcours.employee


def ensure_supervisor() -> str:
	employee = frappe.db.get_value("Employee", {"first_name": "Sophie", "company": COMPANY})
	if employee:
		return employee
	return (
		frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": "Sophie",
				"last_name": "Encadrante",
				"gender": "Female",
				"date_of_birth": "1980-05-05",
				"date_of_joining": "2025-01-06",
				"company": COMPANY,
				"status": "Active",
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def ensure_structures() -> None:
	for component in (HOURLY_COMPONENT, BASE_COMPONENT):
		if not frappe.db.exists("Salary Component", component):
			frappe.get_doc(
				{
					"doctype": "Salary Component",
					"salary_component": component,
					"salary_component_abbr": "SH" if component == HOURLY_COMPONENT else "SB",
					"type": "Earning",
					"depends_on_payment_days": 0 if component == HOURLY_COMPONENT else 1,
				}
			).insert(ignore_permissions=True)
	if not frappe.db.exists("Activity Type", ACTIVITY):
		frappe.get_doc({"doctype": "Activity Type", "activity_type": ACTIVITY}).insert(
			ignore_permissions=True
		)
	if not frappe.db.exists("Salary Structure", HOURLY):
		frappe.get_doc(
			{
				"doctype": "Salary Structure",
				"__newname": HOURLY,
				"company": COMPANY,
				"currency": "CAD",
				"payroll_frequency": "Monthly",
				"salary_slip_based_on_timesheet": 1,
				"salary_component": HOURLY_COMPONENT,
				"hour_rate": HOUR_RATE,
				"is_active": "Yes",
			}
		).insert(ignore_permissions=True).submit()
	if not frappe.db.exists("Salary Structure", MONTHLY):
		frappe.get_doc(
			{
				"doctype": "Salary Structure",
				"__newname": MONTHLY,
				"company": COMPANY,
				"currency": "CAD",
				"payroll_frequency": "Monthly",
				"is_active": "Yes",
				"earnings": [
					{
						"salary_component": BASE_COMPONENT,
						"abbr": "SB",
						"amount_based_on_formula": 1,
						"formula": "base",
						"depends_on_payment_days": 1,
					}
				],
			}
		).insert(ignore_permissions=True).submit()


def assign(employee: str, structure: str, base: float, from_date: str) -> None:
	if frappe.db.exists("Salary Structure Assignment", {"employee": employee, "docstatus": 1}):
		return
	frappe.get_doc(
		{
			"doctype": "Salary Structure Assignment",
			"employee": employee,
			"salary_structure": structure,
			"company": COMPANY,
			"currency": "CAD",
			"from_date": from_date,
			"base": base,
		}
	).insert(ignore_permissions=True).submit()


def ensure_timesheet(employee: str, month_start: str, hours: int) -> None:
	if frappe.db.exists("Timesheet", {"employee": employee, "start_date": month_start, "docstatus": 1}):
		return
	# Seven-hour days from the first of the month, the rest on the last day.
	logs, day, left = [], datetime.fromisoformat(f"{month_start} 08:00:00"), hours
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
		{"doctype": "Timesheet", "employee": employee, "company": COMPANY, "time_logs": logs}
	).insert(ignore_permissions=True).submit()


def ensure_slip(employee: str, start: str, end: str) -> str:
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
			"company": COMPANY,
		}
	)
	slip.insert(ignore_permissions=True)
	slip.submit()
	return slip.name


def ensure_contract(supervisor: str) -> str:
	existing = frappe.db.get_value("Insertion Contract", {"reference": CONTRACT_REFERENCE, "docstatus": 1})
	if existing:
		return existing
	make_user(COUNSELLOR, ["Insertion Counsellor"])
	contract = frappe.get_doc(
		{
			"doctype": "Insertion Contract",
			"reference": CONTRACT_REFERENCE,
			"company": COMPANY,
			"from_date": "2026-01-01",
			"to_date": "2026-12-31",
			"claim_frequency": "Monthly",
			"places": 12,
			"planned_weeks": 26,
			"max_hourly_wage": 17,
			"max_weekly_hours": 30,
			"budget_lines": [
				{"kind": "Trainee Wages and Benefits", "budget_amount": 50000, "reimbursement_rate": 100},
				{
					"kind": "Supervision Staff Wages and Benefits",
					"budget_amount": 20000,
					"reimbursement_rate": 100,
				},
				{"kind": "Insertion Costs", "budget_amount": 5000, "reimbursement_rate": 100},
			],
			"supervision_staff": [{"employee": supervisor, "funded_share": 50}],
		}
	).insert(ignore_permissions=True)
	contract.submit()
	return contract.name


def ensure_insertion_cost(contract: str) -> str:
	existing = frappe.db.get_value(
		"Journal Entry",
		{"user_remark": "Atelier de préparation à l'emploi", "company": COMPANY, "docstatus": 1},
	)
	if existing:
		return existing
	expense = frappe.db.get_value(
		"Account", {"company": COMPANY, "account_name": "Miscellaneous Expenses", "is_group": 0}
	)
	cash = frappe.db.get_value("Account", {"company": COMPANY, "account_type": "Cash", "is_group": 0})
	entry = frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": COMPANY,
			"posting_date": "2026-03-15",
			"user_remark": "Atelier de préparation à l'emploi",
			"accounts": [
				{
					"account": expense,
					"debit_in_account_currency": INSERTION_COST,
					"insertion_contract": contract,
					"cost_center": frappe.get_cached_value("Company", COMPANY, "cost_center"),
				},
				{"account": cash, "credit_in_account_currency": INSERTION_COST},
			],
		}
	).insert(ignore_permissions=True)
	entry.submit()
	return entry.name
