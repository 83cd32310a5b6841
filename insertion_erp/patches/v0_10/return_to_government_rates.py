"""One name for one thing: the yearly rates of the Return to Government report were the
"Public Return Rates" (and their "Public Return Bracket"); renamed with their records,
before the doctypes are synced from their new files."""

import frappe

RENAMED = (
	("Public Return Bracket", "Return to Government Bracket"),
	("Public Return Rates", "Return to Government Rates"),
)


def execute() -> None:
	for old, new in RENAMED:
		if frappe.db.exists("DocType", old) and not frappe.db.exists("DocType", new):
			frappe.rename_doc("DocType", old, new, force=True)
