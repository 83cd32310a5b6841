import frappe
from frappe import _
from frappe.utils import getdate, today

from insertion_erp.core.parcours.parcours import plausible_birth_date
from insertion_erp.privacy import consent
from insertion_erp.privacy.traced_document import TracedDocument


class Trainee(TracedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.privacy.doctype.trainee_consent.trainee_consent import TraineeConsent

		age_band: DF.Data | None
		anonymised_on: DF.Date | None
		consent_date: DF.Date | None
		consent_given: DF.Check
		consents: DF.Table[TraineeConsent]
		counsellor: DF.Link | None
		date_of_birth: DF.Date
		email: DF.Data | None
		employee: DF.Link | None
		first_name: DF.Data
		gender: DF.Link
		last_name: DF.Data
		phone: DF.Data | None
		trainee_name: DF.Data | None
	# end: auto-generated types

	def validate(self) -> None:
		self.first_name = self.first_name.strip()
		self.last_name = self.last_name.strip()
		self.trainee_name = f"{self.first_name} {self.last_name}"
		self.validate_birth_date()
		self.validate_consent()
		self.validate_employee()

	def validate_birth_date(self) -> None:
		if not plausible_birth_date(getdate(self.date_of_birth), getdate(today())):
			frappe.throw(
				_("The date of birth {0} is not plausible for a trainee.").format(
					frappe.format(self.date_of_birth, "Date")
				),
				title=_("Invalid Date of Birth"),
			)

	def validate_consent(self) -> None:
		"""The consents' rows checked, consent_given and consent_date derived from the intake's."""
		consent.validate(self)

	def on_update(self) -> None:
		consent.log_changes(self)

	def validate_employee(self) -> None:
		if not self.employee:
			return
		other = frappe.db.get_value("Trainee", {"employee": self.employee, "name": ("!=", self.name)})
		if other:
			frappe.throw(
				_("Employee {0} is already linked to trainee {1}.").format(self.employee, other),
				title=_("Employee Already Linked"),
			)
