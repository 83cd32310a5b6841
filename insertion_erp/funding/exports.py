"""The funder's Excel file: one row per employee and salary slip (and per insertion cost).

Law 25: a trainee is named in it only while their consent to "Sharing with the Funder"
is in force on the day the file is made; otherwise (never given, or withdrawn) the
file shows the trainee's ID in place of their name. The claim itself, its lines and
its amounts are unchanged: the funder is still owed, under the contract and the
law, the data the reimbursement rests on (slips, periods, hours, amounts), and the
enterprise keeps the link from the ID to the person for the funder's audit.
"""

import frappe
from frappe import _
from frappe.utils import flt
from frappe.utils.xlsxutils import make_xlsx

from insertion_erp.controllers.arguments import require
from insertion_erp.core.privacy.consent import FUNDER
from insertion_erp.privacy.consent import consented_trainees

COLUMNS = (
	("budget_kind", "Budget Line"),
	("employee", "Employee"),
	("employee_name", "Employee Name"),
	("trainee", "Trainee"),
	("salary_slip", "Salary Slip"),
	("voucher_no", "Voucher"),
	("start_date", "From"),
	("end_date", "To"),
	("hours", "Hours Paid"),
	("eligible_gross", "Eligible Gross"),
	("contributions", "Employer Contributions"),
	("funded_amount", "After Ceilings"),
	("rate", "Rate (%)"),
	("reimbursed", "Reimbursed"),
)


def names_for_funder(claim) -> dict[str, str]:
	"""The name the funder's file and print show for each line: the employee's, or the
	trainee's ID when their consent to the funder is not in force (see the module's docstring).
	Also a Jinja method, for the claim's print format."""
	trainees = [line.trainee for line in claim.lines if line.get("trainee")]
	named = consented_trainees(trainees, FUNDER)
	return {
		line.name: line.trainee if line.get("trainee") and line.trainee not in named else line.employee_name
		for line in claim.lines
	}


def claim_rows(claim) -> list[list]:
	rows = [[_(label) for _field, label in COLUMNS]]
	names = names_for_funder(claim)
	for line in claim.lines:
		row = []
		for field, _label in COLUMNS:
			value = line.get(field)
			if field == "budget_kind":
				value = _(value)
			elif field == "employee_name":
				value = names[line.name]
			elif field in ("hours", "eligible_gross", "contributions", "funded_amount", "rate", "reimbursed"):
				value = flt(value, 2)
			row.append(value)
		rows.append(row)
	rows.append([_("Total"), *[""] * (len(COLUMNS) - 2), flt(claim.total_reimbursed, 2)])
	return rows


@frappe.whitelist()
def download_claim_xlsx(name: str | None = None) -> None:
	require(name=name)
	claim = frappe.get_doc("Reimbursement Claim", name)
	claim.check_permission("read")
	xlsx = make_xlsx(claim_rows(claim), _("Claim"))
	frappe.response["filename"] = f"{name}.xlsx"
	frappe.response["filecontent"] = xlsx.getvalue()
	frappe.response["type"] = "binary"
