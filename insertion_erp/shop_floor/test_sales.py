"""Who was on the till: the trainee named on a sale, checked, counted per week, shown on the plan."""

from datetime import date, timedelta

import frappe
from erpnext.accounts.doctype.pos_invoice.pos_invoice import make_sales_return
from frappe.desk.query_report import run as run_report
from frappe.utils import add_days, getdate, now_datetime, today

from insertion_erp.core.periods import Period
from insertion_erp.devtools.sample_shop import ensure_shop, open_session, pos_sale
from insertion_erp.shop_floor import api
from insertion_erp.shop_floor.sales import served
from insertion_erp.tests.factories import make_plan, started_parcours
from insertion_erp.tests.utils import TEST_COMPANY, InsertionTestCase, make_user


class TestServedBy(InsertionTestCase):
	def setUp(self) -> None:
		self.shop = ensure_shop(TEST_COMPANY)
		open_session(self.shop)
		self.parcours = started_parcours(start=add_days(today(), -20), company=TEST_COMPANY)
		self.trainee = self.parcours.employee

	def sale(self, lines=(("CAFE-FILTRE", 2),), **values):
		invoice = pos_sale(self.shop, list(lines), **values)
		invoice.insert(ignore_permissions=True)
		invoice.submit()
		return invoice

	def test_only_an_active_trainee_serves(self) -> None:
		invoice = self.sale(insertion_served_by=self.trainee)
		self.assertEqual(
			invoice.insertion_served_by_name, frappe.db.get_value("Employee", self.trainee, "employee_name")
		)
		staff = frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": "Paul",
				"last_name": "Caissier",
				"gender": "Male",
				"date_of_birth": "1980-01-01",
				"date_of_joining": "2025-01-01",
				"company": TEST_COMPANY,
			}
		).insert(ignore_permissions=True)
		with self.assertRaisesRegex(frappe.ValidationError, r"Served By \(Trainee\).*not an active trainee"):
			pos_sale(self.shop, [("MUFFIN", 1)], insertion_served_by=staff.name).insert(
				ignore_permissions=True
			)
		with self.assertRaisesRegex(frappe.ValidationError, "HR-EMP-NOPE"):
			pos_sale(self.shop, [("MUFFIN", 1)], insertion_served_by="HR-EMP-NOPE").insert(
				ignore_permissions=True
			)
		frappe.db.set_value("Employee", self.trainee, {"status": "Left", "relieving_date": today()})
		with self.assertRaisesRegex(frappe.ValidationError, "not an active trainee"):
			pos_sale(self.shop, [("MUFFIN", 1)], insertion_served_by=self.trainee).insert(
				ignore_permissions=True
			)

	def test_sales_served_per_week_with_returns_and_on_the_plan(self) -> None:
		first = self.sale((("CAFE-FILTRE", 2), ("MUFFIN", 1)), insertion_served_by=self.trainee)  # 8.00
		self.sale((("VETEMENT-USAGE", 1),), insertion_served_by=self.trainee)  # 8.00
		self.sale((("MUFFIN", 1),))  # nobody named: not counted
		refund = frappe.get_doc(make_sales_return(first.name))
		refund.items = [row for row in refund.items if row.item_code == "MUFFIN"]
		refund.insertion_served_by = self.trainee
		refund.calculate_taxes_and_totals()
		refund.payments = refund.payments[:1]
		refund.payments[0].amount = refund.payments[0].base_amount = refund.grand_total
		refund.paid_amount = refund.base_paid_amount = refund.grand_total
		refund.insert(ignore_permissions=True).submit()

		monday = getdate(today()) - timedelta(days=getdate(today()).weekday())
		report = run_report(
			"Sales Served",
			filters={"company": TEST_COMPANY, "from_date": add_days(today(), -7), "to_date": today()},
		)
		rows = [
			row for row in report["result"] if isinstance(row, dict) and row.get("employee") == self.trainee
		]
		self.assertEqual(len(rows), 1)
		row = rows[0]
		self.assertEqual(getdate(row["week"]), monday)
		self.assertEqual((row["receipts"], float(row["sales"])), (2, 16.0))
		self.assertEqual((row["returns"], float(row["returned"])), (1, 3.5))

		plan = make_plan(self.parcours)
		self.assertEqual(
			plan.sales_served(),
			{"receipts": 2, "sales": 16.0, "returns": 1, "returned": 3.5, "currency": "CAD"},
		)

	def test_a_cashiers_own_employee_is_not_taken_as_who_served(self) -> None:
		# HRMS gives an employee's user a User Permission on their Employee, which frappe
		# would otherwise put in every link to Employee of a new document.
		cashier = make_user("till-employee@example.org", ["Shop Cashier", "Sales User"])
		employee = frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": "Rose",
				"last_name": "Caissiere",
				"gender": "Female",
				"date_of_birth": "1985-01-01",
				"date_of_joining": "2025-01-01",
				"company": TEST_COMPANY,
				"user_id": cashier,
			}
		).insert(ignore_permissions=True)
		self.assertTrue(
			frappe.db.exists(
				"User Permission", {"user": cashier, "allow": "Employee", "for_value": employee.name}
			)
		)
		frappe.set_user(cashier)
		self.assertFalse(frappe.new_doc("POS Invoice").get("insertion_served_by"))
		self.assertFalse(frappe.new_doc("Sales Invoice").get("insertion_served_by"))

	def test_the_cashier_lands_at_the_till_and_finds_it_chosen(self) -> None:
		from insertion_erp.landing import boot_session, landing_route

		self.assertEqual(landing_route(["Shop Cashier", "Sales User"]), "point-of-sale")
		self.assertEqual(landing_route(["Shop Supervisor"]), "shop-floor")
		self.assertIsNone(landing_route(["Shop Supervisor", "Insertion Manager"]))
		self.assertIsNone(landing_route(["Accounts User"]))
		cashier = make_user("till-default@example.org", ["Shop Cashier"])
		# The shop staff's desk holds their work: every module blocked but the Shop Floor's.
		from insertion_erp.landing import SHOP_STAFF_PROFILE

		self.assertEqual(frappe.db.get_value("User", cashier, "module_profile"), SHOP_STAFF_PROFILE)
		blocked = set(frappe.get_doc("User", cashier).get_blocked_modules())
		self.assertIn("Website", blocked)
		self.assertNotIn("Shop Floor", blocked)
		bookkeeper = make_user("till-books@example.org", ["Accounts User", "Shop Cashier"])
		self.assertFalse(frappe.db.get_value("User", bookkeeper, "module_profile"))
		# A cashier who becomes a bookkeeper gets the whole desk back.
		promoted = frappe.get_doc("User", make_user("till-promoted@example.org", ["Shop Cashier"]))
		self.assertEqual(promoted.module_profile, SHOP_STAFF_PROFILE)
		promoted.add_roles("Accounts User")
		promoted.reload()
		self.assertFalse(promoted.module_profile)
		self.assertNotIn("Website", promoted.get_blocked_modules())
		frappe.set_user(cashier)
		self.assertIsNone(api.default_pos_profile())
		frappe.set_user("Administrator")
		profile = frappe.get_doc("POS Profile", self.shop.profile)
		profile.append("applicable_for_users", {"user": cashier, "default": 1})
		profile.save(ignore_permissions=True)
		frappe.set_user(cashier)
		self.assertEqual(api.default_pos_profile(), self.shop.profile)
		boot = frappe._dict()
		boot_session(boot)
		self.assertEqual(boot.insertion_landing, "point-of-sale")

	def test_the_till_lists_the_trainees_in_now(self) -> None:
		counsellor = make_user("till-counsellor@example.org", ["Insertion Counsellor"])
		frappe.set_user(make_user("till-cashier@example.org", ["Shop Cashier"]))
		# In parcours with hours this week, not clocked yet: offered as expected on today's shift.
		(row,) = [row for row in api.on_shift() if row["employee"] == self.trainee]
		self.assertTrue(row["expected"])
		frappe.set_user("Administrator")
		frappe.get_doc(
			{
				"doctype": "Employee Checkin",
				"employee": self.trainee,
				"log_type": "IN",
				"time": now_datetime(),
			}
		).insert(ignore_permissions=True)
		frappe.set_user("till-cashier@example.org")
		(row,) = [row for row in api.on_shift() if row["employee"] == self.trainee]
		self.assertEqual(set(row), {"employee", "name", "expected"})
		self.assertFalse(row["expected"])  # in now
		frappe.set_user(counsellor)
		with self.assertRaises(frappe.PermissionError):
			api.on_shift()


class TestSalesQuery(InsertionTestCase):
	def test_a_period_without_sales_is_empty(self) -> None:
		self.assertEqual(served(Period(date(2001, 1, 1), date(2001, 1, 31)), TEST_COMPANY), [])
