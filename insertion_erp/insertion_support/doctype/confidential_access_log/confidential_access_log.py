from insertion_erp.controllers.insertion_document import InsertionDocument


class ConfidentialAccessLog(InsertionDocument):
	"""Written by the notes API only (no role may create, change or delete an entry)."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accessed_on: DF.Datetime | None
		action: DF.Literal["Read", "Write"]
		reference_doctype: DF.Link | None
		reference_name: DF.DynamicLink | None
		user: DF.Link | None
	# end: auto-generated types
