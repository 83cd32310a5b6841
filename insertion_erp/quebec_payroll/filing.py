"""What every payroll file to the authorities (the ROE Web file, the T4 return, the RL-1 file)
needs, shared by roe.py and year_end.py: the settings it carries (a message with the link to
fill them), the employer's address, the employee's SIN and address (the SIN's reading
logged), and, once written, its check against the authority's own schema of the year (the
packages and the year each checks are data: schema/layouts.json, with their sources;
core/payroll/filing_schemas.py validates; a failure is said in the bookkeeper's language, naming the
employee and the element)."""

from pathlib import Path

import frappe
from frappe import _
from frappe.contacts.doctype.address.address import get_default_address
from frappe.utils import escape_html
from frappe.utils.password import get_decrypted_password

from insertion_erp.constants import SETTINGS
from insertion_erp.core.payroll import filing_schemas, roe_xml, year_end_xml
from insertion_erp.permissions import check_role
from insertion_erp.privacy.access_log import log

SCHEMAS = Path(__file__).parent / "schema"
PAYROLL_ROLES = ("HR Manager",)
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


# The settings and the people's data every file carries ---------------------------------------


def require_settings(needed: list[tuple[str, str | None]]) -> None:
	"""The settings a file needs, as (label, value): a message naming those not filled in, with
	the link to the settings (which the payroll's bookkeeper may fill in)."""
	missing = [label for label, value in needed if not value]
	if missing:
		frappe.throw(
			_("Fill in {0} first: {1}.").format(settings_link(), ", ".join(missing)),
			title=_("Settings Missing"),
		)


def settings_link() -> str:
	return f'<a href="/app/{frappe.scrub(SETTINGS).replace("_", "-")}">{_(SETTINGS)}</a>'


def file_contact_settings(settings) -> list[tuple[str, str | None]]:
	"""The payroll account and the contact every file to the authorities carries."""
	return [
		(_("CRA Payroll Account Number"), settings.payroll_account_number),
		(_("ROE Contact Person"), settings.roe_contact_name),
		(_("ROE Contact Phone"), settings.roe_contact_phone),
	]


def file_settings(settings, authority: str) -> list[tuple[str, str | None]]:
	"""The settings the file for `authority` needs: every file the payroll account and the
	contact; the CRA's T4 the contact's e-mail and box 45 too; Revenu Québec's RL-1 its numbers,
	the software's identifiers and the next slip number."""
	needed = file_contact_settings(settings)
	if authority == "CRA":
		needed += [
			(_("Year-End Contact Email"), settings.year_end_contact_email),
			(_("Dental Benefits Offered (T4 Box 45)"), settings.t4_dental_benefit_code),
		]
	if authority == "Revenu Québec":
		needed += [
			(_("Revenu Québec Identification Number"), settings.rq_identification_number),
			(_("Revenu Québec Transmitter Number"), settings.rq_transmitter_number),
			(_("Revenu Québec Certification Number"), settings.rq_certification_number),
			(_("Revenu Québec Partner ID"), settings.rq_partner_id),
			(_("Revenu Québec Product ID"), settings.rq_product_id),
			(_("Next RL-1 Slip Number"), settings.rl1_next_slip_number),
		]
	return needed


@frappe.whitelist()
def missing_settings(authority: str | None = None, company: str | None = None) -> dict:
	"""What the payroll's files still need in the settings (the ROE form and the year-end report
	say so when they open, with the link to fill it in), and, for `company`, its address (the
	T4 and RL-1 files carry the employer's)."""
	check_role(PAYROLL_ROLES)
	known = ["ROE Web", "CRA", "Revenu Québec"]
	if authority and authority not in known:
		frappe.throw(
			_("{0} is not one of: {1}.").format(frappe.bold("authority"), ", ".join(known)),
			title=_("Invalid Value"),
		)
	settings = frappe.get_cached_doc(SETTINGS)
	authorities = [authority] if authority else known
	missing = []
	for name in authorities:
		missing += [
			label for label, value in file_settings(settings, name) if not value and label not in missing
		]
	if company and not company_address_complete(company):
		missing.append(
			_("the address of company {0} (street, city and postal code)").format(escape_html(company))
		)
	return {"missing": missing, "link": settings_link()}


def company_address_complete(company: str) -> bool:
	try:
		company_address(company)
	except frappe.ValidationError:
		frappe.clear_last_message()
		return False
	return True


def sin_for_file(
	employee: str,
	employee_name: str,
	has_address: bool,
	path: str,
	trainee: str | None,
	log_reading: bool,
) -> str:
	"""The employee's SIN for a file to the authorities, once the SIN is complete and the
	address has its first line, which every file requires (else a message naming what is
	missing; a city or a postal code missing leaves the file valid); the reading logged under
	`path`."""
	sin = get_decrypted_password("Employee", employee, "insertion_sin", raise_exception=False)
	problems = []
	if not sin or len(roe_xml.digits(sin)) != 9:
		problems.append(_("Social Insurance Number"))
	if not has_address:
		problems.append(_("Current Address (at least its first line)"))
	if problems:
		frappe.throw(
			_("Employee {0} needs: {1}.").format(escape_html(employee_name), ", ".join(problems)),
			title=_("Employee Data Missing"),
		)
	if log_reading:
		log("Employee", employee, "Read", path, trainee)
	return sin


def company_address(company: str) -> year_end_xml.Address:
	name = get_default_address("Company", company)
	row = (
		frappe.db.get_value(
			"Address", name, ["address_line1", "address_line2", "city", "pincode"], as_dict=True
		)
		if name
		else None
	)
	if not row or not (row.address_line1 and row.city and year_end_xml.postal_code(row.pincode)):
		frappe.throw(
			_("Company {0} needs an address with its street, city and postal code.").format(
				frappe.bold(company)
			),
			title=_("Company Address Missing"),
		)
	lines = [row.address_line1] + ([row.address_line2] if row.address_line2 else [])
	return year_end_xml.Address(lines, row.city, "QC", year_end_xml.postal_code(row.pincode))
