"""Each payroll file to the authorities (the ROE Web file, the T4 return, the RL-1 file) checked
against its authority's own schema of the year before it is offered for download or a ROE is
marked issued: the packages and the year each checks are data (schema/layouts.json, with
their sources); core/filing_schemas.py validates; this module says what failed in the
bookkeeper's language, naming the employee and the element."""

from pathlib import Path

import frappe
from frappe import _
from frappe.utils import escape_html

from insertion_erp.core import filing_schemas

SCHEMAS = Path(__file__).parent / "schema"
SHOWN = 5  # problems named in the message; the count says how many more


def layout(file: str, year: int) -> filing_schemas.Layout:
	"""The official package that checks `file` (T4, RL-1 or ROE) of tax `year`."""
	try:
		return filing_schemas.layout_of(SCHEMAS, file, year)
	except filing_schemas.NoLayout:
		frappe.throw(
			_(
				"This version of insertion_erp has no official layout of the {0} file for {1}: update the app before sending that year's file."
			).format(file, year),
			title=_("Layout Missing"),
		)


def check(content: bytes, file: str, year: int) -> filing_schemas.Layout:
	"""The file against its official schema; a message naming each slip and element at fault."""
	checked = layout(file, year)
	found = filing_schemas.problems(content, SCHEMAS, checked)
	if found:
		lines = [explain(problem) for problem in found[:SHOWN]]
		if len(found) > SHOWN:
			lines.append(_("and {0} more").format(len(found) - SHOWN))
		frappe.throw(
			_("The {0} file does not follow the official schema ({1}):").format(file, _(checked.source))
			+ "<ul>"
			+ "".join(f"<li>{line}</li>" for line in lines)
			+ "</ul>",
			title=_("File Refused by the Official Schema"),
		)
	return checked


def explain(problem: filing_schemas.Problem) -> str:
	where = (
		_("slip of {0}").format(escape_html(problem.who))
		if problem.who
		else _("employer and transmitter part")
	)
	element = f"<code>{escape_html(problem.element)}</code>"
	if problem.kind == filing_schemas.MISSING:
		what = _("{0} lacks an element (expected: {1})").format(
			element, ", ".join(f"<code>{escape_html(name)}</code>" for name in problem.expected)
		)
	else:
		what = {
			filing_schemas.UNEXPECTED: _("{0} is not expected there"),
			filing_schemas.LENGTH: _("{0} is empty or too long"),
			filing_schemas.FORMAT: _(
				"{0} has a value in a form the authority refuses (too many digits, or a character it does not take)"
			),
			filing_schemas.RANGE: _("{0} is outside the values the authority takes"),
		}.get(problem.kind, _("{0} does not follow the schema")).format(element)
	return _("{0}: {1} (line {2})").format(where, what, problem.line)


def to_confirm(file: str, year: int) -> str:
	"""What is still to confirm about the layout of `file` for `year`, "" when nothing."""
	try:
		checked = filing_schemas.layout_of(SCHEMAS, file, year)
	except filing_schemas.NoLayout:
		return _("This version of insertion_erp has no official layout of the {0} file for {1}.").format(
			file, year
		)
	if not checked.to_confirm:
		return ""
	return _("The {0} file of {1} is checked against {2}, to confirm before filing: {3}").format(
		file, year, _(checked.source), _(checked.note)
	)
