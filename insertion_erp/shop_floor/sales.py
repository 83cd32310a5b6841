"""Sales each trainee served at the till, by week, from POS and Sales Invoices.

A POS Invoice is counted itself; the Sales Invoice that consolidates a POS session
is not (it would count the same sales twice), a Sales Invoice made in the desk is."""

import frappe
from frappe import _

from insertion_erp.core.periods import Period

SALES = """
	select posting_date, insertion_served_by as employee, insertion_served_by_name as employee_name,
		is_return, base_net_total
	from `tab{doctype}`
	where docstatus = 1 and insertion_served_by is not null and posting_date between %(start)s and %(end)s
		{condition}
"""


def served(period: Period, company: str | None = None, employees: list[str] | None = None) -> list[dict]:
	"""Per week (from Monday) and trainee: receipts and net sales, returns and their amount."""
	condition = ""
	if company:
		condition += " and company = %(company)s"
	if employees is not None:
		condition += " and insertion_served_by in %(employees)s"
	union = " union all ".join(
		[
			SALES.format(doctype="POS Invoice", condition=condition),
			SALES.format(doctype="Sales Invoice", condition=condition + " and is_consolidated = 0"),
		]
	)
	return frappe.db.sql(
		f"""select date_sub(s.posting_date, interval weekday(s.posting_date) day) as week,
			s.employee, max(s.employee_name) as employee_name,
			sum(s.is_return = 0) as receipts,
			sum(case when s.is_return = 0 then s.base_net_total else 0 end) as sales,
			sum(s.is_return = 1) as returns,
			-sum(case when s.is_return = 1 then s.base_net_total else 0 end) as returned
		from ({union}) s
		group by week, s.employee
		order by week, employee_name""",
		{
			"start": period.start,
			"end": period.end,
			"company": company,
			"employees": tuple(employees or ()) or ("",),
		},
		as_dict=True,
	)


def check_served_by(doc, method=None) -> None:
	"""Sales Invoice and POS Invoice, validate: the trainee named as having served is an active
	trainee. The one query the app adds to a sale, and only when a trainee is named (a
	primary-key read of the Employee, which also gives the name shown on the receipt)."""
	if not doc.get("insertion_served_by"):
		doc.insertion_served_by_name = None
		return
	before = doc.get_doc_before_save()
	if before and before.get("insertion_served_by") == doc.insertion_served_by:
		return  # checked when it was set (submitting a saved sale reads nothing more)
	row = frappe.db.get_value(
		"Employee", doc.insertion_served_by, ["insertion_trainee", "status", "employee_name"], as_dict=True
	)
	if not row or not row.insertion_trainee or row.status != "Active":
		frappe.throw(
			_("{0}: {1} is not an active trainee.").format(
				_(doc.meta.get_label("insertion_served_by")), frappe.bold(doc.insertion_served_by)
			),
			title=_("Invalid Value"),
		)
	doc.insertion_served_by_name = row.employee_name
