"""Hours of paid training, group workshops and support per trainee over a period.

Hours and dates only: no topic, no note. Bookkeepers may run it (the report's roles) but read
no parcours and no support intervention: who meets a counsellor is confidential, so they get
the support hours of all trainees over the period as one total, never per trainee."""

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.controllers import arguments
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
	reads_support = frappe.has_permission("Support Intervention", "read")
	if not parcours:
		return columns(support=reads_support), []

	paid = paid_hours(parcours, period)
	events = training_event_hours(period.start, period.end, [p.employee for p in parcours if p.employee])
	trainees = list({p.trainee for p in parcours})
	support = support_hours(period.start, period.end, trainees) if reads_support else {}
	placed = placement_hours([p.name for p in parcours], period)
	counting = companies_counting_placements(period)

	data = []
	for p in parcours:
		row = {
			"trainee": p.trainee,
			"trainee_name": p.trainee_name,
			"parcours": p.name,
			"trade": p.trade,
			"counsellor": p.counsellor,
			"paid_hours": paid[p.name],
			"placement_hours": placed.get(p.name, 0),
			"training_hours": paid[p.name] + (placed.get(p.name, 0) if p.company in counting else 0),
			"workshop_hours": events.get(p.employee, 0),
		}
		if reads_support:
			row["support_hours"] = support.get(p.trainee, {}).get("hours", 0)
			row["interventions"] = support.get(p.trainee, {}).get("count", 0)
		data.append(row)
	if reads_support:
		return columns(), data
	return columns(support=False), data, None, None, support_total(period)


def support_total(period: Period) -> list[dict]:
	"""The support hours and interventions of every trainee over the period, as one total (no
	filter narrows it to a trainee): for those who may not read the interventions."""
	total = support_hours(period.start, period.end, user="Administrator").values()
	return [
		{
			"label": _("Support Hours, All Trainees"),
			"value": float(sum(row["hours"] for row in total)),
			"datatype": "Float",
			"indicator": "Blue",
		},
		{
			"label": _("Interventions, All Trainees"),
			"value": sum(row["count"] for row in total),
			"datatype": "Int",
			"indicator": "Blue",
		},
	]


def parcours_in(period: Period, filters) -> list:
	"""Started parcours that hold at least one day of the period."""
	conditions = {
		"start_date": ("<=", period.end),
		"docstatus": 0,
	}
	for key in ("company", "trainee", "trade", "counsellor"):
		if filters.get(key):
			conditions[key] = filters[key]
	# The report's roles are checked by frappe; bookkeepers read no parcours, so the rows are
	# read with the app's rights, within the companies the user may read (User Permissions).
	if filters.get("company"):
		arguments.check_company(filters.company)
	elif allowed := frappe.permissions.get_user_permissions(frappe.session.user).get("Company"):
		conditions["company"] = ("in", sorted({row.get("doc") for row in allowed}))
	rows = frappe.get_all(
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


def parcours_link() -> dict:
	if frappe.has_permission("Parcours", "read"):
		return {"fieldtype": "Link", "options": "Parcours"}
	return {"fieldtype": "Data"}


def columns(support: bool = True) -> list[dict]:
	fields = [
		{
			"fieldname": "trainee",
			"label": _("Trainee"),
			"fieldtype": "Link",
			"options": "Trainee",
			"width": 110,
		},
		{"fieldname": "trainee_name", "label": _("Trainee Name"), "fieldtype": "Data", "width": 180},
		# A link only for its readers: frappe refuses a report whose links its user may not read.
		{"fieldname": "parcours", "label": _("Parcours"), "width": 140, **parcours_link()},
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
	if support:
		return fields
	return [column for column in fields if column["fieldname"] not in ("support_hours", "interventions")]
