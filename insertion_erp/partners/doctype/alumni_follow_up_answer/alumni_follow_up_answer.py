import frappe
from frappe.model.document import Document
from frappe.utils import now_datetime, today

from insertion_erp.core.parcours.partners import follow_up_answer_problems, match_names
from insertion_erp.partners import questionnaires

ANSWERED_FIELDS = ("situation", "employer_or_school", "job_type", "job_months", "weekly_hours", "hourly_wage")


class AlumniFollowupAnswer(Document):
	"""What an alumnus answered through the follow-up questionnaire's link. Inserted by the web
	form only (no role may create one); it fills the follow-up, which waits for the counsellor's
	confirmation."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		comment: DF.SmallText | None
		employer_or_school: DF.Data | None
		follow_up: DF.Link | None
		hourly_wage: DF.Currency
		invitation: DF.Link | None
		job_months: DF.Int
		job_type: DF.Literal["", "Permanent", "Fixed Term", "Seasonal or Occasional"]
		situation: DF.Literal[
			"",
			"Employed Full Time",
			"Employed Part Time",
			"In School or Training",
			"Looking for Work",
			"Other",
		]
		token: DF.Data | None
		weekly_hours: DF.Float
	# end: auto-generated types

	def before_insert(self) -> None:
		invitation = questionnaires.take_invitation(self.token, questionnaires.FOLLOW_UP)
		self.token = None  # used up; the answer sent back to the guest carries none
		questionnaires.refuse(self, follow_up_answer_problems(self.as_dict()))
		self.invitation, self.follow_up = invitation.name, invitation.follow_up

	def after_insert(self) -> None:
		fill_follow_up(self)
		questionnaires.mark_answered(self.invitation, self.name)


def fill_follow_up(answer: AlumniFollowupAnswer) -> None:
	follow_up = frappe.get_doc("Parcours Follow-up", answer.follow_up)
	if follow_up.status == "Done":
		frappe.throw(
			frappe._("Your counsellor has already recorded your follow-up. Thank you!"),
			title=frappe._("Already Recorded"),
		)
	follow_up.update({field: answer.get(field) for field in ANSWERED_FIELDS})
	if follow_up.situation not in ("Employed Full Time", "Employed Part Time", "In School or Training"):
		follow_up.employer_or_school = None
	follow_up.partner = (
		match_names([follow_up.employer_or_school], frappe.get_all("Partner", pluck="name")).get(
			follow_up.employer_or_school
		)
		if follow_up.employer_or_school
		else None
	)
	follow_up.contact_date = today()
	follow_up.answered_online_on = now_datetime()
	follow_up.confirmed_by = None
	follow_up.flags.ignore_permissions = True
	follow_up.save()
