"""The year-end slips of a year in a real bench: HRMS's Payroll Entry pays every month of 2026
at "Atelier Relevés Test" a supervisor earning $9,000.00 a month (past the year's QPP, EI and
QPIP maximums) and, April to June only, a trainee at $2,400.00; the trainee's May slip is
cancelled and amended to pay a forgotten bonus of $300.00.

Each box must equal, to the cent, what the year's submitted salary slips add up to, read
here with SQL of its own; the maximums are the shipped 2026 parameters'."""

from decimal import Decimal as D

import frappe
from frappe.utils import flt
from lxml import etree

from insertion_erp.constants import (
	DEDUCTION_COMPONENTS,
	EI,
	FEDERAL_TAX,
	QPIP,
	QPP,
	QPP2,
	QUEBEC_TAX,
	SETTINGS,
)
from insertion_erp.core.payroll import filing_schemas, source_deductions
from insertion_erp.core.payroll import year_end as rules
from insertion_erp.devtools.sample_payroll import (
	assign,
	ensure_payroll_accounts,
	ensure_salaried_structure,
	run_payroll_entry,
)
from insertion_erp.quebec_payroll import filing, year_end, year_end_file
from insertion_erp.quebec_payroll.rates import payroll_year
from insertion_erp.quebec_payroll.report.t4_and_rl_1 import t4_and_rl_1
from insertion_erp.tests.payroll_fixture import ensure_company_setup, ensure_supervisor
from insertion_erp.tests.utils import InsertionTestCase, make_user

COMPANY = "Atelier Relevés Test"
ABBR = "ART"
BONUS = "Prime oubliée ART"
NS = {"rq": "http://www.mrq.gouv.qc.ca/T5"}


def build() -> frappe._dict:
	ensure_company_setup(COMPANY, ABBR, "Relevés 2026")
	ensure_payroll_accounts(COMPANY)
	supervisor = ensure_supervisor(COMPANY, ("Marc", "Plafond"), "Male")
	trainee = ensure_supervisor(COMPANY, ("Lina", "Partielle"))
	frappe.db.set_value("Employee", trainee, "date_of_joining", "2026-04-01")
	for employee, sin in ((supervisor, "046454286"), (trainee, "130692544")):
		doc = frappe.get_doc("Employee", employee)
		doc.insertion_sin = sin  # a Password field: saved through the document
		doc.current_address = "2000, rue Sainte-Catherine\nMontréal, QC  H3H 2T3"
		doc.save(ignore_permissions=True)
	assign(
		supervisor, ensure_salaried_structure("Encadrement mensuel ART", COMPANY), COMPANY, "2026-01-01", 9000
	)
	assign(trainee, ensure_salaried_structure("TEF mensuel ART", COMPANY), COMPANY, "2026-04-01", 2400)
	for month in range(1, 13):
		start = f"2026-{month:02d}-01"
		end = frappe.utils.get_last_day(start).isoformat()
		if month == 7:  # the trainee left at the end of June: no ROE asked of this test
			frappe.db.set_value("Employee", trainee, {"relieving_date": "2026-06-30", "status": "Left"})
		if not frappe.db.get_value(
			"Payroll Entry", {"company": COMPANY, "start_date": start, "docstatus": 1}
		):
			run_payroll_entry(COMPANY, start, end, timesheet_based=False)
	amend_may_slip(trainee)
	ensure_company_address()
	frappe.db.commit()  # nosemgrep: Payroll Entry commits its own steps; the tests read them
	return frappe._dict(supervisor=supervisor, trainee=trainee)


def amend_may_slip(trainee: str) -> None:
	may = frappe.db.get_value(
		"Salary Slip",
		{"employee": trainee, "start_date": "2026-05-01", "docstatus": 1},
		["name", "amended_from"],
		as_dict=True,
	)
	if not may or may.amended_from:
		return
	frappe.get_doc(
		{
			"doctype": "Additional Salary",
			"employee": trainee,
			"company": COMPANY,
			"salary_component": ensure_bonus_component(),
			"amount": 300,
			"payroll_date": "2026-05-31",
			"overwrite_salary_structure_amount": 0,
		}
	).insert(ignore_permissions=True).submit()
	slip = frappe.get_doc("Salary Slip", may.name)
	slip.cancel()
	amended = frappe.copy_doc(slip)
	amended.docstatus, amended.amended_from = 0, slip.name
	amended.earnings, amended.deductions = [], []  # computed again, the forgotten bonus with them
	amended.insert(ignore_permissions=True)
	amended.submit()


def issue(doc) -> None:
	"""A year-end slip submitted as the payroll does, once the year is over (on January 15, 2027:
	frappe's current_date flag, as ERPNext runs a day other than today)."""
	frappe.flags.current_date = "2027-01-15"
	try:
		doc.submit()
	finally:
		frappe.flags.current_date = None


def ensure_bonus_component() -> str:
	"""A bonus the payroll forgot in May (the app computes its holiday and vacation rows itself)."""
	if not frappe.db.exists("Salary Component", BONUS):
		frappe.get_doc(
			{
				"doctype": "Salary Component",
				"salary_component": BONUS,
				"salary_component_abbr": "PRA",
				"type": "Earning",
			}
		).insert(ignore_permissions=True)
	return BONUS


def ensure_company_address() -> None:
	if frappe.db.exists(
		"Dynamic Link", {"link_doctype": "Company", "link_name": COMPANY, "parenttype": "Address"}
	):
		return
	frappe.get_doc(
		{
			"doctype": "Address",
			"address_title": COMPANY,
			"address_type": "Billing",
			"address_line1": "100, rue de l'Atelier",
			"city": "Montréal",
			"state": "QC",
			"pincode": "H2X 1Y4",
			"country": "Canada",
			"is_your_company_address": 1,
			"is_primary_address": 1,
			"links": [{"link_doctype": "Company", "link_name": COMPANY}],
		}
	).insert(ignore_permissions=True)


def sums(employee: str) -> dict[str, D]:
	"""What the employee's submitted 2026 slips add up to, read here with SQL of its own."""
	values = {"employee": employee, "company": COMPANY}
	gross = frappe.db.sql(
		"""select sum(gross_pay) from `tabSalary Slip` where employee = %(employee)s and company = %(company)s
		and docstatus = 1 and year(posting_date) = 2026""",
		values,
	)[0][0]
	out = {"gross": D(str(flt(gross, 2)))}
	for kind in (QPP, QPP2, EI, QPIP, FEDERAL_TAX, QUEBEC_TAX):
		amount = frappe.db.sql(
			"""select coalesce(sum(d.amount), 0) from `tabSalary Detail` d join `tabSalary Slip` s on s.name = d.parent
			where s.employee = %(employee)s and s.company = %(company)s and s.docstatus = 1
				and year(s.posting_date) = 2026 and d.parentfield = 'deductions' and d.salary_component = %(component)s""",
			{**values, "component": DEDUCTION_COMPONENTS[kind][0]},
		)[0][0]
		out[kind] = D(str(flt(amount, 2)))
	return out


def money(doc, field: str) -> D:
	return D(str(flt(doc.get(field), 2)))


def set_up_filing() -> None:
	frappe.db.set_single_value(
		SETTINGS,
		{
			"payroll_account_number": "123456789RP0001",
			"roe_contact_name": "Nadia Paie",
			"roe_contact_phone": "514 555-0199",
			"rq_identification_number": "1234567890",
			"rq_file_number": "0001",
			"rq_transmitter_number": "NP123456",
			"rq_certification_number": "RQ-26-01-999",
			"rq_partner_id": "PARTENAIRE000001",
			"rq_product_id": "PRODUIT000000001",
			"year_end_contact_email": "paie@example.org",
			"t4_dental_benefit_code": "1",
			"rl1_next_slip_number": 1001,
		},
	)
	frappe.clear_document_cache(SETTINGS, SETTINGS)


def download(authority: str, kind: str) -> etree._Element:
	"""The file downloaded, once the authority's official schema of 2026 finds nothing wrong."""
	frappe.response.pop("filecontent", None)
	year_end_file.download(COMPANY, 2026, authority, kind)
	content = frappe.response.pop("filecontent")
	layout = filing_schemas.layout_of(filing.SCHEMAS, "T4" if authority == "CRA" else "RL-1", 2026)
	assert filing_schemas.problems(content, filing.SCHEMAS, layout) == []
	return etree.fromstring(content)


class TestYearEndSlip(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.data = build()

	def slips(self) -> dict[str, "frappe.Document"]:
		year_end.create_slips(COMPANY, 2026)
		return {
			name.employee: frappe.get_doc("Year-End Slip", name.name)
			for name in frappe.get_all(
				"Year-End Slip",
				filters={"company": COMPANY, "year": 2026, "docstatus": ("<", 2)},
				fields=["name", "employee"],
			)
		}

	def test_each_box_is_the_sum_of_the_slips_to_the_cent(self) -> None:
		slips = self.slips()
		parameters = payroll_year(2026)
		for employee in (self.data.supervisor, self.data.trainee):
			doc, paid = slips[employee], sums(employee)
			for field, expected in (
				("t4_14", paid["gross"]),
				("rl1_a", paid["gross"]),
				("t4_17", paid[QPP]),
				("rl1_b_a", paid[QPP]),
				("t4_17a", paid[QPP2]),
				("rl1_b_b", paid[QPP2]),
				("t4_18", paid[EI]),
				("rl1_c", paid[EI]),
				("t4_22", paid[FEDERAL_TAX]),
				("rl1_e", paid[QUEBEC_TAX]),
				("t4_55", paid[QPIP]),
				("rl1_h", paid[QPIP]),
			):
				self.assertEqual(money(doc, field), expected, f"{doc.employee_name} {field}")
		supervisor, trainee = slips[self.data.supervisor], slips[self.data.trainee]
		# The supervisor's $108,000 passes every maximum: each contribution stops exactly there.
		self.assertEqual(sums(self.data.supervisor)["gross"], D("108000.00"))
		self.assertEqual(money(supervisor, "t4_17"), source_deductions.qpp_annual_max(parameters))
		self.assertEqual(money(supervisor, "t4_17a"), source_deductions.qpp2_annual_max(parameters))
		self.assertEqual(money(supervisor, "t4_18"), source_deductions.ei_annual_max(parameters))
		self.assertEqual(money(supervisor, "t4_55"), source_deductions.qpip_annual_max(parameters))
		self.assertEqual(money(supervisor, "t4_24"), parameters.ei_max_earnings)
		self.assertEqual(money(supervisor, "t4_26"), parameters.ympe)
		self.assertEqual(money(supervisor, "rl1_g"), parameters.yampe)
		self.assertEqual(money(supervisor, "rl1_i"), min(D("108000.00"), parameters.qpip_max_earnings))
		# The trainee's three months with the amended May: 3 x 2,400 + 300, the cancelled slip out.
		self.assertEqual(money(trainee, "t4_14"), D("7500.00"))
		for field in ("t4_24", "t4_26", "t4_56", "rl1_g", "rl1_i"):
			self.assertEqual(money(trainee, field), D("7500.00"), field)
		self.assertEqual(trainee.filing_type, "Original")

	def test_the_files_go_once_and_an_amendment_replaces_what_was_sent(self) -> None:
		set_up_filing()
		slips = self.slips()
		for doc in slips.values():
			issue(doc)
		self.assertEqual(
			year_end_file.download(COMPANY, 2026, "CRA", check_only=1),
			{"original": 2, "amended": 0, "cancelled": 0},
		)
		# The CRA's 1.26 package, the newest the app has, takes at most 99,999.99 in box 56: the
		# supervisor's 103,000.00 of 2026 (the QPIP maximum) waits for its 1.27. Said, naming him.
		with self.assertRaisesRegex(frappe.ValidationError, "Marc Plafond.*prov_insu_ern_amt"):
			year_end_file.download(COMPANY, 2026, "CRA", "original")
		self.assertFalse(frappe.db.get_value("Year-End Slip", slips[self.data.supervisor].name, "t4_filed"))
		# The check before a download uses up no slip number of the range.
		year_end_file.download(COMPANY, 2026, "Revenu Québec", "original", check_only=1)
		rl1 = download("Revenu Québec", "original")
		numbers = [e.text for e in rl1.iterfind("rq:Groupe01/rq:R/rq:NoReleve", NS)]
		self.assertEqual(
			sorted(numbers), ["000010010", "000010021"]
		)  # 1001 = 7 x 143: check digit 0; 1002: 1
		self.assertTrue(all(rules.rl1_slip_number_is_valid(n) for n in numbers))
		# The supervisor's slip is cancelled for good: sent to Revenu Québec only, it goes there
		# as a cancellation (below) and to the CRA not at all.
		supervisor = slips[self.data.supervisor]
		supervisor.reload()
		supervisor.cancel()
		t4 = download("CRA", "original")
		self.assertEqual(len(t4.findall("Return/T4/T4Slip")), 1)
		self.assertEqual({e.text for e in t4.iterfind("Return/T4/T4Slip/rpt_tcd")}, {"O"})
		incomes = sorted(e.text for e in t4.iterfind("Return/T4/T4Slip/T4_AMT/empt_incamt"))
		self.assertEqual(incomes, ["7500.00"])
		self.assertTrue(
			frappe.db.exists(
				"Confidential Access Log",
				{"reference_name": self.data.trainee, "path": "T4 and RL-1 file (SIN)"},
			)
		)
		# Sent once: nothing is waiting any more.
		with self.assertRaisesRegex(frappe.ValidationError, "waiting to be sent"):
			year_end_file.download(COMPANY, 2026, "CRA", "original")

		# The trainee's slip is amended: the amendment goes to both, with the number it replaces.
		first = slips[self.data.trainee]
		first.reload()
		first.cancel()
		amended = frappe.copy_doc(first)
		amended.docstatus, amended.amended_from = 0, first.name
		amended.insert()
		issue(amended)
		self.assertEqual(amended.filing_type, "Amended")
		self.assertEqual(year_end_file.filing_state(COMPANY, 2026, "CRA")["amended"], [amended.name])
		self.assertEqual(year_end_file.filing_state(COMPANY, 2026, "CRA")["cancelled"], [])
		t4 = download("CRA", "amended")
		self.assertEqual(t4.findtext("Return/T4/T4Slip/rpt_tcd"), "A")
		self.assertEqual(t4.findtext("Return/T4/T4Summary/rpt_tcd"), "A")
		rl1 = download("Revenu Québec", "amended")
		self.assertEqual(rl1.findtext("rq:P/rq:TypeEnvoi", namespaces=NS), "4")
		self.assertEqual(
			rl1.findtext("rq:Groupe01/rq:A/rq:NoReleveDerniereTrans", namespaces=NS), first.rl1_slip_number
		)
		# The supervisor's cancellation: to Revenu Québec with its RL-1 number; the CRA never had it.
		self.assertEqual(year_end_file.filing_state(COMPANY, 2026, "CRA")["cancelled"], [])
		rl1 = download("Revenu Québec", "cancelled")
		self.assertEqual(
			rl1.findtext("rq:Groupe01/rq:D/rq:NoReleve", namespaces=NS), supervisor.rl1_slip_number
		)
		self.assertEqual(
			frappe.db.get_value("Year-End Slip", supervisor.name, "rl1_filed"), "Cancellation Sent"
		)

	def test_a_slip_edited_by_sql_is_named_by_employee_and_box(self) -> None:
		self.slips()
		april = frappe.db.get_value(
			"Salary Slip", {"employee": self.data.trainee, "start_date": "2026-04-01", "docstatus": 1}
		)
		frappe.db.sql(
			"update `tabSalary Detail` set amount = amount + 10 where parent = %s and salary_component = %s",
			(april, DEDUCTION_COMPONENTS[QPP][0]),
		)
		message = t4_and_rl_1.execute({"company": COMPANY, "year": 2026})[2]
		self.assertIn(f"Lina Partielle, salary slip {april}: its rows add up to", message)
		self.assertIn("Lina Partielle, T4 box 17: the year-end slip", message)
		self.assertIn("Lina Partielle, RL-1 box B.A: the year-end slip", message)
		self.assertNotIn("Marc Plafond, T4 box", message)

	def test_the_summaries_add_the_slips_and_the_employer(self) -> None:
		slips = self.slips()
		drafts = {
			row["label"]: row["value"] for row in t4_and_rl_1.execute({"company": COMPANY, "year": 2026})[4]
		}
		self.assertEqual(drafts["T4 Summary: slips (box 88)"], 2)  # the drafts, as they will be filed
		for doc in slips.values():
			issue(doc)
		summary = {
			row["label"]: row["value"] for row in t4_and_rl_1.execute({"company": COMPANY, "year": 2026})[4]
		}
		gross = sum(sums(e)["gross"] for e in slips)
		self.assertAlmostEqual(summary["T4 Summary: employment income (box 14)"], float(gross), places=2)
		self.assertEqual(summary["T4 Summary: slips (box 88)"], 2)
		employer = dict(
			frappe.db.sql(
				"""select ec.contribution, sum(ec.amount) from `tabEmployer Contribution` ec
				join `tabSalary Slip` s on s.name = ec.parent
				where s.company = %s and s.docstatus = 1 group by ec.contribution""",
				COMPANY,
			)
		)
		self.assertGreater(flt(employer["FSS"]), 0)
		self.assertAlmostEqual(
			summary["RL-1 Summary: Health Services Fund (FSS)"], flt(employer["FSS"], 2), places=2
		)
		self.assertAlmostEqual(
			summary["RL-1 Summary: labour standards (CNT)"], flt(employer["CNT"], 2), places=2
		)
		self.assertAlmostEqual(
			summary["T4 Summary: employer's EI premiums (box 19)"], flt(employer["EI"], 2), places=2
		)
		qpp = sum(money(d, "rl1_b_a") + money(d, "rl1_b_b") for d in slips.values())
		self.assertAlmostEqual(
			summary["RL-1 Summary: QPP, employees and employer"],
			float(qpp) + flt(employer["QPP"]) + flt(employer.get("QPP2")),
			places=2,
		)

	def test_a_years_slip_waits_for_the_year_to_end_unless_the_employee_left(self) -> None:
		# Submitted on December 6, before December's pay, the 2026 slips were issued short a month.
		slips = self.slips()
		frappe.flags.current_date = "2026-12-06"
		try:
			with self.assertRaisesRegex(frappe.ValidationError, "The year 2026 is not over"):
				slips[self.data.supervisor].submit()  # still employed: December's pay is to come
			slips[self.data.trainee].submit()  # she left on June 30: her slip may go now
		finally:
			frappe.flags.current_date = None
		self.assertEqual(slips[self.data.trainee].docstatus, 1)
		slips[self.data.supervisor].reload()
		issue(slips[self.data.supervisor])  # from January 1, 2027
		self.assertEqual(slips[self.data.supervisor].docstatus, 1)

	def test_one_live_slip_per_employee_and_year(self) -> None:
		self.slips()
		with self.assertRaisesRegex(frappe.ValidationError, "already has the year-end slip"):
			frappe.get_doc(
				{"doctype": "Year-End Slip", "company": COMPANY, "year": 2026, "employee": self.data.trainee}
			).insert()

	def test_only_the_payroll_sends_them(self) -> None:
		make_user("releves-caisse@example.org", ["Shop Cashier", "Sales User"])
		make_user("releves-rh@example.org", ["HR User"])
		for user in ("releves-caisse@example.org", "releves-rh@example.org"):
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				year_end.create_slips(COMPANY, 2026)
			with self.assertRaises(frappe.PermissionError):
				year_end_file.download(COMPANY, 2026, "CRA", "original")
		frappe.set_user("Administrator")

	def test_a_file_needs_its_settings_and_a_year_the_app_has_the_layout_of(self) -> None:
		set_up_filing()
		for doc in self.slips().values():
			issue(doc)
		frappe.db.set_single_value(SETTINGS, {"year_end_contact_email": "", "rq_partner_id": ""})
		frappe.clear_document_cache(SETTINGS, SETTINGS)
		with self.assertRaisesRegex(frappe.ValidationError, "Year-End Contact Email"):
			year_end_file.download(COMPANY, 2026, "CRA", "original")
		with self.assertRaisesRegex(frappe.ValidationError, "Revenu Québec Partner ID"):
			year_end_file.download(COMPANY, 2026, "Revenu Québec", "original")
		settings = frappe.get_single(SETTINGS)
		for field, value in (("rq_partner_id", "TROP-COURT"), ("rq_certification_number", "RQ-2026")):
			settings.set(field, value)
			with self.assertRaisesRegex(frappe.ValidationError, "must be"):
				settings.save()
			settings.reload()
		with self.assertRaisesRegex(frappe.ValidationError, "no official layout of the T4 file for 2031"):
			filing.layout("T4", 2031)
		self.assertIn("1.27", filing.to_confirm("T4", 2026))
		self.assertEqual(filing.to_confirm("RL-1", 2025), "")

	def test_bad_arguments_are_messages(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "is not a year"):
			year_end.create_slips(COMPANY, "20x6")
		with self.assertRaisesRegex(frappe.ValidationError, "is not CRA or Revenu Québec"):
			year_end_file.download(COMPANY, 2026, "IRS", "original")
		with self.assertRaisesRegex(frappe.ValidationError, "is not original, amended or cancelled"):
			year_end_file.download(COMPANY, 2026, "CRA", "late")

	def test_the_employees_copies_print_in_french_without_the_sin(self) -> None:
		doc = self.slips()[self.data.supervisor]
		frappe.local.lang = "fr"
		html = frappe.get_print("Year-End Slip", doc.name, "T4 et Relevé 1")
		self.assertIn("Case 14 Revenus d'emploi", html)
		self.assertIn("Case B.A Cotisation au RRQ", html)
		self.assertIn("108 000,00", html.replace("\u202f", " ").replace("\xa0", " "))
		self.assertNotIn("046454286", html)
		self.assertNotIn("046 454 286", html)
