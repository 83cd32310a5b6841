from frappe.model.document import Document
from frappe.utils import get_datetime, now_datetime

from insertion_erp.core.parcours.partners import invitation_state


class QuestionnaireInvitation(Document):
	"""A single-use link to a questionnaire: made by partners/questionnaires.invite, used up by
	the answer. The link itself is not kept, only its token's hash."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answer: DF.Data | None
		answered_on: DF.Datetime | None
		email: DF.Data | None
		expires_on: DF.Datetime | None
		follow_up: DF.Link | None
		partner: DF.Link | None
		placement: DF.Link | None
		questionnaire: DF.Literal["Alumni Follow-up", "Employer Satisfaction"]
		sent_on: DF.Datetime | None
		status: DF.Literal["Sent", "Answered", "Expired", "Withdrawn"]
		token_hash: DF.Data | None
	# end: auto-generated types

	def onload(self) -> None:
		"""A sent link past its expiry shows as expired."""
		expires_on = get_datetime(self.expires_on) if self.expires_on else None
		self.status = invitation_state(self.status, expires_on, now_datetime())
