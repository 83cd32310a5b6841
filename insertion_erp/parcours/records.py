"""Parcours records as the pure core's values: for reports, payroll and the controller alike."""

from decimal import Decimal

from frappe.utils import cint, getdate

from insertion_erp.core import parcours as rules
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
