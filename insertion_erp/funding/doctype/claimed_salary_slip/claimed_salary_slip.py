from insertion_erp.controllers.insertion_document import InsertionDocument


class ClaimedSalarySlip(InsertionDocument):
	"""Written by a claim's submit, deleted by its cancel. Named after the slip: one claim per slip."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		claim: DF.Link
		salary_slip: DF.Link
	# end: auto-generated types
