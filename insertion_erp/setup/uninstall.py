"""What uninstalling the app removes besides its doctypes: its custom fields on standard
doctypes and the contract's accounting dimension. Roles, the Employment Type and the
funder Customer stay: Employees, invoices and users may refer to them."""

import frappe
from erpnext.accounts.doctype.accounting_dimension.accounting_dimension import delete_accounting_dimension

from insertion_erp.constants import CONTRACT_DOCTYPE, CUSTOM_FIELDS


def before_uninstall() -> None:
	remove_accounting_dimension()
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
