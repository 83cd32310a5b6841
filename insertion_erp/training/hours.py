"""Hours of training and support per trainee and period, in one aggregated query each."""

from datetime import date
from decimal import Decimal

import frappe
from frappe.utils import getdate, today

from insertion_erp.core.parcours.partners import placement_hours_in
from insertion_erp.core.parcours.training import minutes_to_hours, paid_training_hours
from insertion_erp.core.periods import Period, without
from insertion_erp.insertion_support.access import permission_query_conditions
from insertion_erp.parcours.records import (
	hours_steps,
	occupied_period,
	steps_by_parcours,
	suspensions_by_parcours,
)


def paid_hours(parcours: list, period: Period) -> dict[str, Decimal]:
	"""Paid training hours of each parcours in the period, from its schedule, up to today.

	`parcours` rows carry name, start_date, planned_end_date, actual_end_date and
	planned_weeks. Suspended days are not paid training: the schedule's weeks go
	on, the hours stop."""
	names = [p.name for p in parcours]
	steps = steps_by_parcours(names)
	suspensions = suspensions_by_parcours(names, period.end)
	# The rest of the schedule is not done yet.
	so_far = Period(period.start, max(period.start, min(period.end, getdate(today()))))
	hours = {}
	for p in parcours:
		held = occupied_period(p)
		done = held.intersection(so_far)
		hours[p.name] = (
			sum(
				(
					paid_training_hours(hours_steps(steps.get(p.name, [])), p.planned_weeks, held.start, part)
					for part in without(done, suspensions.get(p.name, []))
				),
				Decimal(0),
			)
			if done
			else Decimal(0)
		)
	return hours


def training_event_hours(
	from_date: date, to_date: date, employees: list[str] | None = None
) -> dict[str, Decimal]:
	"""Hours of submitted HRMS Training Events (group workshops) each employee attended, by start date."""
	condition = "and ete.employee in %(employees)s" if employees else ""
	rows = frappe.db.sql(
		f"""
		select ete.employee, sum(timestampdiff(minute, te.start_time, te.end_time)) as minutes
		from `tabTraining Event Employee` ete
		join `tabTraining Event` te on te.name = ete.parent and ete.parenttype = 'Training Event'
		where te.docstatus = 1 and te.event_status != 'Cancelled' and ete.attendance = 'Present'
			and date(te.start_time) between %(from_date)s and %(to_date)s {condition}
		group by ete.employee
		""",
		{"from_date": from_date, "to_date": to_date, "employees": tuple(employees or ())},
		as_dict=True,
	)
	return {row.employee: minutes_to_hours(row.minutes or 0) for row in rows}


def support_hours(
	from_date: date, to_date: date, trainees: list[str] | None = None, user: str | None = None
) -> dict[str, dict]:
	"""Support interventions of each trainee in the period: {trainee: {"hours", "count"}}.

	A group session counts for each participant. Only the interventions `user` (by
	default the session's) may open count: the same row-level rule as the forms."""
	condition = "and x.trainee in %(trainees)s" if trainees else ""
	visible = permission_query_conditions(user or frappe.session.user)
	visible = f"and {visible}" if visible else ""
	rows = frappe.db.sql(
		f"""
		select x.trainee, sum(x.minutes) as minutes, count(*) as interventions
		from (
			select `tabSupport Intervention`.trainee, `tabSupport Intervention`.duration_minutes as minutes
			from `tabSupport Intervention`
			where `tabSupport Intervention`.kind != 'Group Session'
				and `tabSupport Intervention`.intervention_date between %(from_date)s and %(to_date)s {visible}
			union all
			select p.trainee, `tabSupport Intervention`.duration_minutes
			from `tabSupport Intervention`
			join `tabSupport Intervention Participant` p
				on p.parent = `tabSupport Intervention`.name and p.parenttype = 'Support Intervention'
			where `tabSupport Intervention`.kind = 'Group Session'
				and `tabSupport Intervention`.intervention_date between %(from_date)s and %(to_date)s {visible}
		) x
		where x.trainee is not null {condition}
		group by x.trainee
		""",
		{"from_date": from_date, "to_date": to_date, "trainees": tuple(trainees or ())},
		as_dict=True,
	)
	return {
		row.trainee: {"hours": minutes_to_hours(row.minutes or 0), "count": row.interventions} for row in rows
	}


def placement_hours(parcours: list[str], period: Period) -> dict[str, Decimal]:
	"""Hours of each parcours' placements at partner employers within the period, in one query
	(a placement's hours spread evenly over its days)."""
	if not parcours:
		return {}
	hours: dict[str, Decimal] = {}
	for row in frappe.db.sql(
		"""select parcours, start_date, end_date, hours from `tabPlacement`
		where parcours in %(parcours)s and start_date <= %(end)s and end_date >= %(start)s""",
		{"parcours": tuple(parcours), "start": period.start, "end": period.end},
		as_dict=True,
	):
		placed = Period(getdate(row.start_date), getdate(row.end_date))
		hours[row.parcours] = hours.get(row.parcours, Decimal(0)) + placement_hours_in(
			row.hours, placed, period
		)
	return hours


def companies_counting_placements(period: Period) -> set[str]:
	"""The companies whose submitted insertion contract over the period counts placement hours."""
	return set(
		frappe.get_all(
			"Insertion Contract",
			filters={
				"docstatus": 1,
				"placement_hours_count": 1,
				"from_date": ("<=", period.end),
				"to_date": (">=", period.start),
			},
			pluck="company",
		)
	)
