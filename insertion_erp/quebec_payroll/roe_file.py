"""The ROE Web bulk file of issued Records of Employment ("ROE payroll extract file transfer, XML
Version 2.0"): the ROEs as the file carries them (the employee's name, address and SIN, its
reading logged; the settings' payroll account and contact), written by core/payroll/roe_xml.py
and checked against Service Canada's schema (filing.py) before it is offered, and before a ROE
is marked issued. The drafting of a ROE: roe.py."""

import json

import frappe
from frappe import _
from frappe.utils import getdate, today

from insertion_erp import __version__
from insertion_erp.constants import SETTINGS
from insertion_erp.controllers.arguments import require
from insertion_erp.core.money import to_decimal
from insertion_erp.core.payroll import roe as rules
from insertion_erp.core.payroll import roe_xml
from insertion_erp.permissions import check_role
from insertion_erp.quebec_payroll import filing
from insertion_erp.quebec_payroll.roe import DOCTYPE, PAYROLL_ROLES

# The form's choices and the file's codes (blocks 14 and 20).
RECALL_CODES = {"Not Returning": "N", "Returning": "Y", "Unknown": "U"}
LANGUAGES = {"French": "F", "English": "E"}


@frappe.whitelist(methods=["POST"])
def download_xml(names: str | list | None = None, check_only: bool | int | str = False) -> None:
	"""The ROE Web bulk file (XML version 2.0) of submitted ROEs, checked against Service
	Canada's schema (payroll users only); each employee's SIN read for it is logged. With `check_only` (the
	form asks first, so a problem comes as a message, not as a failed download): the same
	checks, no file and no SIN given out."""
	require(names=names)
	check_role(PAYROLL_ROLES)
	if isinstance(names, str):
		try:
			names = json.loads(names) if names.strip().startswith("[") else [names]
		except ValueError:
			frappe.throw(_("{0} is not a list of Records of Employment.").format(frappe.bold("names")))
	if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
		frappe.throw(_("{0} is not a list of Records of Employment.").format(frappe.bold("names")))
	docs = []
	for name in names:
		if not frappe.db.exists(DOCTYPE, name):
			frappe.throw(_("Record of Employment {0} not found.").format(name), frappe.DoesNotExistError)
		doc = frappe.get_doc(DOCTYPE, name)
		doc.check_permission("read")
		if doc.docstatus != 1:
			frappe.throw(
				_(
					"Record of Employment {0} is not submitted: ROE Web takes the ROEs the payroll has issued."
				).format(name),
				title=_("Not Submitted"),
			)
		docs.append(doc)
	if len(docs) > rules.MAX_ROES_PER_FILE:
		frappe.throw(
			_("A ROE Web file holds at most {0} Records of Employment.").format(rules.MAX_ROES_PER_FILE)
		)
	check_only = str(check_only).lower() in ("1", "true")
	content = roe_xml.document([record_of(doc, log_reading=not check_only) for doc in docs], __version__)
	filing.check(content, "ROE", getdate(today()).year)
	if check_only:
		return
	frappe.response["filename"] = f"roe-{getdate(today()).isoformat()}.xml"
	frappe.response["filecontent"] = content
	frappe.response["type"] = "download"


def check_file(doc) -> None:
	"""Before a ROE is issued: its ROE Web file can be built (the settings' payroll account and
	contact, the employee's SIN and address, the layout), else a message naming what to fill in.
	Nothing is marked issued that cannot be filed; the SIN is read, not given out nor logged."""
	filing.check(
		roe_xml.document([record_of(doc, log_reading=False)], __version__), "ROE", getdate(today()).year
	)


def record_of(doc, log_reading: bool = True) -> roe_xml.RoeRecord:
	"""One ROE as the file carries it: the employee's name, address and SIN (its reading logged),
	the settings' payroll account and contact."""
	settings = frappe.get_cached_doc(SETTINGS)
	employee = frappe.db.get_value(
		"Employee",
		doc.employee,
		["first_name", "last_name", "current_address", "insertion_trainee"],
		as_dict=True,
	)
	filing.require_settings(filing.file_contact_settings(settings))
	address = [line for line in (employee.current_address or "").splitlines() if line.strip()]
	sin = filing.sin_for_file(
		doc.employee,
		doc.employee_name,
		any(not roe_xml.POSTAL_CODE.fullmatch(line.strip()) for line in address),
		"ROE file (SIN)",
		employee.insertion_trainee,
		log_reading,
	)
	contact_first, _space, contact_last = (settings.roe_contact_name or "").strip().partition(" ")
	amends = frappe.db.get_value(DOCTYPE, doc.amended_from, "serial_number") if doc.amended_from else ""
	return roe_xml.RoeRecord(
		payroll_account=settings.payroll_account_number,
		pay_period_type=rules.PAY_PERIOD_TYPE[doc.pay_frequency],
		sin=sin,
		person=roe_xml.Person(
			employee.first_name or "",
			employee.last_name or employee.first_name or "",
			[line for line in address if not roe_xml.POSTAL_CODE.fullmatch(line.strip())],
			roe_xml.postal_code(employee.current_address),
		),
		first_day_worked=getdate(doc.first_day_worked),
		last_day_paid=getdate(doc.last_day_paid),
		final_period_end=getdate(doc.final_period_end),
		recall_code=RECALL_CODES.get(doc.recall_code, rules.NOT_RETURNING),
		insurable_hours=to_decimal(doc.insurable_hours),
		periods=[(row.period_number, to_decimal(row.insurable_earnings)) for row in doc.pay_periods],
		reason_code=doc.reason_code,
		contact=roe_xml.Contact(contact_first, contact_last or contact_first, settings.roe_contact_phone),
		language=LANGUAGES.get(doc.language, "F"),
		payroll_reference=doc.employee,
		amends=amends or "",
		occupation=doc.occupation or "",
		vacation_pay=to_decimal(doc.vacation_pay),
		comments=doc.comments or "",
		holidays=[(getdate(row.holiday_date), to_decimal(row.amount)) for row in doc.statutory_holidays],
	)
