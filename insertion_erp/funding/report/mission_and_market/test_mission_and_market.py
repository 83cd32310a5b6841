"""The director's report agrees with ERPNext's Profit and Loss, to the cent."""

from decimal import Decimal as D

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.devtools.books_check import profit_and_loss_totals, report_totals
from insertion_erp.devtools.sample_shop import ensure_shop
from insertion_erp.funding.report.mission_and_market.mission_and_market import execute
from insertion_erp.ledger import ensure_account
from insertion_erp.quebec_payroll.test_quebec_payroll import ABBR as ABBR_QUEBEC
from insertion_erp.quebec_payroll.test_quebec_payroll import COMPANY as QUEBEC_COMPANY
from insertion_erp.quebec_payroll.test_quebec_payroll import build as build_quebec_payroll
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


def totals_by_kind(fiscal_year: str, company: str = COMPANY) -> dict[str, D]:
	data = execute({"company": company, "fiscal_year": fiscal_year})[1]
	return {row["kind"]: cents(row["total"]) for row in data if row["indent"] == 0}


def cents(value) -> D:
	return D(str(value or 0)).quantize(D("0.01"))


def accounts_under(data: list[dict], kind: str) -> list[str]:
	"""The account rows listed under a line (the tree's children)."""
	start = next(i for i, row in enumerate(data) if row["kind"] == kind and row["indent"] == 0)
	result = []
	for row in data[start + 1 :]:
		if row["indent"] == 0:
			break
		result.append(row["line"])
	return result


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

		_columns, data, message, chart, _summary = execute({"company": COMPANY, "fiscal_year": fiscal_year})
		line = {row["kind"]: row for row in data if row["indent"] == 0}
		after = totals_by_kind(fiscal_year)
		added = {kind: after[kind] - before[kind] for kind in after if kind != "ratio"}
		self.assertEqual(
			added,
			{
				"sales": D("40.00"),
				"claims": D("1000.25"),
				"grants": D("500.00"),
				"income": D("1540.25"),
				"trainee_wages": D("0.00"),
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
		# Each line lists the accounts it counts.
		self.assertIn(rent, accounts_under(data, "production"))
		self.assertIn(grant, accounts_under(data, "grants"))
		self.assertIn(claims, accounts_under(data, "claims"))
		self.assertNotIn(rent, accounts_under(data, "insertion"))

		# Total income and total expense, as ERPNext's Profit and Loss gives them.
		self.assertEqual(report_totals(COMPANY, fiscal_year), profit_and_loss_totals(COMPANY, fiscal_year))


class TestTraineeWagesOnTheMission(InsertionTestCase):
	"""A real March payroll (HRMS Payroll Entries, their accrual journal entries, the employer
	contributions of the Quebec payroll): a trainee paid from timesheets and a supervisor."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.company = QUEBEC_COMPANY
		cls.data = build_quebec_payroll()
		cls.fiscal_year = frappe.db.get_value("Fiscal Year", {"year_start_date": "2026-01-01"})

	def cost_of(self, employee: str) -> D:
		"""Wages and employer contributions of the employee's booked slips of 2026."""
		gross, contributions = frappe.db.sql(
			"""select sum(gross_pay), sum(insertion_total_employer_contributions) from `tabSalary Slip`
			where employee = %s and docstatus = 1 and coalesce(journal_entry, '') != ''
				and posting_date between '2026-01-01' and '2026-12-31'""",
			employee,
		)[0]
		return cents(D(str(gross or 0)) + D(str(contributions or 0)))

	def test_the_trainees_wages_and_contributions_are_on_the_missions_side(self) -> None:
		trainee, supervisor = self.cost_of(self.data.trainee), self.cost_of(self.data.supervisor)
		self.assertGreater(trainee, D("2700"))  # 150 h x $18, and the employer's contributions
		self.assertGreater(supervisor, D("4000"))
		_columns, data, message, _chart, summary = execute(
			{"company": self.company, "fiscal_year": self.fiscal_year}
		)
		line = {row["kind"]: row for row in data if row["indent"] == 0}
		self.assertEqual(cents(line["trainee_wages"]["total"]), trainee)
		self.assertEqual(cents(line["trainee_wages"]["m_2026_03"]), trainee)
		# The market keeps the supervisor's wages, its payroll accounts listed whole and the
		# trainees' part taken out of them on a line of its own.
		moved = [row for row in data if row["line"].startswith("Less: the trainees' wages")]
		self.assertEqual([cents(row["total"]) for row in moved], [-trainee])
		payroll_accounts = frappe.db.sql_list(
			"""select distinct gle.account from `tabGL Entry` gle
			join `tabAccount` a on a.name = gle.account
			where a.root_type = 'Expense' and gle.is_cancelled = 0 and gle.voucher_no in
				(select journal_entry from `tabSalary Slip` where employee = %s and docstatus = 1)""",
			self.data.trainee,
		)
		self.assertIn(f"Cotisations de l'employeur - {ABBR_QUEBEC}", payroll_accounts)
		self.assertLessEqual(set(payroll_accounts), set(accounts_under(data, "production")))
		self.assertGreaterEqual(cents(line["production"]["total"]), supervisor)
		self.assertEqual(
			cents(line["expenses"]["total"]),
			cents(line["trainee_wages"]["total"])
			+ cents(line["insertion"]["total"])
			+ cents(line["production"]["total"]),
		)
		for account in payroll_accounts:  # the accounts the trainees' part is taken from
			self.assertIn(frappe.utils.escape_html(account), message)  # the message is HTML
		by_label = {item["label"]: item["value"] for item in summary}
		self.assertEqual(
			cents(by_label["Mission's expenses"]),
			cents(line["trainee_wages"]["total"]) + cents(line["insertion"]["total"]),
		)
		self.assertEqual(cents(by_label["Market's expenses"]), cents(line["production"]["total"]))
		# Moving the wages between the sides keeps the books' totals.
		self.assertEqual(
			report_totals(self.company, self.fiscal_year),
			profit_and_loss_totals(self.company, self.fiscal_year),
		)

	def test_the_ratio_is_shown_to_the_hundredth(self) -> None:
		expenses = totals_by_kind(self.fiscal_year, self.company)["expenses"]
		# Sales of about 10.24 % of the expenses, a cent more until the hundredth is not a zero.
		sales = (expenses * D("0.1024")).quantize(D("0.01"))
		while (sales * 100 / expenses).quantize(D("0.01"), "ROUND_HALF_UP") % D("0.1") == 0:
			sales += D("0.01")
		expected = (sales * 100 / expenses).quantize(D("0.01"), "ROUND_HALF_UP")
		income = ensure_account(self.company, "Ventes de test", "Income", "Income Account")
		cash = frappe.db.get_value(
			"Account", {"company": self.company, "account_type": ("in", ("Cash", "Bank")), "is_group": 0}
		)
		cost_center = frappe.get_cached_value("Company", self.company, "cost_center")
		frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"company": self.company,
				"posting_date": "2026-03-31",
				"accounts": [
					{"account": cash, "debit_in_account_currency": float(sales), "cost_center": cost_center},
					{
						"account": income,
						"credit_in_account_currency": float(sales),
						"cost_center": cost_center,
					},
				],
			}
		).insert(ignore_permissions=True).submit()
		_columns, data, _message, _chart, summary = execute(
			{"company": self.company, "fiscal_year": self.fiscal_year}
		)
		ratio = next(row for row in data if row["kind"] == "ratio")
		self.assertEqual(D(str(ratio["total"])), expected)  # e.g. 10.24, never 10.20
		shown = next(item["value"] for item in summary if item["label"] == "Self-financing ratio")
		digits = "".join(c for c in shown if c.isdigit())
		self.assertEqual(digits, str(expected).replace(".", ""))
		self.assertTrue(shown.endswith("%"))
