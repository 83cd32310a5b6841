"""The demo's year at an insertion enterprise's real scale (its people: demo_people.py).

- the staff: three supervisors (shop, café, sorting), a counsellor and a coordinator;
- everyone paid twice a month, on the 15th and the month's last day (HRMS's "Bimonthly"; the
  Act respecting labour standards, s. 43, allows at most 16 days between pays): the payroll
  from October of last year, pay after pay: the trainees' hours of the months before the last
  two written as timesheets by a rule that keeps them true (each weekday of the parcours,
  suspensions and holidays left out, the parcours' planned hours of the pay period spread over
  those days), then a Payroll Entry for the trainees and one for the staff, as the bookkeeper
  runs them (the last two months are demo.load_funding's: from check-ins on the shop floor);
- a claim to Emploi-Québec each month of the contract, with the month's insertion costs,
  submitted at the month's end and collected about 25 days later; each month's source
  deductions remitted on the 15th of the next month, as the Source Deduction Remittances
  report lists them; each quarter's GST/QST return remitted at the end of the next month;
- the ROEs of those who left issued, last year's T4 and RL-1 issued and sent;
- the year in a few lines (`summary`), printed by the loader.

Each part is made once: a second run adds nothing.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import frappe
from erpnext.accounts.doctype.payment_entry.payment_entry import get_payment_entry
from frappe.utils import add_days, add_months, getdate, nowdate

from insertion_erp.core.parcours.training import paid_training_hours
from insertion_erp.core.periods import Period, month_period
from insertion_erp.devtools.sample_payroll import (
	ACTIVITY,
	add_insertion_cost,
	assign,
	ensure_salaried_structure,
	run_payroll_entry,
)
from insertion_erp.ledger import paying_account
from insertion_erp.parcours.records import hours_steps, steps_by_parcours
from insertion_erp.quebec_payroll.report.source_deduction_remittances.source_deduction_remittances import (
	AGENCIES,
	due_date,
	remittances,
)

# The staff: (first, last, gender, born, joined, monthly base, funded share of the contract's
# supervision budget or None).
STAFF = (
	("Isabelle", "Morneau", "Female", "1984-05-02", "2019-03-11", 4050, 60),  # café
	("Denis", "Cloutier", "Male", "1976-10-14", "2021-09-07", 3900, 60),  # sorting
	("Julie", "Gagnon", "Female", "1988-01-23", "2018-06-04", 4150, None),  # counsellor
	("Martin", "Lapointe", "Male", "1972-08-29", "2015-01-12", 4700, None),  # coordinator
)
STAFF_STRUCTURE = "Encadrement"
# On the 15th and the month's last day: at most 16 days between pays but for managers (LNT s. 43,
# http://www.cnt.gouv.qc.ca/salaire-paie-et-travail/paie/les-normes-du-travail/article-43/index.html).
PAY_FREQUENCY = "Bimonthly"
DAY_START = time(8, 30)
CLAIM_PAID_AFTER_DAYS = 25
BUS_PASSES, BUS_PASSES_REMARK = 690, "Laissez-passer d'autobus des participants"


def ensure_staff(company: str, year_start: date) -> dict[str, float]:
	"""The staff besides the shop's supervisor, with their pay from the year's start (half the
	monthly base each pay): {employee: funded share} of those the contract funds."""
	structure = ensure_salaried_structure(STAFF_STRUCTURE, company, PAY_FREQUENCY)
	funded = {}
	for first, last, gender, born, joined, base, share in STAFF:
		employee = frappe.db.get_value(
			"Employee", {"first_name": first, "last_name": last, "company": company}
		)
		if not employee:
			employee = (
				frappe.get_doc(
					{
						"doctype": "Employee",
						"first_name": first,
						"last_name": last,
						"gender": gender,
						"date_of_birth": born,
						"date_of_joining": joined,
						"company": company,
						"status": "Active",
					}
				)
				.insert(ignore_permissions=True)
				.name
			)
		assign(employee, structure, company, year_start, base / 2)
		if share:
			funded[employee] = share
	return funded


# The app's payroll starts with the last quarter of last year: last year's T4 and RL-1 are
# filed from it, and this year's maximums count from January.
MONTHS_OF_LAST_YEAR = 3


def payroll_start(today: date) -> date:
	return add_months(today.replace(month=1, day=1), -MONTHS_OF_LAST_YEAR)


def months_of_the_year(today: date, before: date) -> list[Period]:
	"""The calendar months from the payroll's start to the month before `before`."""
	months, month = [], payroll_start(today)
	while month < before:
		months.append(month_period(month))
		month = add_months(month, 1)
	return months


def pay_periods(month: Period) -> list[Period]:
	"""The month's two pays: the 1st to the 15th, the 16th to the month's last day."""
	middle = month.start.replace(day=15)
	return [Period(month.start, middle), Period(middle + timedelta(days=1), month.end)]


def pay_the_months(company: str, months: list[Period]) -> None:
	"""Each pay period's trainee hours as timesheets (the rule in the module's docstring), then
	its two Payroll Entries."""
	for month in months:
		for period in pay_periods(month):
			pay(company, period, write_hours=True)


def pay(company: str, period: Period, write_hours: bool = False) -> None:
	"""The pay period's two Payroll Entries (trainees from their timesheets, then the staff),
	once; `write_hours`: the trainees' timesheets written first by the rule."""
	if frappe.db.exists("Payroll Entry", {"company": company, "start_date": period.start, "docstatus": 1}):
		return
	if write_hours:
		write_timesheets(company, period)
	for timesheet_based in (True, False):
		run_payroll_entry(
			company,
			period.start,
			period.end,
			timesheet_based=timesheet_based,
			worked_only=timesheet_based,
			frequency=PAY_FREQUENCY,
		)


def write_timesheets(company: str, period: Period) -> None:
	parcours = frappe.get_all(
		"Parcours",
		filters={
			"company": company,
			"employee": ("is", "set"),
			"start_date": ("<=", period.end),
		},
		fields=["name", "employee", "start_date", "planned_weeks", "planned_end_date", "actual_end_date"],
	)
	steps = steps_by_parcours({p.name for p in parcours})
	suspensions = suspended_days({p.name for p in parcours})
	holidays = holiday_dates(company, period)
	for p in parcours:
		end = getdate(p.actual_end_date or p.planned_end_date)
		first, last = max(period.start, getdate(p.start_date)), min(period.end, end)
		if first > last:
			continue
		held = Period(first, last)
		off = suspensions.get(p.name, set()) | holidays
		days = [d for d in each_day(held) if d.weekday() < 5 and d not in off]
		if not days:
			continue
		hours = paid_training_hours(
			hours_steps(steps.get(p.name, [])), int(p.planned_weeks), getdate(p.start_date), held
		)
		# The days suspended or off are not worked: their share of the week is not paid.
		hours = hours * Decimal(len(days)) / Decimal(len([d for d in each_day(held) if d.weekday() < 5]))
		timesheet(company, p.employee, days, hours)


def timesheet(company: str, employee: str, days: list[date], hours: Decimal) -> None:
	daily = round(float(hours) / len(days), 2)
	logs = []
	for day in days:
		start = datetime.combine(day, DAY_START)
		logs.append(
			{
				"activity_type": ACTIVITY,
				"from_time": start,
				"hours": daily,
				"to_time": start + timedelta(hours=daily),
			}
		)
	frappe.get_doc(
		{"doctype": "Timesheet", "employee": employee, "company": company, "time_logs": logs}
	).insert(ignore_permissions=True).submit()


def each_day(period: Period):
	day = period.start
	while day <= period.end:
		yield day
		day = day + timedelta(days=1)


def suspended_days(parcours: set[str]) -> dict[str, set[date]]:
	result: dict[str, set[date]] = {}
	if not parcours:
		return result
	for row in frappe.get_all(
		"Parcours Suspension",
		filters={"parent": ("in", list(parcours)), "parenttype": "Parcours"},
		fields=["parent", "from_date", "to_date"],
	):
		end = getdate(row.to_date or nowdate())
		result.setdefault(row.parent, set()).update(each_day(Period(getdate(row.from_date), end)))
	return result


def holiday_dates(company: str, period: Period) -> set[date]:
	holiday_list = frappe.get_cached_value("Company", company, "default_holiday_list")
	return {
		getdate(day)
		for day in frappe.get_all(
			"Holiday",
			filters={"parent": holiday_list, "holiday_date": ("between", (period.start, period.end))},
			pluck="holiday_date",
		)
	}


def claim_the_months(contract: str, months: list[Period], today: date) -> None:
	"""A claim a month of the contract, from the month's payroll; collected about 25 days after
	its month (last year's months were claimed under last year's contract, before the app)."""
	start, end, company = frappe.db.get_value(
		"Insertion Contract", contract, ["from_date", "to_date", "company"]
	)
	for month in months:
		if month.start < getdate(start) or month.end > getdate(end):
			continue
		# The month's insertion costs, tagged with the contract: the trainees' bus passes.
		add_insertion_cost(
			company,
			contract,
			add_days(month.start, 2),
			BUS_PASSES,
			f"{BUS_PASSES_REMARK} ({month.start:%Y-%m})",
		)
		if frappe.db.exists(
			"Reimbursement Claim", {"contract": contract, "from_date": month.start, "docstatus": 1}
		):
			continue
		claim = frappe.get_doc(
			{
				"doctype": "Reimbursement Claim",
				"contract": contract,
				"from_date": month.start,
				"to_date": month.end,
			}
		).insert(ignore_permissions=True)
		claim.get_payroll()
		claim.submit()
		collect(claim.reload(), add_days(month.end, CLAIM_PAID_AFTER_DAYS), today)


def collect(claim, day: date, today: date) -> None:
	"""The funder's payment of a claim's invoice, once the day has come."""
	if not claim.sales_invoice or day > today:
		return
	payment = get_payment_entry("Sales Invoice", claim.sales_invoice)
	payment.posting_date = day
	payment.reference_no = f"EQ-{claim.name}"
	payment.reference_date = day
	payment.insert(ignore_permissions=True).submit()


def remit_the_months(company: str, months: list[Period], today: date) -> None:
	"""Each month's source deductions paid to each agency on their due date, as the report
	lists them (one journal entry per agency and month, its reference the month)."""
	bank = paying_account(company)
	cost_center = frappe.get_cached_value("Company", company, "cost_center")
	for month in months:
		due = due_date(month)
		if due > today:
			continue
		owed = remittances(company, month)
		for agency in AGENCIES:
			line = owed.agencies[agency]
			reference = remittance_reference(agency, month)
			if not line.total or frappe.db.exists(
				"Journal Entry", {"company": company, "cheque_no": reference, "docstatus": 1}
			):
				continue
			frappe.get_doc(
				{
					"doctype": "Journal Entry",
					"company": company,
					"posting_date": due,
					"cheque_no": reference,
					"cheque_date": due,
					"user_remark": f"Versement des retenues à la source de {month.start:%Y-%m}",
					"accounts": [
						{
							"account": line.account,
							"debit_in_account_currency": float(line.total),
							"cost_center": cost_center,
						},
						{
							"account": bank,
							"credit_in_account_currency": float(line.total),
							"cost_center": cost_center,
						},
					],
				}
			).insert(ignore_permissions=True).submit()


def remittance_reference(agency: str, month: Period) -> str:
	return f"{'ARC' if agency == AGENCIES[0] else 'RQ'}-{month.start:%Y-%m}"


def summary(company: str, seconds: float) -> list[str]:
	"""The year in a few lines, read from the reports a director reads."""
	from insertion_erp.devtools.books_check import remittances_paid
	from insertion_erp.funding.report.mission_and_market.mission_and_market import (
		execute as mission_and_market,
	)
	from insertion_erp.results.report.activity_report.activity_report import execute as activity_report

	today = getdate(nowdate())
	fiscal_year = frappe.db.get_value(
		"Fiscal Year", {"year_start_date": ("<=", today), "year_end_date": (">=", today)}
	)
	lines = {
		row["kind"]: row for row in mission_and_market({"company": company, "fiscal_year": fiscal_year})[1]
	}
	sales = lines["sales"]
	months = sorted(key for key in sales if key.startswith("m_"))
	by_month = ", ".join(
		f"{key[2:].replace('_', '-')} {float(sales[key] or 0):,.0f}" for key in months if sales[key]
	)
	hours = {
		row["indicator"]: row["amount"]
		for row in activity_report(
			{"company": company, "from_date": today.replace(month=1, day=1), "to_date": today}
		)[1]
		if row["kind"] == "hours"
	}
	claims = frappe.db.sql(
		"""select count(*), sum(c.total_reimbursed), sum(si.outstanding_amount = 0)
		from `tabReimbursement Claim` c left join `tabSales Invoice` si on si.name = c.sales_invoice
		where c.company = %s and c.docstatus = 1 and year(c.from_date) = %s""",
		(company, today.year),
	)[0]
	# What the books' check reads: each closed month's deductions owed, and paid by the due date.
	remitted = remittances_paid(company, today)
	owed = sum((line[2] for line in remitted), Decimal(0))
	paid = sum((line[3] for line in remitted), Decimal(0))
	till = frappe.db.sql(
		"""select (select count(*) from `tabPOS Closing Entry` where company = %(company)s and docstatus = 1),
			(select count(*) from `tabPOS Invoice Merge Log` where company = %(company)s and docstatus = 1),
			(select count(*) from `tabPOS Invoice` where company = %(company)s and docstatus = 1
				and ifnull(consolidated_invoice, '') = '' and insertion_served_by is not null)""",
		{"company": company},
	)[0]
	return [
		f"Sales by month: {by_month}",
		"The till: {} sessions closed, merged into {} invoices; the open session's receipts naming who served: {}".format(
			*till
		),
		f"Self-financing ratio: {float(lines['ratio']['total'] or 0):.1f} %",
		"Training hours: " + "; ".join(f"{label} {float(value or 0):,.0f}" for label, value in hours.items()),
		f"Claims of {today.year}: {claims[0]} submitted, {float(claims[1] or 0):,.2f} $, {int(claims[2] or 0)} collected",
		f"Source deductions of the closed months: owed {owed:,.2f} $, paid {paid:,.2f} $",
		"Trainees under way today: {}; parcours of the year: {}; records of employment: {} issued, {} drafts".format(
			frappe.db.count("Parcours", {"company": company, "status": "Active"}),
			frappe.db.count(
				"Parcours",
				{
					"company": company,
					"start_date": ("<=", today),
					"planned_end_date": (">=", today.replace(month=1, day=1)),
				},
			),
			frappe.db.count("Record of Employment", {"company": company, "docstatus": 1}),
			frappe.db.count("Record of Employment", {"company": company, "docstatus": 0}),
		),
		"Last year's T4 and RL-1: {} slips, {} sent to the CRA, {} to Revenu Québec".format(
			frappe.db.count("Year-End Slip", {"company": company, "year": today.year - 1, "docstatus": 1}),
			frappe.db.count(
				"Year-End Slip", {"company": company, "year": today.year - 1, "t4_filed": "Sent"}
			),
			frappe.db.count(
				"Year-End Slip", {"company": company, "year": today.year - 1, "rl1_filed": "Sent"}
			),
		),
		f"Loaded in {seconds:.0f} s",
	]


def issue_records_of_employment(company: str, before: date) -> int:
	"""Each Record of Employment drafted for a trainee who left before `before` and was paid
	here, filled again from the year's payroll and issued (the later ones are the bookkeeper's
	to issue). Returns how many were issued."""
	issued = 0
	for name in frappe.get_all(
		"Record of Employment",
		filters={"company": company, "docstatus": 0, "last_day_paid": ("<", before)},
		pluck="name",
	):
		doc = frappe.get_doc("Record of Employment", name)
		if not frappe.db.exists(
			"Salary Slip",
			{"employee": doc.employee, "docstatus": 1, "start_date": ("<=", doc.last_day_paid)},
		):
			continue  # paid before the app: the ROE went out from the former payroll
		doc.save(ignore_permissions=True)  # filled again: the slips paid since the draft
		if not (doc.comments or "").strip():
			doc.comments = "Fin du parcours de formation en entreprise d'insertion."
		doc.submit()
		issued += 1
	return issued


def remit_sales_taxes(company: str, today: date) -> None:
	"""Each quarter's GST/QST return remitted on its due date (the end of the month after the
	quarter), as the report's "Remit this Return" makes it."""
	from insertion_erp.quebec_sales_taxes.remittance import remittance_entry

	start = today.replace(month=1, day=1)
	while start <= today:
		quarter = Period(start, month_period(add_months(start, 2)).end)
		due = month_period(add_months(start, 3)).end
		if due <= today and not frappe.db.exists(
			"Journal Entry",
			{"company": company, "insertion_sales_tax_remittance": 1, "posting_date": due, "docstatus": 1},
		):
			remittance_entry(company, quarter.start, quarter.end, due).insert(
				ignore_permissions=True
			).submit()
		start = add_months(start, 3)


def file_last_year(company: str, today: date) -> None:
	"""Last year's T4 and RL-1: the slips drafted from the payroll, issued, and both files
	sent (as the bookkeeper downloads them in February)."""
	from insertion_erp.core.payroll.year_end import ORIGINAL
	from insertion_erp.quebec_payroll import year_end, year_end_file

	year = today.year - 1
	if frappe.db.exists("Year-End Slip", {"company": company, "year": year, "docstatus": 1}):
		return
	year_end.create_slips(company, year)
	for name in frappe.get_all(
		"Year-End Slip", filters={"company": company, "year": year, "docstatus": 0}, pluck="name"
	):
		frappe.get_doc("Year-End Slip", name).submit()
	for authority in year_end_file.AUTHORITIES:
		year_end_file.download(company, year, authority, ORIGINAL)
	for key in ("filename", "filecontent", "type"):  # the files a browser would have saved
		frappe.response.pop(key, None)
