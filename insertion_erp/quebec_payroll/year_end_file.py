"""The year-end slips sent: the CRA's T4 return and Revenu Québec's RL-1 file of the slips still
to send of one kind (core/payroll/year_end.pending), each slip's RL-1 number from the
transmitter's range, the employer and transmitter the files carry, checked against the
authority's schema of the year (filing.py) before they are offered; the slips in a file then
marked sent. Drafting and checking the slips: year_end.py."""

from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import cint, today

from insertion_erp import __version__
from insertion_erp.constants import SETTINGS
from insertion_erp.controllers.arguments import require
from insertion_erp.core.money import ZERO, to_decimal
from insertion_erp.core.payroll import year_end, year_end_xml
from insertion_erp.permissions import check_role
from insertion_erp.quebec_payroll import filing
from insertion_erp.quebec_payroll.year_end import DOCTYPE, PAYROLL_ROLES, box_values, valid_year

AUTHORITIES = {"CRA": "t4_filed", "Revenu Québec": "rl1_filed"}
SENT, CANCELLATION_SENT = "Sent", "Cancellation Sent"


def filing_state(company: str, year: int, authority: str) -> dict[str, list[str]]:
	"""The slips still to send `authority`, by kind (core/payroll/year_end.pending)."""
	field = AUTHORITIES[authority]
	rows = frappe.get_all(
		DOCTYPE,
		filters={"company": company, "year": year, "docstatus": ("in", (1, 2))},
		fields=["name", "docstatus", "amended_from", field],
		order_by="employee_name asc, name asc",
	)
	drafts = frappe.get_all(
		DOCTYPE,
		filters={"company": company, "year": year, "docstatus": 0, "amended_from": ("is", "set")},
		fields=["name", "amended_from"],
	)
	slips = [
		year_end.FiledSlip(
			row.name,
			row.docstatus,
			row.amended_from,
			row[field] in (SENT, CANCELLATION_SENT),
			row[field] == CANCELLATION_SENT,
		)
		for row in rows
	]
	slips += [year_end.FiledSlip(row.name, 0, row.amended_from, False) for row in drafts]
	return year_end.pending(slips)


@frappe.whitelist(methods=["POST"])
def download(
	company: str | None = None,
	year: int | str | None = None,
	authority: str | None = None,
	kind: str | None = None,
	check_only: bool | int | str = False,
) -> dict | None:
	"""The T4 return (authority "CRA") or the RL-1 file ("Revenu Québec") of the slips still to
	send of one kind (original, amended or cancelled), checked against the authority's official
	schema of the year (filing.py).
	The slips in the file are then marked as sent to that authority, and each SIN read for it is
	logged. With `check_only`: how many slips of each kind are to send, after the same checks,
	no file and no SIN given out."""
	require(company=company, year=year, authority=authority)
	check_role(PAYROLL_ROLES)
	year = valid_year(year)
	if authority not in AUTHORITIES:
		frappe.throw(
			_("{0} is not CRA or Revenu Québec.").format(frappe.bold(authority)), title=_("Invalid Authority")
		)
	if not frappe.db.exists("Company", company):
		frappe.throw(_("Company {0} not found.").format(company), frappe.DoesNotExistError)
	pending = filing_state(company, year, authority)
	check_only = str(check_only).lower() in ("1", "true")
	if check_only and not kind:
		return {key: len(names) for key, names in pending.items()}
	if kind not in year_end.KINDS:
		frappe.throw(
			_("{0} is not original, amended or cancelled.").format(frappe.bold(kind)), title=_("Invalid Kind")
		)
	names = pending[kind]
	if not names:
		frappe.throw(_("No {0} slip is waiting to be sent.").format(_(kind)), title=_("Nothing to Send"))
	docs = [frappe.get_doc(DOCTYPE, name) for name in names]
	file = "T4" if authority == "CRA" else "RL-1"
	layout = filing.layout(file, year)
	employer, transmitter = employer_and_transmitter(company, authority)
	slips = [slip_of(doc, log_reading=not check_only) for doc in docs]
	if authority == "CRA":
		content = year_end_xml.t4_return(
			slips, kind, employer, transmitter, year, employer_ei(company, names)
		)
	else:
		numbers = rl1_numbers(docs, kind, reserve=not check_only)
		for slip, (number, replaces) in zip(slips, numbers, strict=True):
			slip.rl1_number, slip.rl1_replaces = number, replaces
		content = year_end_xml.rl1_file(slips, kind, employer, transmitter, year, layout.version_schema)
	filing.check(content, file, year)
	if check_only:
		return {kind: len(names)}
	field = AUTHORITIES[authority]
	for doc, slip in zip(docs, slips, strict=True):
		doc.db_set(field, CANCELLATION_SENT if kind == year_end.CANCELLED else SENT)
		if authority != "CRA" and kind != year_end.CANCELLED:
			doc.db_set("rl1_slip_number", slip.rl1_number)
	prefix = "t4" if authority == "CRA" else "rl1"
	frappe.response["filename"] = f"{prefix}-{year}-{kind}-{today()}.xml"
	frappe.response["filecontent"] = content
	frappe.response["type"] = "download"


def rl1_numbers(docs: list, kind: str, reserve: bool = True) -> list[tuple[str, str]]:
	"""Each slip's RL-1 number and the number it replaces: a new number from the transmitter's
	range (Insertion Settings) for an original or an amendment, the slip's own for a
	cancellation. Without `reserve` (a check), the numbers the file would take, none used up."""
	out = []
	for index, doc in enumerate(docs):
		if kind == year_end.CANCELLED:
			out.append((doc.rl1_slip_number, ""))
			continue
		replaces = ""
		previous = doc.amended_from
		while previous and not replaces:
			replaces = frappe.db.get_value(DOCTYPE, previous, "rl1_slip_number") or ""
			previous = frappe.db.get_value(DOCTYPE, previous, "amended_from")
		out.append((next_rl1_number(reserve, ahead=index), replaces))
	return out


def next_rl1_number(reserve: bool = True, ahead: int = 0) -> str:
	"""The next number of the range Revenu Québec gave the transmitter, the row locked while
	it is taken, so two files never share a number (without `reserve`: the number `ahead`
	places on, left unused)."""
	value = frappe.db.sql(
		f"""select value from `tabSingles` where doctype = %s and field = 'rl1_next_slip_number'
		{"for update" if reserve else ""}""",
		SETTINGS,
	)
	sequence = cint(value[0][0]) if value else 0
	if sequence <= 0:
		frappe.throw(
			_("Fill in {0} first: {1}.").format(filing.settings_link(), _("Next RL-1 Slip Number")),
			title=_("Settings Missing"),
		)
	if not reserve:
		return year_end.rl1_slip_number(sequence + ahead)
	frappe.db.set_single_value(SETTINGS, "rl1_next_slip_number", sequence + 1)
	return year_end.rl1_slip_number(sequence)


def employer_and_transmitter(company: str, authority: str):
	settings = frappe.get_cached_doc(SETTINGS)
	filing.require_settings(filing.file_settings(settings, authority))
	address = filing.company_address(company)
	employer = year_end_xml.Employer(
		name=company,
		business_number=settings.payroll_account_number,
		address=address,
		contact_name=settings.roe_contact_name,
		contact_phone=settings.roe_contact_phone,
		contact_email=settings.year_end_contact_email or "",
		quebec_id=settings.rq_identification_number or "",
		quebec_file=settings.rq_file_number or "0001",
		dental_benefit_code=settings.t4_dental_benefit_code or "",
	)
	reference = "YE" + frappe.utils.now_datetime().strftime("%d%H%M")
	transmitter = year_end_xml.Transmitter(
		reference,
		settings.rq_transmitter_number or "",
		settings.rq_certification_number or "",
		__version__,
		quebec_partner_id=settings.rq_partner_id or "",
		quebec_product_id=settings.rq_product_id or "",
	)
	return employer, transmitter


def slip_of(doc, log_reading: bool = True) -> year_end_xml.Slip:
	"""One employee's slip as the files carry it: name, address and SIN (its reading logged)."""
	employee = frappe.db.get_value(
		"Employee", doc.employee, ["first_name", "last_name", "insertion_trainee"], as_dict=True
	)
	address = year_end_xml.Address.parse(doc.address or "")
	sin = filing.sin_for_file(
		doc.employee,
		doc.employee_name,
		bool(address.lines),
		"T4 and RL-1 file (SIN)",
		employee.insertion_trainee,
		log_reading,
	)
	t4, rl1 = box_values(doc)
	person = year_end_xml.Person(
		doc.employee, sin, employee.first_name or "", employee.last_name or employee.first_name or "", address
	)
	return year_end_xml.Slip(person, t4, rl1)


def employer_ei(company: str, names: list[str]) -> Decimal:
	"""The employer's EI premiums of the year's salary slips of the employees in `names`."""
	rows = frappe.get_all(DOCTYPE, filters={"name": ("in", names)}, fields=["employee", "year"])
	if not rows:
		return ZERO
	year = cint(rows[0].year)
	amount = frappe.db.sql(
		"""select sum(ec.amount) from `tabEmployer Contribution` ec
		join `tabSalary Slip` ss on ss.name = ec.parent
		where ec.parenttype = 'Salary Slip' and ec.contribution = 'EI' and ss.docstatus = 1
			and ss.company = %(company)s and ss.employee in %(employees)s
			and ss.posting_date between %(start)s and %(end)s""",
		{
			"company": company,
			"employees": tuple(row.employee for row in rows),
			"start": f"{year}-01-01",
			"end": f"{year}-12-31",
		},
	)
	return to_decimal(amount[0][0] if amount else 0)
