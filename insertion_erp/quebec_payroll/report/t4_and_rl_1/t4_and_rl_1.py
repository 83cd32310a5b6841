"""T4 and RL-1: each employee's boxes for a year, from the company's submitted salary slips
paid in the year (posting date), what would make the authorities refuse a slip, and the
year-end reconciliation: the slips' deductions and contributions against what their accrual
journal entries booked on each agency's payable account (the remittances report's check, for
the year), and the Records of Employment the year's exits call for.

Two aggregated queries: the slips' gross pay by employee, and their deduction rows of the
app's components by employee and component; the boxes come from core/payroll/year_end.py. The
Problems column names the employees whose SIN, address or date of birth is missing, whose
T4 and RL-1 boxes disagree, or whose contribution passes the year's maximum. No SIN is shown.
"""

from datetime import date

import frappe
from frappe import _
from frappe.utils import cint, escape_html

from insertion_erp.controllers.arguments import require
from insertion_erp.core.payroll import source_deductions, year_end
from insertion_erp.core.periods import Period
from insertion_erp.quebec_payroll import filing, roe
from insertion_erp.quebec_payroll import year_end as slips
from insertion_erp.quebec_payroll.rates import payroll_year
from insertion_erp.quebec_payroll.report.source_deduction_remittances.source_deduction_remittances import (
	agency_label,
	remittances,
)

T4_LABELS = {
	"14": "T4 Box 14 Employment Income",
	"17": "T4 Box 17 QPP",
	"17A": "T4 Box 17A QPP2",
	"18": "T4 Box 18 EI Premiums",
	"22": "T4 Box 22 Income Tax Deducted",
	"24": "T4 Box 24 EI Insurable Earnings",
	"26": "T4 Box 26 Pensionable Earnings",
	"55": "T4 Box 55 QPIP Premiums",
	"56": "T4 Box 56 QPIP Insurable Earnings",
}
RL1_LABELS = {
	"A": "RL-1 Box A Employment Income",
	"B.A": "RL-1 Box B.A QPP",
	"B.B": "RL-1 Box B.B QPP2",
	"C": "RL-1 Box C EI Premiums",
	"E": "RL-1 Box E Quebec Income Tax",
	"G": "RL-1 Box G QPP Pensionable Salary",
	"H": "RL-1 Box H QPIP Premiums",
	"I": "RL-1 Box I QPIP Eligible Salary",
}


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	require(company=filters.company, year=filters.year)
	year = cint(filters.year)
	if not 2000 <= year <= 2100:
		frappe.throw(_("{0} is not a year.").format(frappe.bold(filters.year)), title=_("Invalid Year"))
	if not frappe.db.exists("Company", filters.company):
		frappe.throw(_("Company {0} not found.").format(filters.company), frappe.DoesNotExistError)
	totals = slips.year_totals(filters.company, year)
	return (
		columns(),
		rows(filters.company, year, totals),
		reconciliation(filters.company, year, totals),
		None,
		report_summary(filters.company, year),
	)


def columns() -> list[dict]:
	money = {"fieldtype": "Currency", "options": "CAD", "width": 130}
	return [
		{
			"fieldname": "employee",
			"label": _("Employee"),
			"fieldtype": "Link",
			"options": "Employee",
			"width": 130,
		},
		{"fieldname": "employee_name", "label": _("Employee Name"), "fieldtype": "Data", "width": 170},
		*(
			{"fieldname": slips.field_of("t4", b), "label": _(label), **money}
			for b, label in T4_LABELS.items()
		),
		*(
			{"fieldname": slips.field_of("rl1", b), "label": _(label), **money}
			for b, label in RL1_LABELS.items()
		),
		{"fieldname": "problems", "label": _("Problems"), "fieldtype": "Data", "width": 300},
	]


def rows(company: str, year: int, totals: dict[str, year_end.YearTotals]) -> list[dict]:
	if not totals:
		return []
	parameters = payroll_year(year)
	maximums = slips.maximums(year)
	annual_max = {
		"qpp": source_deductions.qpp_annual_max(parameters),
		"qpp2": source_deductions.qpp2_annual_max(parameters),
		"ei": source_deductions.ei_annual_max(parameters),
		"qpip": source_deductions.qpip_annual_max(parameters),
	}
	employees = {
		row.name: row
		for row in frappe.get_all(
			"Employee",
			filters={"name": ("in", list(totals))},
			fields=["name", "employee_name", "date_of_birth", "current_address", "insertion_sin"],
		)
	}
	out = []
	for employee in sorted(totals, key=lambda e: (employees[e].employee_name or "", e)):
		details = employees[employee]
		t4 = year_end.t4(totals[employee], maximums)
		rl1 = year_end.rl1(totals[employee], maximums)
		problems = [_("SIN missing")] if not details.insertion_sin else []
		if not (details.current_address or "").strip():
			problems.append(_("address missing"))
		if not details.date_of_birth:
			problems.append(_("date of birth missing"))
		problems += [_("boxes disagree: {0}").format(pair) for pair in year_end.disagreements(t4, rl1)]
		problems += [
			_("{0} over the year's maximum").format(field.upper())
			for field, maximum in annual_max.items()
			if getattr(totals[employee], field) > maximum
		]
		row = {"employee": employee, "employee_name": details.employee_name, "problems": "; ".join(problems)}
		row.update({slips.field_of("t4", box): float(amount) for box, amount in t4.items()})
		row.update({slips.field_of("rl1", box): float(amount) for box, amount in rl1.items()})
		out.append(row)
	return out


def reconciliation(company: str, year: int, totals: dict[str, year_end.YearTotals]) -> str:
	"""The year's checks, as the report's message: each salary slip's rows against its totals,
	each year-end slip's boxes against the salary slips, each agency's slips against the
	ledger, each relieved employee's ROE issued, and its insurable hours equal to the hours the
	slips paid."""
	found = slips.edited_slips(company, year) + slips.issued_differences(company, year, totals)
	checked = remittances(company, Period(date(year, 1, 1), date(year, 12, 31)))
	for agency, total in checked.agencies.items():
		if total.difference:
			found.append(
				_(
					"{0}: the slips withhold and contribute {1}, their journal entries booked {2} on {3}: a difference of {4}."
				).format(
					agency_label(agency),
					frappe.format(float(total.total), "Currency"),
					frappe.format(float(total.booked), "Currency"),
					escape_html(total.account),
					frappe.format(float(total.difference), "Currency"),
				)
			)
	found += roe.year_checks(company, year)
	layouts = "".join(
		f'<p class="text-muted">{note}</p>'
		for note in (filing.to_confirm(file, year) for file in ("T4", "RL-1"))
		if note
	)
	if not found:
		return "<p>{}</p>{}".format(
			_(
				"Reconciled: each salary slip's rows add up to its totals, the year-end slips to the salary slips, the slips agree with the payable accounts, and every exit of the year has its Record of Employment, its hours those the slips paid."
			),
			layouts,
		)
	return "<p><b>{}</b></p><ul>{}</ul>{}".format(
		_("To correct before filing:"), "".join(f"<li>{item}</li>" for item in found), layouts
	)


def report_summary(company: str, year: int) -> list[dict]:
	"""The T4 Summary and the RL-1 Summary of the year-end slips, above the table."""
	t4, rl1 = slips.summaries(company, year)
	money = {"datatype": "Currency", "currency": "CAD"}
	return [
		{"label": _("T4 Summary: slips (box 88)"), "value": int(t4["88"]), "datatype": "Int"},
		{"label": _("T4 Summary: employment income (box 14)"), "value": float(t4["14"]), **money},
		{"label": _("T4 Summary: employees' EI premiums (box 18)"), "value": float(t4["18"]), **money},
		{"label": _("T4 Summary: employer's EI premiums (box 19)"), "value": float(t4["19"]), **money},
		{"label": _("T4 Summary: income tax deducted (box 22)"), "value": float(t4["22"]), **money},
		{"label": _("T4 Summary: total deductions (box 80)"), "value": float(t4["80"]), **money},
		{"label": _("RL-1 Summary: slips"), "value": int(rl1["slips"]), "datatype": "Int"},
		{"label": _("RL-1 Summary: QPP, employees and employer"), "value": float(rl1["qpp"]), **money},
		{"label": _("RL-1 Summary: QPIP, employees and employer"), "value": float(rl1["qpip"]), **money},
		{"label": _("RL-1 Summary: Quebec income tax withheld"), "value": float(rl1["quebec_tax"]), **money},
		{"label": _("RL-1 Summary: Health Services Fund (FSS)"), "value": float(rl1["fss"]), **money},
		{"label": _("RL-1 Summary: labour standards (CNT)"), "value": float(rl1["cnt"]), **money},
		{"label": _("RL-1 Summary: total"), "value": float(rl1["total"]), **money},
	]
