"""Benchmark: the results' reports over three years of an enterprise, beside HRMS's Salary Register.

    bench --site SCRATCH execute insertion_erp.devtools.benchmarks.results.run \\
        --kwargs "{'trainees': 1000, 'years': 3}"

Run it on a site of its own (a brand-new site is enough: it completes the setup wizard
and the fiscal years itself). The generator writes, once per size, straight into the
tables as three years of work would have left them: `trainees` trainees whose 26-week
parcours start one after the other over the years (exits with their reasons and
situations, follow-ups at 3 and 6 months with situations, jobs and wages), a monthly
salary slip for each month of each parcours, and a submitted claim per month with a
line per slip and a supervision line.

Then over the whole period it measures HRMS's Salary Register, the Activity Report and
the Return to Government: each the median of its repeats (after one warm-up), with its
queries; the output is one JSON object with the reports' ratios to the Salary Register.
"""

import json
import statistics
import time
from datetime import date

import frappe
from frappe.utils import add_days, add_months, get_first_day, get_last_day, getdate

from insertion_erp.core.funding.claims import SUPERVISION_WAGES, TRAINEE_WAGES
from insertion_erp.core.periods import add_weeks
from insertion_erp.devtools.benchmarks.claims import SLIP_FIELDS
from insertion_erp.devtools.sample_payroll import ensure_company
from insertion_erp.install.company import complete_setup_wizard, ensure_fiscal_year
from insertion_erp.results.report.activity_report import activity_report
from insertion_erp.results.report.return_to_government import return_to_government

REPEATS = 3
TRADE = "Banc d'essai (résultats)"
REASONS = ("Completed", "Completed", "Left for a Job", "Back to School", "Dropped Out", "Completed")
SITUATIONS = (
	("Employed Full Time", "Permanent", 0, 19.0, 35),
	("Employed Part Time", "Fixed Term", 8, 17.5, 25),
	("In School or Training", None, 0, 0, 0),
	("Looking for Work", None, 0, 0, 0),
	("Unreachable", None, 0, 0, 0),
	("Employed Full Time", None, 0, 0, 0),  # a job without its wage
)
INCOME = ("Social Assistance", "Social Assistance", "Employment Insurance", "No Public Income")


def run(trainees: int = 1000, years: int = 3, first_day: str = "2023-01-01") -> dict:
	start = getdate(first_day)
	end = add_days(add_months(start, 12 * years), -1)
	complete_setup_wizard("Banc Résultats", "BRS")
	for year in range(start.year, end.year + 2):
		ensure_fiscal_year(year)
	company = generate(trainees, start, end)
	frappe.db.commit()  # nosemgrep: the data set is reused by the next run
	filters = {"company": company, "from_date": str(start), "to_date": str(end)}
	result = {
		"trainees": trainees,
		"years": years,
		"parcours": frappe.db.count("Parcours", {"company": company}),
		"salary_slips": frappe.db.count("Salary Slip", {"company": company}),
		"claim_lines": frappe.db.sql(
			"""select count(*) from `tabReimbursement Claim Line` l join `tabReimbursement Claim` c
			on c.name = l.parent where c.company = %s""",
			company,
		)[0][0],
		"salary_register": measure(lambda: salary_register(filters)),
		"activity_report": measure(lambda: activity_report.execute(filters)),
		"return_to_government": measure(lambda: return_to_government.execute(filters)),
	}
	lines = {(r["section"], r["indicator"]): r for r in activity_report.execute(filters)[1]}
	summary = {s["label"]: s["value"] for s in return_to_government.execute(filters)[4]}
	result["figures"] = {  # what the reports found: the data set is a real one, not empty
		"active": lines[("Trainees", "Active")]["count"],
		"integration_rate_3_months": str(lines[("Follow-up at 3 Months", "Integration Rate")]["share"]),
		"cohort": summary["Trainees in the Cohort"],
		"employed_with_data": summary["Employed with Data"],
		"months_to_pay_back": str(summary["Months to Pay Back"]),
	}
	base = result["salary_register"]["seconds"]
	result["ratios_to_salary_register"] = {
		key: round(result[key]["seconds"] / base, 2) for key in ("activity_report", "return_to_government")
	}
	print(json.dumps(result))
	return result


def salary_register(filters: dict):
	from hrms.payroll.report.salary_register.salary_register import execute

	return execute(frappe._dict({**filters, "docstatus": "Submitted", "currency": "CAD"}))


def measure(action) -> dict:
	action()  # warm-up: caches and the first query plans
	times, queries = [], []
	for _ in range(REPEATS):
		before = questions()
		began = time.perf_counter()
		action()
		times.append(time.perf_counter() - began)
		queries.append(questions() - before - 1)
	return {"seconds": round(statistics.median(times), 3), "queries": statistics.median(queries)}


def questions() -> int:
	return int(frappe.db.sql("show session status like 'Questions'")[0][1])


def generate(trainees: int, start: date, end: date) -> str:
	"""The data set, written once per size; returns the company."""
	company = f"Banc Résultats {trainees}"
	abbr = f"BR{trainees}"
	if frappe.db.exists("Parcours", {"company": company}):
		return company
	ensure_company(company, abbr)
	if not frappe.db.exists("Trade", TRADE):
		frappe.get_doc({"doctype": "Trade", "trade_name": TRADE}).insert(ignore_permissions=True)
	now = frappe.utils.now()
	common = {"owner": "Administrator", "modified_by": "Administrator", "creation": now, "modified": now}
	contract = f"{abbr}-CONTRAT"
	rows = {key: [] for key in ("trainee", "employee", "parcours", "barrier", "step", "follow_up", "slip")}
	claims: dict[date, list] = {}
	span = (end - start).days - 26 * 7
	for i in range(trainees):
		trainee, employee, prc = f"{abbr}-TRN-{i:05d}", f"{abbr}-EMP-{i:05d}", f"{abbr}-PRC-{i:05d}"
		first = add_days(start, span * i // trainees)
		last = add_days(add_weeks(first, 26), -1)
		born = date(1970 + i % 38, 1 + i % 12, 1 + i % 28)
		reason = REASONS[i % len(REASONS)]
		rows["trainee"].append(
			(trainee, "Personne", f"{i:05d}", f"Personne {i:05d}", born, ("Female", "Male")[i % 2], employee)
		)
		rows["employee"].append(
			(employee, "Personne", f"Personne {i:05d}", company, "Left", "Female", born, first, trainee)
		)
		rows["parcours"].append(
			(
				prc, trainee, f"Personne {i:05d}", company, TRADE, "Followed Up", first, 26, last, last,
				reason, INCOME[i % len(INCOME)], "CLSC", first, employee,
			)
		)  # fmt: skip
		rows["barrier"].append((f"{prc}-B", prc, "Parcours", "barriers", 1, ("No Diploma", "Housing")[i % 2]))
		rows["step"].append((f"{prc}-1", prc, "Parcours", "hours_schedule", 1, 1, 0, 35))
		for k, months in enumerate((3, 6)):
			due = add_months(last, months)
			situation, job, job_months, wage, hours = SITUATIONS[(i + k) % len(SITUATIONS)]
			done = due <= end
			rows["follow_up"].append(
				(
					f"{prc}-F{months}", prc, trainee, f"Personne {i:05d}", months, due,
					"Done" if done else "Planned", due if done else None, situation if done else None,
					job if done else None, job_months if done else 0, wage if done else 0, hours if done else 0,
				)
			)  # fmt: skip
		month = get_first_day(first)
		while month <= last:
			slip = f"{abbr}-SLIP-{i:05d}-{month:%Y%m}"
			hours = 120 + (i * 7 + month.month * 11) % 31
			rows["slip"].append(
				(
					slip, employee, f"Personne {i:05d}", company, month, get_last_day(month), get_last_day(month),
					round(hours * 17.5, 2), 30, 30, hours, 1, "Monthly", 1, "CAD", 1, trainee,
				)
			)  # fmt: skip
			claims.setdefault(month, []).append(
				(trainee, employee, slip, hours, round(hours * 17.5 * 1.12, 2))
			)
			month = add_months(month, 1)

	def insert(doctype: str, fields: list[str], values: list[tuple]) -> None:
		frappe.db.bulk_insert(doctype, [*fields, *common], [(*row, *common.values()) for row in values])

	insert(
		"Trainee",
		["name", "first_name", "last_name", "trainee_name", "date_of_birth", "gender", "employee"],
		rows["trainee"],
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
		rows["employee"],
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
			"actual_end_date",
			"exit_reason",
			"income_source",
			"referral_source",
			"approval_date",
			"employee",
		],
		rows["parcours"],
	)
	insert(
		"Parcours Barrier", ["name", "parent", "parenttype", "parentfield", "idx", "barrier"], rows["barrier"]
	)
	insert(
		"Parcours Hours Step",
		["name", "parent", "parenttype", "parentfield", "idx", "from_week", "to_week", "hours_per_week"],
		rows["step"],
	)
	insert(
		"Parcours Follow-up",
		[
			"name",
			"parcours",
			"trainee",
			"trainee_name",
			"months_after_exit",
			"due_date",
			"status",
			"contact_date",
			"situation",
			"job_type",
			"job_months",
			"hourly_wage",
			"weekly_hours",
		],
		rows["follow_up"],
	)
	insert("Salary Slip", SLIP_FIELDS, rows["slip"])
	insert(
		"Insertion Contract",
		["name", "reference", "company", "from_date", "to_date", "docstatus"],
		[(contract, contract, company, start, end, 1)],
	)
	claim_rows, line_rows = [], []
	for month, lines in sorted(claims.items()):
		claim = f"{abbr}-DR-{month:%Y%m}"
		total = round(sum(line[4] for line in lines) + 2000, 2)
		claim_rows.append(
			(claim, contract, company, month, get_last_day(month), get_last_day(month), total, 1)
		)
		for idx, (trainee, employee, slip, hours, reimbursed) in enumerate(lines, 1):
			line_rows.append(
				(
					f"{claim}-{idx}",
					claim,
					"Reimbursement Claim",
					"lines",
					idx,
					TRAINEE_WAGES,
					trainee,
					employee,
					slip,
					month,
					get_last_day(month),
					hours,
					reimbursed,
				)
			)
		line_rows.append(
			(
				f"{claim}-S",
				claim,
				"Reimbursement Claim",
				"lines",
				len(lines) + 1,
				SUPERVISION_WAGES,
				None,
				None,
				None,
				month,
				get_last_day(month),
				0,
				2000,
			)
		)
	insert(
		"Reimbursement Claim",
		[
			"name",
			"contract",
			"company",
			"from_date",
			"to_date",
			"posting_date",
			"total_reimbursed",
			"docstatus",
		],
		claim_rows,
	)
	insert(
		"Reimbursement Claim Line",
		[
			"name", "parent", "parenttype", "parentfield", "idx", "budget_kind", "trainee", "employee",
			"salary_slip", "start_date", "end_date", "hours", "reimbursed",
		],
		line_rows,
	)  # fmt: skip
	frappe.db.sql(
		"analyze table `tabParcours`, `tabParcours Follow-up`, `tabSalary Slip`, `tabReimbursement Claim Line`"
	)
	return company
