"""From a trainee's parcours to its Record of Employment, in the Quebec payroll's company.

The trainee starts Monday March 2, 2026 for 6 weeks, is on the shop floor 8:00 to 15:30 each
workday (7 hours paid) and paid every week at $18.00 an hour from the timesheets built from
the check-ins. Good Friday, April 3, is a general holiday: not worked, paid its indemnity.
The parcours is closed on Friday April 10 as "Dismissed", two days before its planned end.
By hand:
- hours paid: weeks 1 to 4 (March 2 to 29) 35 h each, week 5 (March 30 to April 5) 28 h,
  week 6 (April 6 to 12) 35 h: block 15A = 203 h;
- week 5 also pays Good Friday: 1/20 of the four complete weeks before its week (March 1 to
  28: 140 h x $18 = $2,520): $126.00, so $504.00 + $126.00 = $630.00;
- week 6, the contract's last pay, pays the vacation accrued: 4 % of every wage,
  (203 h x $18 + $126) x 4 % = $3,780 x 4 % = $151.20 (block 17A), so $630.00 + $151.20 = $781.20;
- block 15C, final period first: 781.20, 630.00 (x 5); block 15B = $3,931.20;
- the final pay period ends Sunday April 12: due by April 17; the reason, a dismissal before
  the planned end, is the settings' code for "Dismissed": M00.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal as D
from xml.etree import ElementTree

import frappe
from frappe.utils import flt
from frappe.utils.password import get_decrypted_password

from insertion_erp.constants import SETTINGS
from insertion_erp.core.payroll import filing_schemas
from insertion_erp.core.periods import Period
from insertion_erp.devtools.sample_payroll import assign, ensure_hourly_structure
from insertion_erp.privacy.access_log import LOG
from insertion_erp.quebec_payroll import filing, roe, roe_file
from insertion_erp.quebec_payroll.holidays import add_quebec_holidays
from insertion_erp.quebec_payroll.test_quebec_payroll import COMPANY, build
from insertion_erp.shop_floor import checkins
from insertion_erp.tests.factories import make_parcours, make_trainee
from insertion_erp.tests.utils import InsertionTestCase, make_user

FILE_SETTINGS = {
	"payroll_account_number": "123456789RP0001",
	"roe_contact_name": "Nadia Paie-Québec",
	"roe_contact_phone": "514 555-0199",
}
PAYROLL_USER = "roe-paie@example.org"
START = date(2026, 3, 2)
LAST_DAY = date(2026, 4, 10)
GOOD_FRIDAY = date(2026, 4, 3)


class TestRecordOfEmployment(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		build()
		add_quebec_holidays(
			frappe.get_cached_value("Company", COMPANY, "default_holiday_list"), "Good Friday"
		)
		ensure_hourly_structure("TEF hebdo APQ", COMPANY, 18, "Weekly")
		make_user(PAYROLL_USER, ["HR Manager", "HR User"])
		frappe.db.commit()  # nosemgrep: setUpClass records, read by every test

	def setUp(self) -> None:
		trainee = make_trainee(first_name="Rémi", last_name="Relevé")
		self.parcours = make_parcours(
			trainee.name, company=COMPANY, approval_date="2026-02-16", planned_weeks=6
		)
		self.parcours.start(START.isoformat())
		self.employee = self.parcours.employee
		assign(self.employee, "TEF hebdo APQ", COMPANY, START.isoformat())
		day = START
		while day <= LAST_DAY:
			if day.weekday() < 5 and day != GOOD_FRIDAY:
				for log_type, at in (("IN", time(8, 0)), ("OUT", time(15, 30))):
					frappe.get_doc(
						{
							"doctype": "Employee Checkin",
							"employee": self.employee,
							"log_type": log_type,
							"time": datetime.combine(day, at),
						}
					).insert(ignore_permissions=True)
			day += timedelta(days=1)
		built = checkins.build(Period(START, LAST_DAY), [self.employee])
		self.assertEqual(built.problems, [])

	def weekly_slip(self, monday: date) -> str:
		slip = frappe.get_doc(
			{
				"doctype": "Salary Slip",
				"employee": self.employee,
				"start_date": monday,
				"end_date": monday + timedelta(days=6),
				"posting_date": monday + timedelta(days=6),
				"payroll_frequency": "Weekly",
				"company": COMPANY,
			}
		)
		slip.insert(ignore_permissions=True)
		slip.submit()
		return slip.name

	def ready_to_file(self) -> None:
		"""The settings and the employee's data a ROE Web file needs."""
		frappe.get_single(SETTINGS).update(FILE_SETTINGS).save()
		employee = frappe.get_doc("Employee", self.employee)
		employee.insertion_sin = "046454286"
		employee.current_address = "123, rue Ontario Est\nMontréal QC\nH2X 1H3"
		employee.save()

	def close_and_pay(self) -> str:
		for week in range(5):
			self.weekly_slip(START + timedelta(weeks=week))
		self.parcours.close(LAST_DAY.isoformat(), "Dismissed")
		name = frappe.db.get_value(roe.DOCTYPE, {"employee": self.employee, "docstatus": 0})
		self.assertTrue(name, "closing the parcours drafts the ROE")
		# It tells the bookkeeper what the last pay must carry: 4 % on the five weeks paid,
		# (168 h x $18 + $126) x 4 % = $3,150 x 4 % = $126.00 so far.
		notice = frappe.db.get_value(roe.DOCTYPE, name, "final_pay")
		self.assertIn("4 %", notice.replace("4,0", "4").replace("4.0", "4"))
		self.assertIn("126", notice)
		# The last pay comes after the exit: the draft follows it.
		self.weekly_slip(START + timedelta(weeks=5))
		return name

	def test_closing_drafts_the_roe_and_the_last_pay_completes_it(self) -> None:
		doc = frappe.get_doc(roe.DOCTYPE, self.close_and_pay())
		self.assertEqual(doc.parcours, self.parcours.name)
		self.assertEqual((doc.first_day_worked, doc.last_day_paid), (START, LAST_DAY))
		self.assertEqual(doc.final_period_end, date(2026, 4, 12))
		self.assertEqual(doc.deadline, date(2026, 4, 17))
		self.assertEqual(doc.pay_frequency, "Weekly")
		self.assertEqual(doc.reason_code, "M00")
		self.assertEqual(flt(doc.insurable_hours), 203)
		self.assertEqual(
			[(row.period_number, flt(row.insurable_earnings)) for row in doc.pay_periods],
			[(1, 781.20), (2, 630.0), (3, 630.0), (4, 630.0), (5, 630.0), (6, 630.0)],
		)
		self.assertEqual(doc.pay_periods[0].period_end, date(2026, 4, 12))
		self.assertEqual(flt(doc.insurable_earnings), 3931.20)
		self.assertEqual(flt(doc.vacation_pay), 151.20)
		self.assertIn("151", doc.final_pay)  # what the final pay carried
		# Block 15A is the hours the slips paid: the shop floor's timesheets.
		paid = frappe.db.sql(
			"select sum(total_working_hours) from `tabSalary Slip` where employee = %s and docstatus = 1",
			self.employee,
		)[0][0]
		self.assertEqual(flt(doc.insurable_hours), flt(paid))
		# The payroll user has its ToDo.
		self.assertTrue(
			frappe.db.exists(
				"ToDo",
				{
					"reference_type": roe.DOCTYPE,
					"reference_name": doc.name,
					"allocated_to": PAYROLL_USER,
					"status": "Open",
				},
			)
		)

	def test_a_holiday_after_the_last_day_paid_by_the_final_pay_is_block_17b(self) -> None:
		# Closed Thursday April 2: the final week (March 30 to April 5) pays Mon-Thu, 28 h, and
		# Good Friday's indemnity, $126.00, for a holiday after the last day for which paid.
		for week in range(4):
			self.weekly_slip(START + timedelta(weeks=week))
		self.parcours.close("2026-04-02", "Dropped Out")
		self.weekly_slip(START + timedelta(weeks=4))
		doc = frappe.get_doc(roe.DOCTYPE, {"employee": self.employee, "docstatus": 0})
		self.assertEqual(doc.last_day_paid, date(2026, 4, 2))
		self.assertEqual(
			[(row.holiday_date, flt(row.amount)) for row in doc.statutory_holidays], [(GOOD_FRIDAY, 126.0)]
		)
		self.assertEqual(flt(doc.pay_periods[0].hours), 28)

	def test_a_holiday_before_the_last_day_is_not_block_17b(self) -> None:
		doc = frappe.get_doc(roe.DOCTYPE, self.close_and_pay())
		self.assertEqual(doc.statutory_holidays, [])  # Good Friday, April 3, came before April 10

	def test_a_parcours_run_to_its_end_is_the_end_of_a_contract(self) -> None:
		doc = frappe.get_doc(roe.DOCTYPE, self.close_and_pay())
		frappe.db.set_value("Parcours", self.parcours.name, "actual_end_date", "2026-04-12")
		doc.reason_code = None
		doc.save()
		self.assertEqual(doc.reason_code, "A00")

	def test_other_needs_a_comment_before_it_is_issued(self) -> None:
		doc = frappe.get_doc(roe.DOCTYPE, self.close_and_pay())
		doc.reason_code = "K00"
		doc.save()  # a draft may wait for its comment
		with self.assertRaisesRegex(frappe.ValidationError, "block 18"):
			doc.submit()
		doc.reload()
		doc.comments = "Fin du parcours convenue avec l'agent d'Emploi-Québec."
		self.ready_to_file()
		doc.submit()
		self.assertEqual(doc.docstatus, 1)

	def test_the_submitted_roe_downloads_as_a_valid_roe_web_file_and_the_sin_read_is_logged(self) -> None:
		name = self.close_and_pay()
		frappe.set_user(PAYROLL_USER)
		# Issued only once its file can be built: the settings, then the employee's SIN.
		with self.assertRaisesRegex(frappe.ValidationError, "CRA Payroll Account Number"):
			frappe.get_doc(roe.DOCTYPE, name).submit()
		self.assertEqual(frappe.db.get_value(roe.DOCTYPE, name, "docstatus"), 0)  # not marked issued
		frappe.set_user("Administrator")
		frappe.get_single(SETTINGS).update(FILE_SETTINGS).save()
		frappe.set_user(PAYROLL_USER)
		with self.assertRaisesRegex(frappe.ValidationError, "Social Insurance Number"):
			frappe.get_doc(roe.DOCTYPE, name).submit()
		self.assertEqual(frappe.db.get_value(roe.DOCTYPE, name, "docstatus"), 0)
		frappe.set_user("Administrator")
		employee = frappe.get_doc("Employee", self.employee)
		employee.insertion_sin = "046454286"
		employee.current_address = "123, rue Ontario Est\nMontréal QC\nH2X 1H3"
		employee.save()
		# Stored encrypted: the column holds a mask, and a later save keeps the number.
		self.assertEqual(frappe.db.get_value("Employee", self.employee, "insertion_sin"), "*********")
		frappe.get_doc("Employee", self.employee).save()
		self.assertEqual(get_decrypted_password("Employee", self.employee, "insertion_sin"), "046454286")
		frappe.set_user(PAYROLL_USER)
		doc = frappe.get_doc(roe.DOCTYPE, name)
		doc.submit()
		self.assertFalse(
			frappe.db.exists(
				"ToDo", {"reference_type": roe.DOCTYPE, "reference_name": doc.name, "status": "Open"}
			)
		)
		self.assertFalse(frappe.db.exists(LOG, {"reference_name": self.employee, "path": "ROE file (SIN)"}))
		roe_file.download_xml([doc.name], check_only=1)  # the form's check: no file, nothing logged
		self.assertFalse(frappe.db.exists(LOG, {"reference_name": self.employee, "path": "ROE file (SIN)"}))
		roe_file.download_xml(f'["{doc.name}"]')  # as the form's button sends it
		content = frappe.response["filecontent"]
		layout = filing_schemas.layout_of(filing.SCHEMAS, "ROE", 2026)
		self.assertEqual(filing_schemas.problems(content, filing.SCHEMAS, layout), [])
		root = ElementTree.fromstring(content)
		self.assertEqual(root.get("FileVersion"), "W-2.0")
		record = root.find("ROE")
		self.assertEqual(record.findtext("B5"), "123456789RP0001")
		self.assertEqual(record.findtext("B8"), "046454286")
		self.assertEqual(record.findtext("B9/PC"), "H2X1H3")
		self.assertEqual(record.findtext("B10"), "2026-03-02")
		self.assertEqual(record.findtext("B15A"), "203")
		self.assertEqual(
			[(pp.get("nbr"), pp.findtext("AMT")) for pp in record.find("B15C")],
			[("1", "781.20"), *[(str(n), "630.00") for n in range(2, 7)]],
		)
		self.assertEqual(record.findtext("B16/CD"), "M00")
		self.assertEqual((record.findtext("B16/AC"), record.findtext("B16/TEL")), ("514", "5550199"))
		self.assertEqual(record.findtext("B17A/VP/AMT"), "151.20")
		self.assertEqual(record.findtext("B6"), "W")
		self.assertEqual(record.findtext("B14/CD"), "N")
		self.assertEqual(record.findtext("B20"), "F")
		self.assertEqual(D(record.findtext("B17A/VP/AMT")), D("151.20"))
		# The SIN's reading is logged; it is in no list.
		self.assertTrue(frappe.db.exists(LOG, {"reference_name": self.employee, "path": "ROE file (SIN)"}))
		self.assertNotIn(
			"046454286", str(frappe.get_all("Employee", fields=["*"], filters={"name": self.employee}))
		)

	def test_the_payroll_is_told_which_settings_the_files_still_need(self) -> None:
		frappe.set_user(PAYROLL_USER)
		self.assertIn("CRA Payroll Account Number", filing.missing_settings("ROE Web")["missing"])
		self.assertIn("insertion-settings", filing.missing_settings()["link"])
		frappe.set_user("Administrator")
		frappe.get_single(SETTINGS).update(FILE_SETTINGS).save()
		frappe.set_user(PAYROLL_USER)
		self.assertEqual(filing.missing_settings("ROE Web")["missing"], [])
		self.assertIn(
			"Revenu Québec Identification Number", filing.missing_settings("Revenu Québec")["missing"]
		)
		with self.assertRaisesRegex(frappe.ValidationError, "authority"):
			filing.missing_settings("Poste Canada")
		frappe.set_user("Administrator")
		frappe.set_user(make_user("roe-caisse@example.org", ["Shop Cashier", "Sales User"]))
		with self.assertRaises(frappe.PermissionError):
			filing.missing_settings()

	def test_a_one_line_address_without_postal_code_still_gets_its_roe(self) -> None:
		"""A trainee with no postal code to give (a shelter, a friend's couch) still gets her ROE:
		Service Canada's schema takes the empty line and code; only the first line is needed."""
		doc = frappe.get_doc(roe.DOCTYPE, self.close_and_pay())
		self.ready_to_file()
		frappe.db.set_value("Employee", self.employee, "current_address", "")
		with self.assertRaisesRegex(frappe.ValidationError, "first line"):
			doc.submit()
		frappe.db.set_value("Employee", self.employee, "current_address", "Refuge du Plateau, Montréal")
		doc.reload()
		doc.submit()
		frappe.response.pop("filecontent", None)
		roe_file.download_xml([doc.name])
		person = ElementTree.fromstring(frappe.response.pop("filecontent")).find("ROE/B9")
		self.assertEqual(
			(person.findtext("A1"), person.findtext("A2"), person.findtext("PC")),
			("Refuge du Plateau, Montréal", "", ""),
		)

	def test_a_cashier_or_counsellor_cannot_download_it(self) -> None:
		doc = frappe.get_doc(roe.DOCTYPE, self.close_and_pay())
		self.ready_to_file()
		doc.submit()
		for user, roles in (
			("roe-caisse@example.org", ["Shop Cashier", "Sales User"]),
			("roe-conseil@example.org", ["Insertion Counsellor"]),
		):
			make_user(user, roles)
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				roe_file.download_xml([doc.name])
			frappe.set_user("Administrator")

	def test_the_daily_job_reminds_the_payroll_users_of_a_draft_due_within_two_days(self) -> None:
		name = self.close_and_pay()
		roe.close_todos(frappe._dict(name=name))
		open_todos = {"reference_type": roe.DOCTYPE, "reference_name": name, "status": "Open"}
		self.assertFalse(frappe.db.exists("ToDo", open_todos))
		roe.remind_due()  # due April 17, 2026: long past, still a draft
		reminded = frappe.get_all("ToDo", filters=open_todos, pluck="allocated_to")
		self.assertIn(PAYROLL_USER, reminded)
		self.assertNotIn("Administrator", reminded)
		roe.remind_due()  # once a user
		self.assertEqual(frappe.db.count("ToDo", open_todos), len(reminded))

	def test_a_second_parcours_has_its_own_roe_from_its_own_first_day(self) -> None:
		first = self.close_and_pay()
		again = make_parcours(self.parcours.trainee, company=COMPANY, approval_date="2026-04-20")
		again.start("2026-05-04")
		self.assertEqual(again.employee, self.employee)  # the same Employee, active again
		again.close("2026-05-15", "Dropped Out")
		second = frappe.db.get_value(roe.DOCTYPE, {"employee": self.employee, "parcours": again.name})
		self.assertNotEqual(second, first)
		doc = frappe.get_doc(roe.DOCTYPE, second)
		self.assertEqual((doc.first_day_worked, doc.last_day_paid), (date(2026, 5, 4), date(2026, 5, 15)))
		self.assertEqual(doc.reason_code, "E00")
