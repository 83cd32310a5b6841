"""Quebec payroll in a real bench: HRMS's Payroll Entry pays a month to an hourly trainee
(timesheets) and a supervisor (monthly), the slips withhold and the ledger books it all.

Company "Atelier Paie Québec": the trainee worked 150 h at $18.00 in March 2026 (gross
$2,700.00), the supervisor earns $4,000.00 a month. Hand-computed for 2026 (monthly, 12
pays), from the shipped parameters:
- trainee QPP: (2,700 - 291.66) x 6.30 % = 151.7254 -> 151.73; EI: 2,700 x 1.30 % = 35.10;
  QPIP: 2,700 x 0.430 % = 11.61; employer EI 1.4 x 35.10 = 49.14, QPIP 2,700 x 0.602 % = 16.254 -> 16.25;
- supervisor QPP: (4,000 - 291.66) x 6.30 % = 233.6254 -> 233.63; EI 52.00; QPIP 17.20.
"""

from decimal import Decimal as D

import frappe
from frappe.utils import flt

from insertion_erp.constants import CRA, DEDUCTION_COMPONENTS, PAYABLE_ACCOUNTS, REVENU_QUEBEC, SETTINGS
from insertion_erp.core.periods import Period
from insertion_erp.devtools.sample_payroll import (
	assign,
	ensure_hourly_structure,
	ensure_monthly_structure,
	ensure_payroll_accounts,
	ensure_timesheet,
	run_payroll_entry,
)
from insertion_erp.funding.payroll import computed_contributions, period_rows
from insertion_erp.quebec_payroll.setup import set_up_company
from insertion_erp.tests.factories import ensure_trade, make_trainee
from insertion_erp.tests.payroll_fixture import ensure_company_setup, ensure_contract, ensure_supervisor
from insertion_erp.tests.utils import InsertionTestCase

COMPANY = "Atelier Paie Québec"
ABBR = "APQ"
MARCH = ("2026-03-01", "2026-03-31")


def build() -> frappe._dict:
	ensure_company_setup(COMPANY, ABBR, "Paie Québec 2026")
	settings = frappe.get_single(SETTINGS)
	set_up_company(COMPANY, settings)
	settings.save(ignore_permissions=True)
	ensure_payroll_accounts(COMPANY)
	supervisor = ensure_supervisor(COMPANY, ("Nadia", "Paie-Québec"))
	trainee = frappe.db.get_value("Employee", {"last_name": "TEF-Québec", "company": COMPANY})
	if not trainee:
		person = make_trainee(last_name="TEF-Québec", consent_date="2026-01-05")
		parcours = frappe.get_doc(
			{
				"doctype": "Parcours",
				"trainee": person.name,
				"company": COMPANY,
				"trade": ensure_trade(),
				"referral_source": "CLSC",
				"income_source": "Social Assistance",
				"approval_date": "2026-01-20",
			}
		).insert()
		parcours.start("2026-02-02")
		trainee = parcours.employee
	assign(trainee, ensure_hourly_structure("TEF horaire APQ", COMPANY, 18), COMPANY, "2026-02-02")
	assign(
		supervisor, ensure_monthly_structure("Encadrement mensuel APQ", COMPANY), COMPANY, "2026-01-01", 4000
	)
	contract = ensure_contract(supervisor, COMPANY, "EQ-PAIE-QC-2026")
	ensure_timesheet(trainee, COMPANY, "2026-03-02", 150)
	entries = [
		frappe.db.get_value(
			"Payroll Entry",
			{
				"company": COMPANY,
				"start_date": MARCH[0],
				"docstatus": 1,
				"salary_slip_based_on_timesheet": flag,
			},
		)
		or run_payroll_entry(COMPANY, *MARCH, timesheet_based=bool(flag))
		for flag in (1, 0)
	]
	frappe.db.commit()  # nosemgrep: Payroll Entry commits its own steps; the tests read them
	return frappe._dict(trainee=trainee, supervisor=supervisor, contract=contract, entries=entries)


def slip_of(employee: str):
	name = frappe.db.get_value("Salary Slip", {"employee": employee, "start_date": MARCH[0], "docstatus": 1})
	return frappe.get_doc("Salary Slip", name)


def deductions(slip) -> dict[str, float]:
	return {row.salary_component: flt(row.amount) for row in slip.deductions}


class TestQuebecPayroll(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.data = build()

	def test_the_trainees_slip_withholds_each_deduction(self) -> None:
		slip = slip_of(self.data.trainee)
		self.assertEqual(flt(slip.gross_pay), 2700)
		amounts = deductions(slip)
		self.assertEqual(amounts[DEDUCTION_COMPONENTS["QPP"][0]], 151.73)
		self.assertEqual(amounts[DEDUCTION_COMPONENTS["EI"][0]], 35.10)
		self.assertEqual(amounts[DEDUCTION_COMPONENTS["QPIP"][0]], 11.61)
		self.assertEqual(amounts[DEDUCTION_COMPONENTS["QPP2"][0]], 0)
		self.assertGreater(amounts[DEDUCTION_COMPONENTS["Federal Tax"][0]], 0)
		self.assertGreater(amounts[DEDUCTION_COMPONENTS["Quebec Tax"][0]], 0)
		self.assertAlmostEqual(flt(slip.total_deduction), sum(amounts.values()), places=2)
		self.assertAlmostEqual(flt(slip.net_pay), flt(slip.gross_pay) - flt(slip.total_deduction), places=2)
		employer = {row.contribution: flt(row.amount) for row in slip.insertion_employer_contributions}
		self.assertEqual(employer["QPP"], 151.73)
		self.assertEqual(employer["EI"], 49.14)
		self.assertEqual(employer["QPIP"], 16.25)
		self.assertEqual(set(employer), {"QPP", "QPP2", "EI", "QPIP", "FSS", "CNT", "CNESST"})

	def test_the_supervisors_slip_withholds_too(self) -> None:
		amounts = deductions(slip_of(self.data.supervisor))
		self.assertEqual(amounts[DEDUCTION_COMPONENTS["QPP"][0]], 233.63)
		self.assertEqual(amounts[DEDUCTION_COMPONENTS["EI"][0]], 52.00)
		self.assertEqual(amounts[DEDUCTION_COMPONENTS["QPIP"][0]], 17.20)

	def test_the_accrual_books_wages_deductions_and_contributions(self) -> None:
		slips = [slip_of(self.data.trainee), slip_of(self.data.supervisor)]
		for slip in slips:
			self.assertTrue(slip.journal_entry, slip.name)
		abbr = ABBR
		by_agency = {CRA: D(0), REVENU_QUEBEC: D(0)}
		cra = {DEDUCTION_COMPONENTS[k][0] for k in ("EI", "Federal Tax")}
		for slip in slips:
			for row in slip.deductions:
				agency = CRA if row.salary_component in cra else REVENU_QUEBEC
				by_agency[agency] += D(str(row.amount))
			for row in slip.insertion_employer_contributions:
				if row.contribution == "EI":
					by_agency[CRA] += D(str(row.amount))
				elif row.contribution in ("QPP", "QPP2", "QPIP", "FSS"):
					by_agency[REVENU_QUEBEC] += D(str(row.amount))
		for agency, expected in by_agency.items():
			account = f"{PAYABLE_ACCOUNTS[agency]} - {abbr}"
			credit = frappe.db.sql(
				"""select sum(credit - debit) from `tabGL Entry`
				where account = %s and is_cancelled = 0 and posting_date between %s and %s""",
				(account, *MARCH),
			)[0][0]
			self.assertEqual(D(str(flt(credit, 2))), expected, agency)
		# The wages' full cost: the employer's contributions are an expense of the month.
		expense = frappe.db.sql(
			"""select sum(debit - credit) from `tabGL Entry`
			where account = %s and is_cancelled = 0 and posting_date between %s and %s""",
			(f"Cotisations de l'employeur - {abbr}", *MARCH),
		)[0][0]
		total = sum(flt(slip.insertion_total_employer_contributions) for slip in slips)
		self.assertAlmostEqual(flt(expense), total, places=2)

	def test_the_claim_reads_the_slips_contributions_equal_to_the_computed_ones(self) -> None:
		contract = frappe.get_doc("Insertion Contract", self.data.contract)
		period = Period(frappe.utils.getdate(MARCH[0]), frappe.utils.getdate(MARCH[1]))
		rows = period_rows(contract, period)
		computed = computed_contributions(COMPANY, rows, period, frappe.get_single(SETTINGS))
		for row in rows:
			slip = frappe.get_doc("Salary Slip", row.name)
			recorded = {r.contribution: D(str(r.amount)) for r in slip.insertion_employer_contributions}
			self.assertEqual(recorded, {k: v for k, v in computed[row.name].items()}, row.employee_name)
