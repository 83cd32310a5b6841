import frappe
from frappe.desk.notifications import get_open_count
from frappe.utils import add_days, add_years, today

from insertion_erp.tests.factories import closed_parcours, make_trainee
from insertion_erp.tests.utils import InsertionTestCase


class TestTrainee(InsertionTestCase):
	def test_full_name_is_built_from_first_and_last_names(self) -> None:
		trainee = make_trainee(first_name="  Jean-Luc ", last_name="Bouchard")
		self.assertEqual(trainee.trainee_name, "Jean-Luc Bouchard")

	def test_birth_date_must_be_plausible(self) -> None:
		for birth_date in (add_years(today(), -14), add_days(today(), 1), add_years(today(), -95)):
			with self.assertRaisesRegex(frappe.ValidationError, "is not plausible"):
				make_trainee(last_name="Naissance", date_of_birth=birth_date)
		self.assertFalse(frappe.db.exists("Trainee", {"last_name": "Naissance"}))
		self.assertTrue(make_trainee(last_name="Naissance", date_of_birth=add_years(today(), -16)).name)

	def test_consent_needs_a_past_date(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "Enter the date the person gave their consent"):
			make_trainee(consent_date=None)
		with self.assertRaisesRegex(frappe.ValidationError, "consent date cannot be in the future"):
			make_trainee(consent_date=add_days(today(), 2))
		without = make_trainee(consent_given=0, consent_date=today())
		self.assertIsNone(without.consent_date)

	def test_an_employee_belongs_to_one_trainee(self) -> None:
		first = make_trainee()
		employee = frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": "Marie",
				"last_name": "Tremblay",
				"gender": "Female",
				"date_of_birth": "1998-03-04",
				"date_of_joining": add_days(today(), -30),
				"company": frappe.db.get_single_value("Global Defaults", "default_company"),
				"status": "Active",
			}
		).insert()
		first.employee = employee.name
		first.save()
		with self.assertRaisesRegex(frappe.ValidationError, "already linked to trainee"):
			make_trainee(first_name="Autre", employee=employee.name)

	def test_the_form_connects_parcours_follow_ups_employee_and_salary_slips(self) -> None:
		parcours = closed_parcours()
		counts = get_open_count("Trainee", parcours.trainee)["count"]
		external = {row["doctype"]: row["count"] for row in counts["external_links_found"]}
		internal = {row["doctype"]: row["names"] for row in counts["internal_links_found"]}
		self.assertEqual(external["Parcours"], 1)
		self.assertEqual(external["Parcours Follow-up"], 2)
		self.assertEqual(external["Salary Slip"], 0)  # payroll comes with the claims
		self.assertEqual(internal["Employee"], [parcours.employee])
		self.assertEqual(
			frappe.get_meta("Salary Slip").get_field("insertion_trainee").fetch_from,
			"employee.insertion_trainee",
		)
