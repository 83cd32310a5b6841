"""Arguments of the app's whitelisted methods: a missing one is a message, not an HTTP 500.

Frappe calls a whitelisted function with what the caller sent; a required
parameter left out raises a bare TypeError (HTTP 500). The app's methods take
`None` by default and call `require` first, which names what is missing.
"""

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.core.periods import Period


def require(**arguments) -> None:
	missing = [name for name, value in arguments.items() if value is None or value == ""]
	if missing:
		frappe.throw(
			_("Missing argument: {0}").format(", ".join(frappe.bold(name) for name in missing)),
			frappe.MandatoryError,
			title=_("Missing Argument"),
		)


def period(from_date, to_date) -> Period:
	"""The period a caller sent: both dates valid and in order, else a message naming the field."""
	require(from_date=from_date, to_date=to_date)
	days = {field: a_date(value, field) for field, value in (("from_date", from_date), ("to_date", to_date))}
	if days["to_date"] < days["from_date"]:
		frappe.throw(_("The period ends before it starts."), title=_("Invalid Date"))
	return Period(days["from_date"], days["to_date"])


def a_date(value, field: str):
	"""The date a caller sent in `field`, else a message naming the field."""
	try:
		return getdate(value)
	except Exception:
		frappe.throw(
			_("{0} is not a date: {1}").format(frappe.bold(field), frappe.as_unicode(value)),
			title=_("Invalid Date"),
		)


def check_company(company: str) -> None:
	"""A user limited to some companies (User Permissions) reads only theirs."""
	allowed = frappe.permissions.get_user_permissions(frappe.session.user).get("Company")
	if allowed and company not in {row.get("doc") for row in allowed}:
		frappe.throw(
			_("You may not read the records of company {0}.").format(frappe.bold(company)),
			frappe.PermissionError,
		)
