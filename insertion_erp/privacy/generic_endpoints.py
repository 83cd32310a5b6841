"""Frappe's generic read endpoints that check no permission, closed for every login.

Frappe v15 leaves some whitelisted methods that take a doctype (or a table's name, a record,
a report, a file) and read through `frappe.db` without asking whether the session's user may
read it. hooks.py routes them here (`override_whitelisted_methods`): each one first checks the
user's permission on what the caller named (the doctype, the record, the report), then hands
over to frappe's own method; counts go through `frappe.get_list`, so row rules
(`permission_query_conditions`), user permissions and shared documents apply. The README's
Confidentiality section lists every method checked and what was done with it.
"""

import frappe
import frappe.client
from frappe import _
from frappe.core.doctype.prepared_report.prepared_report import (
	enqueue_json_to_csv_conversion as frappe_enqueue,
)
from frappe.core.doctype.prepared_report.prepared_report import make_prepared_report as frappe_make
from frappe.desk.doctype.dashboard_chart.dashboard_chart import get as frappe_get_chart
from frappe.desk.form.document_follow import follow_document as frappe_follow
from frappe.desk.listview import get_group_by_count as frappe_get_group_by_count
from frappe.desk.query_report import get_report_doc
from frappe.desk.query_report import run as frappe_run
from frappe.desk.search import search_link as frappe_search_link
from frappe.handler import run_doc_method as frappe_run_doc_method
from frappe.model.base_document import get_controller
from frappe.model.document import Document
from frappe.utils import cint, get_safe_filters
from frappe.utils.file_manager import add_attachments as frappe_add_attachments
from frappe.website.doctype.web_form.web_form import get_form_data as frappe_get_form_data
from hrms.hr.utils import get_employee_field_property as hrms_get_employee_field_property

from insertion_erp.controllers.arguments import require
from insertion_erp.permissions import TRAINEE_DOCTYPES
from insertion_erp.quebec_formats import chart_labels


def readable_doctype(doctype: str) -> None:
	"""A DocType (not a raw table, a child table or a single) that the user may read."""
	meta = frappe.db.get_value("DocType", doctype, ["istable", "issingle"], as_dict=True)
	if not meta:
		frappe.throw(
			_("{0} is not a document type.").format(frappe.bold(doctype)),
			frappe.PermissionError,
			title=_("Not Permitted"),
		)
	if meta.istable or meta.issingle:
		frappe.throw(
			_("Records of {0} are not counted one by one.").format(frappe.bold(_(doctype))),
			frappe.PermissionError,
			title=_("Not Permitted"),
		)
	check_read(doctype)


@frappe.whitelist()
def get_count(doctype: str | None = None, filters=None, debug=False, cache=False) -> int:
	"""frappe.client.get_count, which counts any table with any filters (frappe.db.count, no
	permission): the records of a DocType the user may read, counted as their list would be."""
	require(doctype=doctype)
	readable_doctype(doctype)
	rows = frappe.get_list(
		doctype, filters=get_safe_filters(filters), fields=["count(*) as count"], order_by=""
	)
	return cint(rows[0].count) if rows else 0


@frappe.whitelist()
def run_doc_method(method=None, docs=None, dt=None, dn=None, arg=None, args=None):
	"""frappe's run_doc_method (the desk's call of a document's whitelisted method, such as
	add_comment, which every document has) sends the whole document back, hidden fields and
	all, and leaves no trace: the documents it answers with get the fields the user may read,
	as the form's, and a trainee's record is logged as opened (privacy/traced_document.py)."""
	require(method=method)
	if not (dt or docs):
		require(dt=dt)
	try:
		doctype = dt or (frappe.parse_json(docs) or {}).get("doctype")
	except (ValueError, AttributeError):
		doctype = None
	if not isinstance(method, str) or not isinstance(doctype, str):
		frappe.throw(_("{0} names no method of a document.").format(frappe.bold("method")))
	if not frappe.db.exists("DocType", doctype) or not callable(
		getattr(get_controller(doctype), method, None)
	):
		frappe.throw(_("{0} has no method {1}.").format(_(doctype), frappe.bold(method)))
	# The method gets the caller's arguments as they are: never the right to skip permissions.
	args = args or arg
	try:
		args = frappe.parse_json(args)
	except ValueError:
		pass  # a method of one argument takes it as it is (frappe's own rule)
	if isinstance(args, dict):
		args.pop("ignore_permissions", None)
	answered = len(frappe.response.docs)
	result = frappe_run_doc_method(method, docs=docs, dt=dt, dn=dn, args=args)
	for doc in frappe.response.docs[answered:]:
		if isinstance(doc, Document):
			doc.apply_fieldlevel_read_permissions()
	return result


@frappe.whitelist()
def get(doctype: str | None = None, name: str | None = None, filters=None, parent: str | None = None):
	"""frappe.client.get looks the record up by the caller's filters before it checks the
	permission: "not found" or "not permitted" told whether a record matched, on any doctype.
	The doctype's permission first."""
	require(doctype=doctype)
	check_read(doctype, parent)
	return frappe.client.get(doctype, name=name, filters=filters, parent=parent)


@frappe.whitelist()
def get_group_by_count(doctype: str | None = None, current_filters=None, field: str | None = None):
	"""frappe's sidebar counts by assignee query any doctype with any filters unchecked."""
	require(doctype=doctype, field=field)
	check_read(doctype)
	return frappe_get_group_by_count(doctype, current_filters or "[]", field)


@frappe.whitelist()
def get_values(doctype: str | None = None, name: str | None = None, fields=None) -> dict:
	"""HRMS's roster read any field of any record (frappe.db.get_value, no check): the fields
	of a record the user may read, as its form shows them."""
	require(doctype=doctype, name=name, fields=fields)
	fields = frappe.parse_json(fields) if isinstance(fields, str) and fields.startswith("[") else fields
	fields = [fields] if isinstance(fields, str) else list(fields)
	check_read(doctype)  # before the record's existence, which is itself an answer
	if not frappe.db.exists(doctype, name):
		frappe.throw(
			_("{0} {1} does not exist.").format(_(doctype), frappe.bold(name)), frappe.DoesNotExistError
		)
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("read")
	doc.apply_fieldlevel_read_permissions()
	return frappe._dict({field: doc.get(field) for field in fields if isinstance(field, str)})


@frappe.whitelist()
def get_employee_field_property(employee: str | None = None, fieldname: str | None = None):
	"""HRMS answered any field of any Employee: only of an Employee the user may read."""
	require(employee=employee, fieldname=fieldname)
	if not frappe.has_permission("Employee", "read", doc=employee):
		refuse(employee)
	return hrms_get_employee_field_property(employee, fieldname)


@frappe.whitelist()
def make_prepared_report(report_name: str | None = None, filters=None):
	"""frappe ran any report in the background for anyone, then handed them its result: only a
	report the user may run (its roles, and its document type's report permission)."""
	require(report_name=report_name)
	get_report_doc(report_name)
	return frappe_make(report_name, filters)


@frappe.whitelist()
def enqueue_json_to_csv_conversion(prepared_report_name: str | None = None):
	"""frappe converted anyone's prepared report to a CSV file for anyone."""
	require(prepared_report_name=prepared_report_name)
	readable_prepared_report(prepared_report_name)
	return frappe_enqueue(prepared_report_name)


@frappe.whitelist()
@frappe.read_only()
def run_report(
	report_name: str | None = None,
	filters=None,
	user=None,
	ignore_prepared_report=False,
	custom_columns=None,
	is_tree=False,
	parent_field=None,
	are_default_filters=True,
):
	"""frappe.desk.query_report.run as the session's user only (frappe took a `user` from the
	caller, which lifted user permissions from the rows), and a prepared result only of the
	report asked and readable by the user."""
	require(report_name=report_name)
	if user and user != frappe.session.user:
		frappe.throw(_("A report runs as its own user only."), frappe.PermissionError)
	parsed = frappe.parse_json(filters) if isinstance(filters, str) else filters
	if isinstance(parsed, dict) and parsed.get("prepared_report_name"):
		readable_prepared_report(parsed["prepared_report_name"], report_name)
	return frappe_run(
		report_name,
		filters=filters,
		ignore_prepared_report=ignore_prepared_report,
		custom_columns=custom_columns,
		is_tree=is_tree,
		parent_field=parent_field,
		are_default_filters=are_default_filters,
	)


@frappe.whitelist()
def add_attachments(doctype: str | None = None, name: str | None = None, attachments=None):
	"""frappe copied any File onto any record, the copy owned (so downloadable) by the caller:
	only files the user may download, onto a record the user may change."""
	require(doctype=doctype, name=name, attachments=attachments)
	check_read(doctype)
	frappe.get_doc(doctype, name).check_permission("write")
	names = frappe.parse_json(attachments) if isinstance(attachments, str) else attachments
	for file in names if isinstance(names, list) else [names]:
		if not isinstance(file, str) or not frappe.db.exists("File", file):
			frappe.throw(
				_("File {0} does not exist.").format(frappe.bold(str(file))), frappe.DoesNotExistError
			)
		if not frappe.get_doc("File", file).is_downloadable():
			refuse(file)
	return frappe_add_attachments(doctype, name, names)


@frappe.whitelist()
def get_chart(
	chart_name: str | None = None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
	refresh=None,
):
	"""frappe's dashboard chart computed a chart the caller described (a heatmap: any doctype,
	field and filters, unchecked) or named (any chart): only one the user may read."""
	if not chart_name and not chart:
		require(chart_name=chart_name)
	if chart_name:
		if not isinstance(chart_name, str) or not frappe.db.exists("Dashboard Chart", chart_name):
			frappe.throw(
				_("Chart {0} does not exist.").format(frappe.bold(chart_name)), frappe.DoesNotExistError
			)
		if not frappe.has_permission("Dashboard Chart", doc=chart_name):
			refuse(chart_name)
	elif chart:
		try:
			described = frappe.parse_json(chart) if isinstance(chart, str) else chart
		except ValueError:
			described = None
		if not isinstance(described, dict) or not described.get("document_type"):
			frappe.throw(_("{0} describes no chart.").format(frappe.bold("chart")))
		for doctype in filter(None, (described.get("document_type"), described.get("parent_document_type"))):
			check_read(doctype)
	data = frappe_get_chart(
		chart_name=chart_name,
		chart=chart,
		no_cache=no_cache,
		filters=filters,
		from_date=from_date,
		to_date=to_date,
		timespan=timespan,
		time_interval=time_interval,
		heatmap_year=heatmap_year,
		refresh=refresh,
	)
	# The months of its axis in the user's language ("déc. 2025", not "Dec 2025").
	if isinstance(data, dict) and isinstance(data.get("labels"), list):
		data = {**data, "labels": chart_labels(data["labels"])}
	return data


@frappe.whitelist()
def follow_document(doctype: str | None = None, doc_name: str | None = None, user: str | None = None):
	"""frappe let anyone follow any document (its changes mailed to them), for anyone: the
	user follows what they may read, for themselves."""
	require(doctype=doctype, doc_name=doc_name)
	if user and user != frappe.session.user:
		frappe.throw(_("You may follow documents for yourself only."), frappe.PermissionError)
	if not frappe.has_permission(doctype, "read", doc=doc_name):
		refuse(doc_name)
	return frappe_follow(doctype, doc_name, frappe.session.user)


@frappe.whitelist()
def search_link(
	doctype: str | None = None,
	txt: str | None = None,
	query: str | None = None,
	filters=None,
	page_length: int = 10,
	searchfield: str | None = None,
	reference_doctype: str | None = None,
	ignore_user_permissions: bool = False,
):
	"""frappe's link search skips the row rules when asked to ignore user permissions: never
	on a trainee's records (a counsellor finds the interventions she may open, no others)."""
	require(doctype=doctype)
	if doctype in TRAINEE_DOCTYPES:
		ignore_user_permissions = False
	return frappe_search_link(
		doctype,
		txt or "",
		query=query,
		filters=filters,
		page_length=page_length,
		searchfield=searchfield,
		reference_doctype=reference_doctype,
		ignore_user_permissions=ignore_user_permissions,
	)


def check_read(doctype: str, parent: str | None = None) -> None:
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		frappe.throw(
			_("{0} is not a document type.").format(frappe.bold(str(doctype))),
			frappe.PermissionError,
			title=_("Not Permitted"),
		)
	if not frappe.has_permission(doctype, "read", parent_doctype=parent):
		refuse(_(doctype))


def readable_prepared_report(name: str, report_name: str | None = None) -> None:
	if not isinstance(name, str) or not frappe.db.exists("Prepared Report", name):
		frappe.throw(
			_("Prepared report {0} does not exist.").format(frappe.bold(str(name))), frappe.DoesNotExistError
		)
	prepared = frappe.get_doc("Prepared Report", name)
	if (report_name and prepared.report_name != report_name) or not prepared.has_permission("read"):
		refuse(name)


@frappe.whitelist(allow_guest=True)
def get_form_data(doctype: str | None = None, docname: str | None = None, web_form_name: str | None = None):
	"""frappe's web form answered a visitor "not found" or "not permitted" for any doctype and
	name (whether a record exists), and read a doctype other than the form's: the form's own
	doctype only, and one message for every record its caller may not open."""
	require(doctype=doctype, web_form_name=web_form_name)
	form_doctype = frappe.db.get_value("Web Form", web_form_name, "doc_type")
	refused = form_doctype != doctype
	if docname and not refused:
		web_form = frappe.get_doc("Web Form", web_form_name)
		refused = not frappe.db.exists(doctype, docname) or not web_form.has_web_form_permission(
			doctype, docname
		)
	if refused:
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	return frappe_get_form_data(doctype, docname, web_form_name)


def refuse(what: str) -> None:
	frappe.throw(
		_("You may not read {0}.").format(frappe.bold(what)), frappe.PermissionError, title=_("Not Permitted")
	)
