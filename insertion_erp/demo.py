"""Demo data for a try-out site: a Quebec insertion enterprise.

Run with `bench --site SITE execute insertion_erp.demo.load` (scripts/install
does it). Idempotent: running it again changes nothing. Each feature adds its
records here, so the demo always shows what exists so far.
"""

import frappe
from frappe.utils import getdate, nowdate

from insertion_erp.company_setup import complete_setup_wizard, ensure_fiscal_year
from insertion_erp.install import ensure_app_records

DEMO_COMPANY = "Atelier Solidaire Démo"
DEMO_COMPANY_ABBR = "ASD"


def load() -> None:
	complete_setup_wizard(DEMO_COMPANY, DEMO_COMPANY_ABBR, language="Français")
	company = frappe.db.get_single_value("Global Defaults", "default_company") or DEMO_COMPANY
	year = getdate(nowdate()).year
	for y in (year - 1, year):
		ensure_fiscal_year(y, company)
	ensure_app_records()
	frappe.db.commit()  # nosemgrep: a command-line entry point
	print(f"Demo data loaded for {company}.")
