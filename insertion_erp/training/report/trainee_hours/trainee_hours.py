"""Hours of paid training, group workshops and support per trainee over a period.

Hours and dates only: no topic, no note. Bookkeepers may run it."""

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.core.periods import Period
from insertion_erp.parcours.records import occupied_period as parcours_period
from insertion_erp.training.hours import (
	companies_counting_placements,
	paid_hours,
	placement_hours,
	support_hours,
	training_event_hours,
)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	if not filters.from_date or not filters.to_date:
		frappe.throw(_("Choose the period."), title=_("Period Missing"))
	period = Period(getdate(filters.from_date), getdate(filters.to_date))
	parcours = parcours_in(period, filters)
	if not parcours:
		return columns(), []

	paid = paid_hours(parcours, period)
	events = training_event_hours(period.start, period.end, [p.employee for p in parcours if p.employee])
	support = support_hours(period.start, period.end, list({p.trainee for p in parcours}))
	placed = placement_hours([p.name for p in parcours], period)
	counting = companies_counting_placements(period)

	data = []
	for p in parcours:
		data.append(
			{
				"trainee": p.trainee,
				"trainee_name": p.trainee_name,
				"parcours": p.name,
				"trade": p.trade,
				"counsellor": p.counsellor,
				"paid_hours": paid[p.name],
				"placement_hours": placed.get(p.name, 0),
				"training_hours": paid[p.name] + (placed.get(p.name, 0) if p.company in counting else 0),
				"workshop_hours": events.get(p.employee, 0),
				"support_hours": support.get(p.trainee, {}).get("hours", 0),
				"interventions": support.get(p.trainee, {}).get("count", 0),
			}
		)
	return columns(), data


def parcours_in(period: Period, filters) -> list:
	"""Started parcours that hold at least one day of the period."""
	conditions = {
		"start_date": ("<=", period.end),
		"docstatus": 0,
	}
	for key in ("company", "trainee", "trade", "counsellor"):
		if filters.get(key):
			conditions[key] = filters[key]
	rows = frappe.get_list(
		"Parcours",
		filters=conditions,
		fields=[
			"name",
			"trainee",
			"trainee_name",
			"trade",
			"counsellor",
			"company",
			"employee",
			"start_date",
			"planned_end_date",
			"actual_end_date",
			"planned_weeks",
		],
		order_by="trainee_name asc, start_date asc",
	)
	return [p for p in rows if parcours_period(p).overlaps(period)]


def columns() -> list[dict]:
	return [
		{
			"fieldname": "trainee",
			"label": _("Trainee"),
			"fieldtype": "Link",
			"options": "Trainee",
			"width": 110,
		},
		{"fieldname": "trainee_name", "label": _("Trainee Name"), "fieldtype": "Data", "width": 180},
		{
			"fieldname": "parcours",
			"label": _("Parcours"),
			"fieldtype": "Link",
			"options": "Parcours",
			"width": 140,
		},
		{"fieldname": "trade", "label": _("Trade"), "fieldtype": "Link", "options": "Trade", "width": 150},
		{
			"fieldname": "counsellor",
			"label": _("Counsellor"),
			"fieldtype": "Link",
			"options": "User",
			"width": 160,
		},
		{
			"fieldname": "paid_hours",
			"label": _("Paid Training Hours"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 130,
		},
		{
			"fieldname": "placement_hours",
			"label": _("Placement Hours"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 120,
		},
		{
			"fieldname": "training_hours",
			"label": _("Training Hours Counted"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 140,
		},
		{
			"fieldname": "workshop_hours",
			"label": _("Workshop Hours"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 120,
		},
		{
			"fieldname": "support_hours",
			"label": _("Support Hours"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 120,
		},
		{"fieldname": "interventions", "label": _("Interventions"), "fieldtype": "Int", "width": 110},
	]
