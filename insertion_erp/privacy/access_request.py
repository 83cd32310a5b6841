"""A person's access request (Quebec's Act respecting the protection of personal information
in the private sector, s. 27, as amended by Law 25): everything the app holds about one
trainee, as a French PDF to read and a JSON file to reuse (the structured format s. 27
asks for), produced by an Insertion Manager and logged.

The two files are returned in one ZIP for download, not attached to the Trainee: frappe
lets whoever may read a record download its private attachments, and HR and accounts
users read trainees (dates and hours) but must never read the confidential notes the
files hold; a stored copy would also be one more copy of everything to erase at the
anonymisation. The trace is the Confidential Access Log: an "Access Request" entry on the
trainee, and a "Read" entry for each intervention whose notes were given.

The JSON file (schema "insertion_erp/access-request/1"):

	{
	  "schema": "insertion_erp/access-request/1",
	  "produced_on": "2026-11-29T14:03:12",      ISO 8601, the site's time zone
	  "produced_by": "direction@example.org",
	  "company": "...",                          the enterprise (of the last parcours)
	  "trainee": {...},                          every field of the Trainee, its tables as lists
	  "parcours": [{..., "barriers": [...], "suspensions": [...], "hours_schedule": [...]}],
	  "follow_ups": [{...}],                     Parcours Follow-up
	  "training_plans": [{..., "competencies": [...]}],
	  "training_evaluations": [{..., "levels": [...]}],
	  "support_interventions": [{..., "notes": "...", "participants": [...]}],
	  "placements": [{..., "levels": [...]}],    stages at partner employers, the employer's levels
	  "follow_up_answers": [{...}],              what the person answered to the follow-up questionnaire
	  "employer_answers": [{...}],               what employers answered about the person's work
	  "comments": [{...}],                       comments written on these records
	  "attachments": [{...}],                    files attached to them (name, record, size, date)
	  "access_log": [{...}],                     who opened, read or wrote what about the person
	  "not_included": ["..."]                    what is left out, and why
	}

Each record holds its fields under their field names, with `name`, `creation` and
`modified`; dates and times are ISO 8601 strings, numbers are numbers, an empty field is
null. Group sessions the person attended are listed without their notes and without the
other participants (s. 40: they are about other people too), with "notes_withheld": true.
"""

import io
import json
import zipfile
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import format_date, format_datetime, now_datetime, strip_html
from frappe.utils.pdf import get_pdf

from insertion_erp.constants import MANAGER
from insertion_erp.permissions import check_role
from insertion_erp.privacy import sealed_notes
from insertion_erp.privacy.access_log import log
from insertion_erp.privacy.anonymisation import GROUP_SESSION, existing_trainee

SCHEMA = "insertion_erp/access-request/1"
TEMPLATE = "insertion_erp/privacy/templates/access_request.html"
LANGUAGE = "fr"  # Quebec's official language; the person may ask for another
# frappe's bookkeeping columns, left out of the files.
INTERNAL = {"_user_tags", "_comments", "_assign", "_liked_by", "_seen", "docstatus", "idx", "doctype"}
CHILD_INTERNAL = INTERNAL | {
	"name",
	"owner",
	"creation",
	"modified",
	"modified_by",
	"parent",
	"parentfield",
	"parenttype",
}
NO_VALUE_TYPES = ("Section Break", "Column Break", "Tab Break", "HTML", "Button", "Fold", "Heading", "Image")
# (JSON key, doctype) of the records after the Trainee
SECTIONS = (
	("parcours", "Parcours"),
	("follow_ups", "Parcours Follow-up"),
	("training_plans", "Training Plan"),
	("training_evaluations", "Training Evaluation"),
	("support_interventions", "Support Intervention"),
	("placements", "Placement"),
	("follow_up_answers", "Alumni Follow-up Answer"),
	("employer_answers", "Employer Satisfaction Answer"),
)


@contextmanager
def in_french():
	"""The texts of the files in French, whatever the manager's language."""
	previous = frappe.local.lang
	frappe.local.lang = LANGUAGE
	try:
		yield
	finally:
		frappe.local.lang = previous


@frappe.whitelist(methods=["POST"])
def access_request(trainee: str | None = None) -> None:
	"""The person's information as a ZIP of a French PDF and a JSON file (Insertion Managers only)."""
	check_role((MANAGER,))
	existing_trainee(trainee)
	with in_french():
		data = gather(trainee)
		html = render_html(data)
	pdf = get_pdf(html)
	stem = f"acces-{trainee}-{frappe.utils.today()}"
	archive = io.BytesIO()
	with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as files:
		files.writestr(f"{stem}.pdf", pdf)
		files.writestr(f"{stem}.json", to_json(data))
	log("Trainee", trainee, "Access Request", trainee=trainee)
	for intervention in data["support_interventions"]:
		if intervention.get("notes"):
			log("Support Intervention", intervention["name"], "Read", "Access Request", trainee)
	frappe.response["filename"] = f"{stem}.zip"
	frappe.response["filecontent"] = archive.getvalue()
	frappe.response["type"] = "binary"


# Gathering ------------------------------------------------------------------------------


def records(doctype: str, condition: str, values: dict, order_by: str = "creation") -> list[dict]:
	"""Every column of the matching records, straight from the database (the notes included),
	with their tables: one query for the records and one per table."""
	rows = frappe.db.sql(
		f"select * from `tab{doctype}` where {condition} order by {order_by}, name", values, as_dict=True
	)
	found = [{key: value for key, value in row.items() if key not in INTERNAL} for row in rows]
	names = [row["name"] for row in found]
	for table in frappe.get_meta(doctype).get_table_fields():
		by_parent: dict[str, list] = {}
		if names:
			for child in frappe.db.sql(
				f"""select * from `tab{table.options}`
				where parenttype = %(doctype)s and parentfield = %(field)s and parent in %(names)s
				order by parent, idx""",
				{"doctype": doctype, "field": table.fieldname, "names": names},
				as_dict=True,
			):
				by_parent.setdefault(child.parent, []).append(
					{key: value for key, value in child.items() if key not in CHILD_INTERNAL}
				)
		for row in found:
			row[table.fieldname] = by_parent.get(row["name"], [])
	return found


def gather(trainee: str) -> dict:
	"""Everything about the trainee, in the structure the module's docstring describes."""
	person = records("Trainee", "name = %(trainee)s", {"trainee": trainee})[0]
	parcours = records("Parcours", "trainee = %(trainee)s", {"trainee": trainee}, "start_date")
	parcours_names = tuple(p["name"] for p in parcours) or ("",)
	by_trainee = {"trainee": trainee, "parcours": parcours_names}
	follow_ups = records(
		"Parcours Follow-up", "trainee = %(trainee)s or parcours in %(parcours)s", by_trainee, "due_date"
	)
	plans = records("Training Plan", "trainee = %(trainee)s or parcours in %(parcours)s", by_trainee)
	evaluations = records(
		"Training Evaluation",
		"trainee = %(trainee)s or training_plan in %(plans)s",
		{"trainee": trainee, "plans": tuple(p["name"] for p in plans) or ("",)},
		"evaluation_date",
	)
	interventions = records(
		"Support Intervention",
		"""trainee = %(trainee)s or name in (
			select parent from `tabSupport Intervention Participant`
			where parenttype = 'Support Intervention' and trainee = %(trainee)s)""",
		{"trainee": trainee},
		"intervention_date",
	)
	for intervention in interventions:
		if intervention["kind"] != GROUP_SESSION:  # stored sealed: opened for the person, logged
			notes = intervention["notes"]
			intervention["notes"] = (
				sealed_notes.open_or_refuse(notes, intervention["name"], [trainee], "Access Request") or None
			)
		else:
			intervention["notes"] = None
			intervention["notes_withheld"] = True
			intervention["participants"] = [
				row for row in intervention["participants"] if row["trainee"] == trainee
			]
			intervention["trainee_name"] = person["trainee_name"]
	placements = records("Placement", "parcours in %(parcours)s", by_trainee, "start_date")
	invitations = frappe.get_all(
		"Questionnaire Invitation",
		or_filters={
			"follow_up": ("in", [f["name"] for f in follow_ups] or [""]),
			"placement": ("in", [p["name"] for p in placements] or [""]),
		},
		pluck="name",
	)
	by_invitation = {"invitations": tuple(invitations) or ("",)}
	answers = records("Alumni Follow-up Answer", "invitation in %(invitations)s", by_invitation)
	employer_answers = records("Employer Satisfaction Answer", "invitation in %(invitations)s", by_invitation)
	about = {
		"Trainee": [trainee],
		"Parcours": [p["name"] for p in parcours],
		"Parcours Follow-up": [f["name"] for f in follow_ups],
		"Training Plan": [p["name"] for p in plans],
		"Training Evaluation": [e["name"] for e in evaluations],
		"Support Intervention": [i["name"] for i in interventions if i["kind"] != GROUP_SESSION],
		"Placement": [p["name"] for p in placements],
	}
	return {
		"schema": SCHEMA,
		"produced_on": now_datetime(),
		"produced_by": frappe.session.user,
		"company": (parcours[-1]["company"] if parcours else None)
		or frappe.db.get_single_value("Global Defaults", "default_company"),
		"trainee": person,
		"parcours": parcours,
		"follow_ups": follow_ups,
		"training_plans": plans,
		"training_evaluations": evaluations,
		"support_interventions": interventions,
		"placements": placements,
		"follow_up_answers": answers,
		"employer_answers": employer_answers,
		"comments": comments_on(about),
		"attachments": attachments_of(about),
		"access_log": frappe.get_all(
			"Confidential Access Log",
			filters={"trainee": trainee},
			fields=["accessed_on", "user", "action", "path", "reference_doctype", "reference_name"],
			order_by="accessed_on, creation",
		),
		"not_included": not_included(),
	}


def about_condition(about: dict[str, list[str]], doctype_field: str, name_field: str) -> tuple[str, dict]:
	parts, values = [], {}
	for i, (doctype, names) in enumerate(about.items()):
		if names:
			parts.append(f"({doctype_field} = %(dt{i})s and {name_field} in %(names{i})s)")
			values.update({f"dt{i}": doctype, f"names{i}": tuple(names)})
	return " or ".join(parts), values


def comments_on(about: dict[str, list[str]]) -> list[dict]:
	condition, values = about_condition(about, "reference_doctype", "reference_name")
	return frappe.db.sql(
		f"""select creation, owner, comment_type, reference_doctype, reference_name, content
		from `tabComment` where comment_type = 'Comment' and ({condition}) order by creation""",
		values,
		as_dict=True,
	)


def attachments_of(about: dict[str, list[str]]) -> list[dict]:
	condition, values = about_condition(about, "attached_to_doctype", "attached_to_name")
	return frappe.db.sql(
		f"""select creation, owner, file_name, file_size, attached_to_doctype, attached_to_name
		from `tabFile` where is_folder = 0 and ({condition}) order by creation""",
		values,
		as_dict=True,
	)


def not_included() -> list[str]:
	return [
		_(
			"The payroll records (Employee, salary slips, tax slips), which the employer keeps under the tax laws; the payroll department gives them on request."
		),
		_(
			"The notes of group sessions and the names of their other participants, which are about other people too (s. 40 of the Act): the sessions are listed."
		),
		_("The content of the attached files, given on request: they are listed."),
	]


# The JSON file --------------------------------------------------------------------------


def plain(value):
	if isinstance(value, datetime):
		return value.isoformat()
	if isinstance(value, date):
		return value.isoformat()
	if isinstance(value, timedelta):
		return str(value)
	if isinstance(value, Decimal):
		return float(value)
	raise TypeError(f"{type(value).__name__} in an access request")


def to_json(data: dict) -> str:
	return json.dumps(data, default=plain, ensure_ascii=False, indent=1, sort_keys=False)


# The PDF --------------------------------------------------------------------------------


def render_html(data: dict) -> str:
	"""The document, from its view (below) and the template, in the current language."""
	return frappe.render_template(TEMPLATE, {"view": view(data)})


def shown(value, df) -> str | None:
	"""A field's value as a reader sees it, or None when empty."""
	if value is None or value == "":
		return None
	fieldtype = df.fieldtype if df else None
	if fieldtype == "Check":
		return _("Yes") if value else _("No")
	if fieldtype == "Select":
		return _(value)
	if fieldtype == "Date" or (not df and isinstance(value, date) and not isinstance(value, datetime)):
		return format_date(value)
	if fieldtype == "Datetime" or isinstance(value, datetime):
		return format_datetime(value)
	if fieldtype in ("Text Editor", "HTML Editor"):
		return strip_html(value)
	if fieldtype in ("Currency", "Float", "Percent"):
		return frappe.format(value, df)
	return str(value)


def fields_of(doctype: str, record: dict) -> list[tuple[str, str]]:
	"""(label, value) of each filled field of a record, in the form's order."""
	meta = frappe.get_meta(doctype)
	shown_fields = [(_("ID"), record.get("name"))] if record.get("name") else []
	for df in meta.fields:
		if df.fieldtype in NO_VALUE_TYPES or df.fieldtype in ("Table", "Table MultiSelect"):
			continue
		value = shown(record.get(df.fieldname), df)
		if value is not None:
			shown_fields.append((_(df.label or df.fieldname), value))
	if record.get("notes_withheld"):
		shown_fields.append((_("Notes"), _("Withheld: a group session is about other people too.")))
	for key, label in (("creation", _("Created On")), ("modified", _("Last Modified On"))):
		if record.get(key):
			shown_fields.append((label, format_datetime(record[key])))
	return shown_fields


def tables_of(doctype: str, record: dict) -> list[dict]:
	"""Each non-empty table of a record: its title, columns and rows."""
	tables = []
	for table in frappe.get_meta(doctype).get_table_fields():
		rows = record.get(table.fieldname) or []
		if not rows:
			continue
		columns = [
			df
			for df in frappe.get_meta(table.options).fields
			if df.fieldtype not in NO_VALUE_TYPES
			and any(row.get(df.fieldname) not in (None, "") for row in rows)
		]
		tables.append(
			{
				"title": _(table.label),
				"columns": [_(df.label or df.fieldname) for df in columns],
				"rows": [[shown(row.get(df.fieldname), df) or "" for df in columns] for row in rows],
			}
		)
	return tables


def view(data: dict) -> dict:
	"""What the template lays out: titles, (label, value) pairs and tables, in French."""
	sections = [
		{
			"title": _("Identity"),
			"records": [
				{
					"title": data["trainee"]["trainee_name"],
					"fields": fields_of("Trainee", data["trainee"]),
					"tables": tables_of("Trainee", data["trainee"]),
				}
			],
		}
	]
	titles = {
		"parcours": _("Parcours"),
		"follow_ups": _("Follow-ups"),
		"training_plans": _("Training Plans"),
		"training_evaluations": _("Training Evaluations"),
		"placements": _("Placements"),
		"follow_up_answers": _("Follow-up Questionnaire Answers"),
		"employer_answers": _("Employers' Questionnaire Answers"),
		"support_interventions": _("Support Interventions"),
	}
	for key, doctype in SECTIONS:
		sections.append(
			{
				"title": titles[key],
				"records": [
					{
						"title": f"{_(doctype)} {record['name']}",
						"fields": fields_of(doctype, record),
						"tables": tables_of(doctype, record),
					}
					for record in data[key]
				],
			}
		)
	return {
		"company": data["company"],
		"trainee": data["trainee"]["name"],
		"trainee_name": data["trainee"]["trainee_name"],
		"produced_on": format_datetime(data["produced_on"]),
		"produced_by": frappe.utils.get_fullname(data["produced_by"]),
		"sections": sections,
		"comments": [
			[
				format_datetime(c.creation),
				c.owner,
				f"{_(c.reference_doctype)} {c.reference_name}",
				strip_html(c.content or ""),
			]
			for c in data["comments"]
		],
		"attachments": [
			[format_datetime(f.creation), f.file_name, f"{_(f.attached_to_doctype)} {f.attached_to_name}"]
			for f in data["attachments"]
		],
		"access_log": [
			[
				format_datetime(entry.accessed_on),
				entry.user,
				_(entry.action),
				entry.path or "",
				f"{_(entry.reference_doctype or '')} {entry.reference_name or ''}".strip(),
			]
			for entry in data["access_log"]
		],
		"not_included": data["not_included"],
	}
