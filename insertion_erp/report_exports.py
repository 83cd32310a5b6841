"""A report's export named in the user's language.

Frappe names the file of a report's export (Menu > Export) after the report's English name,
then, when "Include filters" is ticked, each filter's value as typed or chosen: "Activity
Report_This Enterprise_2026-01-01.xlsx" on a French desk (it passes the whole joined name to
`_()`, which finds no translation for it). hooks.py routes frappe's `export_query` here: the
same file, named with the report's translated name and each value translated where it is a
text of the app ("Rapport d'activité_Cette entreprise_2026-01-01.xlsx").
"""

import frappe
from frappe import _
from frappe.desk.query_report import export_query as frappe_export_query
from frappe.desk.query_report import valid_report_name
from frappe.utils import escape_html

from insertion_erp.controllers.arguments import require


@frappe.whitelist()
def export_query():
	form = frappe._dict(frappe.local.form_dict)
	# What frappe reads without a check (a missing report is an AttributeError there).
	require(report_name=form.report_name, file_format_type=form.file_format_type)
	if not isinstance(form.report_name, str) or not frappe.db.exists("Report", form.report_name):
		frappe.throw(
			_("{0}: report {1} not found.").format(
				frappe.bold("report_name"), escape_html(str(form.report_name))
			),
			frappe.DoesNotExistError,
		)
	if form.file_format_type not in ("Excel", "CSV"):
		frappe.throw(
			_("{0} must be Excel or CSV.").format(frappe.bold("file_format_type")), title=_("Invalid Value")
		)
	frappe_export_query()
	filename = frappe.response.get("filename")
	if frappe.response.get("type") != "binary" or not filename or not form.report_name:
		return
	extension = filename.rsplit(".", 1)[-1]
	applied = frappe.parse_json(form.applied_filters or "{}") if form.include_filters else {}
	frappe.response["filename"] = f"{file_name(form.report_name, applied)}.{extension}"


def file_name(report_name: str, applied_filters: dict | None) -> str:
	"""frappe's name of an export, each part in the user's language."""
	name = _(report_name)
	for value in (applied_filters or {}).values():
		suffix = ""
		if isinstance(value, list):
			suffix = "_" + ",".join(_(str(part)) for part in value)
		elif isinstance(value, str) and value not in {"Yes", "No"}:
			suffix = f"_{_(value)}"
		if valid_report_name(name, suffix):
			name += suffix
	return name
