"""A page of the desk refused in plain French, not as "le document Page".

The desk takes a route it does not know for the user (`/app/trainee/TRN-00001` opened by a
cashier, who may read no trainee) as the name of a Page and asks frappe for it; frappe finds
no such Page and, since the user may not read Pages, turns "not found" into its permission
error on the doctype Page ("L'utilisateur ... n'a pas d'accès au type de document via
l'autorisation de rôle pour le document Page", frappe.permissions.handle_does_not_exist_error).
A page that exists but needs a role the user lacks (the Shop Floor for a counsellor) is refused
with a general sentence. hooks.py routes frappe's `getpage` here: the refusal says what was
refused (a trainee's confidential file, a kind of record, a page) and that the role does not
give access to it; a route that names nothing stays "not found".
"""

import frappe
from frappe import _
from frappe.desk.desk_page import getpage as frappe_getpage

from insertion_erp.permissions import TRAINEE_DOCTYPES


@frappe.whitelist(allow_guest=True)
def getpage(name: str | None = None):
	if isinstance(name, str) and name and frappe.session.user != "Guest":
		refuse_unreadable(name)
	return frappe_getpage(name)


def refuse_unreadable(name: str) -> None:
	"""Raises the French refusal when the route `name` is a page the user may not open or the
	list of records the user may not read."""
	if frappe.db.exists("Page", name):
		page = frappe.get_doc("Page", name)
		if not page.is_permitted():
			refuse(_("Your role does not give access to the page {0}.").format(frappe.bold(_(page.title))))
		return
	doctype = frappe.db.get_value("DocType", {"name": frappe.unscrub(name), "istable": 0}, "name")
	if doctype and not frappe.has_permission(doctype, "read"):
		if doctype in TRAINEE_DOCTYPES:
			refuse(_("This file is confidential: your role does not give access to the trainees' files."))
		refuse(_("Your role does not give access to {0}.").format(frappe.bold(_(doctype))))
	if not doctype:
		# A route that names nothing: "not found" as such (frappe's own error would turn it into
		# a refusal on the doctype Page for a user who may not read Pages).
		frappe.throw(_("Page {0} not found").format(frappe.bold(name)), frappe.DoesNotExistError)


def refuse(message: str) -> None:
	frappe.response["403"] = 1  # the desk shows the refusal, not "page not found"
	frappe.throw(message, frappe.PermissionError, title=_("Not Permitted"))
