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
