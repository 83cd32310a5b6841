"""A Record of Employment (ROE), drafted from the payroll when an employee is relieved
(quebec_payroll/roe.py) and reviewed, submitted and filed on ROE Web by the payroll users.
An amended ROE replaces the one it amends."""

import frappe
from frappe import _

from insertion_erp.controllers.insertion_document import InsertionDocument
from insertion_erp.core.payroll.roe import OTHER
from insertion_erp.quebec_payroll import roe, roe_file


class RecordofEmployment(InsertionDocument):  # frappe: the name without its spaces
	def before_validate(self) -> None:
		if self.docstatus == 0:
			roe.fill(self)

	def validate(self) -> None:
		if self.last_day_paid and self.first_day_worked and self.last_day_paid < self.first_day_worked:
			frappe.throw(
				_("The last day for which paid comes after the first day worked."),
				title=_("Invalid Dates"),
			)

	def before_submit(self) -> None:
		# A draft may wait for its comment; the ROE issued may not.
		if self.reason_code == OTHER and not (self.comments or "").strip():
			frappe.throw(
				_("Reason K00 (other) needs a comment in block 18 that says why the employee left."),
				title=_("Comment Missing"),
			)
		if not self.pay_periods:
			frappe.throw(
				_("No submitted salary slip pays this employee up to the last day for which paid."),
				title=_("Final Pay Missing"),
			)
		roe_file.check_file(self)  # issued only once its file can be built

	def on_submit(self) -> None:
		roe.close_todos(self)
