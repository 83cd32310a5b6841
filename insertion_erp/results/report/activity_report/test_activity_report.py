"""The activity report on real records: flows, profile, hours, exits and follow-ups, for the
bookkeeper and the director, with counts and rates only."""

import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal as D

import frappe

from insertion_erp.core.periods import Period
from insertion_erp.core.privacy.consent import NETWORK
from insertion_erp.devtools.sample_payroll import assign, ensure_hourly_structure, ensure_slip
from insertion_erp.results import activity, network
from insertion_erp.results.report.activity_report import activity_report
from insertion_erp.shop_floor import checkins
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.factories import ensure_trade, make_intervention, make_parcours, make_trainee
from insertion_erp.tests.utils import InsertionTestCase, make_user

TRADE = "Réparation de vélos (rapport)"
PERIOD = {"from_date": "2026-01-01", "to_date": "2026-10-31"}


def parcours(first_name: str, born: str, gender: str, start: str, **values):
	trainee = make_trainee(first_name=first_name, last_name="Rapport", date_of_birth=born, gender=gender)
	doc = make_parcours(trainee.name, trade=ensure_trade(TRADE), approval_date="2025-01-02", **values)
	doc.start(start)
	return doc


def follow_up(parcours_name: str, months: int, **values):
	doc = frappe.get_doc("Parcours Follow-up", {"parcours": parcours_name, "months_after_exit": months})
	doc.update(values)
	doc.save()


def lines(filters: dict) -> dict:
	_columns, data, _message = activity_report.execute(filters)
	return {(row["section"], row["indicator"]): row for row in data}


class TestActivityReport(InsertionTestCase):
	def setUp(self) -> None:
		self.company = frappe.db.get_single_value("Global Defaults", "default_company")
		# Left for a job in the period, a permanent job said at exit.
		self.ann = parcours("Ann", "2000-01-10", "Female", "2026-01-05", income_source="Employment Insurance")
		self.ann.close("2026-06-30", "Left for a Job", exit_situation="Employed Full Time")
		# Dropped out in the period; in school at 3 months.
		self.bob = parcours("Bob", "1980-05-05", "Male", "2026-02-02")
		self.bob.close("2026-03-15", "Dropped Out")
		follow_up(self.bob.name, 3, contact_date="2026-06-20", situation="In School or Training")
		# Still in parcours.
		self.cleo = parcours("Cleo", "2004-07-07", "Female", "2026-03-02")
		# Left before the period: employed at 3 months (permanent, durable), unreachable at 6.
		self.dan = parcours("Dan", "1995-09-09", "Male", "2025-06-02")
		self.dan.close("2025-12-01", "Completed")
		follow_up(
			self.dan.name,
			3,
			contact_date="2026-03-05",
			situation="Employed Full Time",
			job_type="Permanent",
			hourly_wage=19.5,
			weekly_hours=35,
		)
		follow_up(self.dan.name, 6, contact_date="2026-06-03", situation="Unreachable")
		# Back for a second parcours: dropped out in February, in again in April. One person.
		self.eve = parcours("Eve", "1985-06-01", "Female", "2025-09-01")
		self.eve.close("2026-02-15", "Dropped Out")
		self.eve_again = make_parcours(
			self.eve.trainee, trade=ensure_trade(TRADE), approval_date="2026-03-02", income_source="Other"
		)
		self.eve_again.start("2026-04-06")
		make_intervention(self.cleo.trainee, intervention_date="2026-04-01", duration_minutes=90)
		self.filters = {"company": self.company, "trade": TRADE, **PERIOD}

	def test_flows_profile_and_exits(self):
		got = lines(self.filters)
		count = lambda section, indicator: got[(section, indicator)]["count"]  # noqa: E731
		# People, once each: Ann, Bob, Cleo and Eve (back in April); Dan started in 2025.
		self.assertEqual(count("Trainees", "Entered"), 4)
		self.assertEqual(count("Trainees", "Active"), 4)  # Dan left before the period
		self.assertEqual(count("Trainees", "Completed"), 0)
		# Exits, per parcours: Ann, Bob and Eve's first.
		self.assertEqual(count("Trainees", "Exited Early"), 3)
		self.assertEqual(count("Exits by Reason", "Left for a Job"), 1)
		self.assertEqual(count("Exits by Reason", "Dropped Out"), 2)
		# Ann 2026-01-05 to 06-30: 177 days; Bob 02-02 to 03-15: 42; Eve 2025-09-01 to 2026-02-15: 168.
		# (177 + 42 + 168) / 7 / 3 = 18.43.
		self.assertEqual(got[("Trainees", "Average Parcours Length (Weeks)")]["amount"], D("18.4"))
		# The profile at each person's first parcours of the period.
		self.assertEqual(count("Age at Entry", "25-35"), 1)  # Ann, 25 at entry
		self.assertEqual(count("Age at Entry", "16-24"), 1)  # Cleo, 21
		self.assertEqual(count("Age at Entry", "36-54"), 2)  # Bob, 45; Eve, 40 in 2025-09
		self.assertEqual(count("Gender", "Female"), 3)
		self.assertEqual(count("Main Income Source at Entry", "Social Assistance"), 3)  # not Eve's "Other"
		self.assertEqual(count("Main Income Source at Entry", "Employment Insurance"), 1)
		self.assertNotIn(("Main Income Source at Entry", "Other"), got)
		self.assertEqual(count("Barriers at Entry", "Housing"), 4)
		self.assertEqual(count("Situation at Exit", "Employed"), 1)  # Ann, at exit
		self.assertEqual(count("Situation at Exit", "Unknown"), 2)  # Bob and Eve: nothing said at exit
		self.assertEqual(got[("Situation at Exit", "Employed")]["share"], D("33.3"))  # 1 of 3
		self.assertEqual(got[("Hours", "Support Hours")]["amount"], D("1.5"))
		# No slip paid these trainees yet: nothing paid, the schedules' hours planned, the gap shows it.
		self.assertEqual(got[("Hours", "Paid Training Hours")]["amount"], 0)
		planned = got[("Hours", "Planned Training Hours")]["amount"]
		self.assertGreater(planned, 0)
		self.assertEqual(got[("Hours", "Planned Hours Not Paid")]["amount"], planned)

	def test_every_line_carries_its_definition(self):
		_columns, data, _message = activity_report.execute(self.filters)
		self.assertEqual([row["indicator"] for row in data if not row["definition"]], [])
		frappe.local.lang = "fr"
		_columns, data, _message = activity_report.execute(self.filters)
		entered = next(row for row in data if row["indicator"] == "Entrées")
		self.assertEqual(
			entered["definition"],
			"Personnes dont un parcours a commencé dans la période, comptées une fois chacune",
		)

	def test_a_parcours_run_to_its_planned_end_is_completed_whatever_the_reason(self):
		gil = parcours("Gil", "1990-02-02", "Male", "2026-01-05")
		gil.close(gil.planned_end_date, "Back to School")
		gil.reload()
		# The parcours' status and the report say the same: one rule (core/parcours/parcours.exit_kind).
		self.assertEqual(gil.status, "Completed")
		got = lines(self.filters)
		self.assertEqual(got[("Trainees", "Completed")]["count"], 1)
		self.assertEqual(got[("Trainees", "Exited Early")]["count"], 3)  # Ann, Bob, Eve's first
		self.assertEqual(got[("Exits by Reason", "Back to School")]["count"], 1)

	def test_integration_rates_per_follow_up(self):
		got = lines(self.filters)
		three, six = "Follow-up at 3 Months", "Follow-up at 6 Months"
		# Due at 3 months in the period: Dan (03-01, employed), Eve (05-15, not done),
		# Bob (06-15, school), Ann (09-30, not done).
		self.assertEqual(got[(three, "Follow-ups Due")]["count"], 4)
		self.assertEqual(got[(three, "Unknown")]["count"], 2)
		self.assertEqual(got[(three, "Trainees Reached")]["count"], 2)
		# 2 integrated (Dan, Bob) of 2 reached; of 4 due.
		self.assertEqual(got[(three, "Integration Rate")]["count"], 2)
		self.assertEqual(got[(three, "Integration Rate")]["share"], D("100.0"))
		self.assertEqual(got[(three, "Integration Rate, Unknowns as Failures")]["share"], D("50.0"))
		self.assertEqual(got[(three, "Durable Jobs")]["share"], D("50.0"))  # Dan's permanent job, of 2
		self.assertTrue(got[(three, "Integration Rate")]["definition"])
		# At 6 months: Dan unreachable, Eve's (08-15) and Bob's (09-15) not done; Ann's (12-30) not due.
		self.assertEqual(got[(six, "Follow-ups Due")]["count"], 3)
		self.assertIsNone(got[(six, "Integration Rate")]["share"])  # nobody reached
		self.assertEqual(got[(six, "Integration Rate, Unknowns as Failures")]["share"], D("0.0"))

	def test_filters_narrow_the_count(self):
		frappe.db.set_value(
			"Parcours", self.bob.name, "counsellor", make_user("other@example.org", ["Insertion Counsellor"])
		)
		got = lines({**self.filters, "counsellor": "other@example.org"})
		self.assertEqual(got[("Trainees", "Active")]["count"], 1)
		self.assertEqual(got[("Follow-up at 3 Months", "Follow-ups Due")]["count"], 1)
		quarter = lines({**self.filters, "from_date": "2026-01-01", "to_date": "2026-03-31"})
		self.assertEqual(quarter[("Trainees", "Exited Early")]["count"], 2)  # Eve's first, Bob

	def test_it_says_what_the_networks_file_leaves_out_and_why(self):
		served, without = network.left_out(self.company, Period(date(2026, 1, 1), date(2026, 10, 31)))
		# A trainee served in the period without the consent to Network Statistics.
		trainee = make_trainee(first_name="Gil", last_name="Rapport", consents=[])
		doc = make_parcours(trainee.name, trade=ensure_trade(TRADE), approval_date="2026-01-02")
		doc.start("2026-02-02")
		_columns, _data, message = activity_report.execute(self.filters)
		self.assertIn(f"{without + 1} of the {served + 1} people served", message)
		self.assertIn(f"under {network.small_count_threshold()}", message)

	def test_no_name_birth_date_or_note_in_the_report(self):
		_columns, data, message = activity_report.execute(self.filters)
		text = json.dumps([data, message], default=str)
		for secret in ("Ann", "Rapport", "2000-01-10", "Housing and debts", self.ann.trainee):
			self.assertNotIn(secret, text)

	def test_in_french(self):
		frappe.local.lang = "fr"
		got = lines(self.filters)
		self.assertIn(("Suivi à 3 mois", "Taux d'intégration"), got)
		self.assertIn(("Travailleurs en formation", "Entrées"), got)

	def test_bookkeeper_and_director_run_it_the_cashier_cannot(self):
		allowed = [
			make_user("comptable-rapport@example.org", ["Accounts User"]),
			make_user("direction-rapport@example.org", ["Insertion Manager"]),
		]
		cashier = make_user("caisse-rapport@example.org", ["Shop Cashier", "Sales User"])
		for user in allowed:
			frappe.set_user(user)
			result = frappe.call(
				"frappe.desk.query_report.run", report_name="Activity Report", filters=self.filters
			)
			self.assertTrue(result["result"], user)
		frappe.set_user(cashier)
		with self.assertRaises(frappe.PermissionError):
			frappe.call("frappe.desk.query_report.run", report_name="Activity Report", filters=self.filters)

	def test_workspace_card_integration_rate(self):
		# Due in the last 12 months at 6 months (the last offset): Dan (unreachable) and Bob.
		follow_up(self.bob.name, 6, contact_date="2026-09-20", situation="Employed Part Time")
		twelve_months = Period(date(2025, 11, 30), date(2026, 11, 29))
		self.assertEqual(
			activity.integration_rate(twelve_months, self.company), (6, D("100.0"))
		)  # 1 of 1 reached
		self.assertEqual(activity_report.integration_rate_card()["fieldtype"], "Percent")
		frappe.set_user(make_user("caisse-carte@example.org", ["Shop Cashier"]))
		with self.assertRaises(frappe.PermissionError):
			activity_report.integration_rate_card()

	def test_a_user_limited_to_another_company_is_refused(self):
		user = make_user("comptable-ailleurs@example.org", ["Accounts User"])
		other = frappe.db.get_value("Company", {"name": ("!=", self.company)})
		frappe.get_doc(
			{"doctype": "User Permission", "user": user, "allow": "Company", "for_value": other}
		).insert(ignore_permissions=True)
		frappe.set_user(user)
		with self.assertRaises(frappe.PermissionError):
			activity_report.execute(self.filters)

	def test_bad_period_is_a_message(self):
		with self.assertRaisesRegex(frappe.ValidationError, "to_date"):
			activity_report.execute({**self.filters, "to_date": "not a date"})
		with self.assertRaisesRegex(frappe.ValidationError, "ends before it starts"):
			activity_report.execute({**self.filters, "to_date": "2025-01-01"})


class TestPaidHours(InsertionTestCase):
	"""The payroll fixture commits its records: built once, before any test's own records."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		payroll_fixture.build()

	def test_paid_hours_are_what_the_slips_paid_beside_the_hours_planned(self):
		march = Period(date(2026, 3, 1), date(2026, 3, 31))
		hours = activity.activity(march, {"company": payroll_fixture.COMPANY})["hours"]
		# The trainee's March slip paid the 150 hours of her timesheets (the supervisor is no trainee).
		self.assertEqual(hours["paid"], D(150))
		self.assertGreater(hours["planned"], 0)


COHORT_TRADE = "Cohorte (résultats)"
COHORT = {"from_date": "2026-02-01", "to_date": "2026-03-31"}
# Every cohort parcours plans 35 hours a week (5 hours a calendar day: core/training spreads a
# week's hours over its seven days) and is on the floor 8:00 to 15:30 on its workdays: 7 hours
# paid once the 30 unpaid minutes after 5 hours are taken out. February 2, 2026 is a Monday.
COHORT_SHIFT = (time(8, 0), time(15, 30))


class TestCohort(InsertionTestCase):
	"""Five parcours of one trade built for the report's two disputed lines: how a parcours
	ended, and the hours actually paid beside the hours planned. Paid by the payroll fixture's
	hourly, timesheet-based structure, from timesheets built from the shop floor's check-ins."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		payroll_fixture.build()

	def cohort_parcours(self, first_name: str, weeks: int):
		trainee = make_trainee(first_name=first_name, last_name="Cohorte")
		doc = make_parcours(
			trainee.name,
			company=payroll_fixture.COMPANY,
			trade=ensure_trade(COHORT_TRADE),
			approval_date="2026-01-20",
			planned_weeks=weeks,
			hours_schedule=[{"from_week": 1, "hours_per_week": 35}],
		)
		doc.start("2026-02-02")
		structure = ensure_hourly_structure(payroll_fixture.HOURLY, payroll_fixture.COMPANY, 18)
		assign(doc.employee, structure, payroll_fixture.COMPANY, "2026-02-02")
		return doc

	def on_the_floor(self, employee: str, first: date, last: date, absent: Period | None = None) -> None:
		day = first
		while day <= last:
			if day.weekday() < 5 and not (absent and day in absent):
				for log_type, at in (("IN", COHORT_SHIFT[0]), ("OUT", COHORT_SHIFT[1])):
					frappe.get_doc(
						{
							"doctype": "Employee Checkin",
							"employee": employee,
							"log_type": log_type,
							"time": datetime.combine(day, at),
						}
					).insert(ignore_permissions=True)
			day += timedelta(days=1)

	def test_completed_early_exits_paid_and_planned_hours_by_hand(self):
		two_weeks = Period(date(2026, 3, 2), date(2026, 3, 13))
		# A: 8 weeks, Feb 2 to its planned end Sunday Mar 29, closed that day as "Dismissed".
		# Completed: it ran its planned length. Planned 8 x 35 = 280 h; on the floor 40
		# workdays (Feb 2 to Mar 27) x 7 = 280 h paid.
		dismissed = self.cohort_parcours("Alix", 8)
		self.on_the_floor(dismissed.employee, date(2026, 2, 2), date(2026, 3, 27))
		# B: 8 weeks, left Sunday Mar 1 with the reason "Completed", four weeks before its
		# planned end: completed, as the counsellor closed it (core/parcours/parcours.exit_kind: a
		# parcours ends completed at its planned end or for the reason Completed; the report's
		# definition says so). Planned 28 days x 5 = 140 h; paid 20 workdays x 7 = 140 h.
		early = self.cohort_parcours("Basile", 8)
		self.on_the_floor(early.employee, date(2026, 2, 2), date(2026, 2, 27))
		# C: 12 weeks, still under way; absent from the floor Mar 2 to Mar 13. Planned Feb 2 to
		# Mar 31, 58 days x 5 = 290 h; paid (42 workdays - 10 absent) x 7 = 224 h.
		absent = self.cohort_parcours("Capucine", 12)
		self.on_the_floor(absent.employee, date(2026, 2, 2), date(2026, 3, 31), absent=two_weeks)
		# D: 12 weeks, suspended Mar 2, resumed Mar 16 (suspended Mar 2 to 15): planned (58 - 14)
		# days x 5 = 220 h; paid (42 - 10) x 7 = 224 h (Mar 30 and 31 paid 14 h, planned 10 h).
		suspended = self.cohort_parcours("Dorian", 12)
		self.on_the_floor(suspended.employee, date(2026, 2, 2), date(2026, 3, 31), absent=two_weeks)
		suspended.suspend("2026-03-02", reason="Health")
		suspended.resume("2026-03-16")

		# E: 8 weeks, dropped out Friday Feb 13: exited early. Planned Feb 2 to 13, 12 days x 5
		# = 60 h; paid 10 workdays x 7 = 70 h (its weekend was planned, never worked).
		dropped = self.cohort_parcours("Émile", 8)
		self.on_the_floor(dropped.employee, date(2026, 2, 2), date(2026, 2, 13))

		everyone = [dismissed, early, absent, suspended, dropped]
		built = checkins.build(Period(date(2026, 2, 1), date(2026, 3, 31)), [p.employee for p in everyone])
		self.assertEqual(built.problems, [])
		dismissed.close("2026-03-29", "Dismissed")
		early.close("2026-03-01", "Completed")
		dropped.close("2026-02-13", "Dropped Out")
		for p in everyone:
			ensure_slip(p.employee, payroll_fixture.COMPANY, "2026-02-01", "2026-02-28")
		for p in (dismissed, absent, suspended):
			ensure_slip(p.employee, payroll_fixture.COMPANY, "2026-03-01", "2026-03-31")

		got = lines({"company": payroll_fixture.COMPANY, "trade": COHORT_TRADE, **COHORT})
		self.assertEqual(got[("Trainees", "Completed")]["count"], 2)  # A and B
		self.assertEqual(got[("Trainees", "Exited Early")]["count"], 1)  # E
		self.assertEqual(got[("Exits by Reason", "Dismissed")]["count"], 1)
		self.assertEqual(got[("Exits by Reason", "Completed")]["count"], 1)
		self.assertEqual(got[("Exits by Reason", "Dropped Out")]["count"], 1)
		# Paid 280 + 140 + 224 + 224 + 70 = 938; planned 280 + 140 + 290 + 220 + 60 = 990; the
		# gap, 52, is C's and D's absences less what was worked beyond the plan.
		self.assertEqual(got[("Hours", "Paid Training Hours")]["amount"], D(938))
		self.assertEqual(got[("Hours", "Planned Training Hours")]["amount"], D(990))
		self.assertEqual(got[("Hours", "Planned Hours Not Paid")]["amount"], D(52))

		# The parcours list says the same as the report.
		statuses = dict(
			frappe.get_all(
				"Parcours", filters={"trade": COHORT_TRADE}, fields=["name", "status"], as_list=True
			)
		)
		self.assertEqual(
			statuses,
			{
				dismissed.name: "Completed",
				early.name: "Completed",
				absent.name: "Active",
				suspended.name: "Active",
				dropped.name: "Exited Early",
			},
		)
		self.assertEqual(list(statuses.values()).count("Completed"), got[("Trainees", "Completed")]["count"])
		self.assertEqual(
			list(statuses.values()).count("Exited Early"), got[("Trainees", "Exited Early")]["count"]
		)
		# The network's file counts the same (all four consented to its statistics).
		counted = activity.activity(
			Period(date(2026, 2, 1), date(2026, 3, 31)),
			{"company": payroll_fixture.COMPANY, "trade": COHORT_TRADE},
			consent_purpose=NETWORK,
		)
		self.assertEqual((counted["trainees"]["completed"], counted["trainees"]["exited_early"]), (2, 1))
		self.assertEqual((counted["hours"]["paid"], counted["hours"]["planned"]), (D(938), D(990)))
