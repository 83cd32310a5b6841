"""Who a Payroll Entry leaves out: every trainee at work in its period is paid, or the bookkeeper
is told before submitting, with the reason (no salary structure assigned, a structure paid from
timesheets in an entry that is not, or the other way round). HRMS fetches only the employees
whose structure matches the entry and says nothing of the others."""

import frappe
from frappe import _
from frappe.utils import escape_html, flt


def trainees_left_out(entry) -> list[tuple[str, str]]:
	"""(trainee's name, reason) of each active trainee of the entry's company, employed in its
	period, who is not among its employees: one query."""
	if not (entry.company and entry.start_date and entry.end_date):
		return []
	rows = frappe.db.sql(
		"""select e.name, e.employee_name,
			(select concat(s.salary_slip_based_on_timesheet, ':', ifnull(s.payroll_frequency, ''))
			from `tabSalary Structure Assignment` a
			join `tabSalary Structure` s on s.name = a.salary_structure
			where a.employee = e.name and a.docstatus = 1 and a.from_date <= %(end)s
			order by a.from_date desc limit 1) as structure
		from `tabEmployee` e
		where e.company = %(company)s and e.status = 'Active'
			and ifnull(e.insertion_trainee, '') != ''
			and e.date_of_joining <= %(end)s
			and (e.relieving_date is null or e.relieving_date >= %(start)s)
		order by e.employee_name""",
		{"company": entry.company, "start": entry.start_date, "end": entry.end_date},
		as_dict=True,
	)
	included = {row.employee for row in entry.employees}
	left_out = []
	for row in rows:
		if row.name in included:
			continue
		timesheet_based, _sep, frequency = (row.structure or "").partition(":")
		if row.structure is None:
			reason = _("no salary structure assigned")
		elif int(timesheet_based) and not entry.salary_slip_based_on_timesheet:
			reason = _("paid from timesheets: tick Salary Slip Based on Timesheet, or run a second entry")
		elif not int(timesheet_based) and entry.salary_slip_based_on_timesheet:
			reason = _("paid by the period: untick Salary Slip Based on Timesheet, or run a second entry")
		elif frequency and frequency != entry.payroll_frequency:
			reason = _("paid {0}: run an entry of that frequency").format(_(frequency).lower())
		else:
			reason = _("not fetched: click Get Employees")
		left_out.append((row.employee_name, reason))
	return left_out


def warn_left_out(entry) -> None:
	"""Payroll Entry's validate (on each save and at submit): the trainees it leaves out."""
	left_out = trainees_left_out(entry)
	if left_out:
		frappe.msgprint(
			_("These trainees at work in the period are not in this payroll:")
			+ "<ul>"
			+ "".join(f"<li>{escape_html(name)}: {reason}</li>" for name, reason in left_out)
			+ "</ul>",
			title=_("Trainees Left Out"),
			indicator="orange",
			alert=True,  # said on each save, without stopping the bookkeeper's clicks
		)


def warn_empty_slip(slip) -> None:
	"""Salary Slip's validate: a slip that pays nothing is said (a month without hours, a structure
	without earnings), where HRMS made it without a word."""
	if not flt(slip.gross_pay) and not flt(slip.net_pay):
		frappe.msgprint(
			_("The salary slip of {0} pays nothing: no hours or earnings in the period.").format(
				escape_html(slip.employee_name or slip.employee)
			),
			title=_("Nothing Paid"),
			indicator="orange",
			alert=True,
		)


@frappe.whitelist()
def trainees_paid_from_timesheets(company: str | None = None) -> bool:
	"""Whether the company's active trainees are paid from their timesheets (their latest
	assignment's structure): a new Payroll Entry then ticks Salary Slip Based on Timesheet for
	them, so Get Employees finds them without the bookkeeper guessing the tick."""
	frappe.has_permission("Payroll Entry", "create", throw=True)
	if not company:
		return False
	return bool(
		frappe.db.sql(
			"""select 1 from `tabEmployee` e
			join `tabSalary Structure Assignment` a on a.employee = e.name and a.docstatus = 1
			join `tabSalary Structure` s on s.name = a.salary_structure
			where e.company = %(company)s and e.status = 'Active' and ifnull(e.insertion_trainee, '') != ''
				and s.salary_slip_based_on_timesheet = 1
			limit 1""",
			{"company": company},
		)
	)
