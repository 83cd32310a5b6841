"""What the app puts on a site.

- `after_install` seeds the app's records once: roles, the trainee Employment
  Type, employment barriers, the shipped years of Quebec payroll rates, the
  Trainee row of global search, the contract's accounting dimension and the
  defaults of Insertion Settings. From then on they are the user's: nothing
  recreates a record the user deleted or overwrites a value the user changed.
  A later change to them comes as a patch in patches.txt.
- `after_migrate` keeps the custom fields on standard doctypes, which the code
  reads (schema, not data), and gives each shipped payroll year that has no record
  its record (quebec_payroll/data/payroll_years/: shipping a year is one file; a
  year already there is never overwritten).
- `after_setup_wizard`: what needs a company (the funder Customer, the claims'
  income account and items) and, in Canada, Quebec's number and date formats.
"""

import frappe
from erpnext.accounts.doctype.accounting_dimension.accounting_dimension import (
	make_dimension_in_accounting_doctypes,
)
from frappe import _
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields
from frappe.permissions import add_permission, update_permission_property
from frappe.utils import cast
from frappe.utils.backups import get_or_generate_backup_encryption_key
from frappe.utils.nestedset import get_root_of
from frappe.utils.password import get_encryption_key

from insertion_erp.constants import (
	ACTIVE_FILE_EXTENSIONS,
	ALLOWED_FILE_EXTENSIONS,
	BOOKKEEPER_TILL_PERMISSIONS,
	CASHIER,
	CASHIER_PERMISSIONS,
	CONTRACT_DOCTYPE,
	COUNSELLOR,
	DEFAULT_FOLLOW_UP_MONTHS,
	EMPLOYMENT_BARRIERS,
	FUNDER_CUSTOMER_NAME,
	MANAGER,
	PARTNER_CONTACT_PERMISSIONS,
	ROE_PERIODS_REPORTED,
	ROE_PERIODS_SOURCE,
	ROE_REASON_CODES,
	ROLES,
	SETTINGS,
	TRAINEE_EMPLOYMENT_TYPE,
)
from insertion_erp.core.parcours.parcours import DEFAULT_SCHEDULE
from insertion_erp.core.results.return_to_government import (
	RETURN_SOURCES,
	SHIPPED_RETURN_RATES,
	record_values,
)
from insertion_erp.funding.claim_accounts import ensure_claim_accounts
from insertion_erp.install.company import apply_quebec_formats
from insertion_erp.install.custom_fields import CUSTOM_FIELDS
from insertion_erp.landing import ensure_shop_staff_profile
from insertion_erp.quebec_payroll.install import ensure_payroll_years, set_up_canadian_companies
from insertion_erp.quebec_sales_taxes.install import set_up_canadian_companies as set_up_sales_taxes


def after_install() -> None:
	create_custom_fields(CUSTOM_FIELDS, ignore_validate=True)
	for role in ROLES:
		ensure_role(role)
	add_cashier_permissions()
	add_partner_contact_permissions()
	ensure_shop_staff_profile()
	for barrier in EMPLOYMENT_BARRIERS:
		if not frappe.db.exists("Employment Barrier", barrier):
			frappe.get_doc({"doctype": "Employment Barrier", "barrier_name": barrier}).insert(
				ignore_permissions=True
			)
	ensure_employment_type(TRAINEE_EMPLOYMENT_TYPE)
	ensure_global_search("Trainee")
	ensure_payroll_years()
	ensure_return_rates()
	ensure_accounting_dimension()
	set_first_install_defaults()
	encrypt_backups()
	secure_site_settings()
	hide_onboarding()
	if frappe.db.a_row_exists("Company"):
		set_up_companies()


def encrypt_backups() -> None:
	"""The site's encryption key (which seals the support notes, privacy/sealed_notes.py) made
	now if missing, and frappe's backups encrypted with the site's backup passphrase, made if
	missing: both live in site_config.json and must be kept off the server (README, Backups
	and keys)."""
	get_encryption_key()
	get_or_generate_backup_encryption_key()
	frappe.db.set_single_value("System Settings", "encrypt_backup", 1)


def secure_site_settings() -> None:
	"""Uploads limited to the enterprise's kinds of files (a list already set keeps its own, less
	any kind a browser would run), and no error traceback sent to clients."""
	current = frappe.db.get_single_value("System Settings", "allowed_file_extensions") or ""
	kept = [ext.strip().upper() for ext in current.splitlines() if ext.strip()]
	kept = [ext for ext in kept if ext not in ACTIVE_FILE_EXTENSIONS] or list(ALLOWED_FILE_EXTENSIONS)
	frappe.db.set_single_value(
		"System Settings", {"allowed_file_extensions": "\n".join(kept), "allow_error_traceback": 0}
	)
	frappe.clear_cache(doctype="System Settings")


def hide_onboarding(args=None) -> None:
	"""No "Let's begin your journey with ERPNext" nor "Let's Set Up the Payroll Module" cards
	(ERPNext's and HRMS's Module Onboarding, in English, on the workspaces): the app sets the
	site up itself. Also the `setup_wizard_success` hook, since the wizard's last step turns
	onboarding on again (frappe's disable_future_access). System Settings > Enable Onboarding
	brings the cards back."""
	frappe.db.set_single_value("System Settings", "enable_onboarding", 0)
	frappe.clear_cache(doctype="System Settings")


def after_migrate() -> None:
	create_custom_fields(CUSTOM_FIELDS, ignore_validate=True)
	# A year shipped since the last migration (its data file) gets its record.
	ensure_payroll_years()


def after_setup_wizard(args=None) -> None:
	"""Hook: the wizard made the first company. A company in Canada gets Quebec's formats."""
	set_up_companies()
	if (args or {}).get("country") == "Canada":
		apply_quebec_formats((args or {}).get("currency") or "CAD")


def set_up_companies() -> None:
	"""The funder Customer and each company's claim accounts, where the settings have none;
	each company in Canada gets the Quebec payroll's components and accounts, and the GST and
	QST's accounts and templates."""
	settings = frappe.get_single(SETTINGS)
	if not settings.funder_customer:
		settings.funder_customer = ensure_funder_customer()
	ensure_claim_accounts(settings)
	set_up_canadian_companies(settings)
	set_up_sales_taxes()
	settings.flags.ignore_permissions = True
	settings.save()


def add_cashier_permissions() -> None:
	"""The till's permissions for the Shop Cashier role, and the bookkeeper's on its shifts."""
	ensure_role(CASHIER)
	add_role_permissions(CASHIER, CASHIER_PERMISSIONS)
	for role, permissions in BOOKKEEPER_TILL_PERMISSIONS.items():
		add_role_permissions(role, permissions)


def add_partner_contact_permissions() -> None:
	"""The partners' contacts and addresses for the insertion team."""
	for role in (MANAGER, COUNSELLOR):
		ensure_role(role)
		add_role_permissions(role, PARTNER_CONTACT_PERMISSIONS)


def add_role_permissions(role: str, permissions: dict[str, tuple[str, ...]]) -> None:
	for doctype, ptypes in permissions.items():
		if not frappe.db.exists("Custom DocPerm", {"parent": doctype, "role": role, "permlevel": 0}):
			add_permission(doctype, role, 0)
		for ptype in ptypes:
			update_permission_property(doctype, role, 0, ptype, 1)


def ensure_return_rates() -> None:
	"""The shipped years of the return to government's parameters; a year already there is left alone."""
	for year, rates in SHIPPED_RETURN_RATES.items():
		if frappe.db.exists("Return to Government Rates", {"year": year}):
			continue
		frappe.get_doc(
			{
				"doctype": "Return to Government Rates",
				**record_values(rates),
				"sources": RETURN_SOURCES.get(year),
			}
		).insert(ignore_permissions=True)


def ensure_accounting_dimension() -> None:
	"""Purchase invoices and journal entries are tagged with a contract, so claims find their insertion costs."""
	name = frappe.db.get_value("Accounting Dimension", {"document_type": CONTRACT_DOCTYPE})
	if name:
		dimension = frappe.get_doc("Accounting Dimension", name)
	else:
		dimension = frappe.get_doc({"doctype": "Accounting Dimension", "document_type": CONTRACT_DOCTYPE})
		dimension.insert(ignore_permissions=True)
	if not frappe.get_meta("GL Entry").has_field(dimension.fieldname):
		# ERPNext adds the fields in a background job; claims need them at once.
		make_dimension_in_accounting_doctypes(doc=dimension)


def set_first_install_defaults() -> None:
	"""The settings' defaults, follow-ups at 3 and 6 months and the 21-28-35 h gradual entry."""
	settings = frappe.get_single(SETTINGS)
	for df in settings.meta.fields:
		if df.default not in (None, "", "0") and df.fieldtype in (
			"Int",
			"Float",
			"Percent",
			"Check",
			"Data",
			"Select",
		):
			if not settings.get(df.fieldname):
				settings.set(df.fieldname, cast(df.fieldtype, df.default))
	if not settings.trainee_employment_type:
		settings.trainee_employment_type = TRAINEE_EMPLOYMENT_TYPE
	if not settings.follow_up_offsets:
		for months in DEFAULT_FOLLOW_UP_MONTHS:
			settings.append("follow_up_offsets", {"months": months})
	if not settings.default_hours_schedule:
		for step in DEFAULT_SCHEDULE:
			settings.append(
				"default_hours_schedule",
				{"from_week": step.from_week, "to_week": step.to_week, "hours_per_week": float(step.hours)},
			)
	ensure_roe_reason_codes(settings)
	ensure_roe_periods_reported(settings)
	settings.flags.ignore_permissions = True
	settings.save()


def ensure_roe_reason_codes(settings) -> None:
	"""Block 16's code for each exit reason, when the settings have none (then the user's)."""
	if not settings.get("roe_reason_codes"):
		for exit_reason, code in ROE_REASON_CODES:
			settings.append("roe_reason_codes", {"exit_reason": exit_reason, "roe_code": code})


def ensure_roe_periods_reported(settings) -> None:
	"""Block 15C's number of periods by pay frequency, with their source, each to confirm."""
	if not settings.get("roe_periods_reported"):
		for frequency, periods in ROE_PERIODS_REPORTED:
			settings.append(
				"roe_periods_reported",
				{
					"pay_frequency": frequency,
					"periods": periods,
					"source": ROE_PERIODS_SOURCE,
					"to_confirm": 1,
				},
			)


def ensure_global_search(doctype: str) -> None:
	"""Counsellors find a trainee by name in the search bar (only those who may read trainees)."""
	if frappe.db.exists("Global Search DocType", {"document_type": doctype}):
		return
	settings = frappe.get_single("Global Search Settings")
	settings.append("allowed_in_global_search", {"document_type": doctype})
	settings.flags.ignore_permissions = True
	settings.save()


def ensure_role(role_name: str) -> None:
	if frappe.db.exists("Role", role_name):
		return
	frappe.get_doc({"doctype": "Role", "role_name": role_name, "desk_access": 1}).insert(
		ignore_permissions=True
	)


def ensure_employment_type(name: str) -> str:
	if not frappe.db.exists("Employment Type", name):
		frappe.get_doc({"doctype": "Employment Type", "employee_type_name": name}).insert(
			ignore_permissions=True
		)
	return name


def ensure_funder_customer() -> str | None:
	"""The funder as a Customer, so claims can be invoiced to it. Needs a company."""
	existing = frappe.db.get_value("Customer", {"customer_name": FUNDER_CUSTOMER_NAME}, "name")
	if existing:
		return existing
	if not frappe.db.a_row_exists("Company"):
		return None
	customer = frappe.get_doc(
		{
			"doctype": "Customer",
			"customer_name": FUNDER_CUSTOMER_NAME,
			"customer_type": "Company",
			"customer_group": _root_or_default("Customer Group", "customer_group"),
			"territory": _root_or_default("Territory", "territory"),
			"customer_details": _("Funder of the insertion contracts (Services Québec)"),
		}
	)
	customer.insert(ignore_permissions=True)
	return customer.name


def _root_or_default(doctype: str, selling_setting: str) -> str | None:
	value = frappe.db.get_single_value("Selling Settings", selling_setting)
	if value and frappe.db.exists(doctype, value):
		return value
	return get_root_of(doctype)
