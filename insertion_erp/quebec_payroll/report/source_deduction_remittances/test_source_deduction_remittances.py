"""A month's remittances to the CRA and Revenu Québec: the slips' amounts, by hand, equal the
payable accounts' balances of the month, due on the 15th of the following month."""

from datetime import date
from decimal import Decimal as D

import frappe

from insertion_erp.constants import CRA, DEDUCTION_COMPONENTS, PAYABLE_ACCOUNTS, REVENU_QUEBEC
from insertion_erp.quebec_payroll import test_quebec_payroll as payroll
from insertion_erp.quebec_payroll.report.source_deduction_remittances.source_deduction_remittances import (
	execute,
)
from insertion_erp.tests.utils import InsertionTestCase, make_user

REPORT = "Source Deduction Remittances"
FILTERS = {"company": payroll.COMPANY, "month": "2026-03-17"}


def money(value) -> D:
	return D(str(value or 0)).quantize(D("0.01"))


def account(agency: str) -> str:
	return f"{PAYABLE_ACCOUNTS[agency]} - {payroll.ABBR}"


def balance_of_march(agency: str) -> D:
	"""Every entry of March on the agency's payable account, credit less debit."""
	return money(
		frappe.db.sql(
			"""select sum(credit - debit) from `tabGL Entry`
			where account = %s and is_cancelled = 0 and posting_date between %s and %s""",
			(account(agency), *payroll.MARCH),
		)[0][0]
	)


def totals(data: list[dict]) -> dict[str, dict]:
	return {row["account"]: row for row in data if row.get("is_total")}


class TestSourceDeductionRemittances(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.data = payroll.build()
		cls.slips = [payroll.slip_of(cls.data.trainee), payroll.slip_of(cls.data.supervisor)]

	def by_hand(self, employee_kinds: tuple, employer_kinds: tuple) -> D:
		components = {DEDUCTION_COMPONENTS[kind][0] for kind in employee_kinds}
		total = D(0)
		for slip in self.slips:
			total += sum((money(r.amount) for r in slip.deductions if r.salary_component in components), D(0))
			total += sum(
				(
					money(r.amount)
					for r in slip.insertion_employer_contributions
					if r.contribution in employer_kinds
				),
				D(0),
			)
		return total

	def test_each_agencys_total_is_its_payable_accounts_balance_of_the_month(self) -> None:
		_columns, data, message, _chart, summary = execute(FILTERS)
		rows = totals(data)
		self.assertEqual(len(rows), 2)
		for agency in (CRA, REVENU_QUEBEC):
			row = rows[account(agency)]
			self.assertEqual(money(row["amount"]), balance_of_march(agency), agency)
			self.assertEqual(money(row["booked"]), money(row["amount"]), agency)
			self.assertEqual(money(row["difference"]), D("0.00"), agency)
			self.assertEqual(row["due_date"], date(2026, 4, 15))

		cra = self.by_hand(("EI", "Federal Tax"), ("EI",))
		self.assertEqual(money(rows[account(CRA)]["amount"]), cra)
		quebec = self.by_hand(("QPP", "QPP2", "QPIP", "Quebec Tax"), ("QPP", "QPP2", "QPIP", "FSS"))
		self.assertEqual(money(rows[account(REVENU_QUEBEC)]["amount"]), quebec)
		self.assertGreater(cra, 0)
		self.assertGreater(quebec, 0)

		# One line per item: EI (employee), by hand: 35.10 + 52.00.
		items = [row for row in data if not row.get("is_total")]
		self.assertEqual(len(items), 11)
		self.assertEqual(money(items[0]["amount"]), D("87.10"))
		self.assertEqual([s["value"] for s in summary], [float(cra), float(quebec)])
		self.assertTrue(all(s["indicator"] == "Green" for s in summary))
		self.assertIn(frappe.format("2026-04-15", "Date"), summary[0]["label"])
		self.assertIn("Employer Contributions table", message)

	def test_paying_the_remittance_leaves_the_check_alone(self) -> None:
		cash = frappe.db.get_value(
			"Account", {"company": payroll.COMPANY, "account_type": "Cash", "is_group": 0}
		)
		frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"company": payroll.COMPANY,
				"posting_date": "2026-03-15",  # February's remittance, paid in March
				"accounts": [
					{"account": account(CRA), "debit_in_account_currency": 100},
					{"account": cash, "credit_in_account_currency": 100},
				],
			}
		).insert(ignore_permissions=True).submit()
		row = totals(execute(FILTERS)[1])[account(CRA)]
		self.assertEqual(money(row["difference"]), D("0.00"))
		self.assertEqual(money(row["amount"]), balance_of_march(CRA) + 100)

	def test_another_month_is_empty(self) -> None:
		data = execute({**FILTERS, "month": "2026-05-02"})[1]
		self.assertTrue(all(row["amount"] == 0 for row in data))
		self.assertEqual(totals(data)[account(CRA)]["due_date"], date(2026, 6, 15))

	def test_payroll_users_run_it_others_are_refused(self) -> None:
		payroll_user = make_user("paie-remises@example.org", ["HR User"])
		bookkeeper = make_user("comptable-remises@example.org", ["Accounts User"])
		employee = make_user("employe-remises@example.org", ["Employee"])
		for user in (payroll_user, bookkeeper):
			frappe.set_user(user)
			result = frappe.call("frappe.desk.query_report.run", report_name=REPORT, filters=FILTERS)
			self.assertEqual(len(result["result"]), 13, user)
		frappe.set_user(employee)
		with self.assertRaises(frappe.PermissionError):
			frappe.call("frappe.desk.query_report.run", report_name=REPORT, filters=FILTERS)
