from frappe.model.document import Document


class ReturntoGovernmentBracket(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		jurisdiction: DF.Literal["Quebec", "Federal"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		rate: DF.Percent
		threshold: DF.Currency
	# end: auto-generated types

	pass
