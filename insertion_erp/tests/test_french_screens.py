"""What a French user reads where frappe writes English or off-convention text: the onboarding
cards, a chart's months, an export's file name, a refused page."""

import frappe

from insertion_erp.install.install import hide_onboarding
from insertion_erp.privacy.refused_pages import refuse_unreadable
from insertion_erp.quebec_formats import chart_labels
from insertion_erp.report_exports import file_name
from insertion_erp.tests.utils import InsertionTestCase, make_user


class TestFrenchScreens(InsertionTestCase):
	def test_no_onboarding_card_once_the_app_set_the_site_up(self) -> None:
		frappe.db.set_single_value("System Settings", "enable_onboarding", 1)
		hide_onboarding({"country": "Canada"})
		self.assertFalse(frappe.get_system_settings("enable_onboarding"))

	def test_a_charts_months_in_french(self) -> None:
		frappe.local.lang = "fr"
		self.assertEqual(
			chart_labels(["Dec 2025", "Jul 2026", "Quarter 1 2026"]),
			["déc. 2025", "juill. 2026", "Quarter 1 2026"],
		)
		frappe.local.lang = "en"
		self.assertEqual(chart_labels(["Dec 2025"]), ["Dec 2025"])

	def test_an_exports_file_name_in_french(self) -> None:
		frappe.local.lang = "fr"
		applied = {"Scope": "This Enterprise", "From Date": "2026-01-01", "Include": "Yes"}
		self.assertEqual(
			file_name("Activity Report", applied), "Rapport d'activité_Cette entreprise_2026-01-01"
		)
		self.assertEqual(file_name("Activity Report", None), "Rapport d'activité")

	def test_a_trainees_file_refused_in_plain_french(self) -> None:
		frappe.local.lang = "fr"
		frappe.set_user(make_user("caisse-refus@example.org", ["Shop Cashier"]))
		with self.assertRaises(frappe.PermissionError) as refused:
			refuse_unreadable("trainee")
		self.assertIn("Ce dossier est confidentiel", str(refused.exception))
		self.assertNotIn("Page", str(refused.exception))
		with self.assertRaises(frappe.DoesNotExistError):
			refuse_unreadable("no-such-route")
