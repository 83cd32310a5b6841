"""The upgrade from the first release (scripts/upgrade-check): what a site of that release holds
that must come through every patch unchanged, read with this code on the site as the first
release left it (`snapshot`, before `bench migrate`: the reading needs nothing the first
release lacks) and again after the migration (`compare`).

- each reimbursement claim's status and totals, to the cent;
- each sales invoice's status, grand total and outstanding amount, to the cent;
- each support intervention's note, word for word (in clear before, sealed after: read back
  with the site's key);
- after the migration, every submitted slip of a Quebec payroll carries its employer table
  (quebec_payroll/employer_rows.py), and a draft claim the first release filled, filled again
  by this code (which reads those tables and computes no contribution), gives the same lines
  and totals to the cent, but where the employer EI's rule (1.4 x the employee's rounded
  premium, the CRA's) parts from the first release's formula (1.82 % of the pay): each such
  line must differ by exactly that, and is named.
"""

import json
from decimal import Decimal

import frappe

from insertion_erp.core.money import round_money, to_decimal
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
	"""The site's claims, invoices and notes now against the snapshot at `before`, the slips'
	employer tables and the draft claims filled again; raises, naming each that changed."""
	with open(before, encoding="utf-8") as file:
		was = json.load(file)
	now = read()
	changed = [f"{kind}: before {was[kind]}, after {now[kind]}" for kind in now if was[kind] != now[kind]]
	with_table, without_table = (int(count) for count in slips_tables())
	if without_table or not with_table:
		changed.append(f"slips with an employer table: {with_table}, without: {without_table}")
	drafts, refilled, explained = refill_drafts()
	changed += refilled
	if changed:
		raise AssertionError("\n".join(changed))
	print(
		f"upgrade check passed: {len(now['claims'])} claims, {len(now['invoices'])} invoices and "
		f"{len(now['notes'])} notes unchanged to the cent after the migration; {with_table} slips "
		f"carry their employer table; {drafts} draft claims filled again give the same lines"
		+ (" but for the employer EI's rule:\n  " + "\n  ".join(explained) if explained else "")
	)


def slips_tables() -> tuple[int, int]:
	"""Submitted slips with pay of the Quebec payroll's companies: with and without a table."""
	return frappe.db.sql(
		"""select coalesce(sum(has_table), 0), coalesce(sum(1 - has_table), 0) from (
			select exists(select 1 from `tabEmployer Contribution` ec
				where ec.parenttype = 'Salary Slip' and ec.parent = ss.name) as has_table
			from `tabSalary Slip` ss join `tabCompany` c on c.name = ss.company
			where ss.docstatus = 1 and ss.gross_pay > 0 and c.insertion_quebec_payroll = 1) t"""
	)[0]


def claim_figures(claim) -> dict:
	"""Each line's (contributions, reimbursed) by slip or voucher, and the claim's total."""
	lines = {
		line.salary_slip or line.voucher_no: (cents(line.contributions), cents(line.reimbursed))
		for line in claim.lines
	}
	return {"lines": lines, "total": cents(claim.total_reimbursed)}


def cents(value) -> Decimal:
	return round_money(to_decimal(value))


def ei_rule_difference(slip: str) -> Decimal:
	"""What the slip's employer EI (1.4 x the employee's rounded premium, the engine's and the
	CRA's rule) differs by from the first release's formula (1.82 % of the pay, rounded)."""
	gross, ei, year = frappe.db.sql(
		"""select ss.gross_pay, coalesce((select sum(ec.amount) from `tabEmployer Contribution` ec
			where ec.parent = ss.name and ec.contribution = 'EI'), 0), year(ss.end_date)
		from `tabSalary Slip` ss where ss.name = %s""",
		slip,
	)[0]
	employee_rate, factor = frappe.db.get_value(
		"Quebec Payroll Rates", str(year), ["ei_employee_rate", "ei_employer_factor"]
	)
	old = to_decimal(gross) * to_decimal(employee_rate) * to_decimal(factor) / 100
	return cents(ei) - round_money(old)


def refill_drafts() -> tuple[int, list[str], list[str]]:
	"""Each draft claim's lines as the first release filled them, and filled again now. A line
	may differ only by the employer EI's rule (`ei_rule_difference`), and its reimbursement by
	at most as much: those are listed as explained, anything else as changed."""
	changed, explained = [], []
	drafts = frappe.get_all("Reimbursement Claim", filters={"docstatus": 0}, pluck="name")
	for name in drafts:
		claim = frappe.get_doc("Reimbursement Claim", name)
		then = claim_figures(claim)
		claim.fill_lines()
		claim.set_totals()
		now = claim_figures(claim)
		if set(now["lines"]) != set(then["lines"]):
			changed.append(f"draft claim {name}: lines {sorted(then['lines'])}, now {sorted(now['lines'])}")
			continue
		moved = Decimal(0)
		for key, (contributions, reimbursed) in now["lines"].items():
			was_contributions, was_reimbursed = then["lines"][key]
			if (contributions, reimbursed) == (was_contributions, was_reimbursed):
				continue
			rule = ei_rule_difference(key) if frappe.db.exists("Salary Slip", key) else None
			delta = contributions - was_contributions
			if rule is None or delta != rule or abs(reimbursed - was_reimbursed) > abs(delta):
				changed.append(
					f"draft claim {name}, {key}: {(was_contributions, was_reimbursed)} now {(contributions, reimbursed)}"
				)
				continue
			moved += reimbursed - was_reimbursed
			explained.append(
				f"{name}, {key}: contributions {was_contributions} -> {contributions} (employer EI "
				f"1.4 x the employee's premium: {rule:+})"
			)
		if now["total"] - then["total"] != moved:
			changed.append(f"draft claim {name}: total {then['total']} now {now['total']}")
	frappe.db.rollback()
	return len(drafts), changed, explained
