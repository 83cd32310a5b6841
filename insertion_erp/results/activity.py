"""An enterprise's activity over a period, read in bulk from its records (see core/results/outcomes.py).

Counts only: the queries read dates, categories and hours, never a note, a goal
or an intake text, and nothing here leaves this module with a name on it.
"""

from decimal import Decimal

import frappe
from frappe.utils import cint, flt, getdate, today

from insertion_erp.constants import SETTINGS
from insertion_erp.core.parcours import parcours as parcours_rules
from insertion_erp.core.periods import Period
from insertion_erp.core.results import outcomes
from insertion_erp.funding.payroll import hours_paid, parcours_schedules
from insertion_erp.parcours.records import occupied_period
from insertion_erp.privacy.consent import in_force_sql
from insertion_erp.training.hours import paid_hours, support_hours, training_event_hours

FILTERS = ("company", "trade", "counsellor", "referral_partner")


def follow_up_offsets() -> list[int]:
	return sorted(
		{cint(row.months) for row in frappe.get_cached_doc(SETTINGS).follow_up_offsets if row.months}
	)


def activity(
	period: Period, filters: dict | None = None, consent_purpose: str | None = None
) -> outcomes.Activity:
	"""Counts of the parcours (of the company, trade and counsellor in `filters`) in the period.

	With `consent_purpose` (the network's export: "Network Statistics"), only the trainees
	with a consent to it in force today are counted, their parcours and their follow-ups;
	the enterprise's own report, which names nobody, counts everybody."""
	filters = {key: value for key, value in (filters or {}).items() if key in FILTERS and value}
	consent = {"consent_purpose": consent_purpose, "consent_on": getdate(today())} if consent_purpose else {}
	served = served_parcours(period, filters, consent)
	follow_ups = follow_ups_due(period, filters, consent)
	result = outcomes.new_activity(
		set(follow_up_offsets()) | {row.months_after_exit for row in follow_ups if row.months_after_exit}
	)
	count_parcours(result, served, period)
	count_hours(result, served, period)
	count_follow_ups(result, follow_ups)
	return result


def activity_by_referrer(period: Period, filters: dict | None = None) -> dict[str, outcomes.Activity]:
	"""The activity of the parcours each partner referred, by partner, counted as `activity`
	counts them (its counts of people, exits and follow-ups; not its hours), in two queries."""
	filters = {key: value for key, value in (filters or {}).items() if key in FILTERS and value}
	served, follow_ups = served_parcours(period, filters), follow_ups_due(period, filters)
	offsets = set(follow_up_offsets()) | {
		row.months_after_exit for row in follow_ups if row.months_after_exit
	}
	by_partner: dict[str, outcomes.Activity] = {}
	for partner in {row.referral_partner for row in served + follow_ups if row.referral_partner}:
		result = by_partner[partner] = outcomes.new_activity(offsets)
		count_parcours(result, [p for p in served if p.referral_partner == partner], period)
		count_follow_ups(result, [f for f in follow_ups if f.referral_partner == partner])
	return by_partner


def _conditions(filters: dict, alias: str = "p", consent: dict | None = None) -> str:
	conditions = "".join(f" and {alias}.`{key}` = %({key})s" for key in filters)
	return conditions + (f" and {in_force_sql(f'{alias}.trainee')}" if consent else "")


def served_parcours(period: Period, filters: dict, consent: dict | None = None) -> list:
	"""Started parcours that hold at least one day of the period, with their trainee's age and gender."""
	rows = frappe.db.sql(
		f"""
		select p.name, p.trainee, p.employee, p.start_date, p.planned_end_date, p.actual_end_date,
			p.planned_weeks, p.exit_reason, p.exit_situation, p.income_source, p.referral_partner,
			t.date_of_birth, t.age_band, t.gender
		from `tabParcours` p
		join `tabTrainee` t on t.name = p.trainee
		where p.start_date <= %(end)s and coalesce(p.actual_end_date, p.planned_end_date, p.start_date) >= %(start)s
			{_conditions(filters, consent=consent)}
		""",
		{"start": period.start, "end": period.end, **filters, **(consent or {})},
		as_dict=True,
	)
	rows = [p for p in rows if occupied_period(p).overlaps(period)]
	barriers = barriers_by_parcours([p.name for p in rows])
	for p in rows:
		p.barriers = barriers.get(p.name, [])
	return rows


def barriers_by_parcours(names: list[str]) -> dict[str, list[str]]:
	found: dict[str, list[str]] = {}
	if names:
		for row in frappe.db.sql(
			"""select parent, barrier from `tabParcours Barrier`
			where parenttype = 'Parcours' and parent in %(names)s order by parent, idx""",
			{"names": names},
			as_dict=True,
		):
			found.setdefault(row.parent, []).append(row.barrier)
	return found


def count_parcours(result: outcomes.Activity, served: list, period: Period) -> None:
	"""People are counted once (a trainee back for a second parcours is one person served, and
	one entry if a parcours started in the period), at their first parcours of the period;
	exits are counted per parcours ended in the period."""
	trainees = result["trainees"]
	served = sorted(served, key=lambda p: getdate(p.start_date))
	entered = {p.trainee for p in served if getdate(p.start_date) in period}
	trainees["entered"] = len(entered)
	seen: set[str] = set()
	for p in served:
		start = getdate(p.start_date)
		count_exit(result, p, start, period)
		if p.trainee in seen:
			continue
		seen.add(p.trainee)
		trainees["active"] += 1
		if p.date_of_birth:
			outcomes.add(result["age_bands"], outcomes.age_band(getdate(p.date_of_birth), start))
		elif p.age_band:  # anonymised: the band at entry was kept in place of the date of birth
			outcomes.add(result["age_bands"], p.age_band)
		outcomes.add(result["genders"], p.gender or "Unknown")
		outcomes.add(result["income_sources"], p.income_source or "Unknown")
		for barrier in p.barriers:
			outcomes.add(result["barriers"], barrier)


def count_exit(result: outcomes.Activity, p, start, period: Period) -> None:
	end = getdate(p.actual_end_date) if p.actual_end_date else None
	if end and end in period:
		planned_end = getdate(p.planned_end_date) if p.planned_end_date else None
		completed = (
			parcours_rules.exit_kind(planned_end, end, p.exit_reason) == parcours_rules.Status.COMPLETED
		)
		result["trainees"]["completed" if completed else "exited_early"] += 1
		outcomes.add(result["exit_reasons"], p.exit_reason or "Unknown")
		result["exit_situations"][outcomes.exit_situation(p.exit_situation, p.exit_reason)] += 1
		result["parcours_weeks"]["total"] += outcomes.parcours_weeks(start, end)
		result["parcours_weeks"]["parcours"] += 1


def count_hours(result: outcomes.Activity, served: list, period: Period) -> None:
	"""Paid, workshop and support hours of the parcours served, within the period."""
	if not served:
		return
	result["hours"]["paid"] = sum(hours_paid_by_slips(served, period).values(), Decimal(0))
	result["hours"]["planned"] = sum(paid_hours(served, period).values(), Decimal(0))
	employees = [p.employee for p in served if p.employee]
	if employees:
		result["hours"]["workshop"] = sum(training_event_hours(period.start, period.end, employees).values())
	support = support_hours(period.start, period.end, list({p.trainee for p in served}))
	result["hours"]["support"] = sum(row["hours"] for row in support.values())


def hours_paid_by_slips(served: list, period: Period) -> dict[str, Decimal]:
	"""Hours the submitted salary slips ending in the period paid each parcours' Employee, in
	one query: the timesheets' hours, or the payment days times the planned daily hours (the
	claims' own rule, funding/payroll.hours_paid). A slip belongs to the parcours of its employee
	that covers its end."""
	by_employee: dict[str, list] = {}
	for p in served:
		if p.employee:
			by_employee.setdefault(p.employee, []).append(p)
	if not by_employee:
		return {}
	slips = frappe.db.sql(
		"""select ss.employee, ss.start_date, ss.end_date, ss.payment_days, ss.total_working_days,
			ss.total_working_hours, ss.salary_slip_based_on_timesheet
		from `tabSalary Slip` ss
		where ss.docstatus = 1 and ss.employee in %(employees)s and ss.end_date between %(start)s and %(end)s""",
		{"employees": tuple(by_employee), "start": period.start, "end": period.end},
		as_dict=True,
	)
	schedules = parcours_schedules({p.name for rows in by_employee.values() for p in rows})
	standard = flt(frappe.get_cached_value("HR Settings", "HR Settings", "standard_working_hours")) or 7
	hours: dict[str, Decimal] = {}
	for slip in slips:
		end = getdate(slip.end_date)
		# The employee's latest parcours started by the slip's end.
		started = [p for p in by_employee[slip.employee] if occupied_period(p).start <= end]
		parcours = max(started or by_employee[slip.employee], key=lambda p: occupied_period(p).start)
		hours[parcours.name] = hours.get(parcours.name, Decimal(0)) + hours_paid(
			slip, schedules.get(parcours.name), standard
		)
	return hours


def follow_ups_due(period: Period, filters: dict, consent: dict | None = None) -> list:
	"""Follow-ups due in the period, up to today: the ones to come are not due yet."""
	end = min(period.end, getdate(today()))
	if end < period.start:
		return []
	return frappe.db.sql(
		f"""
		select f.months_after_exit, f.status, f.situation, f.job_type, f.job_months, p.referral_partner
		from `tabParcours Follow-up` f
		join `tabParcours` p on p.name = f.parcours
		where f.due_date between %(start)s and %(end)s {_conditions(filters, consent=consent)}
		""",
		{"start": period.start, "end": end, **filters, **(consent or {})},
		as_dict=True,
	)


def integration_rate(period: Period, company: str | None) -> tuple[int | None, Decimal | None]:
	"""The integration rate of the follow-ups due in the period at the settings' last offset.

	Only the follow-ups are read: for the workspace's number card."""
	offsets = follow_up_offsets()
	if not offsets:
		return None, None
	result = outcomes.new_activity(offsets[-1:])
	count_follow_ups(result, follow_ups_due(period, {"company": company} if company else {}))
	return offsets[-1], outcomes.rate(result, offsets[-1])


def count_follow_ups(result: outcomes.Activity, follow_ups: list) -> None:
	"""Follow-ups not done count as unknown."""
	for row in follow_ups:
		situation = outcomes.follow_up_situation(row.situation if row.status == "Done" else None)
		outcomes.add_follow_up(result, row.months_after_exit, situation, row.job_type, row.job_months)
