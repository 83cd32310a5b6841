"""Records of Employment from the payroll (the blocks: core/payroll/roe.py).

Relieving an Employee (closing a parcours relieves its trainee's) creates a draft ROE,
assigned to the payroll users; each save of a draft, and each salary slip submitted for its
employee, computes its blocks again from the submitted slips, read in one query: the final
pay, made after the exit, is in it as soon as it is submitted. A daily job reminds the payroll
users of each draft due within two days. Its ROE Web file: roe_file.py.
"""

from datetime import date, timedelta
from decimal import Decimal

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as assign
from frappe.utils import escape_html, flt, getdate, today

from insertion_erp.constants import (
	HOLIDAY_PAY_COMPONENT,
	ROE_PERIODS_REPORTED,
	ROE_REASON_CODES,
	SETTINGS,
	VACATION_PAY_COMPONENT,
)
from insertion_erp.core.money import ZERO, to_decimal
from insertion_erp.core.parcours import parcours as parcours_rules
from insertion_erp.core.payroll import roe as rules
from insertion_erp.core.payroll.labour_standards import vacation_pay_rate
from insertion_erp.permissions import users_with_roles
from insertion_erp.quebec_payroll import filing
from insertion_erp.quebec_payroll.deductions import VACATION_AT_END, holiday_indemnities

DOCTYPE = "Record of Employment"
PAYROLL_ROLES = filing.PAYROLL_ROLES
REMIND_DAYS = 2


def on_employee_relieved(employee, method=None) -> None:
	"""doc_events hook: an Employee now Left with a relieving date gets a draft ROE (once)."""
	if employee.status != "Left" or not employee.relieving_date:
		return
	before = employee.get_doc_before_save()
	if before and before.status == "Left" and before.relieving_date == employee.relieving_date:
		return
	create_draft(employee.name, getdate(employee.relieving_date))


def create_draft(employee: str, last_day: date) -> str | None:
	"""A draft ROE for the employee's interruption of earnings on `last_day`, unless one exists."""
	existing = frappe.db.get_value(
		DOCTYPE, {"employee": employee, "last_day_paid": last_day, "docstatus": ("<", 2)}
	)
	if existing:
		return existing
	details = frappe.db.get_value(
		"Employee", employee, ["date_of_joining", "designation", "company"], as_dict=True
	)
	parcours = (
		frappe.db.get_value(
			"Parcours",
			{"employee": employee, "actual_end_date": last_day},
			["name", "start_date"],
			order_by="start_date desc",
			as_dict=True,
		)
		or frappe._dict()
	)
	doc = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"employee": employee,
			"parcours": parcours.name,
			# A trainee back for a second parcours keeps the Employee: this employment began
			# with this parcours.
			"first_day_worked": parcours.start_date or details.date_of_joining,
			"last_day_paid": last_day,
			"occupation": details.designation,
			"language": "French",
			"recall_code": "Not Returning",
		}
	)
	doc.flags.ignore_permissions = True
	doc.insert()
	remind(
		doc,
		_("Record of Employment of {0} to issue by {1}").format(
			doc.employee_name, frappe.format(doc.deadline, "Date")
		)
		if doc.deadline
		else _("Record of Employment of {0}: to issue once the final pay is submitted").format(
			doc.employee_name
		),
	)
	return doc.name


def fill(doc) -> None:
	"""The draft's blocks from the submitted slips of its employee and its parcours' exit."""
	if not doc.reason_code:  # then the bookkeeper's to change
		doc.reason_code = reason(doc)
	periods, frequency = paid_periods(doc.employee, getdate(doc.last_day_paid))
	doc.set("pay_periods", [])
	doc.final_pay = final_pay_notice(doc, periods)
	doc.set("statutory_holidays", [])
	if not periods:
		doc.final_period_end = doc.pay_frequency = doc.deadline = None
		doc.insurable_hours = doc.insurable_earnings = doc.vacation_pay = 0
		return
	try:
		built = build(doc, periods, frequency)
	except rules.RoeError as error:
		frappe.throw(error_message(error, frequency), title=_("Record of Employment"))
	doc.final_period_end = built.final_period_end
	doc.pay_frequency = frequency
	doc.deadline = built.deadline
	doc.insurable_hours = float(built.insurable_hours)
	doc.insurable_earnings = float(built.insurable_earnings)
	doc.vacation_pay = float(built.vacation_pay)
	for (number, amount), period in zip(built.periods, built.reported, strict=True):
		doc.append(
			"pay_periods",
			{
				"period_number": number,
				"period_end": period.end,
				"hours": float(period.hours),
				"insurable_earnings": float(amount),
				"salary_slip": period.reference,
			},
		)
	for day, amount in holidays_after_last_day(built.reported[0].reference, getdate(doc.last_day_paid)):
		doc.append("statutory_holidays", {"holiday_date": day, "amount": float(amount)})


def holidays_after_last_day(final_slip: str, last_day: date) -> list[tuple[date, Decimal]]:
	"""Block 17B: the general holidays after the last day for which paid that the final slip
	paid an indemnity for (its holiday row, split by holiday as the payroll computed it)."""
	slip = frappe.db.get_value(
		"Salary Slip",
		final_slip,
		["name", "employee", "company", "start_date", "end_date", "hour_rate"],
		as_dict=True,
	)
	paid = frappe.db.sql(
		"""select sum(amount) from `tabSalary Detail`
		where parent = %s and parenttype = 'Salary Slip' and salary_component = %s""",
		(final_slip, HOLIDAY_PAY_COMPONENT[0]),
	)[0][0]
	if not slip or not flt(paid):
		return []
	employee = frappe.db.get_value("Employee", slip.employee, ["holiday_list"], as_dict=True)
	return [
		(day, amount)
		for day, amount in sorted(holiday_indemnities(slip, employee).items())
		if day > last_day and amount
	]


def build(doc, periods: list[rules.PayPeriod], frequency: str) -> rules.Roe:
	"""The ROE's blocks (core/payroll/roe.build) for the dates and reason of `doc`."""
	return rules.build(
		periods,
		frequency,
		getdate(doc.first_day_worked),
		getdate(doc.last_day_paid),
		doc.reason_code,
		periods_reported(),
	)


def final_pay_notice(doc, periods: list[rules.PayPeriod]) -> str:
	"""What the last pay must carry (an hourly trainee's vacation accrued until the end of the
	contract, LNT s. 74 and 83), or what it carried once it is submitted."""
	settings = frappe.get_cached_doc(SETTINGS)
	last_day = getdate(doc.last_day_paid)
	final = [p for p in periods if p.start <= last_day <= p.end]
	if final and sum((p.vacation_pay for p in final), ZERO):
		return _("The final pay carried {0} of vacation pay (block 17A).").format(
			frappe.format(float(sum((p.vacation_pay for p in final), ZERO)), "Currency")
		)
	if (settings.vacation_pay_mode or VACATION_AT_END) != VACATION_AT_END:
		return _("Vacation pay is paid with each pay: the last pay carries its own.")
	rate = vacation_pay_rate(
		getdate(doc.first_day_worked),
		last_day,
		rates=(
			to_decimal(settings.vacation_pay_rate or 4),
			to_decimal(settings.vacation_pay_rate_after or 6),
		),
	)
	owed = rules.vacation_owed(periods, rate)
	return _(
		"The last pay (the pay period of {0}) must carry the vacation pay accrued: {1} % of every wage of the employment, {2} on the wages paid so far, and the indemnity of each general holiday in its period. Submit it: this ROE follows."
	).format(
		frappe.format(last_day, "Date"),
		frappe.format(float(rate), "Float"),
		frappe.format(float(owed), "Currency"),
	)


def reason(doc) -> str:
	"""Block 16 from the parcours' exit (core/parcours/parcours.exit_kind), Other for an employee who
	left no parcours behind (the bookkeeper says why in the comments)."""
	if not doc.parcours:
		return doc.reason_code or rules.OTHER
	parcours = frappe.db.get_value(
		"Parcours", doc.parcours, ["planned_end_date", "actual_end_date", "exit_reason"], as_dict=True
	)
	ran_to_end = (
		parcours_rules.exit_kind(
			getdate(parcours.planned_end_date) if parcours.planned_end_date else None,
			getdate(parcours.actual_end_date or doc.last_day_paid),
			None,
		)
		== parcours_rules.Status.COMPLETED
	)
	return rules.reason_code(ran_to_end, parcours.exit_reason, reason_mapping())


def periods_reported() -> dict[str, int]:
	"""Block 15C's number of periods by pay frequency, from Insertion Settings (seeded from
	constants.ROE_PERIODS_REPORTED with their source, each flagged to confirm)."""
	rows = frappe.get_cached_doc(SETTINGS).get("roe_periods_reported") or []
	return {row.pay_frequency: row.periods for row in rows if row.periods} or dict(ROE_PERIODS_REPORTED)


def reason_mapping() -> dict[str, str]:
	rows = frappe.get_cached_doc(SETTINGS).get("roe_reason_codes") or []
	return {row.exit_reason: row.roe_code for row in rows} or dict(ROE_REASON_CODES)


def paid_periods(employee: str, last_day: date) -> tuple[list[rules.PayPeriod], str]:
	"""The employee's submitted slips up to the last day, in one query: (periods, the latest
	slip's pay frequency)."""
	rows = frappe.db.sql(
		"""
		select ss.name, ss.start_date, ss.end_date, ss.payroll_frequency, ss.gross_pay,
			ss.salary_slip_based_on_timesheet, ss.total_working_hours, ss.payment_days,
			coalesce(sum(case when sd.salary_component = %(vacation)s then sd.amount end), 0) as vacation_pay
		from `tabSalary Slip` ss
		left join `tabSalary Detail` sd
			on sd.parent = ss.name and sd.parenttype = 'Salary Slip' and sd.parentfield = 'earnings'
		where ss.employee = %(employee)s and ss.docstatus = 1 and ss.start_date <= %(last_day)s
		group by ss.name
		order by ss.end_date desc
		limit 60
		""",
		{"employee": employee, "last_day": last_day, "vacation": VACATION_PAY_COMPONENT[0]},
		as_dict=True,
	)
	if not rows:
		return [], ""
	daily = to_decimal(flt(frappe.db.get_single_value("HR Settings", "standard_working_hours")) or 7)
	periods = [
		rules.PayPeriod(
			start=getdate(row.start_date),
			end=getdate(row.end_date),
			hours=(
				to_decimal(row.total_working_hours)
				if row.salary_slip_based_on_timesheet
				else daily * to_decimal(row.payment_days)
			),
			earnings=to_decimal(row.gross_pay),
			vacation_pay=to_decimal(row.vacation_pay),
			reference=row.name,
		)
		for row in rows
	]
	return periods, rows[0].payroll_frequency


def error_message(error: rules.RoeError, frequency: str) -> str:
	if error.kind == rules.UNKNOWN_FREQUENCY:
		return _(
			"A Record of Employment reports weekly, biweekly, semi-monthly or monthly pay periods, not {0}."
		).format(_(frequency))
	return _("No submitted salary slip pays this employee up to the last day for which paid.")


def refresh_for_slip(slip, method=None) -> None:
	"""doc_events hook (Salary Slip on_submit, on_cancel): the employee's draft ROEs again."""
	for name in frappe.get_all(DOCTYPE, filters={"employee": slip.employee, "docstatus": 0}, pluck="name"):
		doc = frappe.get_doc(DOCTYPE, name)
		doc.flags.ignore_permissions = True
		doc.save()


def remind(doc, description: str) -> None:
	users = [
		user
		for user in users_with_roles(PAYROLL_ROLES)
		if not frappe.db.exists(
			"ToDo",
			{"reference_type": DOCTYPE, "reference_name": doc.name, "allocated_to": user, "status": "Open"},
		)
	]
	if users:
		assign(
			{
				"assign_to": users,
				"doctype": DOCTYPE,
				"name": doc.name,
				"description": description,
				"date": doc.deadline,
			},
			ignore_permissions=True,
		)


def remind_due() -> None:
	"""Daily: each draft ROE due within two days, to each payroll user who has no open ToDo for it."""
	until = getdate(today()) + timedelta(days=REMIND_DAYS)
	for row in frappe.get_all(
		DOCTYPE,
		filters={"docstatus": 0, "deadline": ("<=", until)},
		fields=["name", "employee_name", "deadline"],
	):
		doc = frappe.get_doc(DOCTYPE, row.name)
		remind(
			doc,
			_("Record of Employment of {0} due {1}: issue it on ROE Web").format(
				row.employee_name, frappe.format(row.deadline, "Date")
			),
		)


def close_todos(doc) -> None:
	frappe.db.set_value(
		"ToDo",
		{"reference_type": DOCTYPE, "reference_name": doc.name, "status": "Open"},
		"status",
		"Closed",
	)


def year_checks(company: str, year: int) -> list[str]:
	"""The year's exits without an issued ROE, and the issued ROEs whose insurable hours are not
	the hours the slips paid (a slip changed after the ROE was issued), as messages."""
	found = []
	relieved = frappe.db.sql(
		"""select e.name, e.employee_name, e.relieving_date,
			(select r.name from `tabRecord of Employment` r
			where r.employee = e.name and r.last_day_paid = e.relieving_date and r.docstatus = 1
			order by r.creation desc limit 1) as roe,
			(select r.name from `tabRecord of Employment` r
			where r.employee = e.name and r.docstatus = 0
			order by r.creation desc limit 1) as draft
		from `tabEmployee` e
		where e.company = %(company)s and e.relieving_date between %(start)s and %(end)s""",
		{"company": company, "start": f"{year}-01-01", "end": f"{year}-12-31"},
		as_dict=True,
	)
	for row in relieved:
		if not row.roe and row.draft:
			found.append(
				_("{0} left on {1}: Record of Employment {2} is a draft, not issued yet.").format(
					escape_html(row.employee_name), frappe.format(row.relieving_date, "Date"), row.draft
				)
			)
			continue
		if not row.roe:
			found.append(
				_("{0} left on {1}: no Record of Employment issued.").format(
					escape_html(row.employee_name), frappe.format(row.relieving_date, "Date")
				)
			)
			continue
		doc = frappe.get_doc(DOCTYPE, row.roe)
		periods, frequency = paid_periods(row.name, getdate(doc.last_day_paid))
		try:
			built = build(doc, periods, frequency)
		except rules.RoeError:
			continue
		if built.insurable_hours != to_decimal(doc.insurable_hours):
			found.append(
				_("{0}: Record of Employment {1} gives {2} insurable hours, the slips paid {3}.").format(
					escape_html(row.employee_name), row.roe, doc.insurable_hours, built.insurable_hours
				)
			)
	return found
