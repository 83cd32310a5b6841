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
from frappe.tests.utils import change_settings
from frappe.utils import flt

from insertion_erp.constants import (
	CRA,
	DEDUCTION_COMPONENTS,
	HOLIDAY_PAY_COMPONENT,
	PAYABLE_ACCOUNTS,
	REVENU_QUEBEC,
	SETTINGS,
	VACATION_PAY_COMPONENT,
)
from insertion_erp.core.payroll.source_deductions import Profile
from insertion_erp.core.words import cheque_words
from insertion_erp.devtools.sample_payroll import (
	assign,
	ensure_hourly_structure,
	ensure_payroll_accounts,
	ensure_salaried_structure,
	ensure_timesheet,
	run_payroll_entry,
)
from insertion_erp.overrides.salary_slip import apply_source_deductions
from insertion_erp.patches.v0_5 import quebec_payroll as quebec_payroll_patch
from insertion_erp.quebec_payroll.coverage import trainees_left_out
from insertion_erp.quebec_payroll.deductions import PROFILE_FIELDS, apply, profile
from insertion_erp.quebec_payroll.employer_rows import write_missing_rows
from insertion_erp.quebec_payroll.holidays import add_quebec_holidays
from insertion_erp.quebec_payroll.rates import year_warning
from insertion_erp.tests.payroll_fixture import (
	ensure_company_setup,
	ensure_contract,
	ensure_supervisor,
	ensure_trainee,
)
from insertion_erp.tests.utils import InsertionTestCase, make_user

COMPANY = "Atelier Paie Québec"
ABBR = "APQ"
MARCH = ("2026-03-01", "2026-03-31")


def build() -> frappe._dict:
	ensure_company_setup(COMPANY, ABBR, "Paie Québec 2026")
	ensure_payroll_accounts(COMPANY)
	supervisor = ensure_supervisor(COMPANY, ("Nadia", "Paie-Québec"))
	trainee = ensure_trainee(COMPANY, "TEF-Québec")
	assign(trainee, ensure_hourly_structure("TEF horaire APQ", COMPANY, 18), COMPANY, "2026-02-02")
	assign(
		supervisor, ensure_salaried_structure("Encadrement mensuel APQ", COMPANY), COMPANY, "2026-01-01", 4000
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
		self.assertNotIn(DEDUCTION_COMPONENTS["QPP2"][0], amounts)  # nothing withheld: no row
		self.assertGreater(amounts[DEDUCTION_COMPONENTS["Federal Tax"][0]], 0)
		self.assertGreater(amounts[DEDUCTION_COMPONENTS["Quebec Tax"][0]], 0)
		self.assertAlmostEqual(flt(slip.total_deduction), sum(amounts.values()), places=2)
		self.assertAlmostEqual(flt(slip.net_pay), flt(slip.gross_pay) - flt(slip.total_deduction), places=2)
		employer = {row.contribution: flt(row.amount) for row in slip.insertion_employer_contributions}
		self.assertEqual(employer["QPP"], 151.73)
		self.assertEqual(employer["EI"], 49.14)
		self.assertEqual(employer["QPIP"], 16.25)
		self.assertEqual(set(employer), {"QPP", "EI", "QPIP", "FSS", "CNT", "CNESST"})  # no QPP2 owed

	def test_the_net_pay_reads_in_words_as_a_quebec_cheque(self) -> None:
		# HRMS wrote 1 835,07 $ as "... Trente Cinq et Sept Cent seulement" (seven hundred).
		slip = slip_of(self.data.trainee)
		with change_settings("System Settings", {"language": "fr"}):
			apply_source_deductions(slip)  # the slip's validate hook, after HRMS
		net = D(str(slip.rounded_total if not slip.is_rounding_total_disabled() else slip.net_pay))
		self.assertEqual(slip.total_in_words, cheque_words(net))
		self.assertTrue(slip.total_in_words.endswith(f"dollars et {int(net % 1 * 100):02d}/100"))
		self.assertEqual(slip.base_total_in_words, slip.total_in_words)

	def test_a_payroll_entry_names_the_trainees_it_leaves_out(self) -> None:
		# A monthly entry fetched the supervisor only: the trainee paid from timesheets, and a
		# trainee under way without a salary structure, were left out without a word.
		unassigned = ensure_trainee(COMPANY, "Sans-Structure")
		entry = frappe.get_doc(
			{
				"doctype": "Payroll Entry",
				"company": COMPANY,
				"posting_date": "2026-04-30",
				"payroll_frequency": "Monthly",
				"start_date": "2026-04-01",
				"end_date": "2026-04-30",
				"currency": "CAD",
				"exchange_rate": 1,
				"payroll_payable_account": frappe.get_cached_value(
					"Company", COMPANY, "default_payroll_payable_account"
				),
				"cost_center": frappe.get_cached_value("Company", COMPANY, "cost_center"),
			}
		)
		entry.append("employees", {"employee": self.data.supervisor})  # what HRMS fetched
		left_out = dict(trainees_left_out(entry))
		names = dict(
			frappe.get_all(
				"Employee",
				filters={"name": ("in", [self.data.trainee, unassigned])},
				fields=["name", "employee_name"],
				as_list=True,
			)
		)
		self.assertIn("Salary Slip Based on Timesheet", left_out[names[self.data.trainee]])
		self.assertEqual(left_out[names[unassigned]], "no salary structure assigned")
		frappe.clear_messages()
		entry.run_method("validate")
		self.assertIn(names[unassigned], str(frappe.message_log))
		entry.salary_slip_based_on_timesheet = 1  # ticked, the trainee is still to be fetched
		self.assertEqual(
			dict(trainees_left_out(entry))[names[self.data.trainee]], "not fetched: click Get Employees"
		)

	def test_a_slip_that_pays_nothing_is_said(self) -> None:
		# A December run made a 0,00 $ slip without a word.
		slip = slip_of(self.data.trainee)
		slip.earnings = []
		slip.gross_pay = slip.base_gross_pay = 0
		frappe.clear_messages()
		apply_source_deductions(slip)
		self.assertEqual(flt(slip.net_pay), 0)
		self.assertIn("pays nothing", str(frappe.message_log))
		frappe.clear_messages()
		apply_source_deductions(slip_of(self.data.supervisor))
		self.assertNotIn("pays nothing", str(frappe.message_log))

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

	def test_the_claim_reads_the_slips_table_and_the_upgrade_writes_the_same(self) -> None:
		slips = [slip_of(self.data.trainee), slip_of(self.data.supervisor)]
		live = {slip.name: employer_table(slip.name) for slip in slips}
		# The claim computes nothing: each line's contributions are its slip's table.
		claim = frappe.get_doc(
			{
				"doctype": "Reimbursement Claim",
				"contract": self.data.contract,
				"from_date": MARCH[0],
				"to_date": MARCH[1],
			}
		).insert()
		self.assertEqual(claim.get_payroll(), "filled")
		for line in claim.lines:
			if line.salary_slip:
				self.assertEqual(D(str(line.contributions)), sum(live[line.salary_slip].values()))
		# A slip submitted before the Quebec payroll carries no table: the upgrade's engine, run
		# over the employee's year, writes the one the slip computed live, to the cent.
		frappe.db.delete("Employer Contribution", {"parent": ("in", list(live))})
		summary = write_missing_rows()
		self.assertEqual(summary["written"][COMPANY]["slips"], 2)
		self.assertEqual({name: employer_table(name) for name in live}, live)
		self.assertEqual(write_missing_rows(), {"written": {}, "left_without_rates": {}})  # once


def employer_table(slip: str) -> dict[str, D]:
	return {
		row.contribution: D(str(row.amount))
		for row in frappe.get_all(
			"Employer Contribution", filters={"parent": slip}, fields=["contribution", "amount"]
		)
	}


class TestLabourStandardsPay(InsertionTestCase):
	"""April 2026 holds Good Friday (Friday April 3): its week starts on Sunday March 29, so its
	four complete weeks are March 1 to 28, when the trainee worked 150 h x $18 = $2,700:
	an indemnity of 2,700 / 20 = $135.00."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.data = build()
		holiday_list = frappe.get_cached_value("Company", COMPANY, "default_holiday_list")
		add_quebec_holidays(holiday_list, "Good Friday")
		ensure_timesheet(cls.data.trainee, COMPANY, "2026-04-06", 70)
		frappe.db.commit()  # nosemgrep: the slips below read the list and the timesheet

	def april_slip(self):
		slip = frappe.get_doc(
			{
				"doctype": "Salary Slip",
				"employee": self.data.trainee,
				"start_date": "2026-04-01",
				"end_date": "2026-04-30",
				"posting_date": "2026-04-30",
				"payroll_frequency": "Monthly",
				"company": COMPANY,
			}
		)
		slip.insert(ignore_permissions=True)
		return slip

	def earnings(self, slip) -> dict[str, float]:
		return {row.salary_component: flt(row.amount) for row in slip.earnings}

	def test_the_holiday_list_holds_quebecs_general_holidays(self) -> None:
		holiday_list = frappe.get_cached_value("Company", COMPANY, "default_holiday_list")
		days = set(frappe.get_all("Holiday", {"parent": holiday_list}, pluck="holiday_date"))
		for day in (
			"2026-01-01",
			"2026-04-03",
			"2026-05-18",
			"2026-06-24",
			"2026-07-01",
			"2026-09-07",
			"2026-10-12",
			"2026-12-25",
		):
			self.assertIn(frappe.utils.getdate(day), days)
		# A second click adds nothing.
		self.assertEqual(add_quebec_holidays(holiday_list, "Good Friday"), 0)

	def test_the_holiday_indemnity_and_vacation_pay_accrued_until_the_end(self) -> None:
		slip = self.april_slip()
		earnings = self.earnings(slip)
		self.assertEqual(earnings[HOLIDAY_PAY_COMPONENT[0]], 135.00)
		# Accrued by default (LNT s. 75): nothing on a pay before the contract's end.
		self.assertNotIn(VACATION_PAY_COMPONENT[0], earnings)
		self.assertEqual(flt(slip.gross_pay), 70 * 18 + 135)

	def test_vacation_pay_on_each_pay_when_the_settings_say_so(self) -> None:
		frappe.db.set_single_value(SETTINGS, "vacation_pay_mode", "Paid on Each Pay")
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		try:
			slip = self.april_slip()
		finally:
			frappe.db.set_single_value(
				SETTINGS, "vacation_pay_mode", "Accrued, Paid at the End of the Contract"
			)
			frappe.clear_document_cache(SETTINGS, SETTINGS)
		# 4 % of the wages and the indemnity: (1,260 + 135) x 4 % = 55.80
		self.assertEqual(self.earnings(slip)[VACATION_PAY_COMPONENT[0]], 55.80)
		self.assertEqual(flt(slip.gross_pay), 1260 + 135 + 55.80)

	def test_the_contracts_last_pay_pays_the_accrued_vacation(self) -> None:
		frappe.db.set_value("Employee", self.data.trainee, "relieving_date", "2026-04-30")
		slip = self.april_slip()
		# March's 2,700 and April's 1,260 + 135, at 4 %: 3,960 + 135 = 4,095 x 4 % = 163.80
		self.assertEqual(self.earnings(slip)[VACATION_PAY_COMPONENT[0]], 163.80)


class TestDeductionProfile(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.data = build()

	def test_a_trainees_employee_takes_the_years_basic_amounts(self) -> None:
		employee = frappe.db.get_value("Employee", self.data.trainee, PROFILE_FIELDS, as_dict=True)
		self.assertEqual(profile(employee, frappe.utils.getdate("2026-03-31")), Profile())

	def test_no_qpp_under_18(self) -> None:
		employee = frappe.db.get_value("Employee", self.data.trainee, PROFILE_FIELDS, as_dict=True)
		employee.date_of_birth = "2008-06-01"
		self.assertTrue(profile(employee, frappe.utils.getdate("2026-05-31")).qpp_exempt)
		self.assertFalse(profile(employee, frappe.utils.getdate("2026-06-30")).qpp_exempt)

	def test_a_claim_amount_and_extra_tax_change_the_tax_withheld(self) -> None:
		slip = slip_of(self.data.supervisor)
		base = deductions(slip)
		frappe.db.set_value(
			"Employee",
			self.data.supervisor,
			{"insertion_federal_claim": 30000, "insertion_extra_quebec_tax": 25},
		)
		slip.reload()
		apply(slip)
		after = deductions(slip)
		self.assertLess(after["Impôt fédéral"], base["Impôt fédéral"])
		self.assertEqual(round(after["Impôt du Québec"] - base["Impôt du Québec"], 2), 25)

	def test_the_counsellor_never_sees_the_tab(self) -> None:
		counsellor = make_user("conseil-paie@example.org", ["Insertion Counsellor"])
		self.assertFalse(frappe.has_permission("Employee", "read", self.data.trainee, user=counsellor))
		hr = make_user("rh-paie@example.org", ["HR User"])
		self.assertTrue(frappe.has_permission("Employee", "read", self.data.trainee, user=hr))

	def test_a_year_with_figures_to_confirm_warns_the_payroll_user(self) -> None:
		message = year_warning(2026)
		self.assertIn("2026", message)
		self.assertIn("Deduction for employment income, maximum", message)
		frappe.set_user(make_user("caisse-paie@example.org", ["Sales User"]))
		self.assertRaises(frappe.PermissionError, year_warning, 2026)


class TestSiteSetup(InsertionTestCase):
	def test_a_quebec_site_pays_to_the_cent_and_prints_the_pay_statement(self) -> None:
		# before_tests completed the setup wizard for a company in Canada.
		self.assertEqual(frappe.db.get_single_value("Payroll Settings", "disable_rounded_total"), 1)
		self.assertEqual(frappe.get_meta("Salary Slip").default_print_format, "Relevé de paie")

	def test_the_patch_can_run_again_without_harm(self) -> None:
		build()
		quebec_payroll_patch.execute()  # every company in Canada, this one included
		rows = len(frappe.get_single(SETTINGS).contribution_accounts)
		accounts = frappe.db.count("Salary Component Account", {"parent": "RRQ"})
		quebec_payroll_patch.execute()
		self.assertEqual(len(frappe.get_single(SETTINGS).contribution_accounts), rows)
		self.assertEqual(frappe.db.count("Salary Component Account", {"parent": "RRQ"}), accounts)
		self.assertTrue(frappe.get_cached_value("Company", COMPANY, "insertion_quebec_payroll"))
