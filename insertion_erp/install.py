"""What the app creates on a site, idempotently.

`ensure_app_records()` is the one entry point: it runs after install, after
every migrate and after the setup wizard, creates what is missing and never
overwrites what a user changed.
"""

import frappe
from erpnext.accounts.doctype.accounting_dimension.accounting_dimension import (
	delete_accounting_dimension,
	make_dimension_in_accounting_doctypes,
)
from frappe import _
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields
from frappe.permissions import add_permission, update_permission_property
from frappe.utils import cast
from frappe.utils.nestedset import get_root_of

from insertion_erp.company_setup import apply_quebec_formats
from insertion_erp.core.parcours import DEFAULT_SCHEDULE
from insertion_erp.core.quebec_rates import SHIPPED_RATES, SOURCES

TRAINEE_EMPLOYMENT_TYPE = "Travailleur en formation"
FUNDER_CUSTOMER_NAME = "Emploi-Québec"
ROLES = ("Insertion Manager", "Insertion Counsellor")
# Shop staff at the till: with Sales User (items, customers), what ERPNext's
# point of sale needs, which ERPNext grants only to Accounts User (who also
# sees trainees' hours). Nothing of the trainees' files.
CASHIER_ROLE = "Shop Cashier"
CASHIER_PERMISSIONS = {
	"POS Invoice": ("read", "write", "create", "submit", "print"),
	"POS Opening Entry": ("read", "write", "create", "submit"),
	"POS Closing Entry": ("read", "write", "create", "submit"),
	"POS Profile": ("read",),
	"Mode of Payment": ("read",),
}
SETTINGS = "Insertion Settings"
CONTRACT_DOCTYPE = "Insertion Contract"


DEFAULT_FOLLOW_UP_MONTHS = (3, 6)
EMPLOYMENT_BARRIERS = (
	"No Diploma",
	"No Recent Work History",
	"Addiction",
	"Mental Health",
	"Justice",
	"Immigration",
	"Housing",
	"Other",
)

# The trainee behind an Employee, and behind each of its Salary Slips (the
# trainee's form lists them; claims select them).
CUSTOM_FIELDS = {
	"Employee": [
		{
			"fieldname": "insertion_trainee",
			"fieldtype": "Link",
			"label": "Trainee",
			"options": "Trainee",
			"insert_after": "employment_type",
			"read_only": 1,
			"no_copy": 1,
			"search_index": 1,
		},
	],
	"Company": [
		{
			"fieldname": "insertion_cnesst_rate",
			"fieldtype": "Float",
			"label": "CNESST Rate (per $100 of Payroll)",
			"insert_after": "default_currency",
			"precision": "4",
			"description": "Used by reimbursement claims for the employer's CNESST contribution",
		},
	],
	"Sales Invoice": [
		{
			"fieldname": "insertion_claim",
			"fieldtype": "Link",
			"label": "Reimbursement Claim",
			"options": "Reimbursement Claim",
			"insert_after": "customer",
			"read_only": 1,
			"no_copy": 1,
			"search_index": 1,
		},
	],
	"Salary Slip": [
		{
			"fieldname": "insertion_trainee",
			"fieldtype": "Link",
			"label": "Trainee",
			"options": "Trainee",
			"insert_after": "employee_name",
			"fetch_from": "employee.insertion_trainee",
			"read_only": 1,
			"no_copy": 1,
			"search_index": 1,
		},
	],
}


def after_install() -> None:
	ensure_app_records()
	set_first_install_defaults()
	add_cashier_role()


def add_cashier_role() -> None:
	"""The till's role and its permissions, once (a patch on sites installed before it)."""
	ensure_role(CASHIER_ROLE)
	for doctype, ptypes in CASHIER_PERMISSIONS.items():
		if not frappe.db.exists("Custom DocPerm", {"parent": doctype, "role": CASHIER_ROLE, "permlevel": 0}):
			add_permission(doctype, CASHIER_ROLE, 0)
		for ptype in ptypes:
			update_permission_property(doctype, CASHIER_ROLE, 0, ptype, 1)


def after_migrate() -> None:
	ensure_app_records()


def after_setup_wizard(args=None) -> None:
	"""Hook: the wizard is done. A company in Canada gets Quebec's number and date formats."""
	ensure_app_records()
	if (args or {}).get("country") == "Canada":
		apply_quebec_formats((args or {}).get("currency") or "CAD")


def before_uninstall() -> None:
	remove_accounting_dimension()
	for doctype, fields in CUSTOM_FIELDS.items():
		for field in fields:
			name = frappe.db.get_value("Custom Field", {"dt": doctype, "fieldname": field["fieldname"]})
			if name:
				frappe.delete_doc("Custom Field", name, ignore_permissions=True)
		frappe.clear_cache(doctype=doctype)


def ensure_app_records() -> None:
	create_custom_fields(CUSTOM_FIELDS, ignore_validate=True)
	for role in ROLES:
		ensure_role(role)
	for barrier in EMPLOYMENT_BARRIERS:
		if not frappe.db.exists("Employment Barrier", barrier):
			frappe.get_doc({"doctype": "Employment Barrier", "barrier_name": barrier}).insert(
				ignore_permissions=True
			)
	employment_type = ensure_employment_type(TRAINEE_EMPLOYMENT_TYPE)
	funder = ensure_funder_customer()
	ensure_global_search("Trainee")
	ensure_payroll_rates()
	ensure_accounting_dimension()

	settings = frappe.get_single(SETTINGS)
	changed = fill_setting_defaults(settings)
	if not settings.trainee_employment_type:
		settings.trainee_employment_type = employment_type
		changed = True
	if funder and not settings.funder_customer:
		settings.funder_customer = funder
		changed = True
	if changed:
		settings.flags.ignore_permissions = True
		settings.save()


def ensure_payroll_rates() -> None:
	"""The shipped years of Quebec rates; a year the user edited is left alone."""
	for year, rates in SHIPPED_RATES.items():
		if frappe.db.exists("Quebec Payroll Rates", {"year": year}):
			continue
		values = {field: getattr(rates, field) for field in rates.__dataclass_fields__}
		frappe.get_doc({"doctype": "Quebec Payroll Rates", **values, "sources": SOURCES.get(year)}).insert(
			ignore_permissions=True
		)


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


def remove_accounting_dimension() -> None:
	name = frappe.db.get_value("Accounting Dimension", {"document_type": CONTRACT_DOCTYPE})
	if name:
		dimension = frappe.get_doc("Accounting Dimension", name)
		delete_accounting_dimension(doc=dimension)
		frappe.db.delete("Accounting Dimension", name)


def fill_setting_defaults(settings) -> bool:
	"""A settings field added by an upgrade starts empty on existing sites: give it its default."""
	changed = False
	for df in settings.meta.fields:
		if (
			df.default not in (None, "", "0")
			and df.fieldtype in ("Int", "Float", "Data", "Select")
			and not settings.get(df.fieldname)
		):
			settings.set(df.fieldname, cast(df.fieldtype, df.default))
			changed = True
	return changed


def ensure_global_search(doctype: str) -> None:
	"""Counsellors find a trainee by name in the search bar (only those who may read trainees)."""
	if frappe.db.exists("Global Search DocType", {"document_type": doctype}):
		return
	settings = frappe.get_single("Global Search Settings")
	settings.append("allowed_in_global_search", {"document_type": doctype})
	settings.flags.ignore_permissions = True
	settings.save()


def set_first_install_defaults() -> None:
	"""Follow-ups at 3 and 6 months and the 21-28-35 h gradual entry, on a first install only:
	a list a user emptied later is a choice, not something to repair."""
	settings = frappe.get_single(SETTINGS)
	if not settings.follow_up_offsets:
		for months in DEFAULT_FOLLOW_UP_MONTHS:
			settings.append("follow_up_offsets", {"months": months})
	if not settings.default_hours_schedule:
		for step in DEFAULT_SCHEDULE:
			settings.append(
				"default_hours_schedule",
				{"from_week": step.from_week, "to_week": step.to_week, "hours_per_week": float(step.hours)},
			)
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
	configured = frappe.db.get_single_value(SETTINGS, "funder_customer")
	if configured and frappe.db.exists("Customer", configured):
		return configured
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
