"""A cohort for the Return to Government, built once and committed, found again on the next run.

Company "Atelier Retour Test", trade "Retour à l'État (test)", parcours from 2026-02-02 to
2026-03-31:
- Alpha, on social assistance: 120 h in March at $18; employed full time at 3 months
  ($19.50, 35 h a week), unreachable at 6 months;
- Bravo, on employment insurance: 80 h in March; employed part time at 3 months, the wage
  not recorded;
- Charlie, no public income, no payroll: employed at 3 months ($18, 35 h).
A supervisor ($4,000 a month, half funded) and a $250 insertion cost; the March claim of the
contract is submitted, which books its invoice to the funder. The report's tests and the
browser tests' data use it.
"""

import frappe

from insertion_erp.devtools.sample_payroll import (
	add_insertion_cost,
	assign,
	ensure_hourly_structure,
	ensure_salaried_structure,
	ensure_slip,
	ensure_timesheet,
)
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.factories import ensure_trade, make_trainee

COMPANY = "Atelier Retour Test"
ABBR = "ARET"
HOLIDAYS = "Retour Test 2026"
HOURLY = "TEF horaire ARET"
MONTHLY = "Encadrement mensuel ARET"
CONTRACT_REFERENCE = "EQ-RETOUR-TEST-2026"
TRADE = "Retour à l'État (test)"
LAST_NAME = "Retour-Test"
BORN = "1991-04-17"
START, END = "2026-02-02", "2026-03-31"
# first name: (income source, March hours or None, follow-ups by months after exit)
TRAINEES = {
	"Alpha": (
		"Social Assistance",
		120,
		{
			3: {
				"contact_date": "2026-07-02",
				"situation": "Employed Full Time",
				"job_type": "Permanent",
				"hourly_wage": 19.5,
				"weekly_hours": 35,
			},
			6: {"contact_date": "2026-10-05", "situation": "Unreachable"},
		},
	),
	"Bravo": (
		"Employment Insurance",
		80,
		{3: {"contact_date": "2026-07-03", "situation": "Employed Part Time", "weekly_hours": 20}},
	),
	"Charlie": (
		"No Public Income",
		None,
		{
			3: {
				"contact_date": "2026-07-06",
				"situation": "Employed Full Time",
				"hourly_wage": 18,
				"weekly_hours": 35,
			}
		},
	),
}


def build() -> frappe._dict:
	payroll_fixture.ensure_company_setup(COMPANY, ABBR, HOLIDAYS)
	supervisor = payroll_fixture.ensure_supervisor(COMPANY, ("Rémi", "Encadrant"), "Male")
	contract = payroll_fixture.ensure_contract(
		supervisor, COMPANY, CONTRACT_REFERENCE, (60000, 30000, 5000), max_weekly_hours=35
	)
	parcours = {name: ensure_parcours(name, source) for name, (source, _hours, _f) in TRAINEES.items()}
	employees = {name: frappe.db.get_value("Parcours", p, "employee") for name, p in parcours.items()}
	hourly = ensure_hourly_structure(HOURLY, COMPANY, 18)
	assign(supervisor, ensure_salaried_structure(MONTHLY, COMPANY), COMPANY, "2026-01-01", 4000)
	for name, (_source, hours, _f) in TRAINEES.items():
		if hours:
			assign(employees[name], hourly, COMPANY, START)
			ensure_timesheet(employees[name], COMPANY, "2026-03-02", hours)
			ensure_slip(employees[name], COMPANY, "2026-03-01", "2026-03-31")
	ensure_slip(supervisor, COMPANY, "2026-03-01", "2026-03-31")
	add_insertion_cost(COMPANY, contract, "2026-03-16", 250, "Atelier de recherche d'emploi (retour)")
	claim = ensure_claim(contract)
	for name, (_source, _hours, follow_ups) in TRAINEES.items():
		close_and_follow_up(parcours[name], follow_ups)
	frappe.db.commit()  # nosemgrep: built once for the whole class, like the claim tests' payroll
	return frappe._dict(
		contract=contract, claim=claim, parcours=parcours, employees=employees, supervisor=supervisor
	)


def ensure_parcours(first_name: str, income_source: str) -> str:
	trainee = frappe.db.get_value("Trainee", {"first_name": first_name, "last_name": LAST_NAME})
	if trainee:
		return frappe.db.get_value("Parcours", {"trainee": trainee, "company": COMPANY})
	trainee = make_trainee(
		first_name=first_name, last_name=LAST_NAME, date_of_birth=BORN, consent_date="2026-01-05"
	).name
	parcours = frappe.get_doc(
		{
			"doctype": "Parcours",
			"trainee": trainee,
			"company": COMPANY,
			"trade": ensure_trade(TRADE),
			"referral_source": "CLSC",
			"income_source": income_source,
			"approval_date": "2026-01-20",
		}
	).insert()
	parcours.start(START)
	return parcours.name


def ensure_claim(contract: str) -> str:
	existing = frappe.db.get_value(
		"Reimbursement Claim", {"contract": contract, "from_date": "2026-03-01", "docstatus": 1}
	)
	if existing:
		return existing
	claim = frappe.get_doc(
		{
			"doctype": "Reimbursement Claim",
			"contract": contract,
			"from_date": "2026-03-01",
			"to_date": "2026-03-31",
		}
	).insert()
	claim.get_payroll()
	claim.submit()
	return claim.name


def close_and_follow_up(parcours: str, follow_ups: dict[int, dict]) -> None:
	doc = frappe.get_doc("Parcours", parcours)
	if doc.actual_end_date:
		return
	doc.close(END, "Completed")
	for months, values in follow_ups.items():
		set_follow_up(parcours, months, **values)


def set_follow_up(parcours: str, months: int, **values) -> None:
	doc = frappe.get_doc("Parcours Follow-up", {"parcours": parcours, "months_after_exit": months})
	doc.update(values)
	doc.save(ignore_permissions=True)
