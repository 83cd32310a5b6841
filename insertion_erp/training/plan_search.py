"""The Training Plan picker: each plan with its parcours' period and status.

A plan is titled by its trainee's name, so a trainee who came back for a second parcours has two
plans that read the same ("Fatou Diallo", "Fatou Diallo"). hooks.py makes this the search of
every Training Plan link (`standard_queries`): each plan says its period and its parcours'
status ("du 2026-02-02 au 2026-08-28, Actif"), the plans of a parcours under way first, then the
others, latest first. Only the plans and parcours the user may read (frappe.get_list).
"""

import frappe
from frappe import _
from frappe.utils import cint, escape_html, format_date

UNDER_WAY = ("Candidate", "Approved", "Active", "Suspended")


@frappe.whitelist()
def search_plans(
	doctype: str | None = None,
	txt: str | None = None,
	searchfield: str | None = None,
	start: int | str = 0,
	page_len: int | str = 20,
	filters: dict | list | str | None = None,
):
	"""frappe's search arguments (the doctype and search field are the Training Plan's own
	whatever is sent); a text or filters of the wrong kind are a message naming them."""
	if txt is not None and not isinstance(txt, str):
		frappe.throw(_("{0} must be a text.").format(frappe.bold("txt")), title=_("Invalid Value"))
	if isinstance(filters, str):
		try:
			filters = frappe.parse_json(filters) if filters.strip() else None
		except ValueError:
			filters = "invalid"
	if filters is not None and not isinstance(filters, dict | list):
		frappe.throw(
			_("{0} must be a list or a dictionary.").format(frappe.bold("filters")), title=_("Invalid Value")
		)
	check_filter_fields(filters)
	start, page_len = max(cint(start), 0), cint(page_len) if cint(page_len) > 0 else 20
	like = f"%{txt or ''}%"
	plans = frappe.get_list(
		"Training Plan",
		fields=["name", "trainee_name", "parcours"],
		filters=filters or None,
		or_filters=[["name", "like", like], ["trainee_name", "like", like], ["trainee", "like", like]],
		order_by="creation desc",
		limit_page_length=500,
	)
	parcours = {
		row.name: row
		for row in frappe.get_list(
			"Parcours",
			fields=["name", "status", "start_date", "planned_end_date", "actual_end_date"],
			filters={"name": ["in", [plan.parcours for plan in plans if plan.parcours]]},
			limit_page_length=0,
		)
	}

	def under_way_first(plan) -> tuple:
		row = parcours.get(plan.parcours)
		return (
			0 if row and row.status in UNDER_WAY else 1,
			-(row.start_date.toordinal() if row and row.start_date else 0),
		)

	rows = []
	for plan in sorted(plans, key=under_way_first)[start : start + page_len]:
		row = parcours.get(plan.parcours)
		rows.append([plan.name, plan.trainee_name, *describe(row)])
	return rows


def check_filter_fields(filters) -> None:
	"""Each filter names a field of Training Plan (a filter on another field is a message, not
	the database's error)."""
	columns = set(frappe.get_meta("Training Plan").get_valid_columns())
	if isinstance(filters, dict):
		fields = list(filters)
	else:
		fields = [
			(row[1] if len(row) > 3 else row[0]) if isinstance(row, list | tuple) and row else None
			for row in filters or []
		]
	unknown = [str(field) for field in fields if field not in columns]
	if unknown:
		frappe.throw(
			_("{0}: Training Plan has no field {1}.").format(
				frappe.bold("filters"), escape_html(", ".join(unknown))
			),
			title=_("Invalid Value"),
		)


def describe(parcours) -> list[str]:
	"""The parcours' period and status, as the picker shows them under the trainee's name."""
	if not parcours:
		return []
	start, end = parcours.start_date, parcours.actual_end_date or parcours.planned_end_date
	if start and end:
		period = _("from {0} to {1}").format(format_date(start), format_date(end))
	elif start:
		period = _("since {0}").format(format_date(start))
	else:
		return [_(parcours.status)]
	return [period, _(parcours.status)]
