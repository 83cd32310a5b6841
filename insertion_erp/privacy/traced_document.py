"""The base of the records about a trainee: each time frappe hands one to a user, the
opening is logged (see privacy/access_log.py).

Frappe calls `apply_fieldlevel_read_permissions` on a document right before it
sends it to a user, and only then: the form (getdoc), the REST API (v1 and v2),
frappe.client.get, and the answer to a save; and `before_print` before it
renders a print (the print view, its PDF, the desk's print preview). What the user could read after it
is what they saw; when the confidential notes are among it (Administrator, who
holds every permission level), the reading of the notes is logged as such.
"""

import frappe

from insertion_erp.controllers.insertion_document import InsertionDocument
from insertion_erp.privacy.access_log import log, request_path, trainees_of


class TracedDocument(InsertionDocument):
	def apply_fieldlevel_read_permissions(self) -> None:
		super().apply_fieldlevel_read_permissions()
		if self.is_new() or frappe.flags.in_install or frappe.flags.in_migrate:
			return
		path = request_path()
		for trainee in trainees_of(self) or [None]:
			log(self.doctype, self.name, "Open", path, trainee)
			if self.meta.has_field("notes") and self.get("notes"):
				log(self.doctype, self.name, "Read", f"{path} (notes)", trainee)

	def before_print(self, settings=None) -> None:
		"""Frappe renders every print (the print view, its PDF, a print preview) after checking
		the permission, and calls this first."""
		for trainee in trainees_of(self) or [None]:
			log(self.doctype, self.name, "Open", "Print", trainee)
