import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign_to
from frappe.query_builder import Criterion
from frappe.translate import get_user_lang
from frappe.utils import flt, getdate, today
from pypika.terms import ExistsCriterion

from insertion_erp.privacy.traced_document import TracedDocument

EMPLOYED = ("Employed Full Time", "Employed Part Time")
JOB_FIELDS = ("job_type", "job_months", "hourly_wage", "weekly_hours")
MAX_WEEKLY_HOURS = 80


class ParcoursFollowup(TracedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		contact_date: DF.Date | None
		counsellor: DF.Link | None
		due_date: DF.Date
		employer_or_school: DF.Data | None
		partner: DF.Link | None
		answered_online_on: DF.Datetime | None
		confirmed_by: DF.Link | None
		hourly_wage: DF.Currency
		job_months: DF.Int
		job_type: DF.Literal["", "Permanent", "Fixed Term", "Seasonal or Occasional"]
		months_after_exit: DF.Int
		notes: DF.Text | None
		parcours: DF.Link
		situation: DF.Literal[
			"",
			"Employed Full Time",
			"Employed Part Time",
			"In School or Training",
			"Looking for Work",
			"Other",
			"Unreachable",
		]
		status: DF.Literal["Planned", "To Confirm", "Done"]
		trainee: DF.Link | None
		trainee_name: DF.Data | None
		weekly_hours: DF.Float
	# end: auto-generated types

	def validate(self) -> None:
		exit_date = frappe.db.get_value("Parcours", self.parcours, "actual_end_date")
		if not exit_date:
			frappe.throw(
				_("Follow-ups come after the parcours: close parcours {0} first.").format(self.parcours),
				title=_("Parcours Not Closed"),
			)
		if getdate(self.due_date) <= getdate(exit_date):
			frappe.throw(_("A follow-up is due after the exit date."), title=_("Invalid Date"))
		if self.contact_date:
			if getdate(self.contact_date) < getdate(exit_date):
				frappe.throw(
					_("The contact date ({0}) cannot be before the exit ({1}).").format(
						frappe.format(self.contact_date, "Date"), frappe.format(exit_date, "Date")
					),
					title=_("Invalid Date"),
				)
			if getdate(self.contact_date) > getdate(today()):
				frappe.throw(_("The contact date cannot be in the future."), title=_("Invalid Date"))
			if not self.situation:
				frappe.throw(_("Choose the situation found at the contact."), title=_("Situation Missing"))
		elif self.situation:
			frappe.throw(_("Enter the date of the contact."), title=_("Contact Date Missing"))
		self.check_job()
		self.status = self.current_status()

	def current_status(self) -> str:
		"""Done once the contact is recorded; an answer the alumnus gave online waits for the
		counsellor's confirmation and counts in no result until then."""
		if not self.contact_date:
			return "Planned"
		return "To Confirm" if self.answered_online_on and not self.confirmed_by else "Done"

	@frappe.whitelist()
	def confirm_answer(self) -> None:
		"""The counsellor confirms what the alumnus answered online (after a call if need be)."""
		self.check_permission("write")
		if not self.answered_online_on:
			frappe.throw(_("This follow-up has no answer given online."), title=_("Nothing to Confirm"))
		self.confirmed_by = frappe.session.user
		self.save()

	def check_job(self) -> None:
		"""The job's kind, length, wage and hours belong to an employed situation, and only to it."""
		given = [field for field in JOB_FIELDS if self.get(field)]
		if given and self.situation not in EMPLOYED:
			frappe.throw(
				_("{0}: the job's details apply only to an employed situation.").format(
					", ".join(_(self.meta.get_label(field)) for field in given)
				),
				title=_("Not Employed"),
			)
		if self.job_months and self.job_type != "Fixed Term":
			frappe.throw(
				_("{0} applies only to a fixed-term job.").format(_(self.meta.get_label("job_months"))),
				title=_("Not a Fixed-term Job"),
			)
		if flt(self.weekly_hours) > MAX_WEEKLY_HOURS:
			frappe.throw(
				_("{0} cannot exceed {1}.").format(_(self.meta.get_label("weekly_hours")), MAX_WEEKLY_HOURS),
				title=_("Invalid Hours"),
			)

	def on_update(self) -> None:
		frappe.get_doc("Parcours", self.parcours).update_status()

	def on_trash(self) -> None:
		self.flags.parcours = self.parcours

	def after_delete(self) -> None:
		frappe.get_doc("Parcours", self.flags.parcours).update_status()


def assign_due_follow_ups() -> int:
	"""Daily: a ToDo for the counsellor of each follow-up that is due, once per follow-up and counsellor."""
	follow_up = frappe.qb.DocType("Parcours Follow-up")
	todo = frappe.qb.DocType("ToDo")
	already_assigned = (
		frappe.qb.from_(todo)
		.select(todo.name)
		.where(
			Criterion.all(
				[
					todo.reference_type == "Parcours Follow-up",
					todo.reference_name == follow_up.name,
					todo.allocated_to == follow_up.counsellor,
				]
			)
		)
	)
	due = (
		frappe.qb.from_(follow_up)
		.select(follow_up.name, follow_up.counsellor, follow_up.trainee_name, follow_up.due_date)
		.where(follow_up.status == "Planned")
		.where(follow_up.due_date <= getdate(today()))
		.where(follow_up.counsellor.isnotnull() & (follow_up.counsellor != ""))
		.where(ExistsCriterion(already_assigned).negate())
	).run(as_dict=True)

	for row in due:
		assign_to(
			{
				"assign_to": [row.counsellor],
				"doctype": "Parcours Follow-up",
				"name": row.name,
				# In the counsellor's language: the job runs in the system's.
				"description": _(
					"Follow-up of {0} is due on {1}.", lang=get_user_lang(row.counsellor)
				).format(row.trainee_name, frappe.format(row.due_date, "Date")),
				"date": row.due_date,
			},
			ignore_permissions=True,
		)
	return len(due)
