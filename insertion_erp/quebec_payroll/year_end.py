"""The year-end slips: each employee's T4 and RL-1 (Year-End Slip), drafted for a company and a
year from the submitted salary slips, reviewed and submitted by the payroll, sent to the CRA
(the T4 return's XML) and to Revenu Québec (the RL-1 file), amended or cancelled by the rules
of each (core/payroll/year_end.py), and checked against the salary slips they came from.

The boxes come from two aggregated queries over the year's slips (year_totals); nothing reads
a salary slip document one at a time.
"""

from datetime import date
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import cint, escape_html, getdate, today

from insertion_erp.constants import (
	DEDUCTION_COMPONENTS,
	EI,
	FEDERAL_TAX,
	QPIP,
	QPP,
	QPP2,
	QUEBEC_TAX,
)
from insertion_erp.controllers.arguments import require
from insertion_erp.core.money import ZERO, to_decimal
from insertion_erp.core.payroll import year_end
from insertion_erp.permissions import check_role
from insertion_erp.quebec_payroll import filing
from insertion_erp.quebec_payroll.rates import payroll_year

DOCTYPE = "Year-End Slip"
PAYROLL_ROLES = filing.PAYROLL_ROLES
FIELDS = {
	QPP: "qpp",
	QPP2: "qpp2",
	EI: "ei",
	QPIP: "qpip",
	FEDERAL_TAX: "federal_tax",
	QUEBEC_TAX: "quebec_tax",
}
# The Employer Contribution rows the summaries add (contribution: field of EmployerContributions).
EMPLOYER_SHARES = {"QPP": "qpp", "QPP2": "qpp2", "QPIP": "qpip", "FSS": "fss", "CNT": "cnt"}


def field_of(prefix: str, box: str) -> str:
	"""The Year-End Slip field (and the report's column) of a box: t4_17a, rl1_b_a..."""
	return f"{prefix}_{box.lower().replace('.', '_')}"


def year_totals(company: str, year: int, employee: str | None = None) -> dict[str, year_end.YearTotals]:
	"""What each employee's submitted slips paid in the year (posting date) add up to."""
	values = {"company": company, "start": f"{year}-01-01", "end": f"{year}-12-31", "employee": employee}
	one = " and ss.employee = %(employee)s" if employee else ""
	gross = frappe.db.sql(
		f"""select ss.employee, sum(ss.gross_pay) from `tabSalary Slip` ss
		where ss.company = %(company)s and ss.docstatus = 1
			and ss.posting_date between %(start)s and %(end)s{one}
		group by ss.employee""",
		values,
	)
	names = {DEDUCTION_COMPONENTS[kind][0]: field for kind, field in FIELDS.items()}
	deductions: dict[str, dict[str, Decimal]] = {}
	for employee_name, component, amount in frappe.db.sql(
		f"""select ss.employee, sd.salary_component, sum(sd.amount)
		from `tabSalary Detail` sd join `tabSalary Slip` ss on ss.name = sd.parent
		where sd.parenttype = 'Salary Slip' and sd.parentfield = 'deductions'
			and sd.salary_component in %(components)s and ss.company = %(company)s and ss.docstatus = 1
			and ss.posting_date between %(start)s and %(end)s{one}
		group by ss.employee, sd.salary_component""",
		{**values, "components": tuple(names)},
	):
		deductions.setdefault(employee_name, {})[names[component]] = to_decimal(amount)
	return {
		name: year_end.YearTotals(gross=to_decimal(total), **deductions.get(name, {}))
		for name, total in gross
	}


def maximums(year: int) -> year_end.Maximums:
	parameters = payroll_year(year)
	return year_end.Maximums(
		ympe=parameters.ympe,
		yampe=parameters.yampe,
		ei=parameters.ei_max_earnings,
		qpip=parameters.qpip_max_earnings,
	)


def boxes(totals: year_end.YearTotals, limits: year_end.Maximums) -> dict[str, Decimal]:
	"""An employee's boxes, as the Year-End Slip's fields."""
	values = {field_of("t4", box): amount for box, amount in year_end.t4(totals, limits).items()}
	values.update({field_of("rl1", box): amount for box, amount in year_end.rl1(totals, limits).items()})
	return values


def box_values(doc) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
	"""The T4 and RL-1 boxes a Year-End Slip carries."""
	return (
		{box: to_decimal(doc.get(field_of("t4", box))) for box in year_end.T4_BOXES},
		{box: to_decimal(doc.get(field_of("rl1", box))) for box in year_end.RL1_BOXES},
	)


# The document ----------------------------------------------------------------------------------


def fill(doc) -> None:
	"""A draft's boxes from the year's submitted salary slips, its address from the employee."""
	doc.employee_name = frappe.db.get_value("Employee", doc.employee, "employee_name")
	doc.address = frappe.db.get_value("Employee", doc.employee, "current_address")
	doc.filing_type = "Amended" if doc.amended_from else "Original"
	doc.t4_filed = doc.rl1_filed = doc.rl1_slip_number = ""  # a draft was never sent (an amendment's copy)
	totals = year_totals(doc.company, cint(doc.year), doc.employee).get(
		doc.employee, year_end.YearTotals(ZERO)
	)
	for field, amount in boxes(totals, maximums(cint(doc.year))).items():
		doc.set(field, float(amount))


def validate(doc) -> None:
	if not 2000 <= cint(doc.year) <= 2100:
		frappe.throw(_("{0} is not a year.").format(frappe.bold(doc.year)), title=_("Invalid Year"))
	if frappe.db.get_value("Employee", doc.employee, "company") != doc.company:
		frappe.throw(
			_("Employee {0} is not an employee of {1}.").format(
				frappe.bold(doc.employee), frappe.bold(doc.company)
			),
			title=_("Invalid Employee"),
		)
	other = frappe.db.get_value(
		DOCTYPE,
		{
			"company": doc.company,
			"year": doc.year,
			"employee": doc.employee,
			"docstatus": ("<", 2),
			"name": ("!=", doc.name),
		},
	)
	if other:
		frappe.throw(
			_("{0} already has the year-end slip {1} for {2}: amend that one.").format(
				escape_html(doc.employee_name or doc.employee), frappe.bold(other), doc.year
			),
			title=_("Duplicate Slip"),
		)


def check_year_over(doc) -> None:
	"""before_submit: a year's slip is issued once the year's pay is over (the last pay of December
	changes every box), except for an employee who has left during the year. The day is frappe's
	`current_date` flag when set (which frappe.utils.now honours and HRMS reads: a day other
	than today without moving the clock)."""
	on = getdate(frappe.flags.current_date or today())
	if on > date(cint(doc.year), 12, 31):
		return
	relieved = frappe.db.get_value("Employee", doc.employee, "relieving_date")
	if relieved and getdate(relieved).year == cint(doc.year) and getdate(relieved) <= on:
		return
	frappe.throw(
		_(
			"The year {0} is not over: {1} may still be paid in it. Submit the year's slips from January 1, {2}; only an employee who left during the year may have theirs now."
		).format(doc.year, escape_html(doc.employee_name or doc.employee), cint(doc.year) + 1),
		title=_("Year Not Over"),
	)


@frappe.whitelist(methods=["POST"])
def create_slips(company: str | None = None, year: int | str | None = None) -> dict:
	"""A draft Year-End Slip for each employee the company paid in the year who has none; the
	drafts already there are refreshed. Payroll users only."""
	require(company=company, year=year)
	check_role(PAYROLL_ROLES)
	year = valid_year(year)
	if not frappe.db.exists("Company", company):
		frappe.throw(_("Company {0} not found.").format(company), frappe.DoesNotExistError)
	frappe.has_permission(DOCTYPE, "create", throw=True)
	existing = {
		row.employee: row
		for row in frappe.get_all(
			DOCTYPE,
			filters={"company": company, "year": year, "docstatus": ("<", 2)},
			fields=["name", "employee", "docstatus"],
		)
	}
	created = refreshed = 0
	for employee in sorted(year_totals(company, year)):
		row = existing.get(employee)
		if row is None:
			frappe.get_doc(
				{"doctype": DOCTYPE, "company": company, "year": year, "employee": employee}
			).insert()
			created += 1
		elif row.docstatus == 0:
			frappe.get_doc(DOCTYPE, row.name).save()
			refreshed += 1
	return {"created": created, "refreshed": refreshed}


def valid_year(year) -> int:
	value = cint(year)
	if not 2000 <= value <= 2100:
		frappe.throw(_("{0} is not a year.").format(frappe.bold(year)), title=_("Invalid Year"))
	return value


# Summaries and checks ------------------------------------------------------------------------


def summaries(company: str, year: int) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
	"""The T4 Summary and the RL-1 Summary of the year's year-end slips (drafts and submitted:
	the slips as they will be filed), with the employer's contributions of the year's salary
	slips."""
	fields = [field_of("t4", b) for b in ("14", "18", "22")] + [
		field_of("rl1", b) for b in ("B.A", "B.B", "H", "E")
	]
	issued = frappe.get_all(
		DOCTYPE, filters={"company": company, "year": year, "docstatus": ("<", 2)}, fields=fields
	)
	slips = [
		{
			**{b: to_decimal(row[field_of("t4", b)]) for b in ("14", "18", "22")},
			**{b: to_decimal(row[field_of("rl1", b)]) for b in ("B.A", "B.B", "H", "E")},
		}
		for row in issued
	]
	shares = dict(
		frappe.db.sql(
			"""select ec.contribution, sum(ec.amount) from `tabEmployer Contribution` ec
			join `tabSalary Slip` ss on ss.name = ec.parent
			where ec.parenttype = 'Salary Slip' and ss.docstatus = 1 and ss.company = %(company)s
				and ss.posting_date between %(start)s and %(end)s
			group by ec.contribution""",
			{"company": company, "start": f"{year}-01-01", "end": f"{year}-12-31"},
		)
	)
	employer = year_end.EmployerContributions(
		**{field: to_decimal(shares.get(kind)) for kind, field in EMPLOYER_SHARES.items()}
	)
	return year_end.t4_summary(slips, to_decimal(shares.get("EI"))), year_end.rl1_summary(slips, employer)


def issued_differences(company: str, year: int, totals: dict[str, year_end.YearTotals]) -> list[str]:
	"""Each year-end slip's boxes (draft or submitted) the salary slips no longer add up to, by
	employee and box: a salary slip cancelled, amended or edited after the year-end slip was
	drafted."""
	limits = maximums(year)
	found = []
	for doc in frappe.get_all(
		DOCTYPE,
		filters={"company": company, "year": year, "docstatus": ("<", 2)},
		fields=["name", "employee", "employee_name"]
		+ [field_of("t4", b) for b in year_end.T4_BOXES]
		+ [field_of("rl1", b) for b in year_end.RL1_BOXES],
	):
		now = boxes(totals.get(doc.employee, year_end.YearTotals(ZERO)), limits)
		issued = {field: to_decimal(doc[field]) for field in now}
		for field, on_slip, today_sum in year_end.box_differences(issued, now):
			prefix, _sep, box = field.partition("_")
			found.append(
				_(
					"{0}, {1} box {2}: the year-end slip {3} says {4}, the salary slips now add up to {5}."
				).format(
					escape_html(doc.employee_name),
					"T4" if prefix == "t4" else "RL-1",
					box_label(prefix, box),
					doc.name,
					frappe.format(float(on_slip), "Currency"),
					frappe.format(float(today_sum), "Currency"),
				)
			)
	return found


def box_label(prefix: str, key: str) -> str:
	boxes_of = year_end.T4_BOXES if prefix == "t4" else year_end.RL1_BOXES
	return next(box for box in boxes_of if field_of(prefix, box) == f"{prefix}_{key}")


def edited_slips(company: str, year: int) -> list[str]:
	"""The year's submitted salary slips whose rows no longer add up to their totals (a row
	changed in the database after submission), with the boxes the changed component feeds."""
	rows = frappe.db.sql(
		"""select ss.name, ss.employee_name, ss.gross_pay, ss.total_deduction,
			sum(case when sd.parentfield = 'earnings' then sd.amount else 0 end) as earnings,
			sum(case when sd.parentfield = 'deductions' then sd.amount else 0 end) as deductions
		from `tabSalary Slip` ss left join `tabSalary Detail` sd
			on sd.parent = ss.name and sd.parenttype = 'Salary Slip'
				and sd.do_not_include_in_total = 0 and sd.statistical_component = 0
		where ss.company = %(company)s and ss.docstatus = 1 and ss.posting_date between %(start)s and %(end)s
		group by ss.name, ss.employee_name, ss.gross_pay, ss.total_deduction
		having abs(earnings - ss.gross_pay) >= 0.005 or abs(deductions - ss.total_deduction) >= 0.005""",
		{"company": company, "start": f"{year}-01-01", "end": f"{year}-12-31"},
		as_dict=True,
	)
	return [
		_(
			"{0}, salary slip {1}: its rows add up to {2} of earnings and {3} of deductions, its totals say {4} and {5}."
		).format(
			escape_html(row.employee_name),
			row.name,
			frappe.format(row.earnings, "Currency"),
			frappe.format(row.deductions, "Currency"),
			frappe.format(row.gross_pay, "Currency"),
			frappe.format(row.total_deduction, "Currency"),
		)
		for row in rows
	]
