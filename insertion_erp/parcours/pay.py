"""A trainee is paid from the day the parcours starts: the start gives the Employee the Insertion
Settings' salary structure for trainees (hourly, from the timesheets), so the month's Payroll
Entry finds them. HRMS pays nobody without a Salary Structure Assignment, and says nothing."""

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.constants import SETTINGS


def assign_trainee_structure(employee: str, company: str, from_date) -> str | None:
	"""The assignment in force on `from_date` (one made before, kept: a trainee who comes back
	keeps theirs), or a new one of the settings' structure from that day. Said, not raised,
	when none can be made: the parcours starts all the same, the bookkeeper is told why."""
	existing = frappe.db.get_value(
		"Salary Structure Assignment",
		{"employee": employee, "docstatus": 1, "from_date": ("<=", getdate(from_date))},
		"name",
	)
	if existing:
		return existing
	structure = frappe.db.get_single_value(SETTINGS, "trainee_salary_structure")
	problem = None
	if not structure:
		problem = _("Insertion Settings name no salary structure for trainees")
	elif frappe.db.get_value("Salary Structure", structure, "company") != company:
		problem = _("the trainees' salary structure {0} is not one of company {1}").format(structure, company)
	elif frappe.db.get_value("Salary Structure", structure, "docstatus") != 1:
		problem = _("the trainees' salary structure {0} is not submitted").format(structure)
	if problem:
		frappe.msgprint(
			_(
				"{0} has no salary structure: {1}. Assign one before the payroll, or they will not be paid."
			).format(
				frappe.bold(frappe.db.get_value("Employee", employee, "employee_name") or employee), problem
			),
			title=_("Pay Not Set Up"),
			indicator="orange",
		)
		return None
	# The counsellor who starts the parcours has no HR rights: the assignment is the start's own.
	# Base 0: hourly, from the structure's rate and the timesheets' hours.
	return submit_assignment(employee, structure, company, getdate(from_date))


def submit_assignment(employee: str, structure: str, company: str, from_date, base: float = 0) -> str:
	"""A submitted Salary Structure Assignment, made with the caller's rights (its checks are
	the caller's), in the company's currency."""
	assignment = frappe.get_doc(
		{
			"doctype": "Salary Structure Assignment",
			"employee": employee,
			"salary_structure": structure,
			"company": company,
			"currency": frappe.get_cached_value("Company", company, "default_currency"),
			"from_date": from_date,
			"base": base,
		}
	)
	assignment.flags.ignore_permissions = True
	assignment.insert()
	assignment.submit()
	return assignment.name
