"""From the shop floor's check-ins to pay and a claim, with no hours typed twice.

A trainee of the payroll fixture's company ($18.00 an hour from timesheets), the
week of May 4, 2026:
- Monday 8:00 to 15:30: 7.5 h on the floor, 7 h paid (30 minutes unpaid after 5 h);
- Tuesday 8:00, a second IN at 8:01 (a double tap, set aside), OUT 12:00: 4 h;
- Wednesday 8:00 and no OUT: nothing paid until an OUT is added;
- Thursday 9:00 to 13:20: 4 h 20 min.
Paid: 15 h 20 min = 15.333... h, $276.00.
"""

from datetime import date, datetime
from decimal import Decimal as D

import frappe

from insertion_erp.core.parcours import shifts as rules
from insertion_erp.core.periods import Period
from insertion_erp.devtools.sample_payroll import assign, ensure_hourly_structure, ensure_slip
from insertion_erp.shop_floor import api, checkins
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.factories import started_parcours
from insertion_erp.tests.utils import InsertionTestCase, make_user

PUNCHES = (
	("2026-05-04 08:00:00", "IN"),
	("2026-05-04 15:30:00", "OUT"),
	("2026-05-05 08:00:00", "IN"),
	("2026-05-05 08:01:00", "IN"),
	("2026-05-05 12:00:00", "OUT"),
	("2026-05-06 08:00:00", "IN"),
	("2026-05-07 09:00:00", "IN"),
	("2026-05-07 13:20:00", "OUT"),
)
PAID_SECONDS = (7 * 60 + 4 * 60 + 4 * 60 + 20) * 60
MAY = Period(date(2026, 5, 1), date(2026, 5, 31))


class TestCheckinsToPay(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.f = payroll_fixture.build()

	def setUp(self) -> None:
		parcours = started_parcours(
			start="2026-05-04", company=payroll_fixture.COMPANY, approval_date="2026-04-20"
		)
		self.parcours = parcours
		self.employee = parcours.employee
		structure = ensure_hourly_structure(payroll_fixture.HOURLY, payroll_fixture.COMPANY, 18)
		assign(self.employee, structure, payroll_fixture.COMPANY, "2026-05-04")
		self.punches = {}
		for when, log_type in PUNCHES:
			self.punches[(when, log_type)] = self.checkin(when, log_type)

	def checkin(self, when: str, log_type: str) -> str:
		return (
			frappe.get_doc(
				{"doctype": "Employee Checkin", "employee": self.employee, "time": when, "log_type": log_type}
			)
			.insert(ignore_permissions=True)
			.name
		)

	def build(self) -> dict:
		return api.summary(checkins.build(MAY, [self.employee]))

	def test_check_ins_become_timesheets_a_slip_and_a_claim_to_the_cent(self) -> None:
		result = self.build()
		self.assertEqual(len(result["timesheets"]), 3)
		self.assertEqual(len(result["attendances"]), 3)
		problems = sorted((p["kind"], p["day"]) for p in result["problems"])
		self.assertEqual(
			problems, [(rules.DOUBLE_IN, date(2026, 5, 5)), (rules.MISSING_OUT, date(2026, 5, 6))]
		)
		# Monday's timesheet: two stretches around the unpaid break, the activity the trade.
		monday = frappe.get_doc("Timesheet", result["timesheets"][0])
		self.assertEqual(
			[(log.from_time, log.to_time, log.activity_type) for log in monday.time_logs],
			[
				(datetime(2026, 5, 4, 8), datetime(2026, 5, 4, 13), self.parcours.trade),
				(datetime(2026, 5, 4, 13, 30), datetime(2026, 5, 4, 15, 30), self.parcours.trade),
			],
		)
		self.assertEqual(monday.docstatus, 1)
		attendance = frappe.get_doc("Attendance", result["attendances"][0])
		self.assertEqual(
			(attendance.status, attendance.docstatus, attendance.working_hours), ("Present", 1, 7)
		)
		self.assertEqual(
			frappe.db.get_value(
				"Employee Checkin", self.punches[("2026-05-04 08:00:00", "IN")], "attendance"
			),
			attendance.name,
		)
		# Wednesday has neither timesheet nor attendance.
		self.assertFalse(
			frappe.db.exists("Attendance", {"employee": self.employee, "attendance_date": "2026-05-06"})
		)

		slip = frappe.get_doc(
			"Salary Slip", ensure_slip(self.employee, payroll_fixture.COMPANY, "2026-05-01", "2026-05-31")
		)
		hours = D(PAID_SECONDS) / 3600
		self.assertAlmostEqual(slip.total_working_hours, float(hours), places=6)
		self.assertEqual(D(str(slip.gross_pay)), (hours * 18).quantize(D("0.01")))
		self.assertEqual(D(str(slip.gross_pay)), D("276.00"))

		claim = frappe.get_doc(
			{
				"doctype": "Reimbursement Claim",
				"contract": self.f.contract,
				"from_date": MAY.start,
				"to_date": MAY.end,
			}
		).insert()
		claim.fill_lines()
		(line,) = [line for line in claim.lines if line.salary_slip == slip.name]
		self.assertAlmostEqual(float(line.hours), float(hours), places=6)
		self.assertEqual(D(str(line.eligible_gross)), D("276.00"))

	def test_a_second_build_leaves_built_days_alone_and_a_corrected_day_is_built(self) -> None:
		first = self.build()
		self.checkin("2026-05-06 12:00:00", "OUT")
		second = self.build()
		self.assertEqual(len(second["timesheets"]), 1)  # Wednesday, corrected
		self.assertEqual(len(second["skipped"]), 3)
		self.assertEqual({s["timesheet"] for s in second["skipped"]}, set(first["timesheets"]))
		self.assertEqual([p["kind"] for p in second["problems"]], [rules.DOUBLE_IN])

	def test_a_shift_outside_the_parcours_is_flagged_and_not_built(self) -> None:
		self.checkin("2026-05-02 09:00:00", "IN")
		self.checkin("2026-05-02 12:00:00", "OUT")
		result = self.build()
		self.assertIn(
			(rules.OUTSIDE_PARCOURS, date(2026, 5, 2)), [(p["kind"], p["day"]) for p in result["problems"]]
		)
		self.assertFalse(
			frappe.db.exists("Timesheet", {"employee": self.employee, "start_date": "2026-05-02"})
		)

	def test_the_week_is_flagged_over_the_contracts_ceiling(self) -> None:
		# The fixture's contract funds 30 h a week at most: a long Friday and Saturday pass it.
		for day in ("2026-05-08", "2026-05-09"):
			for when, log_type in ((f"{day} 07:00:00", "IN"), (f"{day} 17:30:00", "OUT")):
				self.checkin(when, log_type)
		unpaid = checkins.unpaid_break()
		trainees = checkins.trainees_in(Period(date(2026, 5, 9), date(2026, 5, 9)), [self.employee], None)
		(week,) = checkins.weeks_on(date(2026, 5, 9), trainees, unpaid)
		self.assertEqual(week.ceiling, D(30))
		self.assertEqual(rules.to_hours(week.paid_seconds), D(PAID_SECONDS + 2 * 10 * 3600) / 3600)
		self.assertIn(rules.OVER_CEILING, [p.kind for p in week.problems])

	def test_the_supervisors_week_gives_each_days_hours_and_what_to_correct(self) -> None:
		counsellor = make_user("floor-week-counsellor@example.org", ["Insertion Counsellor"])
		frappe.set_user(make_user("floor-week@example.org", ["Shop Supervisor"]))
		week = api.week(day="2026-05-06", company=payroll_fixture.COMPANY)
		self.assertEqual(week["days"][0], date(2026, 5, 4))  # Monday to Sunday
		self.assertEqual(len(week["day_labels"]), 7)
		(row,) = [row for row in week["trainees"] if row["employee"] == self.employee]
		self.assertEqual(row["hours"][:4], [7.0, 4.0, 0.0, float(D(260) / 60)])
		self.assertAlmostEqual(row["total"], PAID_SECONDS / 3600)
		self.assertEqual(row["planned"], 21.0)  # the parcours' first weeks: 21 h
		self.assertEqual(
			{(problem["day"], problem["message"]) for problem in row["to_correct"]},
			{
				(
					date(2026, 5, 5),
					checkins.problem_message(rules.Problem(rules.DOUBLE_IN, date(2026, 5, 5))),
				),
				(
					date(2026, 5, 6),
					checkins.problem_message(rules.Problem(rules.MISSING_OUT, date(2026, 5, 6))),
				),
			},
		)
		frappe.set_user(counsellor)
		with self.assertRaises(frappe.PermissionError):
			api.week()
		frappe.set_user("floor-week@example.org")
		with self.assertRaises(frappe.ValidationError):
			api.week(day="pas une date")


class TestPunch(InsertionTestCase):
	def test_the_supervisor_taps_in_and_out_and_a_double_tap_is_refused(self) -> None:
		parcours = started_parcours(start=frappe.utils.add_days(frappe.utils.today(), -10))
		frappe.set_user(make_user("floor-supervisor@example.org", ["Shop Supervisor"]))
		self.assertIn(parcours.employee, [row["employee"] for row in api.today()["trainees"]])
		api.punch(parcours.employee, "IN")
		with self.assertRaisesRegex(frappe.ValidationError, "already in"):
			api.punch(parcours.employee, "IN")
		(row,) = [row for row in api.today()["trainees"] if row["employee"] == parcours.employee]
		self.assertTrue(row["in_since"])
		self.assertEqual(row["problems"], [])  # today's open shift is not a problem yet
		api.punch(parcours.employee, "OUT")
		with self.assertRaisesRegex(frappe.ValidationError, "is not in"):
			api.punch(parcours.employee, "OUT")
		frappe.set_user("Administrator")
		self.assertEqual(
			frappe.get_all(
				"Employee Checkin", {"employee": parcours.employee}, pluck="log_type", order_by="time"
			),
			["IN", "OUT"],
		)

	def test_a_tap_after_a_check_in_in_the_future_says_why(self) -> None:
		parcours = started_parcours(start=frappe.utils.add_days(frappe.utils.today(), -10))
		later = frappe.utils.add_to_date(frappe.utils.now_datetime(), hours=2)
		if later.date() != frappe.utils.getdate(frappe.utils.today()):
			later = frappe.utils.now_datetime().replace(hour=23, minute=59, second=59, microsecond=0)
		frappe.get_doc(
			{"doctype": "Employee Checkin", "employee": parcours.employee, "log_type": "IN", "time": later}
		).insert(ignore_permissions=True)
		frappe.set_user(make_user("floor-supervisor@example.org", ["Shop Supervisor"]))
		with self.assertRaisesRegex(frappe.ValidationError, "later than now"):
			api.punch(parcours.employee, "OUT")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("Employee Checkin", {"employee": parcours.employee}), 1)

	def test_bad_input_names_the_field(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "Log Type"):
			api.punch("HR-EMP-NOPE", "SIDEWAYS")
		with self.assertRaisesRegex(frappe.ValidationError, "no parcours under way"):
			api.punch("HR-EMP-NOPE", "IN")
