"""What uninstalling the app removes besides its doctypes: its custom fields on standard
doctypes, the contract's accounting dimension and the pay statement as the Salary Slip's
print. Roles, the Employment Type, the funder Customer and the payroll's Salary Components
and accounts stay: Employees, slips, invoices and the ledger refer to them."""

import frappe
from erpnext.accounts.doctype.accounting_dimension.accounting_dimension import delete_accounting_dimension

from insertion_erp.constants import CONTRACT_DOCTYPE, PAY_STATEMENT
from insertion_erp.install.custom_fields import CUSTOM_FIELDS


def before_uninstall() -> None:
	remove_accounting_dimension()
	# The pay statement leaves with the app: the Salary Slip prints as HRMS's again.
	frappe.db.delete(
		"Property Setter",
		{"doc_type": "Salary Slip", "property": "default_print_format", "value": PAY_STATEMENT},
	)
	for doctype, fields in CUSTOM_FIELDS.items():
		for field in fields:
			name = frappe.db.get_value("Custom Field", {"dt": doctype, "fieldname": field["fieldname"]})
			if name:
				frappe.delete_doc("Custom Field", name, ignore_permissions=True)
		frappe.clear_cache(doctype=doctype)


def remove_accounting_dimension() -> None:
	name = frappe.db.get_value("Accounting Dimension", {"document_type": CONTRACT_DOCTYPE})
	if name:
		dimension = frappe.get_doc("Accounting Dimension", name)
		delete_accounting_dimension(doc=dimension)
		frappe.db.delete("Accounting Dimension", name)
