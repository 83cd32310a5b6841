"""A payroll year is one data file (quebec_payroll/data/payroll_years/): the migration creates
the record of a year that has none, never overwrites one the bookkeeper edited, and clears the
flag of a figure a later file confirms where the record still holds that figure."""

import json
import tempfile
from decimal import Decimal as D
from pathlib import Path
from unittest.mock import patch

import frappe

from insertion_erp.install.install import after_migrate
from insertion_erp.quebec_payroll import install as payroll_install
from insertion_erp.quebec_payroll.rates import RATES_DOCTYPE, figures_to_confirm, payroll_year, rates_for
from insertion_erp.tests.utils import InsertionTestCase

YEAR = 2031


def year_file(folder: Path, **figures) -> dict:
	"""The 2026 file shipped as the year 2031, with `figures` changed ({name: (value, source,
	to_confirm)})."""
	data = json.loads((payroll_install.PAYROLL_YEARS / "2026.json").read_text(encoding="utf-8"))
	data["year"] = YEAR
	for tables in ("federal_tables", "quebec_tables"):
		for table in data["figures"][tables]["value"]:
			table["valid_from"] = f"{YEAR}{table['valid_from'][4:]}"
	for name, (value, source, flagged) in figures.items():
		data["figures"][name] = {"value": value, "source": source, "to_confirm": flagged}
	(folder / f"{YEAR}.json").write_text(json.dumps(data), encoding="utf-8")
	return data


class TestPayrollYears(InsertionTestCase):
	def test_adding_a_year_is_adding_its_file(self) -> None:
		self.assertFalse(frappe.db.exists(RATES_DOCTYPE, str(YEAR)))
		with tempfile.TemporaryDirectory() as folder:
			year_file(Path(folder), ympe=("80000", "MGA 80,000 [3P] https://example.org", True))
			with patch.object(payroll_install, "PAYROLL_YEARS", Path(folder)):
				after_migrate()  # what `bench migrate` runs last
			created = payroll_year(YEAR)
			self.assertEqual(created.ympe, D(80_000))
			self.assertEqual(created.qpp_base_rate, D("5.30"))
			self.assertEqual(len(created.federal_tables[0].brackets), 5)
			# The employer-only rates come from the same file.
			rates = rates_for(YEAR)
			self.assertEqual(
				(rates.cnt_max_earnings, rates.fss_low_rate), (created.qpip_max_earnings, D("1.65"))
			)
			self.assertIn("Maximum pensionable earnings (YMPE)", figures_to_confirm(YEAR))
			# The bookkeeper corrects a figure: the next migration leaves it alone.
			frappe.db.set_value(RATES_DOCTYPE, str(YEAR), "qpp_max_earnings", 81_000)
			frappe.clear_document_cache(RATES_DOCTYPE, str(YEAR))
			with patch.object(payroll_install, "PAYROLL_YEARS", Path(folder)):
				self.assertEqual(payroll_install.ensure_payroll_years(), [])
			self.assertEqual(payroll_year(YEAR).ympe, D(81_000))

	def test_a_figure_confirmed_by_a_later_file_is_confirmed_on_the_record(self) -> None:
		with tempfile.TemporaryDirectory() as folder:
			flagged = "5.30 % [3P] https://example.org"
			year_file(
				Path(folder),
				qpp_base_rate=("5.30", flagged, True),
				ei_max_earnings=("68900", "68,900 [3P] https://example.org", True),
			)
			payroll_install.ensure_payroll_years(Path(folder))
			self.assertIn("QPP base rate", figures_to_confirm(YEAR))
			# The bookkeeper entered another EI maximum; the QPP rate is as shipped.
			frappe.db.set_value(RATES_DOCTYPE, str(YEAR), "ei_max_earnings", 69_000)
			frappe.clear_document_cache(RATES_DOCTYPE, str(YEAR))
			official = "5.30 %: CRA T4127, Table 8.4 https://www.canada.ca/t4127"
			year_file(
				Path(folder),
				qpp_base_rate=("5.30", official, False),
				ei_max_earnings=("68900", "68,900: ESDC https://www.canada.ca/ei", False),
			)
			payroll_install.ensure_payroll_years(Path(folder))
		rows = {row.figure: row for row in frappe.get_doc(RATES_DOCTYPE, str(YEAR)).figure_sources}
		self.assertEqual((rows["QPP base rate"].to_confirm, rows["QPP base rate"].source), (0, official))
		# A value the bookkeeper changed stays flagged: the file confirmed another value.
		self.assertEqual(rows["EI maximum insurable earnings"].to_confirm, 1)

	def test_a_year_shipped_carried_forward_takes_the_published_figures(self) -> None:
		"""A year shipped with last year's figures flagged (as 2027 is), then published: a later
		file's value replaces each figure the site left as shipped; the bookkeeper's stay hers."""
		carried = "2030 figure carried forward [DER]"
		with tempfile.TemporaryDirectory() as folder:
			year_file(
				Path(folder),
				ympe=("74600", carried, True),
				qpip_max_earnings=("103000", carried, True),
				ei_max_earnings=("68900", carried, True),
				canada_employment_amount=("1501", carried, True),
			)
			payroll_install.ensure_payroll_years(Path(folder))
			# The bookkeeper entered the EI maximum she read, and confirmed the employment amount.
			frappe.db.set_value(RATES_DOCTYPE, str(YEAR), "ei_max_earnings", 70_100)
			doc = frappe.get_doc(RATES_DOCTYPE, str(YEAR))
			next(r for r in doc.figure_sources if r.figure == "Canada employment amount").to_confirm = 0
			doc.save()
			published = year_file(
				Path(folder),
				ympe=("76800", "MGA 76,800: Retraite Québec https://example.org", False),
				qpip_max_earnings=("106000", "106,000 [3P] https://example.org", True),
				ei_max_earnings=("70500", "70,500: ESDC https://example.org", False),
				canada_employment_amount=("1530", "1,530: CRA https://example.org", False),
			)
			published["figures"]["quebec_tables"]["value"][0]["brackets"][1][0] = "55460"
			published["figures"]["quebec_tables"]["to_confirm"] = False
			(Path(folder) / f"{YEAR}.json").write_text(json.dumps(published), encoding="utf-8")
			frappe.clear_document_cache(RATES_DOCTYPE, str(YEAR))
			payroll_install.ensure_payroll_years(Path(folder))
		frappe.clear_document_cache(RATES_DOCTYPE, str(YEAR))
		held = payroll_year(YEAR)
		rows = {row.figure: row for row in frappe.get_doc(RATES_DOCTYPE, str(YEAR)).figure_sources}
		# Published and left as shipped: replaced, its flag the new file's.
		self.assertEqual(held.ympe, D(76_800))
		self.assertEqual(rows["Maximum pensionable earnings (YMPE)"].to_confirm, 0)
		self.assertEqual(held.qpip_max_earnings, D(106_000))
		self.assertEqual(rows["QPIP maximum insurable earnings"].to_confirm, 1)
		self.assertIn("[3P]", rows["QPIP maximum insurable earnings"].source)
		# The employer's CNT stops at the QPIP maximum: it follows.
		self.assertEqual(rates_for(YEAR).cnt_max_earnings, D(106_000))
		# A table: the Quebec brackets replaced, the federal ones kept.
		self.assertEqual(held.quebec_tables[0].brackets[1].threshold, D(55_460))
		self.assertEqual(len(held.federal_tables[0].brackets), 5)
		# The bookkeeper's: her value, and the figure she confirmed, untouched.
		self.assertEqual(held.ei_max_earnings, D(70_100))
		self.assertEqual(rows["EI maximum insurable earnings"].to_confirm, 1)
		self.assertEqual(held.canada_employment_amount, D(1501))
