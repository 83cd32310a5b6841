"""What the integration tests need on a brand-new site, and small helpers."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate, nowdate

from insertion_erp.install.company import complete_setup_wizard, ensure_fiscal_year

TEST_COMPANY = "Atelier Test Insertion"
TEST_COMPANY_ABBR = "ATI"


def before_tests() -> None:
	"""Hook: `run-tests --app insertion_erp` runs it (and not erpnext's or hrms's)."""
	frappe.clear_cache()
	complete_setup_wizard(TEST_COMPANY, TEST_COMPANY_ABBR)
	# The claim tests' payroll is dated 2026.
	for year in range(2025, getdate(nowdate()).year + 2):
		ensure_fiscal_year(year)
	frappe.db.commit()  # nosemgrep: tests start from this state


def make_user(email: str, roles: list[str]) -> str:
	"""A desk user holding exactly `roles` (created or reset)."""
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"send_welcome_email": 0,
				"user_type": "System User",
			}
		).insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	user.roles = []
	user.add_roles(*roles)
	return email


def api_token(user: str) -> str:
	"""A fresh API key and secret for `user`, as the Authorization header's token (commit to use it)."""
	doc = frappe.get_doc("User", user)
	secret = frappe.generate_hash(length=15)
	doc.api_key = doc.api_key or frappe.generate_hash(length=15)
	doc.api_secret = secret
	doc.save(ignore_permissions=True)
	return f"{doc.api_key}:{secret}"


class InsertionTestCase(FrappeTestCase):
	"""Each test starts from the state before_tests left: its writes are rolled back."""

	def tearDown(self) -> None:
		frappe.set_user("Administrator")
		frappe.local.lang = "en"
		frappe.db.rollback()
		frappe.db.value_cache.clear()  # rollback leaves single values cached
