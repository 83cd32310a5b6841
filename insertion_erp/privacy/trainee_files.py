"""Files attached to a trainee's records: private, and each download logged.

Frappe serves a public file (/files/…) to anyone with its link, with no check and no trace; a
private one (/private/files/…) to whoever may read the record it is attached to. A file attached
to a trainee's record is therefore refused unless private, and every download of it leaves an
entry in the Confidential Access Log (path "File Download"), as the record's opening does.
"""

from urllib.parse import unquote

import frappe
from frappe import _

from insertion_erp.privacy.access_log import TRACED, log, trainees_of

PRIVATE_FILES = "/private/files/"


def refuse_public(doc, method=None) -> None:
	"""File's validate (overrides/file.py): a file attached to a trainee's record stays private."""
	if doc.attached_to_doctype in TRACED and not doc.is_private and not doc.is_folder:
		frappe.throw(
			_("A file attached to a {0} is confidential: attach it as private.").format(
				_(doc.attached_to_doctype)
			),
			title=_("Private File Required"),
		)


def log_download(response=None, request=None) -> None:
	"""after_request: a private file attached to a trainee's record, sent to its reader, is logged."""
	if request is None or response is None or response.status_code != 200:
		return
	if not request.path.startswith(PRIVATE_FILES) or frappe.session.user == "Guest":
		return
	attached = frappe.get_all(
		"File",
		filters={"file_url": unquote(request.path), "attached_to_doctype": ("in", TRACED)},
		fields=["attached_to_doctype", "attached_to_name"],
		distinct=True,
	)
	for row in attached:
		if not frappe.db.exists(row.attached_to_doctype, row.attached_to_name):
			continue
		doc = frappe.get_doc(row.attached_to_doctype, row.attached_to_name)
		for trainee in trainees_of(doc) or [None]:
			log(doc.doctype, doc.name, "Open", "File Download", trainee)
	if attached:
		frappe.db.commit()  # nosemgrep: after the request's own commit, the trace of the download
