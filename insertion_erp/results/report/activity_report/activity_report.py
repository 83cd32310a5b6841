"""The activity report: what the parcours of a period achieved, in counts and rates.

For the enterprise (its records, see results/activity.py) or for a network (the
files its enterprises sent, see results/network.py). Counts, hours and rates
only: no name, no date of birth, no note, goal or intake text."""

from datetime import timedelta

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from insertion_erp.controllers import arguments
from insertion_erp.core.periods import Period, add_months
from insertion_erp.core.results import outcomes
from insertion_erp.results import activity, network

NETWORK = "Network Files"


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	if not filters.from_date or not filters.to_date:
		frappe.throw(_("Choose the period."), title=_("Period Missing"))
	period = arguments.period(filters.from_date, filters.to_date)
	if filters.source == NETWORK:
		result, files = network.totals(period)
		message = _("Totals of {0} files imported from the network's enterprises.").format(files)
	else:
		if not filters.company:
			frappe.throw(_("Choose the company."), title=_("Company Missing"))
		arguments.check_company(filters.company)
		result = activity.activity(period, filters)
		message = network.what_the_file_leaves_out(filters.company, period)
	return columns(), rows(result), message_with_definitions(message)


def rows(result: outcomes.Activity) -> list[dict]:
	return [
		{
			"section": _(row.section).format(*row.section_args),
			"indicator": _(row.indicator),
			# What the definition defines, for the print's list: the line, or its whole section.
			"defines": _(row.section).format(*row.section_args)
			if row.definition in outcomes.BY_SECTION
			else _(row.indicator),
			"count": row.value if row.kind in ("count", "category", "rate") else None,
			"amount": row.value if row.kind in ("hours", "weeks") else None,
			"share": row.share,
			"definition": definition(row),
			"kind": row.kind,
		}
		for row in outcomes.rows(result)
	]


def definition(row: outcomes.Row) -> str:
	if row.suppressed:
		return _(outcomes.DEFINITIONS["not_included"]).format(row.suppressed)
	return _(outcomes.DEFINITIONS[row.definition]) if row.definition else ""


def message_with_definitions(message: str) -> str:
	definitions = [
		f"{_(outcomes.INDICATOR_LABELS[key])} = {_(outcomes.DEFINITIONS[key])}."
		for key in ("integration", "integration_all", "durable")
	]
	return " ".join(
		part for part in (message, *definitions, _(outcomes.DEFINITIONS["suppressed"]) + ".") if part
	)


def columns() -> list[dict]:
	return [
		{"fieldname": "section", "label": _("Section"), "fieldtype": "Data", "width": 200},
		{"fieldname": "indicator", "label": _("Indicator"), "fieldtype": "Data", "width": 260},
		{"fieldname": "count", "label": _("Count"), "fieldtype": "Int", "width": 90},
		{
			"fieldname": "amount",
			"label": _("Hours or Weeks"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 120,
		},
		{"fieldname": "share", "label": _("Share (%)"), "fieldtype": "Percent", "width": 100},
		{"fieldname": "definition", "label": _("Definition"), "fieldtype": "Data", "width": 420},
	]


@frappe.whitelist()
def integration_rate_card() -> dict:
	"""Number card: the integration rate of the follow-ups due in the last 12 months, at the
	settings' last offset, for the user's company."""
	if not frappe.get_cached_doc("Report", "Activity Report").is_permitted():  # the report's roles
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	company = frappe.defaults.get_user_default("Company") or frappe.db.get_single_value(
		"Global Defaults", "default_company"
	)
	today = getdate(nowdate())
	_months, rate = activity.integration_rate(
		Period(add_months(today, -12) + timedelta(days=1), today), company
	)
	return {"value": float(rate) if rate is not None else 0, "fieldtype": "Percent"}
