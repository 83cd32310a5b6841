from frappe.model.document import Document


class InsertionClaimItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		budget_kind: DF.Literal[
			"Trainee Wages and Benefits", "Supervision Staff Wages and Benefits", "Insertion Costs", "Other"
		]
		item: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types

	pass
