"""Return to Government on real records: HRMS payroll, a submitted claim and its invoice,
closed parcours and their follow-ups, the Return to Government Rates shipped for 2026.

The fixture (insertion_erp/tests/return_fixture.py: built once, committed), company "Atelier Retour
Test", trade "Retour à l'État (test)", parcours from 2026-02-02 to 2026-03-31:
- Alpha, on social assistance: 120 h in March at $18; employed full time at 3 months
  ($19.50, 35 h a week), unreachable at 6 months;
- Bravo, on employment insurance: 80 h in March; employed part time at 3 months, the wage
  not recorded;
- Charlie, no public income, no payroll: employed at 3 months ($18, 35 h).
A supervisor ($4,000 a month, half funded) and a $250 insertion cost; the March claim of the
contract is submitted, which books its invoice to the funder.
"""

import json
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

import frappe
from erpnext.accounts.doctype.payment_entry.payment_entry import get_payment_entry

from insertion_erp.core.funding.claims import INSERTION_COSTS, SUPERVISION_WAGES, TRAINEE_WAGES
from insertion_erp.core.results import return_to_government as rules
from insertion_erp.results.report.return_to_government import return_to_government as report
from insertion_erp.tests.factories import ensure_trade
from insertion_erp.tests.return_fixture import BORN, COMPANY, LAST_NAME, TRADE, build, set_follow_up
from insertion_erp.tests.utils import InsertionTestCase, make_user

FILTERS = {"company": COMPANY, "from_date": "2026-01-01", "to_date": "2026-12-31", "trade": TRADE}


def r(value: D) -> D:
	return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def run(filters: dict | None = None) -> tuple:
	columns, data, message, _chart, summary = report.execute(filters or FILTERS)
	return columns, {row["parcours"]: row for row in data}, message, {s["label"]: s["value"] for s in summary}


class TestReturnToGovernment(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.f = build()

	def setUp(self) -> None:
		self.alpha, self.bravo, self.charlie = (self.f.parcours[n] for n in ("Alpha", "Bravo", "Charlie"))

	def claim_lines(self) -> dict:
		claim = frappe.get_doc("Reimbursement Claim", self.f.claim)
		trainee_of = {
			frappe.db.get_value("Parcours", p, "trainee"): name for name, p in self.f.parcours.items()
		}
		own = {
			trainee_of[line.trainee]: (D(str(line.hours)), D(str(line.reimbursed)))
			for line in claim.lines
			if line.budget_kind == TRAINEE_WAGES
		}
		shared = sum(
			(D(str(line.reimbursed)) for line in claim.lines if line.budget_kind != TRAINEE_WAGES), D(0)
		)
		kinds = {line.budget_kind for line in claim.lines}
		return frappe._dict(claim=claim, own=own, shared=shared, kinds=kinds)

	def test_the_outlay_is_the_trainees_lines_and_an_hours_share_of_supervision(self) -> None:
		lines = self.claim_lines()
		self.assertEqual(lines.kinds, {TRAINEE_WAGES, SUPERVISION_WAGES, INSERTION_COSTS})
		self.assertEqual(set(lines.own), {"Alpha", "Bravo"})
		(alpha_hours, alpha_own), (bravo_hours, bravo_own) = lines.own["Alpha"], lines.own["Bravo"]
		self.assertEqual((alpha_hours, bravo_hours), (D(120), D(80)))
		# Supervision (half of $4,000 and its contributions) and the $250 cost, by hours: 120 / 200.
		alpha_share = r(lines.shared * 120 / 200)
		bravo_share = lines.shared - alpha_share
		self.assertEqual(bravo_share, r(lines.shared * 80 / 200))  # the split adds up to the cent
		_columns, rows, _message, summary = run()
		self.assertEqual(set(rows), {self.alpha, self.bravo, self.charlie})
		self.assertEqual(rows[self.alpha]["outlay_claimed"], alpha_own + alpha_share)
		self.assertEqual(rows[self.bravo]["outlay_claimed"], bravo_own + bravo_share)
		self.assertEqual(rows[self.charlie]["outlay_claimed"], 0)  # no payroll, nothing claimed
		# The whole claim, and nothing else, is the cohort's outlay.
		self.assertEqual(summary["Outlay Claimed"], D(str(lines.claim.total_reimbursed)))
		# Nothing paid yet.
		self.assertEqual([row["outlay_paid"] for row in rows.values()], [0, 0, 0])

	def test_the_outlay_paid_follows_the_invoice(self) -> None:
		invoice = frappe.get_doc(
			"Sales Invoice", frappe.db.get_value("Reimbursement Claim", self.f.claim, "sales_invoice")
		)
		total = D(str(invoice.grand_total))
		part = r(total * D("0.4"))
		payment = get_payment_entry("Sales Invoice", invoice.name, party_amount=float(part))
		payment.reference_no, payment.reference_date = "EQ-RETOUR-1", "2026-05-15"
		payment.insert().submit()
		_columns, rows, message, summary = run()
		for name in (self.alpha, self.bravo):
			claimed = rows[name]["outlay_claimed"]
			self.assertEqual(rows[name]["outlay_paid"], r(claimed * part / total))
		self.assertEqual(summary["Outlay Paid"], sum(row["outlay_paid"] for row in rows.values()))
		self.assertIn("outlay claimed", message)

	def test_the_gain_is_the_cores_for_the_follow_ups_wage(self) -> None:
		rates = frappe.get_doc("Return to Government Rates", {"year": 2026}).to_rates()
		gain = rules.yearly_gain(rates, rules.SOCIAL_ASSISTANCE, D("19.50"), D(35))
		_columns, rows, _message, summary = run()
		alpha = rows[self.alpha]
		# The follow-up at 6 months was unreachable: the one at 3 months is used.
		self.assertEqual((alpha["situation"], alpha["months_after_exit"]), ("Employed Full Time", 3))
		self.assertEqual(alpha["income_source"], "Social Assistance")
		self.assertEqual(alpha["benefits"], gain.benefits)
		self.assertEqual(alpha["benefits"], D("10140.00"))  # 845 x 12
		self.assertEqual(alpha["income_tax"], gain.quebec_tax + gain.federal_tax)
		self.assertEqual(alpha["contributions"], gain.contributions)
		self.assertEqual(alpha["yearly_gain"], gain.total)
		self.assertEqual(
			alpha["months_to_pay_back"], rules.months_to_pay_back(alpha["outlay_claimed"], gain.total)
		)
		self.assertEqual((alpha["missing_data"], alpha["no_gain"]), ("", ""))
		self.assertEqual(summary["Yearly Gain"], gain.total)
		self.assertEqual(summary["Employed with Data"], 1)
		without = sum(1 for row in rows.values() if not row["outlay_claimed"])
		self.assertEqual(summary["Without Claims Recorded"], without)
		# Without a claim, the outlay is unknown: said, and never 0 months to pay back.
		for row in rows.values():
			if not row["outlay_claimed"]:
				self.assertIsNone(row["months_to_pay_back"])
				self.assertIn("outlay unknown", row["missing_data"])
		# The cohort: everyone's outlay against Alpha's gain.
		self.assertEqual(
			summary["Months to Pay Back"],
			rules.months_to_pay_back(summary["Outlay Claimed"], gain.total),
		)

	def test_no_wage_lacks_data_and_no_public_income_has_no_gain(self) -> None:
		_columns, rows, message, summary = run()
		bravo, charlie = rows[self.bravo], rows[self.charlie]
		# Employed without the wage: lacking data, and no gain invented.
		self.assertEqual(bravo["missing_data"], "Employed, without the hourly wage or the weekly hours")
		for field in ("benefits", "income_tax", "contributions", "yearly_gain", "months_to_pay_back"):
			self.assertIsNone(bravo[field], field)
		# No public income at entry: no gain, by definition, and no data lacking.
		# Charlie has no claim recorded: that outlay is unknown, and said so.
		self.assertEqual(charlie["missing_data"], "No submitted claim recorded: outlay unknown")
		self.assertEqual(charlie["no_gain"], "Not on social assistance or employment insurance at entry")
		self.assertIsNone(charlie["yearly_gain"])
		self.assertEqual(summary["Trainees in the Cohort"], 3)
		self.assertEqual(summary["Follow-ups Lacking Data"], 1)
		self.assertIn("Lacking data: Employed, without the hourly wage or the weekly hours: 1.", message)
		self.assertIn("No gain by definition: Not on social assistance", message)

	def test_no_follow_up_and_no_rates_are_counted_as_lacking(self) -> None:
		set_follow_up(self.bravo, 3, situation="Unreachable", weekly_hours=0)
		frappe.delete_doc(
			"Return to Government Rates", frappe.db.get_value("Return to Government Rates", {"year": 2026})
		)
		_columns, rows, message, summary = run()
		self.assertEqual(rows[self.bravo]["missing_data"], "No follow-up done, or unreachable")
		self.assertEqual(rows[self.bravo]["situation"], "")
		self.assertEqual(
			rows[self.alpha]["missing_data"], "No Return to Government Rates for the year of the follow-up"
		)
		self.assertIsNone(rows[self.alpha]["yearly_gain"])
		self.assertEqual((summary["Follow-ups Lacking Data"], summary["Yearly Gain"]), (2, 0))
		self.assertEqual(summary["Months to Pay Back"], "Missing data")
		self.assertIn("No Return to Government Rates for 2026", message)

	def test_the_message_defines_the_figures_and_what_is_to_confirm(self) -> None:
		_columns, _rows, message, _summary = run()
		for words in ("an estimate", "Outlay claimed", "Months to pay back", "Return to Government Rates"):
			self.assertIn(words, message)
		record = frappe.db.get_value("Return to Government Rates", {"year": 2026})
		self.assertIn(f"/app/return-to-government-rates/{record}", message)
		self.assertIn("2026, to confirm: taux du RQAP (une seule source)", message)
		self.assertNotIn("2025, to confirm", message)  # no follow-up read the 2025 rates

	def test_the_trade_and_the_period_choose_the_cohort(self) -> None:
		self.assertEqual(run({**FILTERS, "trade": ensure_trade()})[1], {})
		self.assertEqual(run({**FILTERS, "from_date": "2026-04-01"})[1], {})
		rows = run({**FILTERS, "trade": None})[1]
		self.assertLessEqual({self.alpha, self.bravo, self.charlie}, set(rows))

	def test_five_queries_whatever_the_cohort(self) -> None:
		run()  # caches warm
		with self.assertQueryCount(5):  # parcours, claim lines, follow-ups, rates, brackets
			run()

	def test_no_name_birth_date_or_note_in_the_report(self) -> None:
		set_follow_up(self.alpha, 3, notes="Confidentiel: a trouvé grâce à son oncle")
		columns, rows, message, summary = run()
		text = json.dumps([columns, list(rows.values()), message, summary], default=str)
		trainees = frappe.get_all("Trainee", filters={"last_name": LAST_NAME}, pluck="name")
		self.assertEqual(len(trainees), 3)
		for secret in (LAST_NAME, "Alpha", "Bravo", BORN, "oncle", *trainees, *self.f.employees.values()):
			self.assertNotIn(secret, text)

	def test_in_french(self) -> None:
		frappe.local.lang = "fr"
		columns, rows, message, summary = run()
		self.assertIn("Dépense réclamée", [column["label"] for column in columns])
		self.assertEqual(rows[self.alpha]["income_source"], "Aide sociale")
		self.assertEqual(rows[self.alpha]["situation"], "En emploi à temps plein")
		self.assertEqual(
			rows[self.bravo]["missing_data"], "En emploi, sans le salaire horaire ou les heures par semaine"
		)
		self.assertIn("Gain annuel", summary)
		self.assertIn("une estimation", message)

	def test_bookkeeper_and_director_run_it_the_cashier_cannot(self) -> None:
		allowed = [
			make_user("comptable-retour@example.org", ["Accounts User"]),
			make_user("direction-retour@example.org", ["Insertion Manager"]),
		]
		cashier = make_user("caisse-retour@example.org", ["Shop Cashier", "Sales User"])
		for user in allowed:
			frappe.set_user(user)
			result = frappe.call(
				"frappe.desk.query_report.run", report_name="Return to Government", filters=FILTERS
			)
			# The parcours' rows are the director's (insertion team); the bookkeeper gets the totals.
			rows = 3 if user.startswith("direction") else 0
			self.assertEqual(len(result["result"]), rows, user)
			self.assertTrue(result["report_summary"], user)
		frappe.set_user(cashier)
		with self.assertRaises(frappe.PermissionError):
			frappe.call("frappe.desk.query_report.run", report_name="Return to Government", filters=FILTERS)

	def test_a_user_limited_to_another_company_is_refused(self) -> None:
		user = make_user("comptable-autre@example.org", ["Accounts User"])
		other = frappe.db.get_single_value("Global Defaults", "default_company")
		frappe.get_doc(
			{"doctype": "User Permission", "user": user, "allow": "Company", "for_value": other}
		).insert(ignore_permissions=True)
		frappe.set_user(user)
		with self.assertRaises(frappe.PermissionError):
			report.execute(FILTERS)

	def test_bad_filters_are_a_translated_message(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "Missing argument: .*company"):
			report.execute({**FILTERS, "company": None})
		with self.assertRaisesRegex(frappe.ValidationError, "ends before it starts"):
			report.execute({**FILTERS, "to_date": "2025-12-31"})
		with self.assertRaisesRegex(frappe.ValidationError, "to_date"):
			report.execute({**FILTERS, "to_date": "not a date"})
		frappe.local.lang = "fr"
		with self.assertRaisesRegex(frappe.ValidationError, "Argument manquant"):
			report.execute({**FILTERS, "company": ""})
		with self.assertRaisesRegex(frappe.ValidationError, "La période se termine avant de commencer"):
			report.execute({**FILTERS, "to_date": "2025-12-31"})
