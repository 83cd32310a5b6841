import frappe

from insertion_erp import hooks
from insertion_erp.install import (
	FUNDER_CUSTOMER_NAME,
	ROLES,
	SETTINGS,
	TRAINEE_EMPLOYMENT_TYPE,
	ensure_app_records,
)
from insertion_erp.tests.utils import InsertionTestCase


def counts() -> dict[str, int]:
	return {
		"roles": frappe.db.count("Role", {"name": ("in", ROLES)}),
		"employment types": frappe.db.count("Employment Type", {"name": TRAINEE_EMPLOYMENT_TYPE}),
		"funders": frappe.db.count("Customer", {"customer_name": FUNDER_CUSTOMER_NAME}),
	}


class TestInstall(InsertionTestCase):
	def test_app_records_exist_once_and_survive_a_second_run(self) -> None:
		expected = {"roles": 2, "employment types": 1, "funders": 1}
		self.assertEqual(counts(), expected)
		ensure_app_records()
		ensure_app_records()
		self.assertEqual(counts(), expected)

	def test_roles_can_use_the_desk(self) -> None:
		for role in ROLES:
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), 1)

	def test_missing_records_are_recreated(self) -> None:
		frappe.db.set_single_value(SETTINGS, "trainee_employment_type", None)
		frappe.delete_doc("Employment Type", TRAINEE_EMPLOYMENT_TYPE, force=True)
		ensure_app_records()
		self.assertTrue(frappe.db.exists("Employment Type", TRAINEE_EMPLOYMENT_TYPE))
		self.assertEqual(
			frappe.db.get_single_value(SETTINGS, "trainee_employment_type"), TRAINEE_EMPLOYMENT_TYPE
		)

	def test_a_users_choices_are_kept(self) -> None:
		other = frappe.get_doc(
			{
				"doctype": "Customer",
				"customer_name": "Services Québec - Région 06",
				"customer_type": "Company",
			}
		).insert()
		frappe.db.set_single_value(SETTINGS, "funder_customer", other.name)
		ensure_app_records()
		self.assertEqual(frappe.db.get_single_value(SETTINGS, "funder_customer"), other.name)

	def test_the_app_declares_its_hooks(self) -> None:
		self.assertEqual(hooks.required_apps, ["frappe/erpnext", "frappe/hrms"])
		self.assertIn("insertion_erp", frappe.get_installed_apps())
		self.assertEqual(frappe.get_hooks("before_tests", app_name="insertion_erp"), [hooks.before_tests])
