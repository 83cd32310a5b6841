import frappe

from insertion_erp.constants import FUNDER_CUSTOMER_NAME, TRAINEE_EMPLOYMENT_TYPE
from insertion_erp.tests.utils import InsertionTestCase, make_user

SETTINGS = "Insertion Settings"


def saved(fieldname: str):
	"""The value in the database, not in the request's cache."""
	return frappe.db.get_single_value(SETTINGS, fieldname, cache=False)


class TestInsertionSettings(InsertionTestCase):
	def test_install_gives_working_defaults(self) -> None:
		settings = frappe.get_single(SETTINGS)
		self.assertEqual(settings.parcours_weeks, 26)
		self.assertEqual([row.months for row in settings.follow_up_offsets], [3, 6])
		self.assertEqual(settings.trainee_employment_type, TRAINEE_EMPLOYMENT_TYPE)
		self.assertTrue(frappe.db.exists("Employment Type", TRAINEE_EMPLOYMENT_TYPE))
		funder = frappe.get_doc("Customer", settings.funder_customer)
		self.assertEqual(funder.customer_name, FUNDER_CUSTOMER_NAME)
		self.assertEqual(funder.customer_type, "Company")

	def test_parcours_length_out_of_range_is_refused_and_nothing_saved(self) -> None:
		for weeks in (0, -3, 105):
			settings = frappe.get_single(SETTINGS)
			settings.parcours_weeks = weeks
			with self.assertRaisesRegex(frappe.ValidationError, "between 1 and 104 weeks"):
				settings.save()
			self.assertEqual(saved("parcours_weeks"), 26)

	def test_follow_up_offsets_are_checked_and_kept_in_order(self) -> None:
		settings = frappe.get_single(SETTINGS)
		settings.append("follow_up_offsets", {"months": 3})
		with self.assertRaisesRegex(
			frappe.ValidationError, "Row 3: a follow-up at 3 months is already listed"
		):
			settings.save()

		settings = frappe.get_single(SETTINGS)
		settings.append("follow_up_offsets", {"months": 0})
		with self.assertRaisesRegex(frappe.ValidationError, "between 1 and 60 months"):
			settings.save()

		settings = frappe.get_single(SETTINGS)
		settings.set("follow_up_offsets", [{"months": 12}, {"months": 3}, {"months": 6}])
		settings.save()
		saved = frappe.get_single(SETTINGS)
		self.assertEqual(
			[(row.idx, row.months) for row in saved.follow_up_offsets], [(1, 3), (2, 6), (3, 12)]
		)

	def test_messages_are_in_french_for_french_users(self) -> None:
		frappe.local.lang = "fr"
		settings = frappe.get_single(SETTINGS)
		settings.parcours_weeks = 0
		with self.assertRaisesRegex(
			frappe.ValidationError,
			"La durée du parcours par défaut doit être comprise entre 1 et 104 semaines",
		):
			settings.save()
		self.assertEqual(frappe._("Insertion Settings"), "Paramètres d'insertion")

	def test_only_insertion_managers_change_settings(self) -> None:
		manager = make_user("settings-manager@example.org", ["Insertion Manager"])
		counsellor = make_user("settings-counsellor@example.org", ["Insertion Counsellor"])
		shop = make_user("settings-shop@example.org", ["Sales User"])

		self.assertTrue(frappe.has_permission(SETTINGS, "write", user=manager))
		self.assertTrue(frappe.has_permission(SETTINGS, "read", user=counsellor))
		self.assertFalse(frappe.has_permission(SETTINGS, "write", user=counsellor))
		self.assertFalse(frappe.has_permission(SETTINGS, "read", user=shop))

		frappe.set_user(shop)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc(SETTINGS).check_permission("read")

		frappe.set_user(counsellor)
		settings = frappe.get_doc(SETTINGS)
		settings.parcours_weeks = 30
		with self.assertRaises(frappe.PermissionError):
			settings.save()

		frappe.set_user(manager)
		settings = frappe.get_doc(SETTINGS)
		settings.parcours_weeks = 30
		settings.save()
		self.assertEqual(saved("parcours_weeks"), 30)

	def test_the_bookkeeper_fills_the_payroll_settings_and_not_the_directors(self) -> None:
		# The ROE and the year-end files need the payroll account, a contact and Revenu Québec's
		# numbers: the bookkeeper who makes them fills them in (she got a 403 on the settings).
		bookkeeper = make_user(
			"settings-bookkeeper@example.org", ["Accounts User", "Accounts Manager", "HR User", "HR Manager"]
		)
		before = saved("parcours_weeks")
		frappe.set_user(bookkeeper)
		settings = frappe.get_doc(SETTINGS)
		settings.check_permission("write")
		settings.payroll_account_number = "123456789RP0001"
		settings.roe_contact_name = "Louise Comptable"
		settings.rq_identification_number = "1234567890"
		settings.parcours_weeks = before + 4  # the director's: refused by name, nothing saved
		with self.assertRaisesRegex(frappe.PermissionError, "Default Parcours Length"):
			settings.save()
		self.assertFalse(saved("payroll_account_number"))
		settings = frappe.get_doc(SETTINGS)
		settings.payroll_account_number = "123456789RP0001"
		settings.roe_contact_name = "Louise Comptable"
		settings.rq_identification_number = "1234567890"
		settings.save()
		self.assertEqual(saved("payroll_account_number"), "123456789RP0001")
		self.assertEqual(saved("roe_contact_name"), "Louise Comptable")
		self.assertEqual(saved("rq_identification_number"), "1234567890")
		self.assertEqual(saved("parcours_weeks"), before)
