"""Who may open which support intervention and its notes: the row-level rule the forms,
lists and reports share (hooks.py registers it), and the notes' narrower one."""

import frappe
from frappe import _

from insertion_erp.constants import COUNSELLOR, MANAGER

# Roles that see every intervention's hours and dates (never its notes). Bookkeepers (HR User,
# Accounts User) read none: who meets a counsellor is itself confidential.
ALL_ROWS_ROLES = {MANAGER, "System Manager"}


def _counsellor_only(user: str) -> bool:
	roles = set(frappe.get_roles(user))
	return COUNSELLOR in roles and not roles & ALL_ROWS_ROLES and user != "Administrator"


def permission_query_conditions(user: str | None = None) -> str:
	"""A counsellor sees the interventions they ran or of the trainees they counsel."""
	user = user or frappe.session.user
	if not _counsellor_only(user):
		return ""
	u = frappe.db.escape(user)
	return f"""(`tabSupport Intervention`.counsellor = {u}
		or `tabSupport Intervention`.trainee in (select name from `tabTrainee` where counsellor = {u})
		or exists (
			select 1 from `tabSupport Intervention Participant` p
			join `tabTrainee` t on t.name = p.trainee
			where p.parent = `tabSupport Intervention`.name and t.counsellor = {u}
		))"""


def has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	if _counsellor_only(user) and not doc.is_new() and not doc.is_assigned_to(user):
		return False
	return None


def can_access_notes(doc, user: str | None = None) -> bool:
	user = user or frappe.session.user
	if user == "Administrator":
		return True
	roles = set(frappe.get_roles(user))
	if MANAGER in roles:
		return True
	return COUNSELLOR in roles and doc.is_assigned_to(user)


# No public comment on a record that holds confidential notes: a comment is shown to everyone
# who reads the record, unlogged and unencrypted; what a counsellor has to write about a support
# intervention belongs in its confidential notes.
CONFIDENTIAL_DOCTYPES = ("Support Intervention",)


def refuse_on_confidential_records(doc, method=None) -> None:
	"""Comment, before_insert: a typed comment (not the system's own timeline entries) is refused."""
	if doc.comment_type == "Comment" and doc.reference_doctype in CONFIDENTIAL_DOCTYPES:
		frappe.throw(
			_("No comment on a {0}: write in its confidential notes, which only counsellors read.").format(
				_(doc.reference_doctype)
			),
			title=_("Comments Closed"),
		)
