"""The demo's filing data, so its Records of Employment and year-end slips download: the payroll
settings the files carry and each employee's SIN and address. Every number here is the demo's,
never a real one: the CRA's own example business number, Social Insurance Numbers made to pass
the check digit only (starting with 9, the series of temporary numbers), and the contact named
as the demo's."""

import frappe
from frappe.utils.password import set_encrypted_password

from insertion_erp.constants import SETTINGS

FILE_SETTINGS = {
	"payroll_account_number": "123456789RP0001",
	"roe_contact_name": "Louise Comptable (démo)",
	"roe_contact_phone": "514 555-0100",
	"year_end_contact_email": "comptable@atelier-demo.org",
	"rq_identification_number": "1234567890",
	"rq_file_number": "0001",
	"rq_transmitter_number": "NP123456",
	"rq_certification_number": "RQ-25-99-999",
	"rq_partner_id": "DEMOPARTENAIRE01",  # the demo's: Revenu Québec gives the real ones
	"rq_product_id": "DEMOPRODUIT00001",
	"t4_dental_benefit_code": "1",
	"rl1_next_slip_number": 90000001,  # the demo's range
}


def check_digit(first_eight: str) -> str:
	"""The Luhn digit that makes a nine-digit SIN pass its check."""
	total = 0
	for position, digit in enumerate(int(d) for d in first_eight):
		doubled = digit * 2 if position % 2 else digit
		total += doubled - 9 if doubled > 9 else doubled
	return str((10 - total % 10) % 10)


def demo_sin(number: int) -> str:
	first_eight = f"9{number:07d}"
	return first_eight + check_digit(first_eight)


def fill_filing_data(company: str) -> None:
	"""The settings the files need (where they are empty) and, for each employee of the company
	without them, a demo SIN and an address in Montréal."""
	settings = frappe.get_single(SETTINGS)
	for field, value in FILE_SETTINGS.items():
		if not settings.get(field):
			settings.set(field, value)
	settings.save(ignore_permissions=True)
	ensure_company_address(company)
	employees = frappe.get_all(
		"Employee",
		filters={"company": company},
		fields=["name", "current_address", "insertion_sin"],
		order_by="creation",
	)
	for number, row in enumerate(employees, start=1):
		values = {}
		if not row.insertion_sin:
			# A Password field, stored as saving the form stores it: encrypted apart, masked here.
			sin = demo_sin(number)
			set_encrypted_password("Employee", row.name, sin, "insertion_sin")
			values["insertion_sin"] = "*" * len(sin)
		if not row.current_address:
			values["current_address"] = f"{100 + number}, rue de la Démo\nMontréal QC\nH2X 1H{number % 10}"
		if values:
			frappe.db.set_value("Employee", row.name, values)


def ensure_company_address(company: str) -> None:
	"""The employer's address the T4 and RL-1 files carry (the demo's own, in Montréal)."""
	if frappe.db.exists(
		"Dynamic Link", {"parenttype": "Address", "link_doctype": "Company", "link_name": company}
	):
		return
	frappe.get_doc(
		{
			"doctype": "Address",
			"address_title": company,
			"address_type": "Office",
			"address_line1": "2000, rue de l'Atelier",
			"city": "Montréal",
			"state": "QC",
			"pincode": "H2X 1A1",
			"country": "Canada",
			"is_your_company_address": 1,
			"is_primary_address": 1,
			"links": [{"link_doctype": "Company", "link_name": company}],
		}
	).insert(ignore_permissions=True)
