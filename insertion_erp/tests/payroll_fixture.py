"""A small enterprise with real HRMS payroll for the claim tests, built once and committed.

Company "Atelier Paie Test": an hourly trainee (timesheet-based salary structure at
$18.00 an hour) and a supervisor on a monthly structure ($4,000), paid for
March and April 2026; a $300 insertion cost tagged with the contract; an
Emploi-Québec contract for 2026. The figures are the worked example of
test_reimbursement_claim.py. Building it is idempotent: a second run finds it.
"""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.core.funding.claims import INSERTION_COSTS, SUPERVISION_WAGES, TRAINEE_WAGES
from insertion_erp.devtools.sample_payroll import (
	add_insertion_cost,
	assign,
	ensure_company,
	ensure_hourly_structure,
	ensure_salaried_structure,
	ensure_slip,
	ensure_timesheet,
	submitted_contract,
)
from insertion_erp.funding.claim_accounts import ensure_claim_accounts
from insertion_erp.quebec_payroll.install import set_up_company
from insertion_erp.tests.factories import COUNSELLOR, ensure_trade, make_trainee
from insertion_erp.tests.utils import make_user

COMPANY = "Atelier Paie Test"
ABBR = "APT"
HOLIDAYS = "Paie Test 2026"
HOURLY = "TEF horaire APT"
MONTHLY = "Encadrement mensuel APT"
CONTRACT_REFERENCE = "EQ-PAIE-TEST-2026"
TRAINEE_LAST_NAME = "Paie-Test"
# (month start, month end, timesheet hours of the trainee)
MONTHS = (("2026-03-01", "2026-03-31", 150), ("2026-04-01", "2026-04-30", 120))
HOUR_RATE = 18
SUPERVISOR_BASE = 4000
CNESST_RATE = 1.5
INSERTION_COST = 300


def build() -> frappe._dict:
	ensure_company_setup()
	frappe.db.set_single_value("Insertion Settings", "annual_payroll", 600_000)
	trainee_employee = ensure_trainee()
	supervisor = ensure_supervisor()
	assign(trainee_employee, ensure_hourly_structure(HOURLY, COMPANY, HOUR_RATE), COMPANY, "2026-02-02")
	assign(supervisor, ensure_salaried_structure(MONTHLY, COMPANY), COMPANY, "2026-01-01", SUPERVISOR_BASE)
	contract = ensure_contract(supervisor)
	slips = {}
	for start, end, hours in MONTHS:
		ensure_timesheet(trainee_employee, COMPANY, start, hours)
		slips[(trainee_employee, start)] = ensure_slip(trainee_employee, COMPANY, start, end)
		slips[(supervisor, start)] = ensure_slip(supervisor, COMPANY, start, end)
	cost = add_insertion_cost(
		COMPANY, contract, "2026-03-15", INSERTION_COST, "Atelier de préparation à l'emploi"
	)
	frappe.db.commit()  # nosemgrep: the claim tests need it on every connection
	return frappe._dict(
		contract=contract, trainee_employee=trainee_employee, supervisor=supervisor, slips=slips, cost=cost
	)


def ensure_company_setup(company: str = COMPANY, abbr: str = ABBR, holidays: str = HOLIDAYS) -> None:
	"""A company for a test payroll: its claim accounts, 2026 holidays, CNESST rate, fiscal years,
	and the Quebec payroll (its slips carry their employer contributions, which claims read)."""
	ensure_company(company, abbr)
	# The bookkeeper's choice of income account and items, as the settings' defaults.
	settings = frappe.get_single(SETTINGS)
	ensure_claim_accounts(settings)
	set_up_company(company, settings)
	settings.save(ignore_permissions=True)
	if not frappe.db.exists("Holiday List", holidays):
		frappe.get_doc(
			{
				"doctype": "Holiday List",
				"holiday_list_name": holidays,
				"from_date": "2026-01-01",
				"to_date": "2026-12-31",
			}
		).insert(ignore_permissions=True)
	frappe.db.set_value(
		"Company", company, {"default_holiday_list": holidays, "insertion_cnesst_rate": CNESST_RATE}
	)
	for year in (2025, 2026, 2027):
		# A fiscal year listing no company is every company's: listing this one would shut the others out.
		fiscal_year = frappe.db.get_value("Fiscal Year", {"year_start_date": f"{year}-01-01"})
		if (
			fiscal_year
			and frappe.db.exists("Fiscal Year Company", {"parent": fiscal_year})
			and not frappe.db.exists("Fiscal Year Company", {"parent": fiscal_year, "company": company})
		):
			doc = frappe.get_doc("Fiscal Year", fiscal_year)
			doc.append("companies", {"company": company})
			doc.save(ignore_permissions=True)


def ensure_trainee(company: str = COMPANY, last_name: str = TRAINEE_LAST_NAME) -> str:
	"""A trainee of `company` whose parcours started on 2026-02-02: its Employee."""
	employee = frappe.db.get_value("Employee", {"last_name": last_name, "company": company})
	if employee:
		return employee
	trainee = make_trainee(last_name=last_name, consent_date="2026-01-05")
	parcours = frappe.get_doc(
		{
			"doctype": "Parcours",
			"trainee": trainee.name,
			"company": company,
			"trade": ensure_trade(),
			"referral_source": "CLSC",
			"income_source": "Social Assistance",
			"approval_date": "2026-01-20",
		}
	).insert()
	parcours.start("2026-02-02")
	return parcours.employee


def ensure_supervisor(
	company: str = COMPANY, names: tuple[str, str] = ("Sophie", "Encadrante"), gender: str = "Female"
) -> str:
	employee = frappe.db.get_value("Employee", {"first_name": names[0], "company": company})
	if employee:
		return employee
	return (
		frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": names[0],
				"last_name": names[1],
				"gender": gender,
				"date_of_birth": "1980-05-05",
				"date_of_joining": "2025-01-06",
				"company": company,
				"status": "Active",
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def ensure_contract(
	supervisor: str,
	company: str = COMPANY,
	reference: str = CONTRACT_REFERENCE,
	budgets: tuple[float, float, float] = (50000, 20000, 5000),
	max_weekly_hours: float = 30,
) -> str:
	"""A submitted 2026 contract: trainee wages, supervision and insertion costs budgets at 100 %."""
	existing = frappe.db.get_value("Insertion Contract", {"reference": reference, "docstatus": 1})
	if existing:
		return existing
	make_user(COUNSELLOR, ["Insertion Counsellor"])
	trainees, supervision, costs = budgets
	return submitted_contract(
		company,
		reference,
		2026,
		{
			TRAINEE_WAGES: (trainees, 100),
			SUPERVISION_WAGES: (supervision, 100),
			INSERTION_COSTS: (costs, 100),
		},
		supervisor,
		funded_share=50,
		max_weekly_hours=max_weekly_hours,
	)
