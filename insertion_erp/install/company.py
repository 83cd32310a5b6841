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


# Quebec French conventions (Office québécois de la langue française): a space
# between thousands, a decimal comma, the dollar sign after the amount
# (4 422,62 $), and ISO dates (2026-09-30). frappe.format, the desk and the
# print formats read them from System Settings and the currency.
QUEBEC_NUMBER_FORMAT = "# ###,##"
QUEBEC_DATE_FORMAT = "yyyy-mm-dd"


COMMERCIAL_ROUNDING = "Commercial Rounding"


def apply_quebec_formats(currency: str = "CAD") -> None:
	"""Set the number and date formats and the currency symbol's side for Quebec.

	The desk boots with the defaults System Settings copies its values into."""
	formats = {"number_format": QUEBEC_NUMBER_FORMAT, "date_format": QUEBEC_DATE_FORMAT}
	settings = frappe.get_single("System Settings")
	settings.update(formats)
	# Half a cent or more rounds up, as the GST and QST are computed (and as the app's Decimal
	# rounds): Frappe's default, banker's rounding, would charge 0,62 $ of GST on 12,50 $.
	settings.rounding_method = COMMERCIAL_ROUNDING
	settings.save(ignore_permissions=True)
	for key, value in formats.items():  # also when the settings held them already
		frappe.db.set_default(key, value)
	if frappe.db.exists("Currency", currency):
		money = frappe.get_doc("Currency", currency)
		# To the cent: with no smallest fraction, ERPNext rounds a sale's total to the dollar
		# (3,50 $ at the till would be rounded to 4,00 $).
		money.update(
			{
				"number_format": QUEBEC_NUMBER_FORMAT,
				"symbol_on_right": 1,
				"smallest_currency_fraction_value": 0.01,
			}
		)
		money.save(ignore_permissions=True)
	frappe.clear_cache()


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
