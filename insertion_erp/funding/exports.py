"""The funder's Excel file: one row per employee and salary slip (and per insertion cost)."""

import frappe
from frappe import _
from frappe.utils import flt
from frappe.utils.xlsxutils import make_xlsx

from insertion_erp.controllers.arguments import require

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


def claim_rows(claim) -> list[list]:
	rows = [[_(label) for _field, label in COLUMNS]]
	for line in claim.lines:
		row = []
		for field, _label in COLUMNS:
			value = line.get(field)
			if field == "budget_kind":
				value = _(value)
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
