"""A GST/QST return remitted: the journal entry that settles it.

The entry moves the period's GST and QST collected and paid out of their four accounts and
pays the net (or books the refund) on the bank: GST collected and QST collected debited, the
input tax credits and refunds credited, the balance on the bank account. It is flagged as a
remittance, so the GST/QST Return, which reads those accounts' movements, leaves it out.
"""

import frappe
from frappe import _

from insertion_erp.controllers import arguments
from insertion_erp.core.money import ZERO, round_money
from insertion_erp.ledger import paying_account
from insertion_erp.quebec_sales_taxes.install import account_names
from insertion_erp.quebec_sales_taxes.report.gst_qst_return.gst_qst_return import tax_return

# The return's line: (the account's key, debited on the remittance: True, credited: False).
SETTLED = (
	("gst_collected", "gst_collected", True),
	("gst_itc", "gst_paid", False),
	("qst_collected", "qst_collected", True),
	("qst_itr", "qst_paid", False),
)


def remittance_entry(company: str, from_date, to_date, posting_date, bank_account: str | None = None):
	"""The journal entry remitting the company's return of the period (not saved)."""
	lines = {line.key: round_money(line.amount) for line in tax_return(company, from_date, to_date)}
	accounts = account_names(company)
	cost_center = frappe.get_cached_value("Company", company, "cost_center")
	bank = bank_account or paying_account(company)
	rows, balance = [], ZERO
	for line_key, account_key, debited in SETTLED:
		amount = lines[line_key]
		if not amount:
			continue
		balance += amount if debited else -amount
		side = "debit_in_account_currency" if debited == (amount > 0) else "credit_in_account_currency"
		rows.append({"account": accounts[account_key], side: float(abs(amount)), "cost_center": cost_center})
	if not rows:
		frappe.throw(
			_("The GST/QST return of {0} to {1} has nothing to remit.").format(from_date, to_date),
			title=_("Nothing to Remit"),
		)
	bank_side = "credit_in_account_currency" if balance > 0 else "debit_in_account_currency"
	rows.append({"account": bank, bank_side: float(abs(balance)), "cost_center": cost_center})
	return frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": company,
			"posting_date": posting_date,
			"insertion_sales_tax_remittance": 1,
			"user_remark": _("GST/QST return of {0} to {1}").format(from_date, to_date),
			"accounts": rows,
		}
	)


@frappe.whitelist(methods=["POST"])
def make_remittance(
	company: str | None = None, from_date: str | None = None, to_date: str | None = None
) -> dict:
	"""The GST/QST Return's "Remit this Return" button: a draft journal entry for the bookkeeper
	to check, date and submit."""
	arguments.require(company=company, from_date=from_date, to_date=to_date)
	arguments.check_company(company)
	period = arguments.period(from_date, to_date)
	frappe.has_permission("Journal Entry", "create", throw=True)
	if not frappe.db.exists("Company", company):
		frappe.throw(_("Company {0} not found.").format(company), frappe.DoesNotExistError)
	entry = remittance_entry(company, period.start, period.end, frappe.utils.nowdate())
	entry.insert()
	return {"name": entry.name}
