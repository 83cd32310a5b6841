from frappe.model.document import Document


class TraineeConsent(Document):
	"""A row of Trainee.consents; the Trainee checks the rows and sets their status."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		given_on: DF.Date
		means: DF.Literal["Signed Form", "Verbal, Witnessed", "Electronic"]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		purpose: DF.Literal[
			"Intake Information",
			"Sharing with the Referring Organisation",
			"Sharing with the Funder",
			"Network Statistics",
			"Photos",
		]
		status: DF.Literal["Given", "Withdrawn"]
		withdrawn_on: DF.Date | None
	# end: auto-generated types

	pass
