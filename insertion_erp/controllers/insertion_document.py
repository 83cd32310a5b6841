"""The base of the app's documents: bad input is refused with a message naming the field.

Frappe runs a controller's `validate` before its own mandatory and type checks,
and it casts what it cannot read ("abc" in a number becomes 0) or drops what the
caller may not write (a field above their permission level) in silence. The
app's documents instead refuse, before `validate`:

- a value of the wrong kind (text in a number or a date, a check that is not 0/1);
- a missing mandatory value (after `before_validate`, which fills defaults);
- a value in a field the caller may not write, with the way in when there is one.

So controllers only ever see values of the right kind, and nothing a caller
sends is lost without a word.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import ClassVar

import frappe
from frappe import _
from frappe.model import display_fieldtypes, table_fields
from frappe.model.document import Document
from frappe.utils import cint, cstr, flt, get_datetime, getdate

INTEGER = re.compile(r"^\s*[-+]?\d+\s*$")
NUMBER_TYPES = ("Float", "Currency", "Percent")
TEXT_TYPES = ("Data", "Small Text", "Text", "Long Text", "Text Editor", "Code", "Read Only", "Phone")


class InsertionDocument(Document):
	# Fields written through another door than the document, with the message that names it.
	write_elsewhere: ClassVar[dict[str, str]] = {}
	# Tables of many rows (a claim has a line per salary slip) whose links are checked with
	# one query per linked doctype instead of frappe's one or two queries per row and link.
	bulk_link_tables: ClassVar[tuple[str, ...]] = ()

	def run_method(self, method, *args, **kwargs):
		if method == "validate":
			check_value_kinds(self)
			check_links_with_fetches(self)
			if not self.flags.ignore_mandatory:
				self._validate_mandatory()
		return super().run_method(method, *args, **kwargs)

	def _validate_links(self) -> None:
		if not self.bulk_link_tables or self.flags.ignore_links or self._action == "cancel":
			return super()._validate_links()
		invalid, cancelled = self.get_invalid_links()
		for row in self.get_all_children():
			if row.parentfield not in self.bulk_link_tables:
				found = row.get_invalid_links(is_submittable=self.meta.is_submittable)
				invalid.extend(found[0])
				cancelled.extend(found[1])
		for table in self.bulk_link_tables:
			found = invalid_links_in_bulk(self.get(table), self.meta.is_submittable)
			invalid.extend(found[0])
			cancelled.extend(found[1])
		# Frappe's own messages and errors.
		if invalid:
			frappe.throw(
				_("Could not find {0}").format(", ".join(each[2] for each in invalid)),
				frappe.LinkValidationError,
			)
		if cancelled:
			frappe.throw(
				_("Cannot link cancelled document: {0}").format(", ".join(each[2] for each in cancelled)),
				frappe.CancelledLinkError,
			)

	def validate_higher_perm_levels(self) -> None:
		refuse_unwritable_values(self)
		super().validate_higher_perm_levels()


def check_value_kinds(doc: Document) -> None:
	"""Refuse values of the wrong kind in the document and its rows; cast the right ones."""
	for row in [doc, *doc.get_all_children()]:
		for df in row.meta.fields:
			if df.fieldtype in table_fields or df.fieldtype in display_fieldtypes:
				continue
			value = row.get(df.fieldname)
			if value is None or value == "":
				continue
			problem = kind_problem(df.fieldtype, value)
			if problem:
				frappe.throw(
					kind_message(problem).format(
						frappe.bold(field_label(doc, row, df)), frappe.bold(cstr(value)[:40])
					),
					title=_("Invalid Value"),
				)
			if df.fieldtype == "Int" or df.fieldtype == "Check":
				row.set(df.fieldname, cint(value))
			elif df.fieldtype in NUMBER_TYPES:
				row.set(df.fieldname, flt(value))


def invalid_links_in_bulk(rows: list, is_submittable: bool) -> tuple[list, list]:
	"""Frappe's link check (`get_invalid_links`) over many rows of one table, one query per
	linked doctype: the missing links, and the links to cancelled documents when the
	document is submittable. Rows take the name as the database spells it."""
	invalid, cancelled = [], []
	if not rows:
		return invalid, cancelled
	meta = rows[0].meta
	fields = meta.get_link_fields() + meta.get("fields", {"fieldtype": ("=", "Dynamic Link")})
	if any(meta.get_fields_to_fetch(df.fieldname) for df in fields):
		raise ValueError(f"{meta.name} fetches values through its links: check it row by row")
	wanted: dict[str, set] = {}
	for row in rows:
		for df in fields:
			doctype = df.options if df.fieldtype == "Link" else row.get(df.options)
			if row.get(df.fieldname) and doctype:
				wanted.setdefault(doctype, set()).add(row.get(df.fieldname))
	found: dict[str, dict] = {}
	for doctype, names in wanted.items():
		linked = frappe.get_meta(doctype)
		if linked.issingle or linked.is_virtual:
			found[doctype] = {name: (doctype, 0) for name in names}
			continue
		columns = ["name", "docstatus"] if linked.is_submittable else ["name"]
		records = frappe.get_all(doctype, filters={"name": ("in", list(names))}, fields=columns)
		found[doctype] = {
			record.name.casefold(): (record.name, record.get("docstatus", 0)) for record in records
		}
	for row in rows:
		for df in fields:
			value = row.get(df.fieldname)
			doctype = df.options if df.fieldtype == "Link" else row.get(df.options)
			if not value:
				continue
			if not doctype:
				frappe.throw(_("{0} must be set first").format(meta.get_label(df.options)))
			message = "{} #{}: {}: {}".format(_("Row"), row.idx, _(df.label, context=df.parent), value)
			record = found[doctype].get(str(value).casefold()) if doctype in found else None
			if not record:
				invalid.append((df.fieldname, value, message))
				continue
			row.set(df.fieldname, record[0])
			if is_submittable and df.fieldname != "amended_from" and record[1] == 2:
				cancelled.append((df.fieldname, value, message))
	return invalid, cancelled


def check_links_with_fetches(doc: Document) -> None:
	"""A link to a record that does not exist is refused, also where fields are fetched from it.

	Frappe's link check misses those: fetching values from a missing record returns
	nothing, and the link passes as valid."""
	for row in [doc, *doc.get_all_children()]:
		for df in row.meta.get_link_fields():
			value = row.get(df.fieldname)
			if (
				value
				and row.meta.get_fields_to_fetch(df.fieldname)
				and not frappe.db.exists(df.options, value)
			):
				frappe.throw(
					_("Could not find {0}").format(f"{field_label(doc, row, df)}: {value}"),
					frappe.LinkValidationError,
					title=_("Invalid Value"),
				)


def field_label(doc: Document, row, df) -> str:
	"""The field's label as the user reads it; in a table row, with the row and the table."""
	label = _(df.label or df.fieldname, context=df.parent)
	if row is doc:
		return label
	table = _(doc.meta.get_label(row.parentfield), context=doc.doctype)
	return _("Row {0} of {1}").format(row.idx, table) + ", " + label


def kind_message(problem: str) -> str:
	return {
		"object": _("{0} cannot take a list or an object: {1}"),
		"check": _("{0} must be 0 or 1, not {1}."),
		"integer": _("{0} must be a whole number, not {1}."),
		"number": _("{0} must be a number, not {1}."),
		"date": _("{0} must be a date (YYYY-MM-DD), not {1}."),
		"datetime": _("{0} must be a date and time, not {1}."),
		"text": _("{0} must be text, not {1}."),
	}[problem]


def kind_problem(fieldtype: str, value) -> str | None:
	"""What is wrong with a value for a field of this type (a key of kind_message), or None."""
	if isinstance(value, dict | list | tuple | set):
		return "object"
	if fieldtype == "Check":
		return None if value in (0, 1, "0", "1") else "check"
	if fieldtype == "Int":
		ok = (
			(isinstance(value, int) and not isinstance(value, bool))
			or (isinstance(value, float) and value.is_integer())
			or (isinstance(value, str) and INTEGER.match(value))
		)
		return None if ok else "integer"
	if fieldtype in NUMBER_TYPES:
		if isinstance(value, bool):
			return "number"
		if isinstance(value, int | float | Decimal):
			return None
		try:
			Decimal(str(value).strip().replace(",", ""))
		except InvalidOperation:
			return "number"
		return None
	if fieldtype == "Date":
		return None if _parses(getdate, value, datetime.date) else "date"
	if fieldtype == "Datetime":
		return None if _parses(get_datetime, value, datetime.datetime) else "datetime"
	if fieldtype in TEXT_TYPES or fieldtype in ("Link", "Select", "Dynamic Link"):
		return None if isinstance(value, str | int | float) else "text"
	return None


def _parses(parse, value, kind) -> bool:
	if isinstance(value, kind):
		return True
	if not isinstance(value, str):
		return False
	try:
		parse(value)
	except Exception:
		frappe.clear_last_message()  # frappe's own "not a valid date": ours names the field
		return False
	return True


def refuse_unwritable_values(doc: InsertionDocument) -> None:
	"""A value sent for a field above the caller's permission level is refused, not dropped."""
	if doc.flags.ignore_permissions or frappe.flags.in_install or frappe.session.user == "Administrator":
		return
	fields = [df for df in doc.meta.get_high_permlevel_fields() if df.fieldtype not in display_fieldtypes]
	if not fields:
		return
	writable = doc.get_permlevel_access("write")
	reference = None
	for df in fields:
		value = doc.get(df.fieldname)
		if df.permlevel in writable or value is None or value == "":
			continue
		if reference is None:
			reference = frappe.new_doc(doc.doctype) if doc.is_new() else doc.get_doc_before_save()
		if reference is not None and _same(df.fieldtype, value, reference.get(df.fieldname)):
			continue
		label = frappe.bold(_(df.label or df.fieldname, context=doc.doctype))
		message = _("You may not write {0} here.").format(label)
		if df.fieldname in doc.write_elsewhere:
			message += " " + _(doc.write_elsewhere[df.fieldname])
		frappe.throw(message, frappe.PermissionError, title=_("Not Permitted"))


def _same(fieldtype: str, value, reference) -> bool:
	if fieldtype in (*NUMBER_TYPES, "Int", "Check"):
		return flt(value) == flt(reference)
	return cstr(value) == cstr(reference)
