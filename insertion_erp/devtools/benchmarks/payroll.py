"""Benchmark: what the app adds to HRMS's payroll, a month's Payroll Entry for N trainees.

Run by scripts/benchmark-payroll on two brand-new sites of one bench, one without the app
(erpnext, hrms) and one with it (and insertion_erp), in turns. It runs as a script
(`python -m insertion_erp.devtools.benchmarks.payroll SITE STEP ...`) because `bench execute`
refuses a site where the app is not installed; on a site without the app it imports none
of the modules that need the app's doctypes (it lives in the app's package, which the
bench's Python finds either way).

Each benchmark company is new (`prepare`): a Canadian company in CAD, a Holiday List with
the weekends and Quebec's general holidays, N employees paid by the hour from their
timesheets (a timesheet-based structure at $17.50, as the trainees are), joined in
November 2025. On the site with the app the company is set up for Quebec payroll, so its
slips carry the source deductions and the employer's contributions. The first employee,
their salary structure assignment and each month's timesheet (120 h) are made through the
ORM; the other employees' copies of them are written in one bulk insert per table. Each
employee also has December's hours, from which January 1st's holiday indemnity is computed
(as July 1st's is from June's), so both months measured have the same rows.

Then a month is paid the way a Payroll Entry pays it (`measure`): the entry is filled,
inserted and submitted (not timed; the slips' creation it would queue above 30 employees
is done here, in this process, with the function the queued job runs), then timed:
HRMS's `create_salary_slips_for_employees` (each slip inserted: earnings from the
timesheets, and the app's deductions in its validate hook) and
`submit_salary_slips_for_employees` (each slip submitted, its timesheet marked, the
accrual journal entry, with the app's contributions). Per slip: wall seconds, this
process's CPU seconds and the statements sent to MariaDB (its session's `Questions`).
Before the timing, one slip is made, submitted and rolled back (`warm_up`), so the site's
caches and the process's imports are those of a running site on both sites.

Both commit, so each measure pays a month not yet paid: January (no earlier slip in the
year), then, after `earlier` has copied January's submitted slips into the months between
(with their rows, and the months' timesheets marked as paid), a later month, to show what
the slips of the year before a pay cost it. Each step prints one JSON object.

    scripts/benchmark-payroll [TRAINEES] [--months-before N] [--reuse] [--check]
    python -m insertion_erp.devtools.benchmarks.payroll SITE run TRAINEES MONTHS_BEFORE
    bench --site SITE_WITH_THE_APP execute insertion_erp.devtools.benchmarks.payroll.run \\
        --kwargs "{'trainees': 1000, 'months_before': 6}"
"""

import calendar
import gc
import json
import sys
import time
from datetime import date, timedelta

import frappe

from insertion_erp.core.payroll.labour_standards import quebec_general_holidays
from insertion_erp.devtools.sample_payroll import (
	HOURLY_COMPONENT,
	_ensure_structure,
	assign,
	ensure_company,
	ensure_hourly_structure,
	ensure_payroll_accounts,
	ensure_timesheet,
	slip_arguments,
	submitted_payroll_entry,
)
from insertion_erp.install.company import complete_setup_wizard, ensure_fiscal_year
from insertion_erp.ledger import ensure_account

COMPANY = "Banc d'essai Paie"
YEAR = 2026
JOINED = "2025-11-03"
HOURS = 120
HOUR_RATE = 17.5
CNESST_RATE = 1.5
HOLIDAY_LIST = f"Banc d'essai Paie {YEAR - 1}-{YEAR}"


def has_app() -> bool:
	return "insertion_erp" in frappe.get_installed_apps()


def run(trainees: int = 1000, months_before: int = 6, check: bool = False) -> None:
	"""On the current site, a new company: January paid, then `months_before` months copied
	from it, then the month after them paid. With check=True, fails when a slip's queries
	grow from January to the later month (a tenth of a query a slip is a pass's fixed cost
	spread over its slips, not a slip's; HRMS alone sends a few fewer in the later month)."""
	if months_before < 1:
		raise ValueError("months_before: at least 1 (January is the month without earlier slips)")
	company = prepare(trainees)
	result = {"site": frappe.local.site, "with_app": has_app(), "trainees": trainees, "company": company}
	result["passes"] = [measure(company, 1)]
	earlier(company, months_before)
	result["passes"].append(measure(company, months_before + 1))
	print(json.dumps(result))
	queries = [p["per_slip"]["queries"] for p in result["passes"]]
	if check and queries[1] - queries[0] >= 0.1:
		raise AssertionError(f"queries per slip grow with the year's slips: {queries[0]} then {queries[1]}")


# The data set


# HRMS alone paying the same five deduction rows as a Quebec slip (RRQ, AE, RQAP, both taxes),
# as salary-structure formulas: what any payroll that lists its deductions costs HRMS.
SAME_ROWS = (
	("RRQ", "RRQ", "gross_pay * 0.063"),
	("Assurance-emploi", "AE", "gross_pay * 0.013"),
	("RQAP", "RQAP", "gross_pay * 0.0043"),
	("Impôt fédéral", "IMPF", "gross_pay * 0.05"),
	("Impôt du Québec", "IMPQ", "gross_pay * 0.06"),
)


def same_rows_structure(name: str, company: str) -> str:
	"""An hourly structure with SAME_ROWS as formula deductions (HRMS alone)."""
	payable = ensure_account(company, "Retenues à payer", "Liability")
	for component, abbr, _formula in SAME_ROWS:
		if not frappe.db.exists("Salary Component", component):
			frappe.get_doc(
				{
					"doctype": "Salary Component",
					"salary_component": component,
					"salary_component_abbr": abbr,
					"type": "Deduction",
					"depends_on_payment_days": 0,
				}
			).insert(ignore_permissions=True)
		doc = frappe.get_doc("Salary Component", component)
		if not any(row.company == company for row in doc.accounts):
			doc.append("accounts", {"company": company, "account": payable})
			doc.save(ignore_permissions=True)
	return _ensure_structure(
		name,
		company,
		salary_slip_based_on_timesheet=1,
		salary_component=HOURLY_COMPONENT,
		hour_rate=HOUR_RATE,
		deductions=[
			{"salary_component": c, "abbr": a, "amount_based_on_formula": 1, "formula": f}
			for c, a, f in SAME_ROWS
		],
	)


def prepare(trainees: int, same_rows: bool = False) -> str:
	"""A new company with `trainees` hourly employees: its name. `same_rows` (a site without
	the app): their structure deducts SAME_ROWS by formulas."""
	frappe.flags.mute_emails = True
	complete_setup_wizard("Banc d'essai", "BE")
	for year in (YEAR - 1, YEAR):
		ensure_fiscal_year(year)
	ensure_holiday_list()
	number = 1 + frappe.db.count("Company", {"company_name": ("like", f"{COMPANY} %")})
	company, abbr = f"{COMPANY} {number}", f"BEP{number}"
	ensure_company(company, abbr)
	frappe.db.set_value("Company", company, "default_holiday_list", HOLIDAY_LIST)
	if has_app():
		from insertion_erp.constants import SETTINGS
		from insertion_erp.quebec_payroll.install import set_up_company

		settings = frappe.get_single(SETTINGS)
		set_up_company(company, settings)
		settings.annual_payroll = settings.annual_payroll or trainees * HOURS * HOUR_RATE * 12
		settings.save(ignore_permissions=True)
		frappe.db.set_value("Company", company, "insertion_cnesst_rate", CNESST_RATE)
	ensure_payroll_accounts(company)
	if same_rows and not has_app():
		structure = same_rows_structure(f"Banc d'essai retenues {abbr}", company)
	else:
		structure = ensure_hourly_structure(f"Banc d'essai horaire {abbr}", company, HOUR_RATE)

	first = frappe.get_doc(
		{
			"doctype": "Employee",
			"first_name": "Personne",
			"last_name": "00000",
			"gender": "Female",
			"date_of_birth": "1995-01-01",
			"date_of_joining": JOINED,
			"company": company,
			"status": "Active",
		}
	).insert(ignore_permissions=True)
	assign(first.name, structure, company, JOINED)
	others = [f"{abbr}-EMP-{i:05d}" for i in range(1, trainees)]
	top = frappe.db.sql("select coalesce(max(rgt), 0) from `tabEmployee`")[0][0]
	copy_records(
		"Employee",
		[first.name],
		lambda _row: [
			{
				"name": name,
				"employee": name,
				"last_name": f"{i:05d}",
				"employee_name": f"Personne {i:05d}",
				"lft": top + 2 * i - 1,
				"rgt": top + 2 * i,
			}
			for i, name in enumerate(others, start=1)
		],
	)
	assignment = frappe.db.get_value("Salary Structure Assignment", {"employee": first.name, "docstatus": 1})
	copy_records(
		"Salary Structure Assignment",
		[assignment],
		lambda _row: [
			{"name": f"{abbr}-SSA-{i:05d}", "employee": name, "employee_name": f"Personne {i:05d}"}
			for i, name in enumerate(others, start=1)
		],
	)
	# December's hours, which an earlier payroll paid: January 1st's holiday indemnity is
	# computed from them, as July 1st's is from June's.
	ensure_timesheets(company, 12, YEAR - 1)
	ensure_timesheets(company, 1)
	analyze()
	frappe.db.commit()  # nosemgrep: the next steps run in new processes
	print(json.dumps({"company": company, "trainees": trainees}))
	return company


def ensure_holiday_list() -> None:
	"""Two years of weekends and Quebec's general holidays, the same on both sites."""
	if frappe.db.exists("Holiday List", HOLIDAY_LIST):
		return
	start, end = date(YEAR - 1, 1, 1), date(YEAR, 12, 31)
	days = {
		start + timedelta(days=n): ("Weekend", 1)
		for n in range((end - start).days + 1)
		if (start + timedelta(days=n)).weekday() >= 5
	}
	for year in (YEAR - 1, YEAR):
		days.update({day: (description, 0) for day, description in quebec_general_holidays(year)})
	frappe.get_doc(
		{
			"doctype": "Holiday List",
			"holiday_list_name": HOLIDAY_LIST,
			"from_date": start,
			"to_date": end,
			"holidays": [
				{"holiday_date": day, "description": description, "weekly_off": weekly_off}
				for day, (description, weekly_off) in sorted(days.items())
			],
		}
	).insert(ignore_permissions=True)


def employees_of(company: str) -> list[str]:
	"""The company's employees, the one made through the ORM first (its copies are ABBR-EMP-#####)."""
	copies = f"{frappe.get_cached_value('Company', company, 'abbr')}-EMP-"
	names = frappe.get_all("Employee", filters={"company": company}, pluck="name")
	return sorted(names, key=lambda name: (name.startswith(copies), name))


def month_bounds(month: int, year: int = YEAR) -> tuple[date, date]:
	return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def ensure_timesheets(company: str, month: int, year: int = YEAR) -> dict[str, str]:
	"""The month's timesheet of each employee (HOURS from the first Monday): the first
	employee's through the ORM, the others' copies of it. {employee: timesheet}."""
	start, _end = month_bounds(month, year)
	monday = start + timedelta(days=(7 - start.weekday()) % 7)
	employees = employees_of(company)
	existing = dict(
		frappe.get_all(
			"Timesheet",
			filters={"employee": ("in", employees), "start_date": monday, "docstatus": 1},
			fields=["employee", "name"],
			as_list=True,
		)
	)
	if len(existing) == len(employees):
		return existing
	first = employees[0]
	ensure_timesheet(first, company, monday, HOURS)
	template = frappe.db.get_value("Timesheet", {"employee": first, "start_date": monday, "docstatus": 1})
	abbr = frappe.get_cached_value("Company", company, "abbr")
	names = {employee: f"{abbr}-TS-{year}{month:02d}-{employee}" for employee in employees[1:]}
	copy_records(
		"Timesheet",
		[template],
		lambda _row: [
			{
				"name": name,
				"employee": employee,
				"employee_name": employee_name(employee),
				"title": employee_name(employee),
			}
			for employee, name in names.items()
		],
	)
	return {first: template, **names}


def employee_name(employee: str) -> str:
	return f"Personne {employee[-5:]}"


def earlier(company: str, months_before: int) -> None:
	"""January's submitted slips copied into February to month `months_before`, each with
	its earnings, deductions and employer contributions, linked to the month's timesheet,
	which is marked as paid: what a payroll paid through those months leaves."""
	january = frappe.get_all(
		"Salary Slip",
		filters={"company": company, "start_date": date(YEAR, 1, 1), "docstatus": 1},
		fields=["name", "employee"],
	)
	for month in range(2, months_before + 1):
		start, end = month_bounds(month)
		timesheets = ensure_timesheets(company, month)
		names = {slip.name: f"{slip.name}-{month:02d}" for slip in january}

		def slip_of(row, month=month, start=start, end=end, names=names):
			return [
				{
					"name": names[row["name"]],
					"start_date": start,
					"end_date": end,
					"posting_date": end,
					"payroll_entry": None,
					"journal_entry": None,
					# January is the year's first pay: the month's year to date is `month` times it.
					**{
						key: row[key] * month
						for key in (
							"gross_year_to_date",
							"base_gross_year_to_date",
							"year_to_date",
							"base_year_to_date",
						)
					},
				}
			]

		def child(copy, row, timesheets=timesheets, month=month):
			if "time_sheet" in row:
				return {"time_sheet": timesheets[row["employee"]]}
			return {"year_to_date": row["year_to_date"] * month} if row.get("year_to_date") else {}

		copy_records("Salary Slip", [slip.name for slip in january], slip_of, child)
		frappe.db.sql(
			"""update `tabTimesheet` ts
			join `tabSalary Slip Timesheet` sst on sst.time_sheet = ts.name and sst.parenttype = 'Salary Slip'
			join `tabSalary Slip` ss on ss.name = sst.parent
			set ts.status = 'Payslip', ts.salary_slip = ss.name
			where ss.company = %s and ss.start_date = %s and ss.docstatus = 1""",
			(company, start),
		)
	ensure_timesheets(company, months_before + 1)  # the next month's, to be paid
	analyze()
	frappe.db.commit()  # nosemgrep: the next month is measured in a new process
	print(json.dumps({"company": company, "months_copied": max(0, months_before - 1)}))


def copy_records(doctype: str, sources: list[str], copies_of, child_values=None) -> None:
	"""Copies of records the ORM made, with their child rows, in one bulk insert per table:
	copies_of(source row) gives each copy's changed values (its name included);
	child_values(copy, child row) a child row's (the parent's and the row's names are set)."""
	rows = frappe.db.sql(
		f"select * from `tab{doctype}` where name in %(names)s", {"names": sources}, as_dict=1
	)
	fields = list(rows[0])
	copies = [(row, copy) for row in rows for copy in copies_of(row)]
	frappe.db.bulk_insert(
		doctype, fields, [tuple({**row, **copy}[f] for f in fields) for row, copy in copies]
	)
	for table in {df.options for df in frappe.get_meta(doctype).get_table_fields()}:
		children: dict[str, list] = {}
		for child in frappe.db.sql(
			f"select * from `tab{table}` where parenttype = %(doctype)s and parent in %(names)s",
			{"doctype": doctype, "names": sources},
			as_dict=1,
		):
			children.setdefault(child.parent, []).append(child)
		if not children:
			continue
		child_fields = list(next(iter(children.values()))[0])
		values = []
		for row, copy in copies:
			for child in children.get(row["name"], []):
				changed = {
					"name": f"{copy['name']}-{child.parentfield}-{child.idx}",
					"parent": copy["name"],
					**(
						child_values(copy, {**child, "employee": row.get("employee")}) if child_values else {}
					),
				}
				values.append(tuple({**child, **changed}[f] for f in child_fields))
		frappe.db.bulk_insert(table, child_fields, values)


def analyze() -> None:
	"""Rows written in one go have no settled index statistics until InnoDB samples them again."""
	frappe.db.sql(
		"analyze table `tabEmployee`, `tabSalary Structure Assignment`, `tabTimesheet`, "
		"`tabTimesheet Detail`, `tabSalary Slip`, `tabSalary Detail`"
	)


# The measure


def payroll_entry(company: str, start: date, end: date):
	"""The month's submitted Payroll Entry, without its slips (devtools/sample_payroll.py)."""
	return submitted_payroll_entry(company, start, end, timesheet_based=True)


def measure(company: str, month: int) -> dict:
	"""The month paid through a Payroll Entry: the slips' creation and submission timed."""
	from hrms.payroll.doctype.payroll_entry.payroll_entry import (
		create_salary_slips_for_employees,
		submit_salary_slips_for_employees,
	)

	frappe.flags.mute_emails = True
	start, end = month_bounds(month)
	ensure_timesheets(company, month)
	first = employees_of(company)[0]
	earlier_slips = frappe.db.count(
		"Salary Slip",
		{"employee": first, "docstatus": 1, "start_date": (">=", date(YEAR, 1, 1)), "end_date": ("<", start)},
	)
	entry = payroll_entry(company, start, end)
	employees = [row.employee for row in entry.employees]
	frappe.db.commit()  # nosemgrep: HRMS's functions commit; the measure starts from a clean transaction
	warm_up(entry, employees[0])
	result = {
		"site": frappe.local.site,
		"with_app": has_app(),
		"company": company,
		"month": str(start)[:7],
		"earlier_slips_per_employee": earlier_slips,
		"slips_in_table": frappe.db.count("Salary Slip"),
	}

	def create():
		create_salary_slips_for_employees(employees, slip_arguments(entry), publish_progress=False)

	def submit():
		entry.reload()
		submit_salary_slips_for_employees(entry, entry.get_sal_slip_list(ss_status=0), publish_progress=False)

	result["create"] = timed(create)
	made = frappe.db.count("Salary Slip", {"payroll_entry": entry.name, "docstatus": 0})
	if made != len(employees):
		raise RuntimeError(f"{made} slips of {len(employees)}: {payroll_error(entry.name)}")
	result["submit"] = timed(submit)
	paid = frappe.db.count("Salary Slip", {"payroll_entry": entry.name, "docstatus": 1})
	if paid != len(employees) or payroll_error(entry.name):
		raise RuntimeError(f"{paid} slips submitted of {len(employees)}: {payroll_error(entry.name)}")
	if not frappe.db.exists("Journal Entry Account", {"reference_name": entry.name, "docstatus": 1}):
		raise RuntimeError(f"no accrual journal entry for {entry.name}")
	result["slips"] = len(employees)
	result["per_slip"] = {
		key: round((result["create"][key] + result["submit"][key]) / len(employees), 5)
		for key in ("seconds", "cpu_seconds", "queries")
	}
	deductions = frappe.db.sql(
		"""select count(*), sum(sd.amount) from `tabSalary Detail` sd
		join `tabSalary Slip` ss on ss.name = sd.parent
		where ss.payroll_entry = %s and sd.parentfield = 'deductions'""",
		entry.name,
	)[0]
	result["deduction_rows"], result["deductions"] = deductions[0], float(deductions[1] or 0)
	print(json.dumps(result))
	return result


def warm_up(entry, employee: str) -> None:
	"""One of the month's slips made and submitted, then rolled back: the doctypes' meta and the
	cached records in the site's cache and this process's imports, as on a site already
	running, so the measure is the slips' own cost and not a first call's (the same on both
	sites; without it the first month after the setup also counts the cache's filling)."""
	slip = frappe.get_doc({**slip_arguments(entry), "doctype": "Salary Slip", "employee": employee})
	slip.insert()
	slip.submit()
	frappe.db.rollback()
	frappe.local.message_log = []


def payroll_error(entry: str) -> str:
	return frappe.db.get_value("Payroll Entry", entry, "error_message") or ""


def timed(action) -> dict:
	gc.collect()
	before = questions()
	began, cpu = time.perf_counter(), time.process_time()
	action()
	seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
	return {"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "queries": questions() - before}


def questions() -> int:
	"""Statements this connection has sent, not counting the ones asking."""
	questions.asked = getattr(questions, "asked", 0) + 1
	return int(frappe.db.sql("show session status like 'Questions'")[0][1]) - questions.asked


def main(site: str, step: str, *args: str) -> None:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	try:
		frappe.flags.mute_emails = True
		if step == "prepare":
			prepare(int(args[0]), same_rows=args[1:2] == ("rows",))
		elif step == "measure":
			measure(args[0], int(args[1]))
		elif step == "earlier":
			earlier(args[0], int(args[1]))
		elif step == "run":
			run(int(args[0]), int(args[1]))
		else:
			raise SystemExit(f"unknown step {step}: prepare TRAINEES | measure COMPANY MONTH | earlier ...")
	finally:
		frappe.destroy()


if __name__ == "__main__":
	main(*sys.argv[1:])
