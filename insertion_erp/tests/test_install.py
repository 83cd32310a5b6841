import frappe

from insertion_erp import hooks
from insertion_erp.constants import FUNDER_CUSTOMER_NAME, ROLES, SETTINGS, TRAINEE_EMPLOYMENT_TYPE
from insertion_erp.install.install import after_setup_wizard
from insertion_erp.tests.utils import InsertionTestCase


def counts() -> dict[str, int]:
	return {
		"roles": frappe.db.count("Role", {"name": ("in", ROLES)}),
		"employment types": frappe.db.count("Employment Type", {"name": TRAINEE_EMPLOYMENT_TYPE}),
		"funders": frappe.db.count("Customer", {"customer_name": FUNDER_CUSTOMER_NAME}),
	}


def app_modules() -> list[str]:
	return frappe.get_all("Module Def", filters={"app_name": "insertion_erp"}, pluck="name")


def migrate_hooks() -> None:
	"""What `bench migrate` runs of the app, after syncing its doctypes."""
	for hook in frappe.get_hooks("after_migrate", app_name="insertion_erp"):
		frappe.get_attr(hook)()


class TestInstall(InsertionTestCase):
	def test_app_records_exist_once_and_survive_migrations(self) -> None:
		expected = {"roles": 4, "employment types": 1, "funders": 1}
		self.assertEqual(counts(), expected)
		migrate_hooks()
		migrate_hooks()
		self.assertEqual(counts(), expected)

	def test_installing_turns_on_encrypted_backups_with_both_keys(self) -> None:
		# The site's encryption key seals the notes; the backup passphrase encrypts the dumps.
		self.assertEqual(frappe.db.get_single_value("System Settings", "encrypt_backup"), 1)
		config = frappe.get_site_config()
		self.assertTrue(config.get("encryption_key"))
		self.assertTrue(config.get("backup_encryption_key"))

	def test_each_custom_number_card_calls_a_whitelisted_method(self) -> None:
		# The desk calls a custom card's method over HTTP: one left unwhitelisted is a 403 and a
		# "not permitted" dialog on the workspace of everyone who sees the card.
		cards = frappe.get_all(
			"Number Card",
			filters={"module": ("in", app_modules()), "type": "Custom"},
			fields=["name", "method"],
		)
		self.assertGreaterEqual(len(cards), 4)
		for card in cards:
			with self.subTest(card=card.name):
				self.assertTrue(
					frappe.get_attr(card.method) in frappe.whitelisted, f"{card.method} is not whitelisted"
				)

	def test_roles_can_use_the_desk(self) -> None:
		for role in ROLES:
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), 1)

	def test_what_the_user_deleted_or_emptied_stays_so_after_a_migrate(self) -> None:
		frappe.delete_doc("Employment Barrier", "Justice", force=True)
		rates = frappe.db.get_value("Quebec Payroll Rates", {"year": 2025})
		frappe.delete_doc("Quebec Payroll Rates", rates, force=True)
		frappe.db.delete("Global Search DocType", {"document_type": "Trainee"})
		frappe.db.set_single_value(SETTINGS, {"trainee_employment_type": None, "funder_customer": None})
		migrate_hooks()
		self.assertFalse(frappe.db.exists("Employment Barrier", "Justice"))
		self.assertFalse(frappe.db.exists("Quebec Payroll Rates", {"year": 2025}))
		self.assertFalse(frappe.db.exists("Global Search DocType", {"document_type": "Trainee"}))
		self.assertFalse(frappe.db.get_single_value(SETTINGS, "trainee_employment_type"))
		self.assertFalse(frappe.db.get_single_value(SETTINGS, "funder_customer"))

	def test_a_users_choices_are_kept(self) -> None:
		other = frappe.get_doc(
			{
				"doctype": "Customer",
				"customer_name": "Services Québec - Région 06",
				"customer_type": "Company",
			}
		).insert()
		frappe.db.set_single_value(SETTINGS, "funder_customer", other.name)
		migrate_hooks()
		after_setup_wizard({"country": "Canada"})
		self.assertEqual(frappe.db.get_single_value(SETTINGS, "funder_customer"), other.name)

	def test_the_app_declares_its_hooks(self) -> None:
		self.assertEqual(hooks.required_apps, ["frappe/erpnext", "frappe/hrms"])
		self.assertIn("insertion_erp", frappe.get_installed_apps())
		self.assertEqual(frappe.get_hooks("before_tests", app_name="insertion_erp"), [hooks.before_tests])
