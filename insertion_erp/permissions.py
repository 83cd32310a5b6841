"""Confidentiality that holds on paths frappe leaves open.

Doctype permissions (role by role, field level by field level) do most of the
work and live in each doctype's JSON; the row-level rule for support
interventions is in insertion_support/access.py. What remains is here."""

import frappe
from frappe import _
from frappe.desk.search import get_link_title as frappe_get_link_title

from insertion_erp.controllers.arguments import require


def check_role(roles: tuple[str, ...]) -> None:
	"""For methods that act with the app's rights: the caller holds one of `roles`.

	frappe.only_for would do, but it lets everything through while tests run."""
	if not set(roles) & set(frappe.get_roles()):
		frappe.throw(
			_("Only {0} may do this.").format(", ".join(_(role) for role in roles)), frappe.PermissionError
		)


def users_with_roles(roles: tuple[str, ...]) -> list[str]:
	"""Enabled desk users holding one of `roles` (Administrator and Guest aside): whom a daily
	job gives its ToDos."""
	return frappe.db.sql_list(
		"""select distinct u.name from `tabUser` u
		join `tabHas Role` r on r.parent = u.name and r.parenttype = 'User'
		where r.role in %(roles)s and u.enabled = 1 and u.user_type = 'System User'
			and u.name not in ('Administrator', 'Guest')
		order by u.name""",
		{"roles": roles},
	)


# Doctypes about trainees: shop staff must not learn anything from them.
TRAINEE_DOCTYPES = (
	"Trainee",
	"Parcours",
	"Parcours Follow-up",
	"Training Plan",
	"Training Evaluation",
	"Support Intervention",
)


@frappe.whitelist()
def get_link_title(doctype: str | None = None, docname: str | None = None) -> str:
	"""frappe's get_link_title answers anyone; for trainee doctypes, only those who may read the record get its title."""
	require(doctype=doctype, docname=docname)
	if doctype in TRAINEE_DOCTYPES and not frappe.has_permission(doctype, "read", docname):
		return docname
	return frappe_get_link_title(doctype, docname)
