"""The director's report agrees with ERPNext's Profit and Loss, to the cent."""

from decimal import Decimal as D

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.devtools.books_check import profit_and_loss_totals, report_totals
from insertion_erp.devtools.sample_shop import ensure_shop
from insertion_erp.funding.report.mission_and_market.mission_and_market import execute
from insertion_erp.ledger import ensure_account
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.utils import InsertionTestCase

COMPANY = payroll_fixture.COMPANY


def journal(day: str, debit: str, credit: str, amount: float, **dimensions) -> None:
	cost_center = frappe.get_cached_value("Company", COMPANY, "cost_center")
	frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": COMPANY,
			"posting_date": day,
			"accounts": [
				{
					"account": debit,
					"debit_in_account_currency": amount,
					"cost_center": cost_center,
					**dimensions,
				},
				{"account": credit, "credit_in_account_currency": amount, "cost_center": cost_center},
			],
		}
	).insert(ignore_permissions=True).submit()


def totals_by_kind(fiscal_year: str) -> dict[str, D]:
	data = execute({"company": COMPANY, "fiscal_year": fiscal_year})[1]
	return {row["kind"]: D(str(row["total"] or 0)).quantize(D("0.01")) for row in data}


class TestMissionAndMarket(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.f = payroll_fixture.build()  # a $300.00 insertion cost tagged with the contract, March 15

	def test_it_agrees_with_profit_and_loss_and_sorts_the_lines(self) -> None:
		fiscal_year = frappe.db.get_value("Fiscal Year", {"year_start_date": "2026-01-01"})
		before = totals_by_kind(fiscal_year)
		cash = frappe.db.get_value("Account", {"company": COMPANY, "account_type": "Cash", "is_group": 0})
		claims = frappe.db.get_value(
			"Insertion Claim Account", {"parent": SETTINGS, "company": COMPANY}, "income_account"
		)
		grant = ensure_account(COMPANY, "Subvention Centraide", "Income", "Income Account")
		settings = frappe.get_doc(SETTINGS)
		settings.append("grant_accounts", {"account": grant})
		settings.save(ignore_permissions=True)
		rent = ensure_account(COMPANY, "Loyer de la boutique", "Expense")
		shop = ensure_shop(COMPANY)
		invoice = frappe.get_doc(
			{
				"doctype": "Sales Invoice",
				"company": COMPANY,
				"customer": shop.customer,
				"posting_date": "2026-03-10",
				"set_posting_time": 1,
				"due_date": "2026-03-10",
				"items": [{"item_code": "VETEMENT-USAGE", "qty": 5, "rate": 8}],
			}
		)
		invoice.insert(ignore_permissions=True).submit()  # sales: 40.00
		journal("2026-03-20", cash, claims, 1000.25)  # the funder pays a claim's income
		journal("2026-04-02", cash, grant, 500)
		journal("2026-04-05", rent, cash, 700.10)  # production and structure

		_columns, data, message, chart = execute({"company": COMPANY, "fiscal_year": fiscal_year})
		line = {row["kind"]: row for row in data}
		after = totals_by_kind(fiscal_year)
		added = {kind: after[kind] - before[kind] for kind in after if kind != "ratio"}
		self.assertEqual(
			added,
			{
				"sales": D("40.00"),
				"claims": D("1000.25"),
				"grants": D("500.00"),
				"income": D("1540.25"),
				"insertion": D("0.00"),
				"production": D("700.10"),
				"expenses": D("700.10"),
				"net": D("840.15"),
			},
		)
		self.assertGreaterEqual(after["insertion"], D("300.00"))  # the fixture's tagged cost
		self.assertGreaterEqual(line["sales"]["m_2026_03"], 40.0)
		self.assertEqual(
			D(str(line["ratio"]["total"])),
			(after["sales"] * 100 / after["expenses"]).quantize(D("0.01"), rounding="ROUND_HALF_UP"),
		)
		self.assertIn("sales (goods and services) / total expenses", message)
		self.assertEqual(len(chart["data"]["labels"]), 12)

		# Total income and total expense, as ERPNext's Profit and Loss gives them.
		self.assertEqual(report_totals(COMPANY, fiscal_year), profit_and_loss_totals(COMPANY, fiscal_year))
