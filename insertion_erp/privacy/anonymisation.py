"""Retention and anonymisation of a trainee's information (Quebec's Law 25).

Once the retention period after the last follow-up (Insertion Settings,
Retention Period; see core/privacy/retention.py for the rule) has run out, the
information that identifies the trainee is no longer needed: a daily job gives
each Insertion Manager a ToDo per trainee due, and a manager confirms the
anonymisation on the trainee's form (`anonymise`).

What anonymising does, in the request's one transaction:

- the Trainee: names replaced by "Anonyme <random token>", e-mail and phone
  erased, the date of birth erased and replaced by the age band at the start
  of the first parcours (`age_band`, which the Activity Report counts), the day
  recorded in `anonymised_on`;
- the free text of the trainee's records erased and the copies of the name
  replaced (core/privacy/retention.py lists them field by field): the parcours'
  referral details and exit notes, the follow-ups' employer or school and
  notes, the training plans' goals, the evaluations' comments, and the
  support interventions about this trainee alone: their topic, the outside
  resource they were referred to, and their confidential notes;
- the traces frappe keeps of these records: their versions (old values),
  comments, attachments (the File records and the files themselves), ToDos,
  notifications, activity and export logs, e-mails, global search entries, and
  the copies of their deleted records (Deleted Document).

What it keeps, on purpose:

- counts, hours and dates: parcours dates, suspensions, hours schedules,
  follow-up situations, dates and wages, evaluations' levels, interventions'
  dates and durations, categories (gender, income source, barriers, exit
  reason), so the Activity Report and the funder's figures still add up;
- the Employee, Salary Slips, Records of Employment, year-end slips (T4 and
  RL-1), reimbursement claims, invoices, payments and the general ledger,
  untouched: the Employee keeps the person's own name because it
  is the payroll record the law requires the employer to keep (the tax laws ask
  for six years after the year it concerns: Tax Administration Act, s. 35;
  Income Tax Act, s. 230), and past claims must still add up to the cent. The
  anonymised Trainee and its parcours still link to it, so the file is
  pseudonymised rather than anonymous for as long as payroll keeps the Employee;
- the counsellors and evaluators (staff, not the trainee's data), the funder's
  approval reference, the consent given (dates), and the Confidential Access Log
  (the trace of who saw what, which names no one but the users);
- group sessions the trainee attended: they are about the other participants
  too, so only the name copies change; their notes stay and are listed in the
  answer for a manager to review.
"""

from datetime import date

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign_to
from frappe.translate import get_user_lang
from frappe.utils import cint, getdate, today
from frappe.utils.global_search import update_global_search

from insertion_erp.constants import MANAGER, SETTINGS
from insertion_erp.controllers.arguments import require
from insertion_erp.core.privacy import retention
from insertion_erp.core.results import outcomes
from insertion_erp.permissions import check_role, users_with_roles
from insertion_erp.privacy.access_log import log

GROUP_SESSION = "Group Session"
# Field types of a Trainee's table rows (the consents, say) that can hold free text.
TEXT_TYPES = ("Small Text", "Text", "Long Text", "Text Editor", "Markdown Editor", "HTML Editor")
# Where frappe keeps a trace of a record: (doctype, its reference doctype field, its reference name field).
TRACES = (
	("Version", "ref_doctype", "docname"),
	("Comment", "reference_doctype", "reference_name"),
	("ToDo", "reference_type", "reference_name"),
	("Notification Log", "document_type", "document_name"),
	("Activity Log", "reference_doctype", "reference_name"),
	("Activity Log", "timeline_doctype", "timeline_name"),
	("Access Log", "export_from", "reference_document"),
)


def retention_years() -> int:
	"""The settings' retention period; 0 is a choice (as soon as the last follow-up is past),
	a value never saved is the default."""
	stored = frappe.db.sql(
		"select value from `tabSingles` where doctype = %s and field = 'retention_years'", SETTINGS
	)
	if not stored or stored[0][0] in (None, ""):
		return retention.DEFAULT_RETENTION_YEARS
	return cint(stored[0][0])


def existing_trainee(trainee) -> str:
	"""The `trainee` argument of a method: given, and a Trainee that exists."""
	require(trainee=trainee)
	if not isinstance(trainee, str) or not frappe.db.exists("Trainee", trainee):
		frappe.throw(
			_("{0}: there is no trainee {1}.").format(frappe.bold("trainee"), frappe.as_unicode(trainee)),
			frappe.DoesNotExistError,
			title=_("Trainee Not Found"),
		)
	return trainee


# What is due ------------------------------------------------------------------------


def retention_rows(trainee: str | None = None) -> list[frappe._dict]:
	"""Per trainee not yet anonymised: open parcours, last exit and last follow-up, in one query."""
	condition = "and t.name = %(trainee)s" if trainee else ""
	return frappe.db.sql(
		f"""
		select t.name as trainee, t.trainee_name, date(t.creation) as created,
			coalesce(p.open_parcours, 0) as open_parcours, p.last_exit, f.last_follow_up
		from `tabTrainee` t
		left join (
			select trainee, sum(actual_end_date is null) as open_parcours, max(actual_end_date) as last_exit
			from `tabParcours` group by trainee
		) p on p.trainee = t.name
		left join (
			select parcours.trainee, max(coalesce(follow_up.contact_date, follow_up.due_date)) as last_follow_up
			from `tabParcours Follow-up` follow_up
			join `tabParcours` parcours on parcours.name = follow_up.parcours
			group by parcours.trainee
		) f on f.trainee = t.name
		where t.anonymised_on is null {condition}
		order by t.name
		""",
		{"trainee": trainee},
		as_dict=True,
	)


def due_date_of(row: frappe._dict, years: int) -> date | None:
	return retention.due_date(
		open_parcours=cint(row.open_parcours),
		last_exit=getdate(row.last_exit) if row.last_exit else None,
		last_follow_up=getdate(row.last_follow_up) if row.last_follow_up else None,
		created=getdate(row.created) if row.created else None,
		years=years,
	)


def due_for_anonymisation(on_date: date | str | None = None) -> list[frappe._dict]:
	"""The trainees whose every parcours is closed and whose retention period has run out on
	`on_date` (today by default), not yet anonymised: trainee, trainee_name, due_date."""
	on = getdate(on_date or today())
	years = retention_years()
	due = []
	for row in retention_rows():
		day = due_date_of(row, years)
		if retention.is_due(day, on):
			due.append(frappe._dict(trainee=row.trainee, trainee_name=row.trainee_name, due_date=day))
	return due


def assign_due_anonymisations() -> int:
	"""Daily: a ToDo for each Insertion Manager per trainee due, once per trainee and manager.

	The ToDo names the trainee by their number only (its text goes out in notifications)."""
	due = due_for_anonymisation()
	managers = users_with_roles((MANAGER,))
	if not due or not managers:
		return 0
	already = {
		(row.reference_name, row.allocated_to)
		for row in frappe.get_all(
			"ToDo",
			filters={
				"reference_type": "Trainee",
				"reference_name": ("in", [row.trainee for row in due]),
				"allocated_to": ("in", managers),
			},
			fields=["reference_name", "allocated_to"],
		)
	}
	assigned = 0
	for row in due:
		for manager in managers:
			if (row.trainee, manager) in already:
				continue
			assign_to(
				{
					"assign_to": [manager],
					"doctype": "Trainee",
					"name": row.trainee,
					# In the manager's language: the job runs in the system's.
					"description": _(
						"The retention period of trainee {0} ran out on {1}: review the file and anonymise it from the trainee's form.",
						lang=get_user_lang(manager),
					).format(row.trainee, frappe.format(row.due_date, "Date")),
					"date": row.due_date,
				},
				ignore_permissions=True,
			)
			assigned += 1
	return assigned


@frappe.whitelist()
def anonymisation_status(trainee: str | None = None) -> dict:
	"""For the trainee's form: whether the trainee is due, and from when (managers only)."""
	check_role((MANAGER,))
	existing_trainee(trainee)
	anonymised_on = frappe.db.get_value("Trainee", trainee, "anonymised_on")
	rows = retention_rows(trainee)
	day = due_date_of(rows[0], retention_years()) if rows else None
	return {
		"anonymised_on": anonymised_on,
		"open_parcours": cint(rows[0].open_parcours) if rows else 0,
		"due_date": day,
		"due": retention.is_due(day, getdate(today())),
	}


# Anonymising ------------------------------------------------------------------------


@frappe.whitelist(methods=["POST"])
def anonymise(trainee: str | None = None) -> dict:
	"""Anonymise a trainee whose retention period has run out (Insertion Managers only).

	Refused while a parcours is open or before the due date. Everything happens in the
	request's transaction: a failure leaves the records as they were."""
	check_role((MANAGER,))
	existing_trainee(trainee)
	frappe.db.get_value("Trainee", trainee, "name", for_update=True)  # one anonymisation at a time
	check_due(trainee)

	records = records_of(trainee)
	group_sessions = group_sessions_of(trainee)
	names = retention.pseudonym(frappe.generate_hash(length=6))
	erase_trainee(trainee, names)
	erase_records(records, names)
	rename_in_group_sessions(trainee, group_sessions)
	erase_trainee_tables(trainee)
	files = delete_attachments(records)
	erase_traces(records)
	# A save shortly before may still wait in the search queue with the name: the pseudonym
	# goes in after it, once the anonymisation is committed.
	frappe.db.after_commit.add(lambda: update_global_search(frappe.get_doc("Trainee", trainee)))
	log("Trainee", trainee, "Anonymise", trainee=trainee)
	return {
		"trainee": trainee,
		"trainee_name": names["trainee_name"],
		"records": sum(len(found) for found in records.values()),
		"files": files,
		"group_sessions_kept": group_sessions,
	}


def check_due(trainee: str) -> None:
	anonymised_on = frappe.db.get_value("Trainee", trainee, "anonymised_on")
	if anonymised_on:
		frappe.throw(
			_("Trainee {0} was already anonymised on {1}.").format(
				trainee, frappe.format(anonymised_on, "Date")
			),
			title=_("Already Anonymised"),
		)
	open_parcours = frappe.get_all(
		"Parcours", filters={"trainee": trainee, "actual_end_date": ("is", "not set")}, pluck="name"
	)
	if open_parcours:
		frappe.throw(
			_(
				"Trainee {0} still has an open parcours ({1}): a trainee is anonymised only once every parcours is closed."
			).format(trainee, ", ".join(open_parcours)),
			title=_("Open Parcours"),
		)
	years = retention_years()
	day = due_date_of(retention_rows(trainee)[0], years)
	if not retention.is_due(day, getdate(today())):
		frappe.throw(
			_(
				"The information of trainee {0} is kept until {1} ({2} years after the last follow-up or exit): it cannot be anonymised before."
			).format(trainee, frappe.format(day, "Date"), years),
			title=_("Not Due Yet"),
		)


def records_of(trainee: str) -> dict[str, list[str]]:
	"""The records about this trainee alone, by doctype (group sessions aside)."""
	parcours = frappe.get_all("Parcours", filters={"trainee": trainee}, pluck="name")
	follow_ups = frappe.get_all(
		"Parcours Follow-up",
		or_filters={"trainee": trainee, "parcours": ("in", parcours or [""])},
		pluck="name",
	)
	plans = frappe.get_all(
		"Training Plan", or_filters={"trainee": trainee, "parcours": ("in", parcours or [""])}, pluck="name"
	)
	evaluations = frappe.get_all(
		"Training Evaluation",
		or_filters={"trainee": trainee, "training_plan": ("in", plans or [""])},
		pluck="name",
	)
	interventions = frappe.get_all(
		"Support Intervention",
		filters={"trainee": trainee, "kind": ("!=", GROUP_SESSION)},
		pluck="name",
	)
	placements = frappe.get_all("Placement", filters={"parcours": ("in", parcours or [""])}, pluck="name")
	invitations = frappe.get_all(
		"Questionnaire Invitation",
		or_filters={"follow_up": ("in", follow_ups or [""]), "placement": ("in", placements or [""])},
		pluck="name",
	)
	return {
		"Trainee": [trainee],
		"Parcours": parcours,
		"Parcours Follow-up": follow_ups,
		"Training Plan": plans,
		"Training Evaluation": evaluations,
		"Support Intervention": interventions,
		"Placement": placements,
		"Questionnaire Invitation": invitations,
		"Alumni Follow-up Answer": frappe.get_all(
			"Alumni Follow-up Answer", filters={"invitation": ("in", invitations or [""])}, pluck="name"
		),
		"Employer Satisfaction Answer": frappe.get_all(
			"Employer Satisfaction Answer", filters={"invitation": ("in", invitations or [""])}, pluck="name"
		),
	}


def group_sessions_of(trainee: str) -> list[str]:
	return frappe.get_all(
		"Support Intervention Participant",
		filters={"trainee": trainee, "parenttype": "Support Intervention"},
		pluck="parent",
		distinct=True,
		order_by="parent",
	)


def band_at_entry(trainee: str) -> str | None:
	"""The age band at the start of the trainee's first parcours (None when none started)."""
	born = frappe.db.get_value("Trainee", trainee, "date_of_birth")
	first_start = frappe.db.sql(
		"select min(start_date) from `tabParcours` where trainee = %s and start_date is not null", trainee
	)[0][0]
	if not born or not first_start:
		return None
	return outcomes.age_band(getdate(born), getdate(first_start))


def erase_trainee(trainee: str, names: dict[str, str]) -> None:
	values = {field: None for field in retention.ERASED_FIELDS["Trainee"]}
	values.update(names)
	values.update(age_band=band_at_entry(trainee), anonymised_on=getdate(today()))
	frappe.db.set_value("Trainee", trainee, values)


def erase_records(records: dict[str, list[str]], names: dict[str, str]) -> None:
	for doctype, found in records.items():
		if doctype == "Trainee" or not found:
			continue
		values = {field: None for field in retention.ERASED_FIELDS.get(doctype, ())}
		values.update({field: names["trainee_name"] for field in retention.NAME_FIELDS.get(doctype, ())})
		if values:
			frappe.db.set_value(doctype, {"name": ("in", found)}, values)
	for parenttype in ("Training Evaluation", "Placement"):  # the levels' comments
		if records[parenttype]:
			frappe.db.set_value(
				"Training Evaluation Level",
				{"parenttype": parenttype, "parent": ("in", records[parenttype])},
				{field: None for field in retention.ERASED_FIELDS["Training Evaluation Level"]},
			)


def rename_in_group_sessions(trainee: str, sessions: list[str]) -> None:
	"""The participants' row takes the pseudonym, and each session's list of names is made again."""
	if not sessions:
		return
	pseudonym = frappe.db.get_value("Trainee", trainee, "trainee_name")
	participant = frappe.qb.DocType("Support Intervention Participant")
	frappe.qb.update(participant).set(participant.trainee_name, pseudonym).where(
		participant.trainee == trainee
	).where(participant.parenttype == "Support Intervention").run()
	for session in sessions:
		listed = frappe.db.sql(
			"""select t.trainee_name from `tabSupport Intervention Participant` p
			join `tabTrainee` t on t.name = p.trainee
			where p.parent = %s and p.parenttype = 'Support Intervention'
			order by t.trainee_name""",
			session,
			pluck=True,
		)
		# As the intervention's validate writes it.
		frappe.db.set_value("Support Intervention", session, "trainee_name", ", ".join(listed)[:140])


def erase_trainee_tables(trainee: str) -> None:
	"""Free text in the Trainee's own tables (its consents, say), whatever they are."""
	for table in frappe.get_meta("Trainee").get_table_fields():
		child = frappe.get_meta(table.options)
		fields = [df.fieldname for df in child.fields if df.fieldtype in TEXT_TYPES]
		if fields:
			frappe.db.set_value(
				table.options,
				{"parent": trainee, "parenttype": "Trainee", "parentfield": table.fieldname},
				{field: None for field in fields},
			)


def delete_attachments(records: dict[str, list[str]]) -> int:
	"""The File records attached to the records, and their files (a file shared with another
	record stays on disk for it)."""
	files = [
		name
		for doctype, found in records.items()
		if found
		for name in frappe.get_all(
			"File",
			filters={"attached_to_doctype": doctype, "attached_to_name": ("in", found)},
			pluck="name",
		)
	]
	for name in files:
		frappe.delete_doc("File", name, ignore_permissions=True, delete_permanently=True)
	return len(files)


def erase_traces(records: dict[str, list[str]]) -> None:
	"""What frappe keeps beside the records: old values, comments (with the copy each record
	keeps of its last ones), assignments, notifications, logs, e-mails, search entries, and
	the copies of the trainee's deleted records. After the attachments: deleting a file
	leaves a comment on its record."""
	for doctype, found in records.items():
		if not found:
			continue
		for trace, doctype_field, name_field in TRACES:
			frappe.db.delete(trace, {doctype_field: doctype, name_field: ("in", found)})
		delete_communications(doctype, found)
		frappe.db.delete("__global_search", {"doctype": doctype, "name": ("in", found)})
		frappe.db.set_value(
			doctype, {"name": ("in", found)}, {"_comments": None, "_assign": None}, update_modified=False
		)
	delete_deleted_copies(records)


def delete_communications(doctype: str, names: list[str]) -> None:
	"""E-mails about the records (with their links and recipients), and links from other e-mails."""
	for parent, children in (
		("Communication", ("Communication Link",)),
		("Email Queue", ("Email Queue Recipient",)),
	):
		found = frappe.get_all(
			parent, filters={"reference_doctype": doctype, "reference_name": ("in", names)}, pluck="name"
		)
		if found:
			for child in children:
				frappe.db.delete(child, {"parent": ("in", found), "parenttype": parent})
			frappe.db.delete(parent, {"name": ("in", found)})
	frappe.db.delete(
		"Communication Link",
		{"link_doctype": doctype, "link_name": ("in", names), "parenttype": "Communication"},
	)


def delete_deleted_copies(records: dict[str, list[str]]) -> None:
	"""Deleted Document keeps a copy of each deleted record: those of the trainee's records
	(a deleted follow-up, intervention, attachment...) name the trainee or one of its records;
	so do deleted reimbursement claims (drafts, or cancelled then deleted: no longer part of
	the books, which keep the submitted ones), whose lines name the trainee."""
	trainee = records["Trainee"][0]
	parcours = records["Parcours"]
	deleted = frappe.qb.DocType("Deleted Document")
	mentions = [deleted.data.like(f'%"{name}"%') for name in [trainee, *parcours, *records["Training Plan"]]]
	condition = mentions[0]
	for mention in mentions[1:]:
		condition |= mention
	frappe.qb.from_(deleted).delete().where(
		deleted.deleted_doctype.isin([*records, "File", "Reimbursement Claim"])
	).where(condition).run()
