"""Arguments of the app's whitelisted methods: a missing one is a message, not an HTTP 500.

Frappe calls a whitelisted function with what the caller sent; a required
parameter left out raises a bare TypeError (HTTP 500). The app's methods take
`None` by default and call `require` first, which names what is missing.
"""

import frappe
from frappe import _


def require(**arguments) -> None:
	missing = [name for name, value in arguments.items() if value is None or value == ""]
	if missing:
		frappe.throw(
			_("Missing argument: {0}").format(", ".join(frappe.bold(name) for name in missing)),
			frappe.MandatoryError,
			title=_("Missing Argument"),
		)
