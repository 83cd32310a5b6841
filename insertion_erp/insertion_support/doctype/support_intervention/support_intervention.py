"""Support interventions. Their confidential notes never travel with the document:
no role reads the `notes` field (permlevel 2), so get_doc, REST, lists, reports and
exports leave it out; `get_notes` and `set_notes` are the only way in, and they
leave a Confidential Access Log entry each time. The notes are stored sealed with the
site's key (privacy/sealed_notes.py) and opened only there, in the access
request and in Administrator's logged form."""

from typing import ClassVar

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from insertion_erp.controllers.arguments import require
from insertion_erp.insertion_support.access import can_access_notes
from insertion_erp.privacy import sealed_notes
from insertion_erp.privacy.access_log import log, request_path, trainees_of
from insertion_erp.privacy.traced_document import TracedDocument


class SupportIntervention(TracedDocument):
	write_elsewhere: ClassVar[dict[str, str]] = {
		"notes": "Confidential notes are written with the form's Show Confidential Notes button (the set_notes method), which logs each writing."
	}

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.insertion_support.doctype.support_intervention_participant.support_intervention_participant import (
			SupportInterventionParticipant,
		)

		counsellor: DF.Link
		duration_minutes: DF.Int
		intervention_date: DF.Date
		kind: DF.Literal["Individual Meeting", "Group Session", "Referral to an Outside Resource", "Crisis"]
		notes: DF.LongText | None
		participants: DF.Table[SupportInterventionParticipant]
		referred_to: DF.Data | None
		topic: DF.Literal[
			"", "Stress", "Conflict", "Emotions", "Housing", "Health", "Justice", "Budget", "Other"
		]
		trainee: DF.Link | None
		trainee_name: DF.Data | None
	# end: auto-generated types

	def validate(self) -> None:
		if self.kind == "Group Session":
			self.trainee = self.trainee_name = None
			trainees = [row.trainee for row in self.participants]
			if len(trainees) < 2:
				frappe.throw(
					_("A group session lists at least two trainees."), title=_("Participants Missing")
				)
			if len(set(trainees)) != len(trainees):
				frappe.throw(_("A trainee is listed twice."), title=_("Duplicate Participant"))
			names = frappe.get_all(
				"Trainee", filters={"name": ("in", trainees)}, pluck="trainee_name", order_by="trainee_name"
			)
			self.trainee_name = ", ".join(names)[:140]
		else:
			self.participants = []
			if not self.trainee:
				frappe.throw(_("Choose the trainee."), title=_("Trainee Missing"))
		if getdate(self.intervention_date) > getdate(today()):
			frappe.throw(_("An intervention cannot be dated in the future."), title=_("Invalid Date"))
		if not 0 < (self.duration_minutes or 0) <= 24 * 60:
			frappe.throw(
				_("The duration must be between 1 minute and 24 hours."), title=_("Invalid Duration")
			)

		if self.notes and self.has_value_changed("notes"):
			# Notes given with the document (a new intervention, Administrator's form): sealed and
			# bound to this record; a sealed value (another record's) is refused by seal().
			self.notes = sealed_notes.seal(self.notes, self.name)
			self.flags.notes_written = True

	def on_update(self) -> None:
		if self.flags.notes_written:
			self.flags.notes_written = False
			log_access(self, "Write", request_path())

	def apply_fieldlevel_read_permissions(self) -> None:
		"""Only Administrator keeps the notes here (every permission level), and the reading is
		logged (TracedDocument): opened for the form, or refused with the key's message."""
		super().apply_fieldlevel_read_permissions()
		if not self.get("notes"):
			return
		try:
			self.notes = sealed_notes.unseal(self.notes, self.name)
		except sealed_notes.NotesUnreadable as error:
			self.notes = None
			sealed_notes.log_refusal(self.name, trainees_of(self))
			frappe.msgprint(str(error), title=_("Confidential Notes Locked"), indicator="red")

	def on_trash(self) -> None:
		# Frappe keeps a copy of a deleted document (Deleted Document), made from this one:
		# without the notes, which go with the intervention.
		self.notes = None

	def trainees(self) -> list[str]:
		return [row.trainee for row in self.participants] if self.kind == "Group Session" else [self.trainee]

	def is_assigned_to(self, user: str) -> bool:
		"""The user ran the intervention or counsels one of its trainees."""
		if self.counsellor == user:
			return True
		return bool(frappe.db.exists("Trainee", {"name": ("in", self.trainees()), "counsellor": user}))


def log_access(doc: Document, action: str, path: str = "Notes API") -> None:
	for trainee in trainees_of(doc) or [None]:
		log(doc.doctype, doc.name, action, path, trainee)


def _intervention_for_notes(name: str) -> SupportIntervention:
	doc = frappe.get_doc("Support Intervention", name)
	if not doc.has_permission("read") or not can_access_notes(doc):
		frappe.throw(
			_("Only the trainee's counsellor and the insertion managers can read these notes."),
			frappe.PermissionError,
			title=_("Confidential"),
		)
	return doc


@frappe.whitelist(methods=["POST"])
def get_notes(name: str | None = None) -> str:
	"""The confidential notes of an intervention; the reading is logged."""
	require(name=name)
	doc = _intervention_for_notes(name)
	stored = frappe.db.get_value("Support Intervention", name, "notes")
	notes = sealed_notes.open_or_refuse(stored, doc.name, trainees_of(doc), "Notes API")
	log_access(doc, "Read")
	return notes


@frappe.whitelist(methods=["POST"])
def set_notes(name: str | None = None, notes: str | None = None) -> None:
	"""Replace the confidential notes of an intervention (empty to erase them); the writing is logged."""
	require(name=name)
	if notes is None:
		require(notes=notes)
	doc = _intervention_for_notes(name)
	doc.check_permission("write")
	doc.db_set("notes", sealed_notes.seal(notes, doc.name), update_modified=True)
	log_access(doc, "Write")
