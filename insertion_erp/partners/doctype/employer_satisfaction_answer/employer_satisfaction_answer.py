from frappe.model.document import Document

from insertion_erp.core.parcours.partners import satisfaction_answer_problems
from insertion_erp.partners import questionnaires


class EmployerSatisfactionAnswer(Document):
	"""An employer's ratings after a hire or a placement, through the questionnaire's link.
	Inserted by the web form only (no role may create one)."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		comment: DF.SmallText | None
		invitation: DF.Link | None
		overall: DF.Literal["", "1", "2", "3", "4", "5"]
		partner: DF.Link | None
		placement: DF.Link | None
		preparation: DF.Literal["", "1", "2", "3", "4", "5"]
		punctuality: DF.Literal["", "1", "2", "3", "4", "5"]
		quality: DF.Literal["", "1", "2", "3", "4", "5"]
		teamwork: DF.Literal["", "1", "2", "3", "4", "5"]
		token: DF.Data | None
	# end: auto-generated types

	def before_insert(self) -> None:
		invitation = questionnaires.take_invitation(self.token, questionnaires.SATISFACTION)
		self.token = None
		questionnaires.refuse(self, satisfaction_answer_problems(self.as_dict()))
		self.invitation, self.partner, self.placement = (
			invitation.name,
			invitation.partner,
			invitation.placement,
		)

	def after_insert(self) -> None:
		questionnaires.mark_answered(self.invitation, self.name)
