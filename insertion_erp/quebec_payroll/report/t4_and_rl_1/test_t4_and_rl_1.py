"""T4 and RL-1 boxes of the Quebec payroll's company: equal, box by box and to the cent, the
sums of the year's submitted slips (quebec_payroll/test_quebec_payroll.py pays March 2026 to
an hourly trainee and a supervisor)."""

import frappe
from frappe.utils import flt, getdate

from insertion_erp.constants import DEDUCTION_COMPONENTS, EI, FEDERAL_TAX, QPIP, QPP, QPP2, QUEBEC_TAX
from insertion_erp.quebec_payroll import roe
from insertion_erp.quebec_payroll.report.t4_and_rl_1 import t4_and_rl_1
from insertion_erp.quebec_payroll.test_quebec_payroll import COMPANY, build
from insertion_erp.tests.utils import InsertionTestCase, make_user


def slip_sums(employee: str) -> dict[str, float]:
	slips = frappe.get_all(
		"Salary Slip",
		filters={
			"employee": employee,
			"docstatus": 1,
			"posting_date": ("between", ("2026-01-01", "2026-12-31")),
		},
		pluck="name",
	)
	sums = {"gross": sum(flt(frappe.db.get_value("Salary Slip", s, "gross_pay")) for s in slips)}
	for kind in (QPP, QPP2, EI, QPIP, FEDERAL_TAX, QUEBEC_TAX):
		sums[kind] = sum(
			flt(row.amount)
			for s in slips
			for row in frappe.get_doc("Salary Slip", s).deductions
			if row.salary_component == DEDUCTION_COMPONENTS[kind][0]
		)
	return sums


class TestT4AndRL1(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.data = build()

	def rows(self) -> dict[str, dict]:
		data = t4_and_rl_1.execute({"company": COMPANY, "year": 2026})[1]
		return {row["employee"]: row for row in data}

	def message(self) -> str:
		return t4_and_rl_1.execute({"company": COMPANY, "year": 2026})[2]

	def test_the_boxes_are_the_sums_of_the_slips(self) -> None:
		rows = self.rows()
		for employee in (self.data.trainee, self.data.supervisor):
			row, sums = rows[employee], slip_sums(employee)
			self.assertAlmostEqual(row["t4_14"], sums["gross"], places=2)
			self.assertAlmostEqual(row["rl1_a"], sums["gross"], places=2)
			self.assertAlmostEqual(row["t4_17"], sums[QPP], places=2)
			self.assertAlmostEqual(row["rl1_b_a"], sums[QPP], places=2)
			self.assertAlmostEqual(row["t4_17a"] + row["t4_17"], row["rl1_b_a"] + row["rl1_b_b"], places=2)
			self.assertAlmostEqual(row["t4_18"], sums[EI], places=2)
			self.assertAlmostEqual(row["rl1_c"], sums[EI], places=2)
			self.assertAlmostEqual(row["t4_22"], sums[FEDERAL_TAX], places=2)
			self.assertAlmostEqual(row["rl1_e"], sums[QUEBEC_TAX], places=2)
			self.assertAlmostEqual(row["t4_55"], sums[QPIP], places=2)
			self.assertAlmostEqual(row["rl1_h"], sums[QPIP], places=2)
			# Below every maximum, the insurable and pensionable earnings are the gross.
			for box in ("t4_24", "t4_26", "t4_56", "rl1_g", "rl1_i"):
				self.assertAlmostEqual(row[box], sums["gross"], places=2)
		self.assertGreater(rows[self.data.trainee]["t4_17"], 0)

	def test_problems_name_what_the_authorities_would_refuse(self) -> None:
		frappe.db.set_value("Employee", self.data.trainee, "current_address", None)
		problems = self.rows()[self.data.trainee]["problems"]
		self.assertIn("SIN missing", problems)
		self.assertIn("address missing", problems)
		# A slip edited by SQL after it was submitted, past the year's QPP maximum: it says so.
		slip = frappe.db.get_value(
			"Salary Slip", {"employee": self.data.trainee, "docstatus": 1}, "name", order_by="posting_date"
		)
		frappe.db.sql(
			"""update `tabSalary Detail` set amount = amount + 5000
			where parent = %s and salary_component = %s""",
			(slip, DEDUCTION_COMPONENTS[QPP][0]),
		)
		self.assertIn("QPP over the year's maximum", self.rows()[self.data.trainee]["problems"])
		# And the year-end reconciliation finds the slips no longer agree with the ledger.
		self.assertIn("Revenu Québec: the slips withhold and contribute", self.message())
		self.assertIn("a difference of 5", self.message())

	def test_the_year_reconciles_and_an_exit_without_its_roe_is_named(self) -> None:
		self.assertIn("Reconciled", self.message())
		frappe.db.set_value(
			"Employee", self.data.trainee, {"status": "Left", "relieving_date": "2026-03-31"}
		)  # relieved by hand: no parcours closed, no ROE drafted
		self.assertIn("left on 2026-03-31: no Record of Employment issued", self.message())
		# A drafted ROE is named as a draft, not as none (the bookkeeper looked for one that exists).
		draft = roe.create_draft(self.data.trainee, getdate("2026-03-31"))
		self.assertIn(f"left on 2026-03-31: Record of Employment {draft} is a draft", self.message())
		self.assertNotIn("no Record of Employment issued", self.message())

	def test_the_payroll_runs_it_the_cashier_cannot(self) -> None:
		make_user("t4-caisse@example.org", ["Shop Cashier", "Sales User"])
		frappe.set_user("t4-caisse@example.org")
		from frappe.desk.query_report import run

		with self.assertRaises(frappe.PermissionError):
			run("T4 and RL-1", filters={"company": COMPANY, "year": 2026})

	def test_bad_year_is_a_message(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "is not a year"):
			t4_and_rl_1.execute({"company": COMPANY, "year": 12})
