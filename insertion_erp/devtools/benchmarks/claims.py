"""Benchmark: filling a claim on years of synthetic payroll.

Run it on a site of its own (it adds a company and tens of thousands of
records): a brand-new site with erpnext, hrms and insertion_erp is enough, the
benchmark completes the setup wizard and the fiscal years itself.

    bench --site SCRATCH execute insertion_erp.devtools.benchmarks.claims.run \\
        --kwargs "{'trainees': 1000, 'months': 36}"

The generator writes rows straight into the tables (as a payroll of several
years would have left them), then times "Get Payroll" for the last month and
measures its peak memory. It fails when a target is missed.
"""

import json
import time
import tracemalloc
from datetime import date

import frappe
from frappe.utils import add_months, get_last_day

from insertion_erp.company_setup import complete_setup_wizard, ensure_fiscal_year
from insertion_erp.core.claims import TRAINEE_WAGES
from insertion_erp.core.periods import add_weeks
from insertion_erp.devtools.sample_payroll import ensure_company

COMPANY = "Banc d'essai Insertion"
ABBR = "BEI"
TARGET_SECONDS = 5.0
TARGET_PEAK_MB = 100.0


def run(trainees: int = 1000, months: int = 36, first_month: str = "2024-01-01") -> dict:
	frappe.flags.mute_emails = True
	start = date.fromisoformat(first_month)
	prepare_site(start, months)
	contract = generate(trainees, months, start)
	last_month = add_months(start, months - 1)

	claim = frappe.get_doc(
		{
			"doctype": "Reimbursement Claim",
			"contract": contract,
			"from_date": last_month,
			"to_date": get_last_day(last_month),
		}
	)
	tracemalloc.start()
	began = time.perf_counter()
	queries_before = frappe.db.sql("show session status like 'Questions'")[0][1]
	claim.fill_lines()
	claim.set_totals()
	seconds = time.perf_counter() - began
	queries = int(frappe.db.sql("show session status like 'Questions'")[0][1]) - int(queries_before)
	_current, peak = tracemalloc.get_traced_memory()
	tracemalloc.stop()
	frappe.db.rollback()

	result = {
		"trainees": trainees,
		"months_of_payroll": months,
		"slips_in_database": frappe.db.count("Salary Slip", {"company": COMPANY}),
		"lines": len(claim.lines),
		"seconds": round(seconds, 2),
		"peak_mb": round(peak / 1024 / 1024, 1),
		"queries": queries,
		"targets": {"seconds": TARGET_SECONDS, "peak_mb": TARGET_PEAK_MB},
	}
	print(json.dumps(result, indent=1))
	if seconds > TARGET_SECONDS or result["peak_mb"] > TARGET_PEAK_MB:
		raise AssertionError(f"benchmark target missed: {result}")
	return result


def prepare_site(start: date, months: int) -> None:
	"""What a brand-new site lacks: the setup wizard's records and the fiscal years of the payroll."""
	complete_setup_wizard(COMPANY, ABBR)
	for year in range(start.year, add_months(start, months).year + 1):
		ensure_fiscal_year(year)
	frappe.db.commit()  # nosemgrep: the generator commits in batches after this


def generate(trainees: int, months: int, start: date) -> str:
	"""A company, `trainees` trainees on back-to-back parcours, `months` months of slips each; once."""
	contract = frappe.db.get_value("Insertion Contract", {"company": COMPANY, "docstatus": 1})
	if contract:
		return contract
	ensure_company(COMPANY, ABBR)
	if not frappe.db.exists("Trade", "Banc d'essai"):
		frappe.get_doc({"doctype": "Trade", "trade_name": "Banc d'essai"}).insert(ignore_permissions=True)

	now = frappe.utils.now()
	common = {"owner": "Administrator", "modified_by": "Administrator", "creation": now, "modified": now}
	employees, people, parcours, steps, slips = [], [], [], [], []
	weeks = months * 31 // 7 + 1
	for i in range(trainees):
		trainee, employee, prc = f"BEI-TRN-{i:05d}", f"BEI-EMP-{i:05d}", f"BEI-PRC-{i:05d}"
		people.append(
			(trainee, "Personne", f"{i:05d}", f"Personne {i:05d}", "1995-01-01", "Female", employee, 1)
		)
		employees.append(
			(
				employee,
				"Personne",
				f"Personne {i:05d}",
				COMPANY,
				"Active",
				"Female",
				"1995-01-01",
				start,
				trainee,
			)
		)
		parcours.append(
			(
				prc,
				trainee,
				f"Personne {i:05d}",
				COMPANY,
				"Banc d'essai",
				"Active",
				start,
				weeks,
				add_weeks(start, weeks),
				"CLSC",
				"Social Assistance",
				start,
				employee,
			)
		)
		steps.append((f"{prc}-1", prc, "Parcours", "hours_schedule", 1, 1, 0, 35))
		for m in range(months):
			month_start = add_months(start, m)
			slips.append(
				(
					f"BEI-SLIP-{i:05d}-{m:03d}",
					employee,
					f"Personne {i:05d}",
					COMPANY,
					month_start,
					get_last_day(month_start),
					get_last_day(month_start),
					2400,
					30,
					30,
					140,
					1,
					"Monthly",
					1,
					"CAD",
					1,
					trainee,
				)
			)

	def insert(doctype: str, fields: list[str], rows: list[tuple]) -> None:
		frappe.db.bulk_insert(doctype, [*fields, *common], [(*row, *common.values()) for row in rows])

	insert(
		"Trainee",
		[
			"name",
			"first_name",
			"last_name",
			"trainee_name",
			"date_of_birth",
			"gender",
			"employee",
			"consent_given",
		],
		people,
	)
	insert(
		"Employee",
		[
			"name",
			"first_name",
			"employee_name",
			"company",
			"status",
			"gender",
			"date_of_birth",
			"date_of_joining",
			"insertion_trainee",
		],
		employees,
	)
	insert(
		"Parcours",
		[
			"name",
			"trainee",
			"trainee_name",
			"company",
			"trade",
			"status",
			"start_date",
			"planned_weeks",
			"planned_end_date",
			"referral_source",
			"income_source",
			"approval_date",
			"employee",
		],
		parcours,
	)
	insert(
		"Parcours Hours Step",
		["name", "parent", "parenttype", "parentfield", "idx", "from_week", "to_week", "hours_per_week"],
		steps,
	)
	insert(
		"Salary Slip",
		[
			"name",
			"employee",
			"employee_name",
			"company",
			"start_date",
			"end_date",
			"posting_date",
			"gross_pay",
			"payment_days",
			"total_working_days",
			"total_working_hours",
			"salary_slip_based_on_timesheet",
			"payroll_frequency",
			"docstatus",
			"currency",
			"exchange_rate",
			"insertion_trainee",
		],
		slips,
	)

	doc = frappe.get_doc(
		{
			"doctype": "Insertion Contract",
			"reference": "BANC-ESSAI",
			"company": COMPANY,
			"from_date": start,
			"to_date": get_last_day(add_months(start, months - 1)),
			"claim_frequency": "Monthly",
			"max_hourly_wage": 17,
			"max_weekly_hours": 35,
			"budget_lines": [
				{
					"kind": TRAINEE_WAGES,
					"budget_amount": 100_000_000,
					"reimbursement_rate": 100,
				}
			],
		}
	).insert(ignore_permissions=True)
	doc.submit()
	frappe.db.commit()  # nosemgrep: the generated payroll is reused by later runs
	return doc.name
