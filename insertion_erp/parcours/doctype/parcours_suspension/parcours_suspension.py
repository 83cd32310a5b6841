from frappe.model.document import Document


class ParcoursSuspension(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from_date: DF.Date
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		reason: DF.Literal["Health", "Family", "Justice", "Housing", "Other"]
		to_date: DF.Date | None
	# end: auto-generated types

	pass
