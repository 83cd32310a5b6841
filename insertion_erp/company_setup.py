"""Complete ERPNext's setup wizard for a Quebec company (Canada, CAD).

Used by the test suite's `before_tests` and by the demo site; a real
enterprise goes through the wizard in the browser instead.
"""

import frappe
from frappe.desk.page.setup_wizard.setup_wizard import setup_complete
from frappe.utils import getdate, nowdate

QUEBEC = {
	"country": "Canada",
	"currency": "CAD",
	"timezone": "America/Toronto",
	"chart_of_accounts": "Standard",
	"industry": "Non Profit",
}


def complete_setup_wizard(company_name: str, abbr: str, language: str = "English") -> None:
	"""Run the setup wizard once; does nothing when a company already exists."""
	if frappe.db.a_row_exists("Company"):
		return
	year = getdate(nowdate()).year
	setup_complete(
		{
			**QUEBEC,
			"company_name": company_name,
			"company_abbr": abbr,
			"company_tagline": company_name,
			"language": language,
			"full_name": "Administrator",
			"email": "admin@example.org",
			"password": "admin",
			"fy_start_date": f"{year}-01-01",
			"fy_end_date": f"{year}-12-31",
		}
	)
	frappe.db.commit()  # nosemgrep: the wizard's records are needed by what runs next


def ensure_fiscal_year(year: int) -> str:
	"""A calendar fiscal year (for every company), so documents can be dated in `year`."""
	start, end = f"{year}-01-01", f"{year}-12-31"
	existing = frappe.db.get_value(
		"Fiscal Year", {"year_start_date": ("<=", start), "year_end_date": (">=", end)}, "name"
	)
	if existing:
		return existing
	fiscal_year = frappe.get_doc(
		{
			"doctype": "Fiscal Year",
			"year": str(year),
			"year_start_date": start,
			"year_end_date": end,
		}
	)
	fiscal_year.insert(ignore_permissions=True)
	return fiscal_year.name
