"""The ROE Web bulk file: "ROE payroll extract file transfer, XML Version 2.0" (Service Canada).

The element tree, its order and its widths are those of Service Canada's schema
(PayrollExtractXmlV2.xsd, shipped in quebec_payroll/schema/esdc-roe-v2 with its source), which
validates every file before it is offered: dates as YYYY-MM-DD, amounts with two decimals,
block 15A in whole hours from 1 to 8,904. The employee's address lines A1, A2 and the postal
code are required elements that may be empty (a trainee with a one-line address or none to
give still gets her ROE); an optional element is left out when empty. There is no block 15B
in version 2.0.

Pure: the standard library's ElementTree only.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from xml.etree import ElementTree

from insertion_erp.core.money import round_money
from insertion_erp.core.payroll.roe import MAX_INSURABLE_HOURS, MAX_ROES_PER_FILE

FILE_VERSION = "W-2.0"
VENDOR = "insertion_erp"
PRODUCT = "insertion_erp"
# Block 17A, vacation pay code 2: paid because the employee is no longer working.
VACATION_PAID_ON_LEAVING = "2"
MAX_HOLIDAYS = 10  # block 17B lists at most ten statutory holidays
POSTAL_CODE = re.compile(r"\b([A-Za-z]\d[A-Za-z])\s?(\d[A-Za-z]\d)\b")


@dataclass
class Person:
	first_name: str
	last_name: str
	address_lines: list[str]
	postal_code: str


@dataclass
class Contact:
	first_name: str
	last_name: str
	phone: str  # ten digits at least: area code and number


@dataclass
class RoeRecord:
	"""One ROE as the file carries it."""

	payroll_account: str  # block 5
	pay_period_type: str  # block 6
	sin: str  # block 8
	person: Person  # block 9
	first_day_worked: date  # block 10
	last_day_paid: date  # block 11
	final_period_end: date  # block 12
	recall_code: str  # block 14
	insurable_hours: Decimal  # block 15A
	periods: list[tuple[int, Decimal]]  # block 15C, PP1 the final period
	reason_code: str  # block 16
	contact: Contact  # block 16
	language: str = "F"  # block 20 and the printing language
	payroll_reference: str = ""  # block 3
	amends: str = ""  # block 2: the serial number of the ROE this one replaces
	occupation: str = ""  # block 13
	vacation_pay: Decimal = Decimal(0)  # block 17A
	comments: str = ""  # block 18
	draft: bool = False
	holidays: list[tuple[date, Decimal]] = field(default_factory=list)  # block 17B


class FileTooLarge(ValueError):
	pass


def amount(value: Decimal) -> str:
	return str(round_money(value))


def whole_hours(hours: Decimal) -> str:
	"""Block 15A: whole hours, from 1 to the form's 8,904."""
	return str(max(1, int(min(MAX_INSURABLE_HOURS, round_money(hours, Decimal(1))))))


def digits(text: str) -> str:
	return re.sub(r"\D", "", text or "")


def postal_code(text: str) -> str:
	found = POSTAL_CODE.search(text or "")
	return f"{found.group(1)}{found.group(2)}".upper() if found else ""


def _add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str):
	element = ElementTree.SubElement(parent, tag, attributes)
	if text is not None:
		element.text = text
	return element


def _optional(parent: ElementTree.Element, tag: str, text: str | None, limit: int) -> None:
	if text and text.strip():
		_add(parent, tag, text.strip()[:limit])


def record(root: ElementTree.Element, roe: RoeRecord) -> None:
	element = _add(root, "ROE", PrintingLanguage=roe.language, Issue="D" if roe.draft else "S")
	_optional(element, "B2", roe.amends, 9)
	_optional(element, "B3", roe.payroll_reference, 26)
	_add(element, "B5", roe.payroll_account.replace(" ", "").upper())
	_add(element, "B6", roe.pay_period_type)
	_add(element, "B8", digits(roe.sin))
	person = _add(element, "B9")
	_add(person, "FN", roe.person.first_name[:20])
	_add(person, "LN", roe.person.last_name[:28])
	lines = [line.strip() for line in roe.person.address_lines if line and line.strip()]
	_add(person, "A1", (lines[0] if lines else "")[:35])
	_add(person, "A2", (lines[1] if len(lines) > 1 else "")[:35])
	if len(lines) > 2:
		_add(person, "A3", lines[2][:35])
	_add(person, "PC", roe.person.postal_code[:10])
	_add(element, "B10", roe.first_day_worked.isoformat())
	_add(element, "B11", roe.last_day_paid.isoformat())
	_add(element, "B12", roe.final_period_end.isoformat())
	_optional(element, "B13", roe.occupation, 40)
	recall = _add(element, "B14")
	_add(recall, "CD", roe.recall_code)
	_add(element, "B15A", whole_hours(roe.insurable_hours))
	earnings = _add(element, "B15C")
	for number, value in roe.periods:
		period = _add(earnings, "PP", nbr=str(number))
		_add(period, "AMT", amount(value))
	reason = _add(element, "B16")
	_add(reason, "CD", roe.reason_code)
	_add(reason, "FN", roe.contact.first_name[:20])
	_add(reason, "LN", roe.contact.last_name[:28])
	phone = digits(roe.contact.phone)[-10:]
	_add(reason, "AC", phone[:3])
	_add(reason, "TEL", phone[3:])
	if roe.vacation_pay:
		vacation = _add(_add(element, "B17A"), "VP", nbr="1")
		_add(vacation, "CD", VACATION_PAID_ON_LEAVING)
		_add(vacation, "AMT", amount(roe.vacation_pay))
	if roe.holidays:  # names as a public ROE Web writer has them; to confirm for V2.0 (README)
		block = _add(element, "B17B")
		for number, (day, value) in enumerate(roe.holidays[:MAX_HOLIDAYS], start=1):
			holiday = _add(block, "SH", nbr=str(number))
			_add(holiday, "DT", day.isoformat())
			_add(holiday, "AMT", amount(value))
	_optional(element, "B18", roe.comments, 160)
	_add(element, "B20", roe.language)


def document(roes: list[RoeRecord], product_version: str = "") -> bytes:
	"""The bulk file of `roes` (at most Service Canada's 1,200 a file), UTF-8 without a BOM."""
	if len(roes) > MAX_ROES_PER_FILE:
		raise FileTooLarge(len(roes))
	attributes = {"FileVersion": FILE_VERSION, "SoftwareVendor": VENDOR, "ProductName": PRODUCT}
	if product_version:
		attributes["ProductVersion"] = product_version[:10]
	root = ElementTree.Element("ROEHEADER", attributes)
	for roe in roes:
		record(root, roe)
	ElementTree.indent(root)
	return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
