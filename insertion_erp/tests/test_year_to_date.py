"""The database sums the year's earlier slips with the core's own rounding of QPP."""

from dataclasses import replace
from decimal import Decimal as D

import frappe

from insertion_erp.core.payroll import payroll_parameters
from insertion_erp.core.payroll.contributions import qpp_on_pay
from insertion_erp.funding.payroll import QPP_CENTS_SQL
from insertion_erp.quebec_payroll.setup import PAYROLL_YEARS
from insertion_erp.tests.utils import InsertionTestCase

SHIPPED_RATES = {
	year: payroll_parameters.employer_rates(data)
	for year, data in payroll_parameters.shipped(PAYROLL_YEARS).items()
}

GROSS = ["0", "0.01", "67.30", "67.31", "100", "999.99", "1127", "1234.57", "2400", "8000", "15000.03"]


def qpp_in_database(gross: str, rates, pays: int) -> D:
	cents = frappe.db.sql(
		f"""select {QPP_CENTS_SQL.format(gross="g.gross_pay")}
		from (select cast(%(gross)s as decimal(21, 9)) as gross_pay) g""",
		{
			"gross": gross,
			"pays": pays,
			"exemption": f"{rates.qpp_exemption:f}",
			"qpp_rate": f"{rates.qpp_rate:f}",
		},
	)[0][0]
	return D(cents) / 100


class TestYearToDate(InsertionTestCase):
	def test_the_database_rounds_each_slip_as_the_core_does(self) -> None:
		for year, rates in SHIPPED_RATES.items():
			for pays in (1, 12, 24, 26, 52, 260):
				for gross in GROSS:
					with self.subTest(year=year, pays=pays, gross=gross):
						self.assertEqual(
							qpp_in_database(gross, rates, pays), qpp_on_pay(D(gross), rates, pays)
						)

	def test_the_truncated_exemption_per_pay_in_both(self) -> None:
		# (100 - 67.30, Revenu Québec's 3500 / 52 truncated to the cent) x 6.5 % = 2.1255.
		rates = replace(SHIPPED_RATES[2025], qpp_rate=D("6.5"))
		self.assertEqual(qpp_in_database("100", rates, 52), D("2.13"))
		self.assertEqual(qpp_on_pay(D("100"), rates, 52), D("2.13"))
