"""A trace of every look at a trainee's records: who, what, when, from which path.

Entries go to the Confidential Access Log, which Insertion Managers review and
nobody but System Manager may delete (a deletion is logged too). `log` writes
one; `TracedDocument` (privacy/traced_document.py) writes one each time
frappe hands a trainee's record to a user: the form, the REST API (v1 and v2),
frappe.client.get, and the answer to a save.
"""

import frappe
from frappe.utils import now_datetime

LOG = "Confidential Access Log"
# The records about a trainee whose every opening is logged.
TRACED = ("Trainee", "Parcours", "Training Plan", "Training Evaluation", "Support Intervention")
ACTIONS = ("Read", "Refused", "Write", "Open", "Access Request", "Anonymise", "Consent", "Delete Log")

# Request paths (or the method a desk call ran) and their name in the log.
PATHS = (
	("frappe.desk.form.load.getdoc", "Form"),
	("frappe.desk.form.save.savedocs", "Form (save)"),
	("frappe.client.get", "frappe.client.get"),
	("/api/v2/document/", "REST v2"),
	("/api/resource/", "REST"),
)


def log(
	reference_doctype: str,
	reference_name: str,
	action: str,
	path: str | None = None,
	trainee: str | None = None,
	user: str | None = None,
) -> None:
	"""One entry, written with the app's rights (no role may create one)."""
	entry = frappe.get_doc(
		{
			"doctype": LOG,
			"user": user or frappe.session.user,
			"accessed_on": now_datetime(),
			"action": action,
			"path": path or request_path(),
			"trainee": trainee,
			"reference_doctype": reference_doctype,
			"reference_name": reference_name,
		}
	)
	entry.flags.ignore_links = True  # a deleted record's entries stay
	if frappe.flags.read_only:  # a read-only request (replica): written after it, as frappe's Access Log
		entry.deferred_insert()
		return
	entry.insert(ignore_permissions=True)
	request = getattr(frappe.local, "request", None)
	if request is not None and request.method == "GET":
		frappe.local.flags.commit = True  # frappe commits only POST, PUT and DELETE on its own


def request_path() -> str:
	"""Where the current call came from, as the log names it."""
	request = getattr(frappe.local, "request", None)
	url = request.path if request else ""
	cmd = (frappe.local.form_dict or {}).get("cmd") or ""
	for marker, name in PATHS:
		if marker in url or marker == cmd:
			return name
	if url.startswith("/api/method/"):
		return url.removeprefix("/api/method/")
	return url or "Server"


def trainees_of(doc) -> list[str]:
	"""The trainees a record is about."""
	if doc.doctype == "Trainee":
		return [doc.name]
	if doc.doctype == "Support Intervention":
		return [t for t in doc.trainees() if t]
	return [doc.trainee] if doc.get("trainee") else []
