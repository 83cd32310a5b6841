"""The upgrade from the first release (scripts/upgrade-check): what a site of that release holds
that must come through every patch unchanged, read with this code on the site as the first
release left it (`snapshot`, before `bench migrate`: the reading needs nothing the first
release lacks) and again after the migration (`compare`).

- each reimbursement claim's status and totals, to the cent;
- each sales invoice's status, grand total and outstanding amount, to the cent;
- each support intervention's note, word for word (in clear before, sealed after: read back
  with the site's key).
"""

import json

import frappe

from insertion_erp.privacy.sealed_notes import unseal

CLAIMS = "select name, docstatus, total_eligible, total_reimbursed from `tabReimbursement Claim`"
INVOICES = "select name, docstatus, grand_total, outstanding_amount from `tabSales Invoice`"
NOTES = "select name, notes from `tabSupport Intervention`"


def to_the_cent(rows) -> list:
	"""(name, docstatus, amounts...) rows, amounts rounded to the cent, in name order."""
	return sorted([row[0], row[1], *(round(float(value or 0), 2) for value in row[2:])] for row in rows)


def read() -> dict[str, list]:
	return {
		"claims": to_the_cent(frappe.db.sql(CLAIMS)),
		"invoices": to_the_cent(frappe.db.sql(INVOICES)),
		"notes": sorted([name, unseal(stored, name)] for name, stored in frappe.db.sql(NOTES)),
	}


def snapshot(path: str) -> None:
	"""The site's claims, invoices and notes, written to `path` (JSON)."""
	found = read()
	if not all(found.values()):
		raise AssertionError(f"the first release's demo left nothing to compare: {found}")
	with open(path, "w", encoding="utf-8") as file:
		json.dump(found, file, ensure_ascii=False)


def compare(before: str) -> None:
	"""The site's claims, invoices and notes now against the snapshot at `before`; raises,
	naming each kind that changed."""
	with open(before, encoding="utf-8") as file:
		was = json.load(file)
	now = read()
	changed = [f"{kind}: before {was[kind]}, after {now[kind]}" for kind in now if was[kind] != now[kind]]
	if changed:
		raise AssertionError("\n".join(changed))
	print(
		f"upgrade check passed: {len(now['claims'])} claims, {len(now['invoices'])} invoices and "
		f"{len(now['notes'])} notes unchanged to the cent after the migration"
	)
