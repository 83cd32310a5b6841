"""The network's figures entered once: export on the enterprise's site, import and totals on the network's."""

import json

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.core.results import network_file
from insertion_erp.results import network
from insertion_erp.results.report.activity_report import activity_report
from insertion_erp.results.report.activity_report.test_activity_report import PERIOD, parcours
from insertion_erp.tests.utils import InsertionTestCase, make_user

FILES = "Network Indicator File"


def upload(text: str, name: str = "indicators.json") -> str:
	return (
		frappe.get_doc({"doctype": "File", "file_name": name, "content": text, "is_private": 1})
		.insert(ignore_permissions=True)
		.file_url
	)


class TestNetworkFiles(InsertionTestCase):
	def setUp(self) -> None:
		self.company = frappe.db.get_single_value("Global Defaults", "default_company")
		ann = parcours("Ann", "2000-01-10", "Female", "2026-01-05")
		ann.close("2026-06-30", "Left for a Job")
		parcours("Bob", "1980-05-05", "Male", "2026-02-02")
		self.director = make_user("direction-reseau@example.org", ["Insertion Manager"])
		self.bookkeeper = make_user("comptable-reseau@example.org", ["Accounts User"])
		frappe.db.delete(FILES)

	def export(self, file_format: str = "json", **period) -> str:
		frappe.set_user(self.director)
		network.export(self.company, **{**PERIOD, **period}, file_format=file_format)
		frappe.set_user("Administrator")
		return frappe.response.pop("filecontent")

	def test_export_is_the_activity_without_names_and_small_counts_suppressed(self):
		text = self.export()
		header, exported = network_file.read(text)
		self.assertEqual((header["enterprise"], header["threshold"]), (self.company, 5))
		self.assertEqual(str(header["from"]), PERIOD["from_date"])
		self.assertIsNone(exported["trainees"]["active"])  # 2 < 5
		# Totals of hours are published: planned by the schedules; nothing paid by a slip yet.
		self.assertGreater(exported["hours"]["planned"], 0)
		self.assertEqual(exported["hours"]["paid"], 0)
		doc = json.loads(text)
		self.assertIsNone(doc["genders"].get("Female"))  # 1 < 5: suppressed, never 0
		for secret in ("Ann", "Bob", "Rapport", "2000-01-10", "1980-05-05"):
			self.assertNotIn(secret, text)
		csv_text = self.export("csv")
		self.assertIn("format,insertion-erp.activity-indicators", csv_text)

	def test_only_managers_export(self):
		frappe.set_user(self.bookkeeper)
		with self.assertRaises(frappe.PermissionError):
			network.export(self.company, **PERIOD)
		frappe.set_user(self.director)
		with self.assertRaisesRegex(frappe.ValidationError, "file_format"):
			network.export(self.company, **PERIOD, file_format="xlsx")
		with self.assertRaisesRegex(frappe.ValidationError, "company"):
			network.export(None, **PERIOD)

	def test_imported_files_add_up_in_the_same_report(self):
		frappe.db.set_single_value(SETTINGS, "small_count_threshold", 1)
		first = self.export()
		other = json.loads(first)
		other["enterprise"] = "Le Boulot vers"
		local = activity_report.execute({"company": self.company, **PERIOD})[1]

		# Re-imported, the file gives the enterprise's own report, line by line.
		frappe.set_user(self.director)
		self.assertEqual(network.import_files([upload(first, "a.json")])["refused"], [])
		alone = activity_report.execute({"source": activity_report.NETWORK, **PERIOD})[1]
		self.assertEqual(
			[(r["section"], r["indicator"], r["count"], r["share"]) for r in alone],
			[(r["section"], r["indicator"], r["count"], r["share"]) for r in local],
		)
		self.assertEqual(
			[r["amount"] for r in alone if r["kind"] == "hours"],
			[r["amount"] for r in local if r["kind"] == "hours"],
		)

		# Two enterprises: every count doubles.
		self.assertEqual(network.import_files([upload(network_file.dumps(other), "b.json")])["refused"], [])
		total = activity_report.execute({"source": activity_report.NETWORK, **PERIOD})[1]
		by_line = {(r["section"], r["indicator"]): r for r in total}
		for row in local:
			line = by_line[(row["section"], row["indicator"])]
			if row["kind"] in ("count", "category") and row["count"] is not None:
				self.assertEqual(line["count"], 2 * row["count"], row["indicator"])
		self.assertEqual(by_line[("Trainees", "Active")]["count"], 4)
		# A period that does not hold the files' period adds nothing.
		quarter = activity_report.execute(
			{"source": activity_report.NETWORK, "from_date": "2026-01-01", "to_date": "2026-03-31"}
		)
		self.assertIn(" 0 ", quarter[2])

	def test_a_file_is_imported_once(self):
		text = self.export()
		frappe.set_user(self.director)
		self.assertEqual(len(network.import_files([upload(text, "a.json")])["imported"]), 1)
		again = network.import_files([upload(text, "a-again.json")])
		self.assertEqual(again["imported"], [])
		self.assertIn("already imported", again["refused"][0]["message"])
		# The same enterprise and period, exported again later: refused too, the first one stays.
		later = json.loads(text)
		later["generated"] = "2026-12-01T09:00:00"
		refused = network.import_files([upload(network_file.dumps(later), "a-later.json")])["refused"]
		self.assertIn("Delete it first", refused[0]["message"])
		self.assertEqual(frappe.db.count(FILES), 1)

	def test_a_malformed_file_is_refused_and_the_good_ones_kept(self):
		good = self.export()
		bad = json.loads(good)
		bad["trainees"]["active"] = 2  # a small count left in
		frappe.set_user(self.director)
		result = network.import_files(
			[
				upload("{oops", "broken.json"),
				upload(network_file.dumps(bad), "bad.json"),
				upload(good, "good.json"),
			]
		)
		self.assertEqual(len(result["imported"]), 1)
		messages = [r["message"] for r in result["refused"]]
		self.assertIn("not valid JSON", messages[0])
		self.assertIn("trainees.active is 2, below the file's small-count threshold of 5", messages[1])
		self.assertEqual(frappe.db.count(FILES), 1)

	def test_refusals_are_in_french(self):
		frappe.local.lang = "fr"
		frappe.set_user(self.director)
		refused = network.import_files([upload("{oops", "broken.json")])["refused"]
		self.assertIn("n'est pas un JSON valide", refused[0]["message"])

	def test_only_managers_import(self):
		url = upload(self.export())
		frappe.set_user(self.bookkeeper)
		with self.assertRaises(frappe.PermissionError):
			network.import_files([url])
		self.assertEqual(frappe.db.count(FILES), 0)
