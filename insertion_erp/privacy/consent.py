"""A trainee's consents (Trainee.consents, rows of Trainee Consent), on the frappe side.

The rules are in core/privacy/consent.py. Here: the Trainee's rows checked and given their
status, the legacy fields (consent_given, consent_date) derived from the consent to
Intake Information, each consent given, withdrawn or removed written in the access
log, and the exports' question, "who consented to this purpose on this day?", asked
in bulk (`in_force_sql` for a query's WHERE, `consented_trainees` for a list).
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from insertion_erp.core.privacy import consent as rules
from insertion_erp.privacy.access_log import log, request_path

TABLE = "consents"
ROW_DOCTYPE = "Trainee Consent"


def to_rule(row) -> rules.Consent:
	return rules.Consent(
		purpose=row.purpose,
		given_on=getdate(row.given_on),
		means=row.means,
		withdrawn_on=getdate(row.withdrawn_on) if row.withdrawn_on else None,
		key=row.name,
		row=row.idx or 0,
	)


def validate(doc) -> None:
	"""Check the Trainee's consents, set their status and the legacy fields."""
	add_legacy_intake(doc)
	consents = [to_rule(row) for row in doc.get(TABLE)]
	before = saved_consents(doc)
	try:
		rules.check(consents, before, getdate(today()))
	except rules.ConsentError as error:
		frappe.throw(message(error), title=_("Invalid Consent"))
	for row in doc.get(TABLE):
		row.status = rules.WITHDRAWN if row.withdrawn_on else rules.GIVEN
	intake = rules.intake_consent(consents, getdate(today()))
	doc.consent_given = 1 if intake else 0
	doc.consent_date = intake.given_on if intake else None
	doc.flags.consent_changes = rules.changes(consents, before)


def add_legacy_intake(doc) -> None:
	"""Callers written before the table (older scripts, imports) set `consent_given` and
	`consent_date`: with no Intake Information row yet, they become one, signed form."""
	if not doc.consent_given or any(row.purpose == rules.INTAKE for row in doc.get(TABLE)):
		return
	if not doc.consent_date:
		frappe.throw(_("Enter the date the person gave their consent."), title=_("Consent Date Missing"))
	if getdate(doc.consent_date) > getdate(today()):
		frappe.throw(_("The consent date cannot be in the future."), title=_("Invalid Consent Date"))
	doc.append(TABLE, {"purpose": rules.INTAKE, "given_on": doc.consent_date, "means": rules.SIGNED_FORM})


def saved_consents(doc) -> dict[str, rules.Consent]:
	before = None if doc.is_new() else doc.get_doc_before_save()
	return {row.name: to_rule(row) for row in before.get(TABLE)} if before else {}


def log_changes(doc) -> None:
	"""After the save: one "Consent" entry per consent given, withdrawn or removed."""
	path = request_path()
	for consent, change in doc.flags.pop("consent_changes", None) or []:
		log(doc.doctype, doc.name, "Consent", f"{path} ({consent.purpose}: {change})", doc.name)


def message(error: rules.ConsentError) -> str:
	consent = error.consent
	where = _("Consents, row {0} ({1})").format(consent.row, _(consent.purpose))
	label = frappe.bold(_(frappe.get_meta(ROW_DOCTYPE).get_label(error.field))) if error.field else ""
	if isinstance(error, rules.InFuture):
		return _("{0}: {1} cannot be in the future.").format(where, label)
	if isinstance(error, rules.WithdrawnBeforeGiven):
		return _("{0}: {1} cannot be before {2}.").format(
			where, label, frappe.bold(_(frappe.get_meta(ROW_DOCTYPE).get_label("given_on")))
		)
	if isinstance(error, rules.Overlaps):
		return _(
			"{0}: {1} cannot be {2}: the consent of row {3} is in force that day. A new consent to the same purpose is recorded once the earlier one is withdrawn, from the day of its withdrawal."
		).format(where, label, frappe.format(consent.given_on, "Date"), error.other.row)
	withdrawn_on = frappe.format((error.other or consent).withdrawn_on, "Date")
	if isinstance(error, rules.Unwithdrawn):
		return _(
			"{0}: {1} cannot be cleared: the consent was withdrawn on {2} and a withdrawal cannot be undone. Record a new consent in a new row."
		).format(where, label, withdrawn_on)
	if isinstance(error, rules.ChangedAfterWithdrawal):
		return _("{0}: {1} cannot change: the consent was withdrawn on {2}.").format(
			where, label, withdrawn_on
		)
	return _("{0}: the consent was withdrawn on {1}; the row stays, as the record of the withdrawal.").format(
		where, withdrawn_on
	)


def in_force_sql(trainee_column: str) -> str:
	"""A WHERE condition: the trainee in `trainee_column` has a consent in force to
	%(consent_purpose)s on %(consent_on)s (the SQL of core.consent.consented)."""
	return f"""exists (select 1 from `tabTrainee Consent` c
		where c.parenttype = 'Trainee' and c.parentfield = 'consents' and c.parent = {trainee_column}
			and c.purpose = %(consent_purpose)s and c.given_on <= %(consent_on)s
			and (c.withdrawn_on is null or c.withdrawn_on > %(consent_on)s))"""


def consented_trainees(trainees: list[str], purpose: str, on=None) -> set[str]:
	"""Those of `trainees` with a consent to `purpose` in force on `on` (today by default)."""
	trainees = [t for t in set(trainees) if t]
	if not trainees:
		return set()
	return set(
		frappe.db.sql_list(
			f"select t.name from `tabTrainee` t where t.name in %(trainees)s and {in_force_sql('t.name')}",
			{"trainees": trainees, "consent_purpose": purpose, "consent_on": getdate(on or today())},
		)
	)
