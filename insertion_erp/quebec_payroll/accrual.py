"""A Payroll Entry's accrual also books the employer's contributions that its salary slips carry
(expense debited, payable credited), so the wages' full cost and what is owed to the CRA and
Revenu Québec reach the ledger in the same entry (hook: overrides/journal_entry.py)."""

import frappe
from frappe.utils import flt


def add_employer_contributions(doc, method=None) -> None:
	"""before_validate of a new entry: on the accrual of a Payroll Entry (the credit to payroll
	payable that references it), which HRMS inserts and submits at once."""
	if not doc.is_new() or doc.voucher_type != "Journal Entry":
		return
	payroll_entry = next(
		(
			row.reference_name
			for row in doc.accounts
			if row.reference_type == "Payroll Entry" and flt(row.credit_in_account_currency)
		),
		None,
	)
	if not payroll_entry:
		return
	rows = frappe.db.sql(
		"""select ec.expense_account, ec.payable_account, sum(ec.amount) as amount
		from `tabEmployer Contribution` ec
		join `tabSalary Slip` ss on ss.name = ec.parent and ec.parenttype = 'Salary Slip'
		where ss.payroll_entry = %(payroll_entry)s and ss.docstatus = 1
			and (ss.journal_entry is null or ss.journal_entry = '')
		group by ec.expense_account, ec.payable_account
		having amount != 0
		order by ec.expense_account, ec.payable_account""",
		{"payroll_entry": payroll_entry},
		as_dict=True,
	)
	if not rows:
		return
	cost_center = frappe.db.get_value("Payroll Entry", payroll_entry, "cost_center")
	debits: dict[str, float] = {}
	credits: dict[str, float] = {}
	for row in rows:
		debits[row.expense_account] = debits.get(row.expense_account, 0) + flt(row.amount)
		credits[row.payable_account] = credits.get(row.payable_account, 0) + flt(row.amount)
	for account, amount in debits.items():
		doc.append(
			"accounts",
			{"account": account, "debit_in_account_currency": flt(amount, 2), "cost_center": cost_center},
		)
	for account, amount in credits.items():
		doc.append(
			"accounts",
			{"account": account, "credit_in_account_currency": flt(amount, 2), "cost_center": cost_center},
		)
