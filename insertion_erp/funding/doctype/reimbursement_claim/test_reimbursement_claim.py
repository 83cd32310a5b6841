"""Claims from real HRMS payroll, checked against a worked example computed by hand.

The payroll (insertion_erp/tests/payroll_fixture.py), 2026 rates as shipped:
- Trainee, hourly at $18.00, timesheets of 150 h in March: gross $2,700.00.
- Supervisor, monthly $4,000.00, 50 % of her time funded by the contract.
- A $300.00 insertion cost tagged with the contract, on March 15.
Contract ceilings: $17.00 an hour, 30 hours a week; budget rates 100 %.
CNESST 1.50 per $100 (company), FSS 1.65 % (annual payroll $600,000).
"""

import threading
from decimal import Decimal as D
from io import BytesIO

import frappe
from erpnext.accounts.doctype.payment_entry.payment_entry import get_payment_entry
from frappe.utils import add_days, getdate
from openpyxl import load_workbook

from insertion_erp.constants import SETTINGS
from insertion_erp.devtools.sample_payroll import BASE_COMPONENT, assign, ensure_slip
from insertion_erp.funding.doctype.reimbursement_claim import reimbursement_claim as claim_module
from insertion_erp.funding.doctype.reimbursement_claim.reimbursement_claim import default_posting_date
from insertion_erp.funding.exports import download_claim_xlsx
from insertion_erp.funding.report.contract_budget.contract_budget import execute as contract_budget
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.utils import InsertionTestCase

TRAINEE_WAGES = "Trainee Wages and Benefits"
SUPERVISION = "Supervision Staff Wages and Benefits"
COSTS = "Insertion Costs"
CENT = D("0.01")


def r(value: D) -> D:
	return value.quantize(CENT, rounding="ROUND_HALF_UP")


# --- The worked example, by hand ------------------------------------------------
# Trainee, March: 150 h x $18.00 = $2,700.00. Employer contributions, monthly pay:
T_GROSS = D("2700.00")
T_QPP = r((T_GROSS - D(3500) / 12) * D("0.063"))  # 2408.3333 x 6.30 % = 151.725 -> 151.73
T_EI = r(T_GROSS * D("0.0182"))  # 49.14
T_QPIP = r(T_GROSS * D("0.00602"))  # 16.254 -> 16.25
T_FSS = r(T_GROSS * D("0.0165"))  # 44.55
T_CNT = r(T_GROSS * D("0.0006"))  # 1.62
T_CNESST = r(T_GROSS * D("1.50") / 100)  # 40.50
T_CONTRIB = T_QPP + T_EI + T_QPIP + T_FSS + T_CNT + T_CNESST  # 303.79
# Ceilings: 30 h a week over 31 days = 132.857 h; $17.00 instead of $18.00.
T_HOURS = D(30) * D(31) / D(7)
T_FUNDED_GROSS = T_HOURS * D(17)  # 2258.5714
T_FUNDED = T_FUNDED_GROSS + T_CONTRIB * T_FUNDED_GROSS / T_GROSS  # 2258.5714 + 254.1227
T_REIMBURSED = r(T_FUNDED)  # 2512.69

# Supervisor, March: $4,000.00, half of it funded.
S_GROSS = D("4000.00")
S_CONTRIB = (
	r((S_GROSS - D(3500) / 12) * D("0.063"))  # 233.625 -> 233.63
	+ r(S_GROSS * D("0.0182"))  # 72.80
	+ r(S_GROSS * D("0.00602"))  # 24.08
	+ r(S_GROSS * D("0.0165"))  # 66.00
	+ r(S_GROSS * D("0.0006"))  # 2.40
	+ r(S_GROSS * D("1.50") / 100)  # 60.00
)  # 458.91
S_REIMBURSED = r((S_GROSS + S_CONTRIB) * D("0.50"))  # 2229.455 -> 2229.46

COST = D("300.00")
TOTAL = T_REIMBURSED + S_REIMBURSED + COST  # 5042.15


class ClaimTestCase(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.f = payroll_fixture.build()

	def new_claim(self, from_date="2026-03-01", to_date="2026-03-31", fill=True):
		claim = frappe.get_doc(
			{
				"doctype": "Reimbursement Claim",
				"contract": self.f.contract,
				"from_date": from_date,
				"to_date": to_date,
			}
		).insert()
		if fill:
			self.assertEqual(claim.get_payroll(), "filled")
		return claim

	def slip(self, employee: str, month: str = "2026-03-01") -> str:
		return self.f.slips[(employee, month)]


class TestWorkedExample(ClaimTestCase):
	def test_the_claims_income_is_dated_in_the_month_it_pays_back(self) -> None:
		# March 2026 is past and its books are open: the claim is posted on its last day.
		self.assertEqual(getdate(self.new_claim(fill=False).posting_date), getdate("2026-03-31"))
		# A period not yet over is posted today.
		future = default_posting_date(
			frappe.db.get_value("Insertion Contract", self.f.contract, "company"), add_days(getdate(), 3)
		)
		self.assertEqual(future, getdate())

	def test_the_hand_computed_figures(self) -> None:
		self.assertEqual(T_CONTRIB, D("303.79"))
		self.assertEqual(S_CONTRIB, D("458.91"))
		self.assertEqual((T_REIMBURSED, S_REIMBURSED, TOTAL), (D("2512.69"), D("2229.46"), D("5042.15")))

	def test_a_march_claim_matches_the_worked_example(self) -> None:
		claim = self.new_claim()
		lines = {line.salary_slip or line.voucher_no: line for line in claim.lines}
		self.assertEqual(
			set(lines), {self.slip(self.f.trainee_employee), self.slip(self.f.supervisor), self.f.cost}
		)

		trainee = lines[self.slip(self.f.trainee_employee)]
		self.assertEqual(trainee.budget_kind, TRAINEE_WAGES)
		self.assertEqual(
			trainee.trainee, frappe.db.get_value("Employee", self.f.trainee_employee, "insertion_trainee")
		)
		self.assertEqual(D(str(trainee.hours)), D(150))
		self.assertEqual(D(str(trainee.eligible_gross)), T_GROSS)
		self.assertEqual(D(str(trainee.contributions)), T_CONTRIB)
		self.assertEqual(D(str(trainee.funded_amount)).quantize(CENT), r(T_FUNDED))
		self.assertEqual(D(str(trainee.reimbursed)), T_REIMBURSED)

		supervisor = lines[self.slip(self.f.supervisor)]
		self.assertEqual(supervisor.budget_kind, SUPERVISION)
		self.assertIsNone(supervisor.trainee)
		self.assertEqual(D(str(supervisor.contributions)), S_CONTRIB)
		self.assertEqual(D(str(supervisor.reimbursed)), S_REIMBURSED)

		cost = lines[self.f.cost]
		self.assertEqual((cost.budget_kind, D(str(cost.reimbursed))), (COSTS, COST))

		totals = {t.budget_kind: D(str(t.claimed)) for t in claim.totals}
		self.assertEqual(totals, {TRAINEE_WAGES: T_REIMBURSED, SUPERVISION: S_REIMBURSED, COSTS: COST})
		# The rounding rule: rounded lines add up to the totals, and the totals to the claim.
		self.assertEqual(sum(D(str(line.reimbursed)) for line in claim.lines), TOTAL)
		self.assertEqual(D(str(claim.total_reimbursed)), TOTAL)

	def test_the_year_to_date_counts_earlier_slips(self) -> None:
		# In April, March is already in the year: the supervisor's contributions are the same
		# (far from every maximum), the trainee's follow the lower pay.
		claim = self.new_claim("2026-04-01", "2026-04-30")
		slips = {line.salary_slip for line in claim.lines if line.salary_slip}
		self.assertEqual(
			slips,
			{self.slip(self.f.trainee_employee, "2026-04-01"), self.slip(self.f.supervisor, "2026-04-01")},
		)
		trainee = next(
			line
			for line in claim.lines
			if line.salary_slip == self.slip(self.f.trainee_employee, "2026-04-01")
		)
		april_qpp = r((D(2160) - D(3500) / 12) * D("0.063"))  # 117.705 -> 117.71
		self.assertEqual(
			D(str(trainee.contributions)),
			april_qpp
			+ r(D(2160) * D("0.0182"))
			+ r(D(2160) * D("0.00602"))
			+ r(D(2160) * D("0.0165"))
			+ r(D(2160) * D("0.0006"))
			+ r(D(2160) * D("1.50") / 100),
		)
		# 120 h in a 30-day month stay under 30 h a week: only the hourly ceiling applies.
		self.assertEqual(
			D(str(trainee.funded_amount)).quantize(CENT),
			r(D(120) * D(17) * (1 + D(str(trainee.contributions)) / D(2160))),
		)

	def test_payroll_recorded_contributions_replace_the_computed_ones(self) -> None:
		settings = frappe.get_single("Insertion Settings")
		settings.append(
			"contribution_components",
			{"contribution": "CNESST", "salary_component": BASE_COMPONENT},
		)
		settings.save()
		claim = self.new_claim()
		supervisor = next(line for line in claim.lines if line.salary_slip == self.slip(self.f.supervisor))
		# CNESST now reads the $4,000 base component instead of $60.00 computed; nothing for the trainee.
		self.assertEqual(D(str(supervisor.contributions)), S_CONTRIB - D("60.00") + S_GROSS)
		trainee = next(line for line in claim.lines if line.salary_slip == self.slip(self.f.trainee_employee))
		self.assertEqual(D(str(trainee.contributions)), T_CONTRIB - T_CNESST)

	def test_a_slip_without_its_employer_table_is_named_and_claims_no_contribution(self) -> None:
		# A slip whose table is missing (a payroll kept elsewhere, no component mapped): the claim
		# computes nothing in its place, and says which slip.
		slip = self.slip(self.f.trainee_employee)
		frappe.db.delete("Employer Contribution", {"parent": slip})
		frappe.local.message_log = []
		claim = self.new_claim()
		trainee = next(line for line in claim.lines if line.salary_slip == slip)
		self.assertEqual(D(str(trainee.contributions)), D(0))
		said = " ".join(frappe.as_json(message) for message in frappe.local.message_log)
		self.assertIn("carry no employer contributions", said)
		self.assertIn(slip, said)
		supervisor = next(line for line in claim.lines if line.salary_slip == self.slip(self.f.supervisor))
		self.assertEqual(D(str(supervisor.contributions)), S_CONTRIB)

	def test_a_budget_line_is_capped_with_a_warning(self) -> None:
		contract = frappe.get_doc("Insertion Contract", self.f.contract)
		frappe.db.set_value(
			"Contract Budget Line", contract.budget_line(SUPERVISION).name, "budget_amount", 1000
		)
		frappe.clear_document_cache("Insertion Contract", self.f.contract)
		claim = self.new_claim()
		total = next(t for t in claim.totals if t.budget_kind == SUPERVISION)
		self.assertEqual(
			(D(str(total.requested)), D(str(total.claimed)), total.capped), (S_REIMBURSED, D(1000), 1)
		)
		self.assertEqual(
			sum(D(str(line.reimbursed)) for line in claim.lines if line.budget_kind == SUPERVISION), D(1000)
		)
		self.assertEqual(D(str(claim.total_reimbursed)), T_REIMBURSED + D(1000) + COST)
		self.assertIn("Budget Line Capped", str(frappe.message_log))


class TestClaimRules(ClaimTestCase):
	def test_a_claim_covers_one_period_of_the_contract(self) -> None:
		for start, end in (
			("2026-03-05", "2026-04-04"),
			("2025-12-01", "2025-12-31"),
			("2026-03-01", "2026-04-30"),
		):
			with self.assertRaisesRegex(
				frappe.ValidationError, "covers one monthly period inside the contract"
			):
				self.new_claim(start, end, fill=False)

	def test_double_claim_is_refused(self) -> None:
		first = self.new_claim()
		first.submit()
		with self.assertRaisesRegex(
			frappe.ValidationError, f"Claim .*{first.name}.* of the same contract already covers"
		):
			self.new_claim(fill=False)

	def test_a_second_draft_for_the_same_month_names_the_first_at_once(self) -> None:
		first = self.new_claim(fill=False)
		frappe.local.message_log = []
		second = self.new_claim(fill=False)
		self.assertTrue(frappe.db.exists("Reimbursement Claim", second.name))
		said = " ".join(frappe.as_json(message) for message in frappe.local.message_log)
		self.assertIn("Draft claim", said)
		self.assertIn(first.name, said)
		# Once the first is submitted, the second can no longer be saved.
		self.assertEqual(first.get_payroll(), "filled")
		first.submit()
		second.reload()
		with self.assertRaisesRegex(frappe.ValidationError, "already covers"):
			second.save()

	def test_the_database_refuses_a_slip_in_two_claims(self) -> None:
		march = self.new_claim()
		march.submit()
		april = self.new_claim("2026-04-01", "2026-04-30")
		# Someone forces March's trainee slip into April's claim through the API.
		line = next(line for line in march.lines if line.salary_slip)
		april.append("lines", {**line.as_dict(no_default_fields=True, no_child_table_fields=True)})
		april.save()
		with self.assertRaisesRegex(frappe.ValidationError, f"already in claim {march.name}"):
			april.submit()

	def test_a_claimed_slip_cannot_be_cancelled(self) -> None:
		claim = self.new_claim()
		claim.submit()
		slip = frappe.get_doc("Salary Slip", self.slip(self.f.trainee_employee))
		with self.assertRaisesRegex(frappe.ValidationError, f"claimed in reimbursement claim {claim.name}"):
			slip.cancel()
		self.assertEqual(frappe.db.get_value("Salary Slip", slip.name, "docstatus"), 1)

	def test_the_lines_links_are_checked_with_frappes_messages(self) -> None:
		# Checked in bulk (one query per linked doctype), refused as frappe refuses them.
		claim = self.new_claim()
		claim.lines[1].salary_slip = "NO-SUCH-SLIP"
		with self.assertRaisesRegex(frappe.LinkValidationError, "Row #2: .*NO-SUCH-SLIP"):
			claim.save()
		frappe.db.rollback()
		claim = self.new_claim()
		cancelled = ensure_slip(self.f.supervisor, payroll_fixture.COMPANY, "2026-07-01", "2026-07-31")
		frappe.get_doc("Salary Slip", cancelled).cancel()
		claim.lines[0].salary_slip = cancelled
		with self.assertRaisesRegex(frappe.CancelledLinkError, f"Row #1: .*{cancelled}"):
			claim.save()
		frappe.db.rollback()
		# A name spelt in another case is taken as the database spells it.
		claim = self.new_claim()
		claim.lines[0].employee = claim.lines[0].employee.lower()
		claim.save()
		self.assertEqual(claim.lines[0].employee, frappe.db.get_value("Employee", claim.lines[0].employee))

	def test_large_claims_are_filled_by_a_background_job(self) -> None:
		claim = self.new_claim(fill=False)
		original = claim_module.BACKGROUND_SLIPS
		claim_module.BACKGROUND_SLIPS = 0
		try:
			self.assertEqual(claim.get_payroll(), "queued")
		finally:
			claim_module.BACKGROUND_SLIPS = original
		claim.reload()
		self.assertEqual(D(str(claim.total_reimbursed)), TOTAL)

	def test_slips_outside_the_contract_do_not_send_a_claim_to_the_background(self) -> None:
		"""The background threshold counts what the claim takes, not the company's other slips."""
		outsider = frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": "Hors",
				"last_name": "Contrat",
				"gender": "Male",
				"date_of_birth": "1985-01-01",
				"date_of_joining": "2025-01-06",
				"company": payroll_fixture.COMPANY,
				"status": "Active",
			}
		).insert(ignore_permissions=True)
		structure = frappe.db.get_value("Salary Structure", payroll_fixture.MONTHLY)
		assign(outsider.name, structure, payroll_fixture.COMPANY, "2026-01-01", 3000)
		ensure_slip(outsider.name, payroll_fixture.COMPANY, "2026-03-01", "2026-03-31")
		claim = self.new_claim(fill=False)
		original = claim_module.BACKGROUND_SLIPS
		claim_module.BACKGROUND_SLIPS = 2  # the contract's trainee and supervisor in March
		try:
			self.assertEqual(claim.get_payroll(), "filled")
		finally:
			claim_module.BACKGROUND_SLIPS = original
		self.assertNotIn(outsider.name, [line.employee for line in claim.lines])


class TestClaimAccounting(ClaimTestCase):
	def test_the_invoice_books_where_the_settings_say(self) -> None:
		other = frappe.db.get_value(
			"Account",
			{
				"company": payroll_fixture.COMPANY,
				"root_type": "Income",
				"is_group": 0,
				"account_name": ("like", "Sales%"),
			},
		)
		settings = frappe.get_single(SETTINGS)
		next(
			row for row in settings.claim_accounts if row.company == payroll_fixture.COMPANY
		).income_account = other
		settings.save()
		claim = self.new_claim()
		claim.submit()
		invoice = frappe.get_doc("Sales Invoice", claim.sales_invoice)
		self.assertEqual({item.income_account for item in invoice.items}, {other})

	def test_submit_names_the_missing_setting_and_creates_nothing(self) -> None:
		settings = frappe.get_single(SETTINGS)
		settings.claim_accounts = [r for r in settings.claim_accounts if r.company != payroll_fixture.COMPANY]
		settings.save()
		accounts = frappe.db.count("Account", {"company": payroll_fixture.COMPANY})
		invoices = frappe.db.count("Sales Invoice")
		claim = self.new_claim()
		with self.assertRaisesRegex(
			frappe.ValidationError, "income account of company .* Insertion Settings"
		):
			claim.submit()
		self.assertEqual(frappe.db.count("Account", {"company": payroll_fixture.COMPANY}), accounts)
		self.assertEqual(frappe.db.count("Sales Invoice"), invoices)

	def test_submit_books_a_receivable_that_a_payment_settles(self) -> None:
		claim = self.new_claim()
		claim.submit()
		invoice = frappe.get_doc("Sales Invoice", claim.sales_invoice)
		self.assertEqual(
			(invoice.docstatus, invoice.customer, invoice.insertion_claim),
			(1, claim.funder_customer, claim.name),
		)
		self.assertEqual(
			sorted((row.item_code, D(str(row.amount))) for row in invoice.items),
			sorted(
				[
					("EQ-TRAINEE-WAGES", T_REIMBURSED),
					("EQ-SUPERVISION", S_REIMBURSED),
					("EQ-INSERTION-COSTS", COST),
				]
			),
		)
		self.assertEqual(D(str(invoice.outstanding_amount)), TOTAL)
		receivable = frappe.db.sql(
			"""select sum(debit - credit) from `tabGL Entry` where voucher_no = %s and party = %s and is_cancelled = 0""",
			(invoice.name, claim.funder_customer),
		)[0][0]
		self.assertEqual(D(str(receivable)), TOTAL)

		payment = get_payment_entry("Sales Invoice", invoice.name)
		payment.reference_no, payment.reference_date = "EQ-VIREMENT-1", "2026-05-15"
		payment.insert()
		payment.submit()
		self.assertEqual(frappe.db.get_value("Sales Invoice", invoice.name, "outstanding_amount"), 0)

		with self.assertRaisesRegex(
			frappe.ValidationError, f"Payment {payment.name} is recorded against invoice"
		):
			frappe.get_doc("Reimbursement Claim", claim.name).cancel()
		payment.cancel()
		frappe.get_doc("Reimbursement Claim", claim.name).cancel()
		self.assertEqual(frappe.db.get_value("Sales Invoice", invoice.name, "docstatus"), 2)
		self.assertFalse(frappe.db.exists("Claimed Salary Slip", {"claim": claim.name}))
		# The claim keeps its lines; the slips can be claimed again.
		self.assertEqual(len(frappe.get_doc("Reimbursement Claim", claim.name).lines), 3)
		self.assertEqual(len(self.new_claim().lines), 3)

	def test_the_contract_budget_against_actuals_and_the_pace(self) -> None:
		claim = self.new_claim()
		claim.submit()
		report = {row["budget_kind"]: row for row in budget_report(self.f.contract)}
		trainees = report[TRAINEE_WAGES]
		self.assertEqual(
			(trainees["budget"], trainees["claimed"], trainees["paid"]), (D(50000), T_REIMBURSED, 0)
		)
		self.assertEqual(trainees["remaining"], D(50000) - T_REIMBURSED)
		# January 1 to March 31 claimed (90 days); the pace runs on to December 31 (275 days).
		month = D("30.4375")
		pace = T_REIMBURSED / (D(90) / month)
		self.assertEqual(trainees["monthly_pace"], r(pace))
		self.assertEqual(trainees["projected"], r(T_REIMBURSED + pace * D(275) / month))
		self.assertEqual(report[SUPERVISION]["warning"], "")  # 2,229.46 over 3 months of 20,000: it lasts
		payment = get_payment_entry("Sales Invoice", claim.sales_invoice)
		payment.reference_no, payment.reference_date = "EQ-VIREMENT-2", "2026-05-15"
		payment.insert().submit()
		report = {row["budget_kind"]: row for row in budget_report(self.f.contract)}
		self.assertEqual(
			[report[kind]["paid"] for kind in (TRAINEE_WAGES, SUPERVISION, COSTS)],
			[T_REIMBURSED, S_REIMBURSED, COST],
		)
		# A pace that uses up the line before the end is named.
		frappe.db.set_value(
			"Contract Budget Line", {"parent": self.f.contract, "kind": COSTS}, "budget_amount", 400
		)
		frappe.clear_document_cache("Insertion Contract", self.f.contract)
		warning = {row["budget_kind"]: row for row in budget_report(self.f.contract)}[COSTS]["warning"]
		self.assertIn("months before the contract ends", warning)

	def test_the_invoice_is_cancelled_through_its_claim(self) -> None:
		claim = self.new_claim()
		claim.submit()
		with self.assertRaisesRegex(frappe.ValidationError, f"belongs to reimbursement claim {claim.name}"):
			frappe.get_doc("Sales Invoice", claim.sales_invoice).cancel()

	def test_exports_for_the_funder(self) -> None:
		claim = self.new_claim()
		download_claim_xlsx(claim.name)
		self.assertEqual(frappe.response["filename"], f"{claim.name}.xlsx")
		sheet = load_workbook(BytesIO(frappe.response["filecontent"])).active
		rows = list(sheet.values)
		self.assertEqual(rows[0][:3], ("Budget Line", "Employee", "Employee Name"))
		self.assertEqual(len(rows), 1 + 3 + 1)
		self.assertEqual(D(str(rows[-1][-1])), TOTAL)
		frappe.local.lang = "fr"
		html = frappe.get_print("Reimbursement Claim", claim.name, "Demande de remboursement")
		self.assertIn("Demande de remboursement", html)
		self.assertIn("Salaires et avantages des travailleurs en formation", html)
		self.assertIn(claim.get_formatted("total_reimbursed"), html)
		# What the funder reads first: the title, the company, the contract, the period.
		self.assertIn(payroll_fixture.COMPANY, html)
		self.assertIn(frappe.format(claim.from_date, "Date"), html)
		# Letter in landscape, rates as "75,00 %", no date or amount broken across lines.
		self.assertIn("page-size: Letter", html)
		self.assertIn("orientation: Landscape", html)
		self.assertRegex(html, r"\d+,\d\d&nbsp;%")
		self.assertNotRegex(html, r"\d\.\d%")
		self.assertIn("white-space: nowrap", html)
		self.assertEqual(
			frappe.get_meta("Reimbursement Claim").default_print_format, "Demande de remboursement"
		)
		pdf = frappe.get_print("Reimbursement Claim", claim.name, "Demande de remboursement", as_pdf=True)
		self.assertTrue(pdf.startswith(b"%PDF"))


class TestConcurrentSubmit(ClaimTestCase):
	"""Two bookkeepers submit claims holding the same slips at the same moment: one wins."""

	def test_only_one_of_two_simultaneous_submits_succeeds(self) -> None:
		drafts = [self.new_claim().name, self.new_claim().name]
		frappe.db.commit()  # nosemgrep: the other connections must see the drafts
		site, sites_path = frappe.local.site, frappe.local.sites_path
		results, barrier = {}, threading.Barrier(2)

		def submit(name: str) -> None:
			frappe.init(site=site, sites_path=sites_path)
			frappe.connect()
			try:
				frappe.set_user("Administrator")
				doc = frappe.get_doc("Reimbursement Claim", name)
				barrier.wait()
				doc.submit()
				frappe.db.commit()  # nosemgrep
				results[name] = "submitted"
			except Exception as e:
				frappe.db.rollback()
				results[name] = str(e)
			finally:
				frappe.destroy()

		threads = [threading.Thread(target=submit, args=(name,)) for name in drafts]
		try:
			for t in threads:
				t.start()
			for t in threads:
				t.join()
			self.assertEqual(sorted(v == "submitted" for v in results.values()), [False, True], results)
			loser = next(v for v in results.values() if v != "submitted")
			self.assertRegex(loser, "already covers part of this period|already in claim")
			winner = next(name for name, v in results.items() if v == "submitted")
			self.assertEqual(frappe.db.count("Claimed Salary Slip", {"claim": winner}), 2)
		finally:
			for name in drafts:
				doc = frappe.get_doc("Reimbursement Claim", name)
				if doc.docstatus == 1:
					doc.cancel()
				frappe.delete_doc("Reimbursement Claim", name, force=True)
			frappe.db.commit()  # nosemgrep


def budget_report(contract: str) -> list[dict]:
	return contract_budget({"contract": contract})[1]
