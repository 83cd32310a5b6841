"""Benchmark: the T4 and RL-1 of 1,000 employees for a year of weekly pays (52,000 slips).

    bench --site SCRATCH execute insertion_erp.devtools.benchmarks.year_end.run --kwargs "{'employees': 1000}"

It writes the employees and their 52 weekly slips of 2025, each with its six deduction rows
(QPP, QPP2, EI, QPIP, federal and Quebec tax), straight into the tables (bulk inserts, no
controllers); then times the report's rows (quebec_payroll/report/t4_and_rl_1) against the
floor: one aggregated SQL read of those slips and their deduction rows by employee and
component, the least the database must do to know the boxes. Median of 5 after a warm-up.
It prints one JSON object with both times and their ratio (the target: at most 2), and checks
the report's total of box 14 against the slips'. Everything is rolled back at the end.
"""

import json
import statistics
import time
from datetime import date, timedelta

import frappe

from insertion_erp.constants import DEDUCTION_COMPONENTS, EI, FEDERAL_TAX, QPIP, QPP, QPP2, QUEBEC_TAX
from insertion_erp.quebec_payroll import year_end
from insertion_erp.quebec_payroll.report.t4_and_rl_1 import t4_and_rl_1

COMPANY = "Banc Fin d'Année"
YEAR = 2025
TARGET = 2
# Per week: gross, then the deductions of a trainee at 30 h x $16.10.
GROSS = 483.00
DEDUCTIONS = {QPP: 27.90, QPP2: 0.0, EI: 6.33, QPIP: 2.39, FEDERAL_TAX: 21.15, QUEBEC_TAX: 28.40}


def timed(function, rounds: int = 5) -> float:
	function()
	times = []
	for _ in range(rounds):
		started = time.perf_counter()
		function()
		times.append(time.perf_counter() - started)
	return statistics.median(times)


def floor() -> list:
	return frappe.db.sql(
		"""select ss.employee, sd.salary_component, sum(sd.amount), sum(ss.gross_pay)
		from `tabSalary Slip` ss join `tabSalary Detail` sd on sd.parent = ss.name
		where ss.company = %(company)s and ss.docstatus = 1
			and ss.posting_date between %(start)s and %(end)s and sd.parentfield = 'deductions'
		group by ss.employee, sd.salary_component""",
		{"company": COMPANY, "start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"},
	)


def run(employees: int = 1000) -> dict:
	frappe.set_user("Administrator")
	try:
		write(employees)
		report_seconds = timed(lambda: t4_and_rl_1.rows(COMPANY, YEAR, year_end.year_totals(COMPANY, YEAR)))
		floor_seconds = timed(floor)
		rows = t4_and_rl_1.rows(COMPANY, YEAR, year_end.year_totals(COMPANY, YEAR))
		result = {
			"employees": len(rows),
			"slips": employees * 52,
			"report_seconds": round(report_seconds, 3),
			"floor_seconds": round(floor_seconds, 3),
			"ratio": round(report_seconds / floor_seconds, 2),
			"target": f"ratio <= {TARGET}",
			"box_14_total": round(sum(row["t4_14"] for row in rows), 2),
			"expected_box_14_total": round(GROSS * 52 * employees, 2),
		}
	finally:
		frappe.db.rollback()
	print(json.dumps(result))
	if result["box_14_total"] != result["expected_box_14_total"]:
		raise AssertionError("box 14 differs from the slips' gross pay")
	if result["ratio"] > TARGET:
		print("target missed")
	return result


def write(employees: int) -> None:
	"""The company's employees and their weekly slips of the year, in bulk."""
	if not frappe.db.exists("Company", COMPANY):
		frappe.db.bulk_insert(
			"Company",
			["name", "company_name", "abbr", "default_currency", "country"],
			[(COMPANY, COMPANY, "BFA", "CAD", "Canada")],
		)
	now = frappe.utils.now()
	names = [f"BFA-EMP-{n:05d}" for n in range(employees)]
	frappe.db.bulk_insert(
		"Employee",
		[
			"name",
			"first_name",
			"last_name",
			"employee_name",
			"company",
			"status",
			"date_of_birth",
			"creation",
			"modified",
		],
		[(e, "Banc", e, f"Banc {e}", COMPANY, "Active", "1990-01-01", now, now) for e in names],
	)
	slips, details = [], []
	monday = date(YEAR - 1, 12, 30)  # the 52 weeks paid (posting dates) in the year
	components = {kind: DEDUCTION_COMPONENTS[kind][0] for kind in DEDUCTIONS}
	for employee in names:
		for week in range(52):
			start = monday + timedelta(weeks=week)
			slip = f"BFA-SS-{employee}-{week:02d}"
			slips.append(
				(
					slip,
					employee,
					COMPANY,
					start,
					start + timedelta(days=6),
					start + timedelta(days=6),
					GROSS,
					1,
					"Weekly",
					now,
					now,
				)
			)
			for idx, (kind, amount) in enumerate(DEDUCTIONS.items(), start=1):
				details.append(
					(
						f"{slip}-{idx}",
						slip,
						"Salary Slip",
						"deductions",
						idx,
						components[kind],
						amount,
						now,
						now,
					)
				)
	frappe.db.bulk_insert(
		"Salary Slip",
		[
			"name",
			"employee",
			"company",
			"start_date",
			"end_date",
			"posting_date",
			"gross_pay",
			"docstatus",
			"payroll_frequency",
			"creation",
			"modified",
		],
		slips,
		chunk_size=5000,
	)
	frappe.db.bulk_insert(
		"Salary Detail",
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"salary_component",
			"amount",
			"creation",
			"modified",
		],
		details,
		chunk_size=10000,
	)
