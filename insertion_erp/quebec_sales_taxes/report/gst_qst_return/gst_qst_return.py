"""GST/QST Return: the lines of Revenu Québec's combined return (FPZ-500) for a period, read
from the books.

- Supplies (line 101): the net amount of the submitted sales invoices' rows in the period
  (the till's sales once its sessions are closed, desk invoices, credit notes less), but
  not the rows of exempt supplies (the item tax template "Exonéré") nor the reimbursement
  claims' invoices to the funder, which are no supply.
- Collected: the net credit of the GST and QST collected accounts in the period; input tax
  credits and refunds: the net debit of the GST and QST paid accounts. So the net tax
  equals the tax accounts' movement in the period, to the cent, as the General Ledger shows,
  the journal entries that remit a return (quebec_sales_taxes/remittance.py) left out.

One aggregated query each for the supplies and the ledger.
"""

import frappe
from frappe import _

from insertion_erp.controllers import arguments
from insertion_erp.core.market.sales_taxes import return_lines, total
from insertion_erp.core.money import ZERO, round_money, to_decimal
from insertion_erp.quebec_sales_taxes.install import EXEMPT, account_names, template_name


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	arguments.require(company=filters.company)
	arguments.check_company(filters.company)
	period = arguments.period(filters.from_date, filters.to_date)
	lines = tax_return(filters.company, period.start, period.end)
	currency = frappe.get_cached_value("Company", filters.company, "default_currency")
	data = [
		{
			"line": line.line,
			"description": _(line.label),
			"amount": float(round_money(line.amount)),
			"currency": currency,
			"is_total": line.key
			in ("gst_total", "gst_itc_total", "gst_net", "qst_total", "qst_itr_total", "qst_net", "balance"),
		}
		for line in lines
	]
	balance = total(lines, "balance")
	summary = [
		{
			"label": _("To Remit") if balance >= 0 else _("To Be Refunded"),
			"value": float(abs(round_money(balance))),
			"datatype": "Currency",
			"currency": currency,
			"indicator": "Red" if balance > 0 else "Green",
		}
	]
	return columns(), data, message(), None, summary


def columns() -> list[dict]:
	return [
		{"fieldname": "line", "label": _("Line"), "fieldtype": "Data", "width": 70},
		{"fieldname": "description", "label": _("Description"), "fieldtype": "Data", "width": 420},
		{
			"fieldname": "amount",
			"label": _("Amount"),
			"fieldtype": "Currency",
			"options": "currency",
			"width": 160,
		},
	]


def message() -> str:
	return _(
		"The net tax is the movement of the GST and QST accounts in the period, as the General Ledger shows it. Sales at the till count once their session is closed. Exempt supplies and reimbursement claims are not supplies of line 101."
	)


def tax_return(company: str, start, end) -> list:
	"""The return's lines for the company and period."""
	accounts = account_names(company)
	movements = dict(
		frappe.db.sql(
			"""select account, sum(credit) - sum(debit) from `tabGL Entry`
			where company = %(company)s and is_cancelled = 0 and account in %(accounts)s
				and posting_date between %(start)s and %(end)s
				and not (voucher_type = 'Journal Entry' and voucher_no in (
					select name from `tabJournal Entry` where insertion_sales_tax_remittance = 1))
			group by account""",
			{"company": company, "accounts": tuple(accounts.values()), "start": start, "end": end},
		)
	)

	def credit(key: str):
		return to_decimal(movements.get(accounts[key], ZERO))

	(supplies,) = frappe.db.sql(
		"""select coalesce(sum(sii.base_net_amount), 0) from `tabSales Invoice Item` sii
		join `tabSales Invoice` si on si.name = sii.parent
		where si.company = %(company)s and si.docstatus = 1
			and si.posting_date between %(start)s and %(end)s
			and ifnull(si.insertion_claim, '') = ''
			and ifnull(sii.item_tax_template, '') != %(exempt)s""",
		{"company": company, "start": start, "end": end, "exempt": template_name(EXEMPT, company)},
	)[0]
	return return_lines(
		supplies=supplies,
		gst_collected=credit("gst_collected"),
		gst_paid=-credit("gst_paid"),
		qst_collected=credit("qst_collected"),
		qst_paid=-credit("qst_paid"),
	)
