"""The trainee's March pay statement, in French, holds what the Act respecting labour standards
(s. 46) asks, in the site's formats, and fits the page."""

import csv
import re
from pathlib import Path

import frappe

from insertion_erp.quebec_payroll import test_quebec_payroll as payroll
from insertion_erp.tests.utils import InsertionTestCase

FORMAT = "Relevé de paie"
TEMPLATE = Path(__file__).with_name("releve_de_paie.html")
TRANSLATIONS = Path(__file__).parents[3] / "translations" / "fr.csv"


class TestReleveDePaie(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.data = payroll.build()
		cls.slip = payroll.slip_of(cls.data.trainee)

	def html(self) -> str:
		frappe.local.lang = "fr"
		return frappe.get_print("Salary Slip", self.slip.name, print_format=FORMAT)

	def test_it_holds_what_the_act_asks_in_quebec_formats(self) -> None:
		html = self.html()
		slip = self.slip
		for text in (
			"Relevé de paie",
			payroll.COMPANY,
			slip.employee_name,
			"RRQ",
			"Assurance-emploi",
			"RQAP",
			"Impôt fédéral",
			"Impôt du Québec",
			"Salaire brut",
			"Salaire net",
			"Cumul annuel",
			"Cotisations de l'employeur",
			slip.get_formatted("net_pay"),
			slip.get_formatted("gross_pay"),
			slip.get_formatted("hour_rate"),
			frappe.format(slip.posting_date, "Date"),
			frappe.format(slip.start_date, "Date"),
			frappe.format(slip.end_date, "Date"),
			frappe.format(slip.total_working_hours, {"fieldtype": "Float", "precision": 2}),
		):
			self.assertIn(text, html, text)
		self.assertIn("2026-03-31", html)  # ISO dates, as the site's format gives them
		self.assertRegex(slip.get_formatted("net_pay"), r"^\d[\d\s  ]*,\d\d\s?\$$")
		for row in slip.deductions:
			if row.amount:
				self.assertIn(row.get_formatted("amount", slip), html, row.salary_component)

	def test_no_table_is_wider_than_four_columns(self) -> None:
		for row in re.findall(r"<tr[^>]*>(.*?)</tr>", self.html(), flags=re.S):
			self.assertLessEqual(len(re.findall(r"<t[dh][\s>]", row)), 4, row)

	def test_every_label_has_its_french(self) -> None:
		with TRANSLATIONS.open(encoding="utf-8", newline="") as f:
			french = {row[0] for row in csv.reader(f) if row}
		labels = re.findall(r'_\("([^"]+)"\)', TEMPLATE.read_text(encoding="utf-8"))
		self.assertIn("Pay Statement", labels)
		self.assertEqual([label for label in labels if label not in french], [])

	def test_it_prints_as_a_pdf(self) -> None:
		# wkhtmltopdf fetches the print stylesheet from the site: scripts/test serves it.
		frappe.local.lang = "fr"
		pdf = frappe.get_print("Salary Slip", self.slip.name, print_format=FORMAT, as_pdf=True)
		self.assertTrue(pdf.startswith(b"%PDF"))
