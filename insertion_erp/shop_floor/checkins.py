"""From the shop floor's check-ins to each day's Timesheet and Attendance.

The pairing, the breaks and the week's checks are rules of the core
(core/parcours/shifts.py); this module reads the check-ins, the parcours and the
contracts in a few aggregated queries and writes the documents HRMS pays from:
a submitted Timesheet per trainee and day (one time log per paid stretch, the
activity named after the trade) and a submitted Attendance, linked from the
check-ins. A day with a blocking problem (a missing OUT, a day outside the
parcours) gets nothing until it is corrected; every problem is returned, for the
page and the bookkeeper to see.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import cint, flt, get_datetime, getdate

from insertion_erp.constants import SETTINGS
from insertion_erp.core.parcours import shifts as rules
from insertion_erp.core.parcours.parcours import weekly_hours
from insertion_erp.core.periods import Period
from insertion_erp.parcours.records import hours_steps, steps_by_parcours, suspensions_by_parcours

# What the app writes in the check-ins it creates and in the timesheets it builds.
DEVICE = "Shop floor"


@dataclass
class Trainee:
	"""A trainee's parcours as the shop floor needs it."""

	employee: str
	employee_name: str
	trainee_name: str
	company: str
	trade: str
	parcours: str
	start: date
	end: date
	weeks: list[Decimal]
	suspensions: list[Period] = field(default_factory=list)

	def in_parcours(self, day: date) -> bool:
		return self.start <= day <= self.end and not any(day in gap for gap in self.suspensions)

	def week(self, day: date) -> tuple[int, Period, Decimal | None]:
		"""The parcours' week of `day`: its number, its days, its scheduled hours."""
		number, first, last = rules.parcours_week(self.start, day)
		scheduled = self.weeks[number - 1] if 0 < number <= len(self.weeks) else None
		return number, Period(first, last), scheduled


def unpaid_break() -> rules.Break:
	settings = frappe.get_cached_doc(SETTINGS)
	return rules.Break(
		minutes=cint(settings.unpaid_break_minutes),
		after_hours=Decimal(str(flt(settings.break_after_hours))),
	)


def trainees_in(period: Period, employees: list[str] | None, company: str | None) -> list[Trainee]:
	"""Trainees whose parcours meets the period (started, not closed before it), in three queries."""
	conditions = ["p.employee is not null", "p.start_date <= %(end)s", "p.docstatus < 2"]
	conditions.append("coalesce(p.actual_end_date, p.planned_end_date) >= %(start)s")
	if employees is not None:
		conditions.append("p.employee in %(employees)s")
	if company:
		conditions.append("p.company = %(company)s")
	rows = frappe.db.sql(
		f"""select p.name, p.employee, e.employee_name, p.trainee_name, p.company, p.trade,
			p.start_date, p.planned_end_date, p.actual_end_date, p.planned_weeks
		from `tabParcours` p join `tabEmployee` e on e.name = p.employee
		where {" and ".join(conditions)}
		order by p.trainee_name""",
		{
			"start": period.start,
			"end": period.end,
			"employees": tuple(employees or ()) or ("",),
			"company": company,
		},
		as_dict=True,
	)
	return with_schedules(rows)


def with_schedules(rows) -> list[Trainee]:
	names = [row.name for row in rows]
	steps = steps_by_parcours(names)
	suspensions = suspensions_by_parcours(names, date.max)
	result = []
	for row in rows:
		end = getdate(row.actual_end_date or row.planned_end_date)
		try:
			weeks = weekly_hours(hours_steps(steps.get(row.name, [])), cint(row.planned_weeks))
		except ValueError:
			weeks = []  # an unusable schedule: no schedule check, the rest still works
		result.append(
			Trainee(
				employee=row.employee,
				employee_name=row.employee_name,
				trainee_name=row.trainee_name,
				company=row.company,
				trade=row.trade,
				parcours=row.name,
				start=getdate(row.start_date),
				end=end,
				weeks=weeks,
				suspensions=suspensions.get(row.name, []),
			)
		)
	return result


def punches(employees: list[str], period: Period) -> dict[str, list[rules.Punch]]:
	"""The check-ins of the employees in the period, by employee, in one query."""
	if not employees:
		return {}
	rows = frappe.db.sql(
		"""select name, employee, time, log_type from `tabEmployee Checkin`
		where employee in %(employees)s and time >= %(start)s and time < %(end)s
		order by employee, time, name""",
		{
			"employees": tuple(employees),
			"start": datetime.combine(period.start, time.min),
			"end": datetime.combine(period.end + timedelta(days=1), time.min),
		},
		as_dict=True,
	)
	result = defaultdict(list)
	for row in rows:
		result[row.employee].append(rules.Punch(row.name, get_datetime(row.time), row.log_type or ""))
	return result


def weekly_ceilings(companies: set[str], period: Period) -> dict[str, Decimal]:
	"""Each company's weekly hours ceiling from its submitted contract covering the period."""
	if not companies:
		return {}
	rows = frappe.db.sql(
		"""select company, min(max_weekly_hours) from `tabInsertion Contract`
		where docstatus = 1 and company in %(companies)s and from_date <= %(end)s and to_date >= %(start)s
			and max_weekly_hours > 0
		group by company""",
		{"companies": tuple(companies), "start": period.start, "end": period.end},
	)
	return {company: Decimal(str(hours)) for company, hours in rows}


@dataclass
class Week:
	"""One trainee's parcours week on the shop floor, up to a day."""

	trainee: Trainee
	number: int
	period: Period
	scheduled: Decimal | None
	ceiling: Decimal | None
	days: dict[date, rules.Day]
	problems: list[rules.Problem]
	paid_seconds: int


def weeks_on(day: date, trainees: list[Trainee], unpaid: rules.Break) -> list[Week]:
	"""Each trainee's week up to `day` with its problems, from the week's check-ins."""
	if not trainees:
		return []
	windows = {t.employee: t.week(day) for t in trainees}
	first = min(window[1].start for window in windows.values())
	found = punches([t.employee for t in trainees], Period(first, day))
	ceilings = weekly_ceilings({t.company for t in trainees}, Period(first, day))
	result = []
	for trainee in trainees:
		number, week, scheduled = windows[trainee.employee]
		days = {
			d: v
			for d, v in rules.pair(
				p for p in found.get(trainee.employee, []) if p.time.date() >= week.start
			).items()
			if d <= day
		}
		problems = [problem for d in days.values() for problem in d.problems]
		problems += [rules.Problem(rules.OUTSIDE_PARCOURS, d) for d in days if not trainee.in_parcours(d)]
		ceiling = ceilings.get(trainee.company)
		problems += rules.check_week(days, unpaid, scheduled, ceiling)
		result.append(
			Week(
				trainee=trainee,
				number=number,
				period=week,
				scheduled=scheduled,
				ceiling=ceiling,
				days=days,
				problems=problems,
				paid_seconds=sum(d.paid_seconds(unpaid) for d in days.values()),
			)
		)
	return result


def on_shift(day: date, company: str | None = None) -> list[Trainee]:
	"""Trainees in now: today's IN still waiting for its OUT."""
	return shift_of(day, company)[0]


def shift_of(day: date, company: str | None = None) -> tuple[list[Trainee], list[Trainee]]:
	"""The day's shift: the trainees in now (today's IN still waiting for its OUT), and the
	others whose parcours has hours this week and who have not clocked today yet (expected:
	the supervisor may not have tapped them in yet)."""
	trainees = [t for t in trainees_in(Period(day, day), None, company) if t.in_parcours(day)]
	found = punches([t.employee for t in trainees], Period(day, day))
	inside, expected = [], []
	for trainee in trainees:
		today = rules.pair(found.get(trainee.employee, [])).get(day, rules.Day(day))
		if any(problem.kind == rules.MISSING_OUT for problem in today.problems):
			inside.append(trainee)
		elif not today.shifts and trainee.week(day)[2] != 0:
			expected.append(trainee)
	return inside, expected


def problem_message(problem: rules.Problem) -> str:
	return {
		rules.DOUBLE_IN: _("Two IN in a row: the second one was set aside."),
		rules.OUT_WITHOUT_IN: _("An OUT with no IN before it was set aside."),
		rules.MISSING_OUT: _("No OUT: the shift is not paid until an OUT is added."),
		rules.OUTSIDE_PARCOURS: _("A shift on a day outside the parcours (or during a suspension)."),
		rules.OVER_SCHEDULE: _("More hours than the parcours' schedule for the week."),
		rules.OVER_CEILING: _("More hours than the contract's weekly ceiling."),
	}[problem.kind]


# Building -------------------------------------------------------------------


@dataclass
class Built:
	timesheets: list[str] = field(default_factory=list)
	attendances: list[str] = field(default_factory=list)
	problems: list[tuple[str, rules.Problem]] = field(default_factory=list)  # (employee, problem)
	skipped: list[tuple[str, date, str]] = field(default_factory=list)  # (employee, day, timesheet)


def build(period: Period, employees: list[str] | None = None, company: str | None = None) -> Built:
	"""Timesheets and attendance for each trainee's complete days of the period.

	A day that already has a timesheet of the employee is left alone (it is named in
	`skipped`); a blocked day gets nothing (its problems are in `problems`)."""
	unpaid = unpaid_break()
	trainees = {t.employee: t for t in trainees_in(period, employees, company)}
	found = punches(list(trainees), period)
	existing = existing_timesheets(list(trainees), period)
	built = Built()
	for employee, trainee in trainees.items():
		for day, shifts in sorted(rules.pair(found.get(employee, [])).items()):
			if not period.start <= day <= period.end:
				continue
			problems = list(shifts.problems)
			if shifts.shifts and not trainee.in_parcours(day):
				problems.append(rules.Problem(rules.OUTSIDE_PARCOURS, day))
			built.problems += [(employee, problem) for problem in problems]
			if any(problem.kind in rules.BLOCKING for problem in problems) or not shifts.shifts:
				continue
			if (employee, day) in existing:
				built.skipped.append((employee, day, existing[(employee, day)]))
				continue
			timesheet, attendance = build_day(trainee, shifts, unpaid)
			built.timesheets.append(timesheet)
			if attendance:
				built.attendances.append(attendance)
	return built


def existing_timesheets(employees: list[str], period: Period) -> dict[tuple[str, date], str]:
	if not employees:
		return {}
	rows = frappe.db.sql(
		"""select employee, start_date, name from `tabTimesheet`
		where docstatus < 2 and employee in %(employees)s and start_date between %(start)s and %(end)s""",
		{"employees": tuple(employees), "start": period.start, "end": period.end},
	)
	return {(employee, getdate(day)): name for employee, day, name in rows}


def build_day(trainee: Trainee, day: rules.Day, unpaid: rules.Break) -> tuple[str, str | None]:
	"""The day's submitted Timesheet and Attendance (unless HRMS already marked one)."""
	activity = ensure_activity_type(trainee.trade)
	logs = [
		{"activity_type": activity, "from_time": start, "to_time": end, "hours": hours(start, end)}
		for shift in day.shifts
		for start, end in shift.segments(unpaid)
	]
	timesheet = frappe.get_doc(
		{
			"doctype": "Timesheet",
			"company": trainee.company,
			"employee": trainee.employee,
			"note": _("From the shop floor's check-ins of {0}.").format(frappe.format(day.day, "Date")),
			"time_logs": logs,
		}
	)
	timesheet.flags.ignore_permissions = True
	timesheet.insert().submit()

	attendance = frappe.db.get_value(
		"Attendance", {"employee": trainee.employee, "attendance_date": day.day, "docstatus": ("<", 2)}
	)
	if not attendance:
		doc = frappe.get_doc(
			{
				"doctype": "Attendance",
				"employee": trainee.employee,
				"company": trainee.company,
				"attendance_date": day.day,
				"status": "Present",
				"working_hours": flt(rules.to_hours(day.paid_seconds(unpaid)), 6),
				"in_time": day.shifts[0].start,
				"out_time": day.shifts[-1].end,
			}
		)
		doc.flags.ignore_permissions = True
		doc.insert().submit()
		attendance = doc.name
	punches_of_day = [name for shift in day.shifts for name in shift.punches]
	frappe.db.set_value(
		"Employee Checkin", {"name": ("in", punches_of_day)}, "attendance", attendance, update_modified=False
	)
	return timesheet.name, attendance


def hours(start: datetime, end: datetime) -> float:
	return (end - start).total_seconds() / 3600


def ensure_activity_type(trade: str | None) -> str | None:
	"""The trade as an Activity Type, so timesheets say what the hours were spent on."""
	if not trade:
		return None
	if not frappe.db.exists("Activity Type", trade):
		frappe.get_doc({"doctype": "Activity Type", "activity_type": trade}).insert(ignore_permissions=True)
	return trade
