"""Parcours records as the pure core's values: for reports, payroll and the controller alike."""

from datetime import date
from decimal import Decimal

import frappe
from frappe.utils import cint, getdate

from insertion_erp.core.parcours import parcours as rules
from insertion_erp.core.periods import Period


def hours_steps(rows) -> list[rules.HoursStep]:
	"""Rows of a Parcours Hours Step table as the core's steps (an empty To Week: to the end)."""
	return [
		rules.HoursStep(cint(row.from_week), cint(row.to_week) or None, Decimal(str(row.hours_per_week or 0)))
		for row in rows
	]


def occupied_period(parcours) -> Period:
	return rules.occupied_period(
		getdate(parcours.start_date),
		getdate(parcours.planned_end_date),
		getdate(parcours.actual_end_date) if parcours.actual_end_date else None,
	)


def steps_by_parcours(parcours: list[str] | set[str]) -> dict[str, list]:
	"""The Parcours Hours Step rows of each parcours, in order, in one query."""
	by_parcours: dict[str, list] = {}
	if not parcours:
		return by_parcours
	for row in frappe.db.sql(
		"""select parent, from_week, to_week, hours_per_week from `tabParcours Hours Step`
		where parenttype = 'Parcours' and parent in %(parcours)s order by parent, idx""",
		{"parcours": tuple(parcours)},
		as_dict=True,
	):
		by_parcours.setdefault(row.parent, []).append(row)
	return by_parcours


def suspensions_by_parcours(parcours: list[str] | set[str], until: date) -> dict[str, list[Period]]:
	"""Each parcours' suspensions as periods (one still open runs to `until`), in one query."""
	by_parcours: dict[str, list[Period]] = {}
	if not parcours:
		return by_parcours
	for row in frappe.db.sql(
		"""select parent, from_date, to_date from `tabParcours Suspension`
		where parenttype = 'Parcours' and parent in %(parcours)s""",
		{"parcours": tuple(parcours)},
		as_dict=True,
	):
		first, last = getdate(row.from_date), getdate(row.to_date) if row.to_date else getdate(until)
		if last >= first:
			by_parcours.setdefault(row.parent, []).append(Period(first, last))
	return by_parcours
