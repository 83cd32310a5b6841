"""Sample HRMS payroll for the demo site and the claim tests: structures, assignments,
timesheets and submitted salary slips, each created once (a second call finds it)."""

from datetime import datetime, timedelta

import frappe

HOURLY_COMPONENT = "Salaire horaire TEF"
BASE_COMPONENT = "Salaire de base"
ACTIVITY = "Travail en atelier"


def ensure_components() -> None:
	for component, abbr, by_days in ((HOURLY_COMPONENT, "SH", 0), (BASE_COMPONENT, "SB", 1)):
		if not frappe.db.exists("Salary Component", component):
			frappe.get_doc(
				{
					"doctype": "Salary Component",
					"salary_component": component,
					"salary_component_abbr": abbr,
					"type": "Earning",
					"depends_on_payment_days": by_days,
				}
			).insert(ignore_permissions=True)
	if not frappe.db.exists("Activity Type", ACTIVITY):
		frappe.get_doc({"doctype": "Activity Type", "activity_type": ACTIVITY}).insert(
			ignore_permissions=True
		)


def ensure_hourly_structure(name: str, company: str, hour_rate: float) -> str:
	"""Trainees paid by the hour from their timesheets."""
	ensure_components()
	if not frappe.db.exists("Salary Structure", name):
		frappe.get_doc(
			{
				"doctype": "Salary Structure",
				"__newname": name,
				"company": company,
				"currency": "CAD",
				"payroll_frequency": "Monthly",
				"salary_slip_based_on_timesheet": 1,
				"salary_component": HOURLY_COMPONENT,
				"hour_rate": hour_rate,
				"is_active": "Yes",
			}
		).insert(ignore_permissions=True).submit()
	return name


def ensure_monthly_structure(name: str, company: str) -> str:
	"""Staff paid a monthly base."""
	ensure_components()
	if not frappe.db.exists("Salary Structure", name):
		frappe.get_doc(
			{
				"doctype": "Salary Structure",
				"__newname": name,
				"company": company,
				"currency": "CAD",
				"payroll_frequency": "Monthly",
				"is_active": "Yes",
				"earnings": [
					{
						"salary_component": BASE_COMPONENT,
						"abbr": "SB",
						"amount_based_on_formula": 1,
						"formula": "base",
						"depends_on_payment_days": 1,
					}
				],
			}
		).insert(ignore_permissions=True).submit()
	return name


def assign(employee: str, structure: str, company: str, from_date, base: float = 0) -> None:
	if frappe.db.exists("Salary Structure Assignment", {"employee": employee, "docstatus": 1}):
		return
	frappe.get_doc(
		{
			"doctype": "Salary Structure Assignment",
			"employee": employee,
			"salary_structure": structure,
			"company": company,
			"currency": "CAD",
			"from_date": from_date,
			"base": base,
		}
	).insert(ignore_permissions=True).submit()


def ensure_timesheet(employee: str, company: str, first_day, hours: float) -> None:
	"""Seven-hour days from `first_day` until the hours are logged."""
	if frappe.db.exists("Timesheet", {"employee": employee, "start_date": first_day, "docstatus": 1}):
		return
	logs, day, left = [], datetime.fromisoformat(f"{first_day} 08:00:00"), hours
	while left > 0:
		chunk = min(7, left)
		logs.append(
			{
				"activity_type": ACTIVITY,
				"from_time": day,
				"hours": chunk,
				"to_time": day + timedelta(hours=chunk),
			}
		)
		day, left = day + timedelta(days=1), left - chunk
	frappe.get_doc(
		{"doctype": "Timesheet", "employee": employee, "company": company, "time_logs": logs}
	).insert(ignore_permissions=True).submit()


def ensure_slip(employee: str, company: str, start, end) -> str:
	existing = frappe.db.get_value("Salary Slip", {"employee": employee, "start_date": start, "docstatus": 1})
	if existing:
		return existing
	slip = frappe.get_doc(
		{
			"doctype": "Salary Slip",
			"employee": employee,
			"start_date": start,
			"end_date": end,
			"posting_date": end,
			"payroll_frequency": "Monthly",
			"company": company,
		}
	)
	slip.insert(ignore_permissions=True)
	slip.submit()
	return slip.name
