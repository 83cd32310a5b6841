"""POS Invoice Merge Log (ERPNext): closing the till's shift, with the rights it needs.

When the cashier closes her shift (POS Closing Entry), ERPNext merges the session's POS
invoices into one Sales Invoice, created and submitted as her. The cashier sells at the
till and may not write the books' Sales Invoices (least privilege: Shop Cashier and Sales
User), so the closing failed with a 403 and the day's sales never reached the GST/QST
return. The consolidated invoice (and credit note) is the closing's own work: it is made,
submitted and, when the closing is cancelled, cancelled without the cashier's rights on
Sales Invoice. Nothing else is: she still reads no invoice of the books.
"""

import frappe
from erpnext.accounts.doctype.pos_invoice_merge_log.pos_invoice_merge_log import POSInvoiceMergeLog


class ShopClosingMergeLog(POSInvoiceMergeLog):
	def get_new_sales_invoice(self):
		invoice = super().get_new_sales_invoice()
		invoice.flags.ignore_permissions = True
		return invoice

	def cancel_linked_invoices(self) -> None:
		for name in reversed([self.consolidated_invoice, self.consolidated_credit_note]):
			if not name:
				continue
			invoice = frappe.get_doc("Sales Invoice", name)
			invoice.flags.ignore_validate = True
			invoice.flags.ignore_permissions = True
			invoice.cancel()
