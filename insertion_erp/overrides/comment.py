"""Comment (Frappe): no public comment on a record that holds confidential notes. A comment
is shown to everyone who reads the record, unlogged and unencrypted; what a counsellor has
to write about a support intervention belongs in its confidential notes."""

import frappe
from frappe import _

CONFIDENTIAL_DOCTYPES = ("Support Intervention",)


def refuse_on_confidential_records(doc, method=None) -> None:
	"""before_insert: a typed comment (not the system's own timeline entries) is refused."""
	if doc.comment_type == "Comment" and doc.reference_doctype in CONFIDENTIAL_DOCTYPES:
		frappe.throw(
			_("No comment on a {0}: write in its confidential notes, which only counsellors read.").format(
				_(doc.reference_doctype)
			),
			title=_("Comments Closed"),
		)
