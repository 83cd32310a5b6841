"""Benchmark: what the app adds to a sale at the till (POS Invoice insert and submit).

Run by scripts/benchmark-pos on two sites of one bench, one without the app and one
with it, in turns, so both are measured in the same run: this module runs as a
script (`python -m insertion_erp.devtools.benchmarks.pos SITE ...`) because
`bench execute` refuses a site where the app is not installed. It only uses
ERPNext's doctypes, but on a site with the app it also times sales naming the
trainee who served (the one check the app adds).

Prints one JSON object: per sale, the wall time and this process's CPU time (medians of the
rounds; the CPU time leaves out the database server and the other processes of a shared
machine), the queries, and the Python function calls (counted under cProfile in a pass of
their own: the same on a busy machine as on an idle one, where the times vary by 10 %).
"""

import cProfile
import json
import pstats
import statistics
import sys
import time

import frappe

from insertion_erp.devtools.sample_payroll import ensure_company
from insertion_erp.devtools.sample_shop import ensure_shop, open_session, pos_sale
from insertion_erp.install.company import complete_setup_wizard
from insertion_erp.ledger import ensure_account

COMPANY = "Banc d'essai Boutique"
WARM_UP = 20


def sales_served_by(shop, count: int, served_by: str | None) -> tuple[float, float, float]:
	"""`count` sales inserted and submitted: wall seconds, this process's CPU seconds and
	queries, per sale."""
	values = {"insertion_served_by": served_by} if served_by else {}
	before = questions()
	began, cpu = time.perf_counter(), time.process_time()
	for _i in range(count):
		invoice = pos_sale(shop, [("CAFE-FILTRE", 1), ("MUFFIN", 1)], **values)
		invoice.insert(ignore_permissions=True)
		invoice.submit()
	seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
	return seconds / count, cpu / count, (questions() - before - 1) / count


def python_calls_per_sale(shop, count: int, served_by: str | None) -> float:
	"""Python function calls per sale, counted by cProfile in a pass of its own: the work the
	interpreter does, which does not depend on what else the machine runs (the times do)."""
	profile = cProfile.Profile()
	profile.enable()
	sales_served_by(shop, count, served_by)
	profile.disable()
	frappe.db.rollback()
	return sum(calls for _cc, calls, _tt, _ct, _callers in pstats.Stats(profile).stats.values()) / count


def questions() -> int:
	return int(frappe.db.sql("show session status like 'Questions'")[0][1])


def taxes_as_a_quebec_till(shop) -> None:
	"""On the site without the app, the till charges the GST and the QST as plain ERPNext would
	be set up in Quebec (a template of two rows on the profile), so both sites sell the same taxed
	sale: the app's own setup does it on the other site (quebec_sales_taxes/install.py)."""
	if "insertion_erp" in frappe.get_installed_apps():
		return
	profile = frappe.get_doc("POS Profile", shop.profile)
	if profile.taxes_and_charges:
		return
	company = shop.company
	cost_center = frappe.get_cached_value("Company", company, "cost_center")
	rows = [
		{
			"charge_type": "On Net Total",
			"account_head": ensure_account(company, name, "Liability", "Tax"),
			"description": name,
			"rate": rate,
			"cost_center": cost_center,
		}
		for name, rate in (("TPS à payer", 5), ("TVQ à payer", 9.975))
	]
	template = frappe.get_doc(
		{
			"doctype": "Sales Taxes and Charges Template",
			"title": "TPS et TVQ",
			"company": company,
			"taxes": rows,
		}
	).insert(ignore_permissions=True)
	profile.taxes_and_charges = template.name
	profile.save(ignore_permissions=True)


def a_trainee() -> str | None:
	"""An active trainee's Employee on a site with the app (None without it)."""
	if "insertion_erp" not in frappe.get_installed_apps():
		return None
	employee = frappe.db.get_value("Employee", {"company": COMPANY, "insertion_trainee": ("is", "set")})
	if employee:
		return employee
	trainee = frappe.get_doc(
		{
			"doctype": "Trainee",
			"first_name": "Banc",
			"last_name": "Caisse",
			"date_of_birth": "1999-01-01",
			"gender": "Female",
		}
	).insert(ignore_permissions=True)
	return (
		frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": "Banc",
				"last_name": "Caisse",
				"gender": "Female",
				"date_of_birth": "1999-01-01",
				"date_of_joining": "2025-01-01",
				"company": COMPANY,
				"insertion_trainee": trainee.name,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def run(site: str, rounds: int, sales: int) -> dict:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		frappe.flags.mute_emails = True
		complete_setup_wizard(COMPANY, "BEB")
		shop = ensure_shop(ensure_company(COMPANY, "BEB"))
		taxes_as_a_quebec_till(shop)
		open_session(shop)
		trainee = a_trainee()
		frappe.db.commit()  # nosemgrep: the till's records are reused by the next round
		sales_served_by(shop, WARM_UP, None)
		frappe.db.rollback()
		result = {"site": site, "sales_per_round": sales, "rounds": rounds}
		kinds = {"no_one_named": None, **({"trainee_named": trainee} if trainee else {})}
		measured = {kind: ([], [], []) for kind in kinds}
		# The kinds take turns round by round, so neither gets the process's warmer half.
		for _round in range(rounds):
			for kind, served_by in kinds.items():
				for values, value in zip(
					measured[kind], sales_served_by(shop, sales, served_by), strict=True
				):
					values.append(value)
				frappe.db.rollback()
		for kind, (times, cpu, queries) in measured.items():
			result[kind] = {
				"seconds_per_sale": round(statistics.median(times), 5),
				"cpu_seconds_per_sale": round(statistics.median(cpu), 5),
				"queries_per_sale": round(statistics.median(queries), 2),
				"python_calls_per_sale": round(python_calls_per_sale(shop, sales, kinds[kind])),
			}
		return result
	finally:
		frappe.destroy()


if __name__ == "__main__":
	site, rounds, sales = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
	print(json.dumps(run(site, rounds, sales)))
