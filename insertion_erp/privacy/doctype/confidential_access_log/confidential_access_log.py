import frappe
from frappe import _

from insertion_erp.controllers.insertion_document import InsertionDocument


class ConfidentialAccessLog(InsertionDocument):
	"""Written by the app only (privacy/access_log.py): no role may create or change an entry.

	Only System Manager may delete one, and the deletion is itself logged."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accessed_on: DF.Datetime | None
		action: DF.Literal["Read", "Write", "Open", "Access Request", "Anonymise", "Consent", "Delete Log"]
		path: DF.Data | None
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
		trainee: DF.Link | None
		user: DF.Link | None
	# end: auto-generated types

	def validate(self) -> None:
		if not self.is_new():
			frappe.throw(_("An access log entry cannot be changed."), frappe.PermissionError)

	def on_trash(self) -> None:
		from insertion_erp.privacy.access_log import log

		log(self.doctype, self.name, "Delete Log", "Desk", self.trainee)
