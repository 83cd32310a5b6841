"""What the Shop Floor page calls: today's trainees, In and Out, and building the timesheets.

The supervisor sees names, shifts and hours, nothing of a trainee's file: these
methods return only that, and check the caller's role themselves (the check-ins
and timesheets are written with the app's rights, not the caller's).
"""

import frappe
from frappe import _
from frappe.utils import add_days, get_datetime, getdate, now_datetime, nowdate

from insertion_erp.constants import CASHIER, COUNSELLOR, MANAGER, SUPERVISOR
from insertion_erp.controllers import arguments
from insertion_erp.controllers.arguments import require
from insertion_erp.core.parcours import shifts as rules
from insertion_erp.core.periods import Period
from insertion_erp.permissions import check_role
from insertion_erp.quebec_formats import short_day
from insertion_erp.shop_floor import checkins

FLOOR_ROLES = (SUPERVISOR, MANAGER, "System Manager")
BUILD_ROLES = (MANAGER, "HR Manager", "HR User", "System Manager")
TILL_ROLES = (CASHIER, SUPERVISOR, MANAGER, "System Manager")


@frappe.whitelist()
def today(company: str | None = None) -> dict:
	"""Today's trainees on the floor: whether each is in, today's and the week's hours
	against the schedule and the ceiling, and the week's problems."""
	check_role(FLOOR_ROLES)
	day = getdate(nowdate())
	unpaid = checkins.unpaid_break()
	trainees = checkins.trainees_in(Period(day, day), None, company or None)
	rows = []
	for week in checkins.weeks_on(day, [t for t in trainees if t.in_parcours(day)], unpaid):
		open_since = open_shift_since(week, day)
		rows.append(
			{
				"employee": week.trainee.employee,
				"name": week.trainee.trainee_name or week.trainee.employee_name,
				"trade": week.trainee.trade,
				"in_since": open_since,
				"shifts_today": [
					{"start": s.start, "end": s.end}
					for s in (week.days[day].shifts if day in week.days else [])
				],
				"hours_today": float(week.days[day].paid_hours(unpaid)) if day in week.days else 0,
				"hours_week": float(rules.to_hours(week.paid_seconds)),
				"week": week.number,
				"scheduled_week": float(week.scheduled) if week.scheduled is not None else None,
				"ceiling_week": float(week.ceiling) if week.ceiling is not None else None,
				"problems": [
					{"kind": p.kind, "day": p.day, "message": checkins.problem_message(p)}
					for p in week.problems
					if p.kind != rules.MISSING_OUT or p.day != day  # today's open shift is not a problem yet
				],
			}
		)
	return {"day": day, "trainees": rows}


@frappe.whitelist()
def week(day: str | None = None, company: str | None = None) -> dict:
	"""The supervisor's week (Monday to Sunday, the week of `day`, this week by default): each
	trainee whose parcours meets it, the hours checked in each day (paid: the unpaid break off),
	the week's total against the hours the parcours plans for it, and the days that do not pair
	(a missing OUT, a double IN) to correct. Names and hours only."""
	check_role(FLOOR_ROLES)
	reference = arguments.a_date(day, "day") if day else getdate(nowdate())
	monday = getdate(add_days(reference, -reference.weekday()))
	days = [getdate(add_days(monday, offset)) for offset in range(7)]
	period = Period(days[0], days[-1])
	unpaid = checkins.unpaid_break()
	trainees = [
		t for t in checkins.trainees_in(period, None, company or None) if any(t.in_parcours(d) for d in days)
	]
	found = checkins.punches([t.employee for t in trainees], period)
	rows = []
	for trainee in trainees:
		paired = rules.pair(found.get(trainee.employee, []))
		seconds = {d: paired[d].paid_seconds(unpaid) if d in paired else 0 for d in days}
		weeks = [trainee.week(d)[2] for d in days if trainee.in_parcours(d)]
		planned = [hours for hours in weeks if hours is not None]
		rows.append(
			{
				"employee": trainee.employee,
				"name": trainee.trainee_name or trainee.employee_name,
				"trade": trainee.trade,
				"hours": [float(rules.to_hours(seconds[d])) for d in days],
				"in_parcours": [trainee.in_parcours(d) for d in days],
				"total": float(rules.to_hours(sum(seconds.values()))),
				# The parcours' hours for its week that holds most of these days.
				"planned": float(max(set(planned), key=planned.count)) if planned else None,
				"to_correct": [
					{"day": d, "message": checkins.problem_message(p)}
					for d in days
					if d in paired
					for p in paired[d].problems
					if not (p.kind == rules.MISSING_OUT and d == getdate(nowdate()))
				],
			}
		)
	return {"days": days, "day_labels": [short_day(d) for d in days], "trainees": rows}


def open_shift_since(week, day):
	"""The time of today's IN still waiting for its OUT, if any."""
	for problem in week.days.get(day, rules.Day(day)).problems:
		if problem.kind == rules.MISSING_OUT:
			return problem.at
	return None


@frappe.whitelist(methods=["POST"])
def punch(employee: str | None = None, log_type: str | None = None) -> dict:
	"""Record an IN or an OUT for a trainee now, refusing what would not pair."""
	check_role(FLOOR_ROLES)
	require(employee=employee, log_type=log_type)
	if log_type not in (rules.IN, rules.OUT):
		frappe.throw(_("Log Type must be IN or OUT, not {0}.").format(log_type), title=_("Invalid Value"))
	now = now_datetime().replace(microsecond=0)
	day = now.date()
	trainees = checkins.trainees_in(Period(day, day), [employee], None)
	if not trainees or not trainees[0].in_parcours(day):
		frappe.throw(
			_("{0} has no parcours under way today.").format(employee), title=_("Not on the Shop Floor")
		)
	week = checkins.weeks_on(day, trainees, checkins.unpaid_break())[0]
	since = open_shift_since(week, day)
	if since and get_datetime(since) > now:
		# An OUT before it would be set aside as unpaired: say why instead of doing nothing.
		frappe.throw(
			_("{0} has an IN recorded at {1}, later than now: correct that check-in first.").format(
				trainees[0].trainee_name, frappe.format(get_datetime(since), "Datetime")
			),
			title=_("Check-in in the Future"),
		)
	if log_type == rules.IN and since:
		frappe.throw(
			_("{0} is already in since {1}.").format(
				trainees[0].trainee_name, frappe.format(get_datetime(since), "Datetime")
			),
			title=_("Already In"),
		)
	if log_type == rules.OUT and not since:
		frappe.throw(_("{0} is not in.").format(trainees[0].trainee_name), title=_("Not In"))
	doc = frappe.get_doc(
		{
			"doctype": "Employee Checkin",
			"employee": employee,
			"log_type": log_type,
			"time": now,
			"device_id": checkins.DEVICE,
		}
	)
	doc.flags.ignore_permissions = True
	doc.insert()
	return {"name": doc.name, "time": doc.time, "log_type": log_type}


@frappe.whitelist()
def default_pos_profile() -> str | None:
	"""The till the session's user works at: their default POS Profile, else their only one."""
	check_role(TILL_ROLES)
	rows = frappe.db.sql(
		"""select pu.parent, pu.`default` from `tabPOS Profile User` pu
		join `tabPOS Profile` p on p.name = pu.parent
		where pu.parenttype = 'POS Profile' and pu.user = %s and p.disabled = 0
		order by pu.`default` desc, p.creation""",
		frappe.session.user,
		as_dict=True,
	)
	if rows and (rows[0].default or len({row.parent for row in rows}) == 1):
		return rows[0].parent
	return None


@frappe.whitelist()
def on_shift(company: str | None = None) -> list[dict]:
	"""The day's shift for the till's "served by" choice: the trainees in now, then those whose
	parcours has hours this week and who have not clocked today (`expected`: the supervisor
	may not have tapped them in yet). Employee and name only."""
	check_role(TILL_ROLES)
	inside, expected = checkins.shift_of(getdate(nowdate()), company or None)
	return [
		{"employee": t.employee, "name": t.trainee_name or t.employee_name, "expected": is_expected}
		for is_expected, trainees in ((False, inside), (True, expected))
		for t in trainees
	]


@frappe.whitelist()
def hours_this_week() -> dict:
	"""Number card: the trainees' paid hours on the floor since Monday (from the check-ins)."""
	check_role((*FLOOR_ROLES, COUNSELLOR))
	today = getdate(nowdate())
	week = Period(getdate(add_days(today, -today.weekday())), today)
	unpaid = checkins.unpaid_break()
	trainees = checkins.trainees_in(week, None, None)
	found = checkins.punches([t.employee for t in trainees], week)
	seconds = sum(
		day.paid_seconds(unpaid) for t in trainees for day in rules.pair(found.get(t.employee, [])).values()
	)
	return {"value": float(round(rules.to_hours(seconds), 1)), "fieldtype": "Float"}


@frappe.whitelist(methods=["POST"])
def build_timesheets(
	from_date: str | None = None, to_date: str | None = None, company: str | None = None
) -> dict:
	"""Timesheets and attendance from the check-ins of a period, with what could not be built."""
	check_role(BUILD_ROLES)
	built = checkins.build(arguments.period(from_date, to_date), None, company or None)
	return summary(built)


def summary(built: checkins.Built) -> dict:
	return {
		"timesheets": built.timesheets,
		"attendances": built.attendances,
		"skipped": [{"employee": e, "day": d, "timesheet": t} for e, d, t in built.skipped],
		"problems": [
			{"employee": e, "kind": p.kind, "day": p.day, "message": checkins.problem_message(p)}
			for e, p in built.problems
		],
	}


def build_yesterday() -> None:
	"""Daily job: yesterday's complete days become timesheets; problems are left for the page."""
	yesterday = getdate(add_days(nowdate(), -1))
	checkins.build(Period(yesterday, yesterday))
