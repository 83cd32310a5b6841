from contextlib import contextmanager
from datetime import date

import frappe
from frappe import _
from frappe.utils import add_days, cint, getdate, today

from insertion_erp.constants import SETTINGS
from insertion_erp.controllers.arguments import require
from insertion_erp.core.parcours import parcours as rules
from insertion_erp.parcours.pay import assign_trainee_structure
from insertion_erp.parcours.records import hours_steps, occupied_period
from insertion_erp.privacy.traced_document import TracedDocument

# Fields the start and close actions own: the form shows them read-only.
ACTION_FIELDS = (
	"start_date",
	"planned_end_date",
	"actual_end_date",
	"exit_reason",
	"exit_notes",
	"suspensions",
)
TRANSITIONS = ("starting", "suspending", "resuming", "closing")


class Parcours(TracedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.parcours.doctype.parcours_barrier.parcours_barrier import ParcoursBarrier
		from insertion_erp.parcours.doctype.parcours_hours_step.parcours_hours_step import ParcoursHoursStep
		from insertion_erp.parcours.doctype.parcours_suspension.parcours_suspension import ParcoursSuspension

		actual_end_date: DF.Date | None
		approval_date: DF.Date | None
		approval_reference: DF.Data | None
		barriers: DF.TableMultiSelect[ParcoursBarrier]
		company: DF.Link
		counsellor: DF.Link | None
		employee: DF.Link | None
		exit_notes: DF.SmallText | None
		exit_reason: DF.Literal[
			"", "Completed", "Left for a Job", "Back to School", "Dropped Out", "Dismissed", "Other"
		]
		exit_situation: DF.Literal[
			"",
			"Employed Full Time",
			"Employed Part Time",
			"In School or Training",
			"Looking for Work",
			"Other",
		]
		hours_schedule: DF.Table[ParcoursHoursStep]
		income_source: DF.Literal[
			"", "Social Assistance", "Employment Insurance", "No Public Income", "Other"
		]
		planned_end_date: DF.Date | None
		planned_hours: DF.Float
		planned_weeks: DF.Int
		referral_details: DF.Data | None
		referral_source: DF.Literal[
			"", "Emploi-Québec Agent", "Community Organization", "CLSC", "Self-Referred", "Other"
		]
		start_date: DF.Date | None
		status: DF.Literal[
			"Candidate", "Approved", "Active", "Suspended", "Completed", "Exited Early", "Followed Up"
		]
		suspensions: DF.Table[ParcoursSuspension]
		trade: DF.Link
		trainee: DF.Link
		trainee_name: DF.Data | None
	# end: auto-generated types

	# Lifecycle ----------------------------------------------------------------

	def onload(self) -> None:
		self.set_onload("is_closed", self.is_closed)

	def before_validate(self) -> None:
		if not self.company:
			self.company = frappe.defaults.get_user_default("Company") or frappe.db.get_single_value(
				"Global Defaults", "default_company"
			)
		if not self.planned_weeks:
			self.planned_weeks = cint(frappe.db.get_single_value(SETTINGS, "parcours_weeks")) or 26
		if not self.hours_schedule:
			self.set_default_hours_schedule()

	def validate(self) -> None:
		self.refuse_changes_once_closed()
		self.validate_action_fields_untouched()
		self.validate_approval()
		self.validate_dates()
		self.validate_hours_schedule()
		self.validate_single_open_parcours()
		self.status = self.derive_status().value

	# Rules -------------------------------------------------------------------

	@property
	def is_closed(self) -> bool:
		return bool(self.actual_end_date)

	def refuse_changes_once_closed(self) -> None:
		before = self.get_doc_before_save()
		if not before or not before.actual_end_date or self.flags.closing:
			return
		if self.changed_fields(
			before, [*self.meta.get_valid_columns(), *(df.fieldname for df in self.meta.get_table_fields())]
		):
			frappe.throw(
				_("Parcours {0} is closed: it can no longer be changed. Record follow-ups instead.").format(
					self.name
				),
				title=_("Closed Parcours"),
			)

	def validate_action_fields_untouched(self) -> None:
		"""Start, suspend, resume and close go through their actions, which check their rules."""
		if any(self.flags.get(flag) for flag in TRANSITIONS):
			return
		changed = self.changed_fields(self.get_doc_before_save(), ACTION_FIELDS)
		if changed:
			frappe.throw(
				_("{0} is set by the Start, Suspend, Resume and Close actions, not by hand.").format(
					_(self.meta.get_label(changed[0]))
				),
				title=_("Use the Actions"),
			)

	def changed_fields(self, before: "Parcours | None", fieldnames) -> list[str]:
		"""The fields among `fieldnames` whose value differs from `before` (None: a new document)."""
		changed = []
		for fieldname in fieldnames:
			if fieldname in ("modified", "modified_by", "status", "idx"):
				continue
			ours, theirs = self.get(fieldname), before.get(fieldname) if before else None
			if isinstance(ours, list):
				ours = [row.as_dict(no_default_fields=True, no_child_table_fields=True) for row in ours]
				theirs = [
					row.as_dict(no_default_fields=True, no_child_table_fields=True) for row in theirs or []
				]
			elif self.meta.get_field(fieldname) and self.meta.get_field(fieldname).fieldtype == "Date":
				ours, theirs = ours and getdate(ours), theirs and getdate(theirs)
			if (ours or None) != (theirs or None):
				changed.append(fieldname)
		return changed

	def validate_approval(self) -> None:
		if self.approval_reference and not self.approval_date:
			frappe.throw(_("Enter the date of the funder's approval."), title=_("Approval Date Missing"))
		if self.approval_date and getdate(self.approval_date) > getdate(today()):
			frappe.throw(_("The funder's approval date cannot be in the future."), title=_("Invalid Date"))
		if self.start_date and not self.approval_date:
			frappe.throw(
				_("A started parcours keeps its funder approval."), title=_("Funder Approval Missing")
			)

	def validate_dates(self) -> None:
		if not 1 <= cint(self.planned_weeks) <= 104:
			frappe.throw(_("The planned length must be between 1 and 104 weeks."), title=_("Invalid Length"))
		if not self.start_date:
			self.planned_end_date = None
			return
		start = getdate(self.start_date)
		if self.approval_date and start < getdate(self.approval_date):
			frappe.throw(
				_("The parcours cannot start ({0}) before the funder's approval ({1}).").format(
					frappe.format(start, "Date"), frappe.format(self.approval_date, "Date")
				),
				title=_("Invalid Date"),
			)
		self.planned_end_date = rules.planned_end(start, cint(self.planned_weeks), self.suspended_periods())
		if self.actual_end_date:
			end = getdate(self.actual_end_date)
			if end < start:
				frappe.throw(
					_("The parcours cannot end ({0}) before it starts ({1}).").format(
						frappe.format(end, "Date"), frappe.format(start, "Date")
					),
					title=_("Invalid Date"),
				)
			if end > getdate(today()):
				frappe.throw(_("The actual end date cannot be in the future."), title=_("Invalid Date"))
		self.validate_no_overlap()

	def validate_no_overlap(self) -> None:
		others = frappe.get_all(
			"Parcours",
			filters={"trainee": self.trainee, "name": ("!=", self.name), "start_date": ("is", "set")},
			fields=["name", "start_date", "planned_end_date", "actual_end_date"],
		)
		clash = rules.first_overlap(occupied_period(self), ((o.name, occupied_period(o)) for o in others))
		if clash:
			frappe.throw(
				_("This parcours overlaps parcours {0} of the same trainee.").format(clash),
				title=_("Overlapping Parcours"),
			)

	def validate_single_open_parcours(self) -> None:
		if self.is_closed:
			return
		other = frappe.db.get_value(
			"Parcours",
			{"trainee": self.trainee, "name": ("!=", self.name), "actual_end_date": ("is", "not set")},
		)
		if other:
			frappe.throw(
				_("Trainee {0} already has an open parcours ({1}): close it first.").format(
					self.trainee_name or self.trainee, other
				),
				title=_("Open Parcours Exists"),
			)

	def set_default_hours_schedule(self) -> None:
		default = hours_steps(frappe.get_single(SETTINGS).default_hours_schedule) or rules.DEFAULT_SCHEDULE
		for step in rules.fit_schedule(default, cint(self.planned_weeks)):
			self.append(
				"hours_schedule",
				{"from_week": step.from_week, "to_week": step.to_week, "hours_per_week": float(step.hours)},
			)

	def validate_hours_schedule(self) -> None:
		try:
			hours = rules.weekly_hours(hours_steps(self.hours_schedule), cint(self.planned_weeks))
		except rules.ScheduleError as error:
			frappe.throw(schedule_message(error, cint(self.planned_weeks)), title=_("Invalid Weekly Hours"))
		self.planned_hours = float(sum(hours))

	def derive_status(self) -> rules.Status:
		due = done = 0
		if self.is_closed and not self.is_new():
			counts = frappe.get_all(
				"Parcours Follow-up",
				filters={"parcours": self.name},
				fields=["count(name) as due", "sum(status = 'Done') as done"],
			)[0]
			due, done = cint(counts.due), cint(counts.done)
		return rules.derive_status(
			approved=bool(self.approval_date),
			start=getdate(self.start_date) if self.start_date else None,
			planned_end_date=getdate(self.planned_end_date) if self.planned_end_date else None,
			actual_end=getdate(self.actual_end_date) if self.actual_end_date else None,
			exit_reason=self.exit_reason,
			follow_ups_due=due,
			follow_ups_done=done,
			suspended=self.open_suspension() is not None,
		)

	def update_status(self) -> None:
		"""Refresh the stored status after a follow-up changed (a closed parcours is otherwise frozen)."""
		status = self.derive_status().value
		if status != self.status:
			self.db_set("status", status, update_modified=False)

	# Actions -----------------------------------------------------------------

	@contextmanager
	def transition(self, flag: str):
		"""The flag that lets validate accept a transition's changes, lowered even when it fails."""
		self.flags[flag] = True
		try:
			yield
		finally:
			self.flags[flag] = False

	@frappe.whitelist()
	def start(self, start_date: str | date | None = None, planned_weeks: int | None = None) -> None:
		"""Start the paid parcours: dates, then the trainee's Employee (created or linked) and
		their pay (parcours/pay.py)."""
		self.check_permission("write")
		if self.start_date:
			frappe.throw(_("Parcours {0} has already started.").format(self.name), title=_("Already Started"))
		if not self.approval_date:
			frappe.throw(
				_("The parcours cannot start before the funder has approved it: enter the approval date."),
				title=_("Funder Approval Missing"),
			)
		trainee = frappe.get_doc("Trainee", self.trainee)
		if not trainee.consent_given:
			frappe.throw(
				_("Trainee {0} has not given consent to the collection of their information.").format(
					trainee.trainee_name
				),
				title=_("Consent Missing"),
			)
		if not self.counsellor:
			frappe.throw(_("Choose the counsellor who follows this trainee."), title=_("Counsellor Missing"))

		self.start_date = getdate(start_date or today())
		if planned_weeks:
			if cint(planned_weeks) != cint(self.planned_weeks):
				self.planned_weeks = cint(planned_weeks)
				self.set("hours_schedule", [])
				self.set_default_hours_schedule()
		self.planned_end_date = rules.planned_end(self.start_date, cint(self.planned_weeks))
		if not rules.plausible_birth_date(getdate(trainee.date_of_birth), self.start_date):
			frappe.throw(
				_("The date of birth of {0} is not plausible for a trainee starting on {1}.").format(
					trainee.trainee_name, frappe.format(self.start_date, "Date")
				),
				title=_("Invalid Date of Birth"),
			)

		with self.transition("starting"):
			self.validate_dates()  # overlap and approval before anything is created
			self.employee = self.employ(trainee)
			self.save()
		assign_trainee_structure(self.employee, self.company, self.start_date)

	def employ(self, trainee) -> str:
		"""The Employee for this parcours: the one given, the trainee's, or a new one."""
		employment_type = frappe.db.get_single_value(SETTINGS, "trainee_employment_type")
		name = self.employee or trainee.employee
		if name:
			employee = frappe.get_doc("Employee", name)
			other = frappe.db.get_value("Trainee", {"employee": name, "name": ("!=", trainee.name)})
			if other:
				frappe.throw(
					_("Employee {0} is already linked to trainee {1}.").format(name, other),
					title=_("Employee Already Linked"),
				)
			if employee.status == "Left":
				employee.status = "Active"
				employee.relieving_date = None
		else:
			employee = frappe.new_doc("Employee")
			employee.update(
				{
					"first_name": trainee.first_name,
					"last_name": trainee.last_name,
					"gender": trainee.gender,
					"date_of_birth": trainee.date_of_birth,
					"date_of_joining": self.start_date,
					"company": self.company,
					"status": "Active",
					"personal_email": trainee.email,
					"cell_number": trainee.phone,
				}
			)
		if employment_type:
			employee.employment_type = employment_type
		employee.contract_end_date = self.planned_end_date
		# The job a pay statement names (Act respecting labour standards, s. 46): the trade.
		if self.trade and not employee.designation:
			employee.designation = ensure_designation(self.trade)
		employee.insertion_trainee = trainee.name
		employee.flags.ignore_permissions = True  # the coordinator may start a parcours without HR rights
		employee.save()

		if trainee.employee != employee.name:
			trainee.db_set("employee", employee.name)
		return employee.name

	def suspended_periods(self) -> list[tuple[date, date | None]]:
		return [
			(getdate(row.from_date), getdate(row.to_date) if row.to_date else None)
			for row in self.suspensions
		]

	def open_suspension(self):
		return next((row for row in self.suspensions if not row.to_date), None)

	@frappe.whitelist()
	def suspend(self, from_date: str | date | None = None, reason: str | None = None) -> None:
		"""Suspend the parcours (illness, family, justice...); it resumes with Resume."""
		self.check_permission("write")
		require(reason=reason)
		if not self.start_date or self.is_closed:
			frappe.throw(_("Only a parcours under way can be suspended."), title=_("Not Under Way"))
		if self.open_suspension():
			frappe.throw(_("The parcours is already suspended."), title=_("Already Suspended"))
		day = getdate(from_date or today())
		last_end = max((getdate(row.to_date) for row in self.suspensions), default=None)
		if day < getdate(self.start_date) or (last_end and day <= last_end) or day > getdate(today()):
			frappe.throw(
				_("A suspension starts during the parcours, after the last one, and not in the future."),
				title=_("Invalid Date"),
			)
		self.append("suspensions", {"from_date": day, "reason": reason})
		with self.transition("suspending"):
			self.save()

	@frappe.whitelist()
	def resume(self, resume_date: str | date | None = None) -> None:
		"""Resume a suspended parcours: the planned end moves by the days suspended."""
		self.check_permission("write")
		suspension = self.open_suspension()
		if not suspension:
			frappe.throw(_("The parcours is not suspended."), title=_("Not Suspended"))
		day = getdate(resume_date or today())
		if day <= getdate(suspension.from_date) or day > getdate(today()):
			frappe.throw(
				_("The parcours resumes after the first day of its suspension, and not in the future."),
				title=_("Invalid Date"),
			)
		suspension.to_date = add_days(day, -1)
		with self.transition("resuming"):
			self.save()
		if self.employee:
			frappe.db.set_value("Employee", self.employee, "contract_end_date", self.planned_end_date)

	@frappe.whitelist()
	def close(
		self,
		actual_end_date: str | date,
		exit_reason: str,
		exit_notes: str | None = None,
		exit_situation: str | None = None,
	) -> None:
		"""End the parcours: exit date and reason, the Employee relieved, follow-ups scheduled."""
		self.check_permission("write")
		if not self.start_date:
			frappe.throw(_("Parcours {0} has not started.").format(self.name), title=_("Not Started"))
		if self.is_closed:
			frappe.throw(_("Parcours {0} is already closed.").format(self.name), title=_("Already Closed"))
		if not exit_reason:
			frappe.throw(_("Choose the reason the trainee left."), title=_("Exit Reason Missing"))
		if not actual_end_date:
			frappe.throw(_("Enter the date the parcours ended."), title=_("End Date Missing"))

		self.actual_end_date = getdate(actual_end_date)
		suspension = self.open_suspension()
		if suspension:  # leaving while suspended ends the suspension too
			suspension.to_date = max(getdate(suspension.from_date), self.actual_end_date)
		self.exit_reason = exit_reason
		self.exit_notes = exit_notes
		if exit_situation:
			self.exit_situation = exit_situation
		with self.transition("closing"):
			self.save()

		self.relieve_employee()
		self.schedule_follow_ups()
		self.update_status()

	def relieve_employee(self) -> None:
		if not self.employee:
			return
		employee = frappe.get_doc("Employee", self.employee)
		employee.relieving_date = self.actual_end_date
		employee.status = "Left"
		employee.flags.ignore_permissions = True
		employee.save()

	def schedule_follow_ups(self) -> None:
		settings = frappe.get_single(SETTINGS)
		offsets = [cint(row.months) for row in settings.follow_up_offsets]
		for months, due in rules.follow_up_due_dates(getdate(self.actual_end_date), offsets):
			frappe.get_doc(
				{
					"doctype": "Parcours Follow-up",
					"parcours": self.name,
					"months_after_exit": months,
					"due_date": due,
				}
			).insert(ignore_permissions=True)


def schedule_message(error: rules.ScheduleError, weeks: int) -> str:
	if isinstance(error, rules.ScheduleGap):
		return _("Weekly hours, row {0}: this step should start at week {1}.").format(error.row, error.week)
	if isinstance(error, rules.ScheduleBackwards):
		return _("Weekly hours, row {0}: the step ends before it starts.").format(error.row)
	if isinstance(error, rules.ScheduleTooLong):
		return _("Weekly hours, row {0}: the parcours has only {1} weeks.").format(error.row, weeks)
	if isinstance(error, rules.ScheduleHours):
		return _("Weekly hours, row {0}: hours per week must be more than 0 and at most {1}.").format(
			error.row, rules.MAX_WEEKLY_HOURS
		)
	return _(
		"Weekly hours: the schedule stops before the end of the parcours (week {0} has no hours)."
	).format(error.week)


def ensure_designation(name: str) -> str:
	if not frappe.db.exists("Designation", name):
		frappe.get_doc({"doctype": "Designation", "designation_name": name}).insert(ignore_permissions=True)
	return name
