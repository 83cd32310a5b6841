"""Budget against actuals for each budget line of a contract: the budget, what the submitted
claims claimed, what the funder paid of their invoices, what remains, and the projection at
the contract's end at the current monthly pace, with a warning when the pace would use up the
line before the contract ends. The rules are in core.claims (`project`)."""

from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.controllers.arguments import require
from insertion_erp.core.funding.claims import project
from insertion_erp.core.money import ZERO, round_money, to_decimal
from insertion_erp.funding.paid_share import invoice_join, paid_share

DAYS_A_MONTH = Decimal("30.4375")  # 365.25 / 12


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	require(contract=filters.contract)
	frappe.has_permission("Insertion Contract", "read", filters.contract, throw=True)
	contract = frappe.get_doc("Insertion Contract", filters.contract)
	claimed = claimed_by_line(contract.name)
	last_claimed = max((row.last_end for row in claimed.values() if row.last_end), default=None)
	start, end = getdate(contract.from_date), getdate(contract.to_date)
	months_claimed = (
		to_decimal((getdate(last_claimed) - start).days + 1) / DAYS_A_MONTH if last_claimed else ZERO
	)
	months_to_end = to_decimal((end - getdate(last_claimed)).days) / DAYS_A_MONTH if last_claimed else ZERO
	data = []
	for line in contract.budget_lines:
		row = claimed.get(line.kind, frappe._dict(claimed=ZERO, paid=ZERO))
		budget, done = to_decimal(line.budget_amount), to_decimal(row.claimed)
		projection = project(budget, done, months_claimed, months_to_end)
		warning = ""
		if projection.runs_out_before(months_to_end):
			warning = _("At this pace, the line is used up {0} months before the contract ends.").format(
				round_money(months_to_end - projection.months_left_at_pace, Decimal("0.1"))
			)
		data.append(
			{
				"budget_kind": _(line.kind),
				"budget": budget,
				"claimed": done,
				"paid": round_money(to_decimal(row.paid)),
				"remaining": max(ZERO, budget - done),
				"monthly_pace": projection.monthly_pace,
				"projected": projection.projected,
				"warning": warning,
			}
		)
	message = _("Claimed up to {0}; the projection continues the monthly pace to {1}.").format(
		frappe.format(last_claimed, "Date") if last_claimed else "-", frappe.format(end, "Date")
	)
	return columns(), data, message


def claimed_by_line(contract: str) -> dict[str, frappe._dict]:
	"""Per budget line: claimed by the submitted claims, paid by the funder (each claim's
	invoice's paid share, see funding/paid_share.py, spread over its lines), the last period
	claimed. One query."""
	rows = frappe.db.sql(
		f"""select t.budget_kind, sum(t.claimed) as claimed,
			sum(t.claimed * {paid_share()}) as paid,
			max(c.to_date) as last_end
		from `tabReimbursement Claim Total` t
		join `tabReimbursement Claim` c on c.name = t.parent and t.parenttype = 'Reimbursement Claim'
		{invoice_join()}
		where c.contract = %(contract)s and c.docstatus = 1
		group by t.budget_kind""",
		{"contract": contract},
		as_dict=True,
	)
	return {row.budget_kind: row for row in rows}


def columns() -> list[dict]:
	money = {"fieldtype": "Currency", "width": 130}
	return [
		{"fieldname": "budget_kind", "label": _("Budget Line"), "fieldtype": "Data", "width": 260},
		{"fieldname": "budget", "label": _("Budget"), **money},
		{"fieldname": "claimed", "label": _("Claimed"), **money},
		{"fieldname": "paid", "label": _("Paid by the Funder"), **money},
		{"fieldname": "remaining", "label": _("Remaining"), **money},
		{"fieldname": "monthly_pace", "label": _("Monthly Pace"), **money},
		{"fieldname": "projected", "label": _("Projected at the End"), **money},
		{"fieldname": "warning", "label": _("Warning"), "fieldtype": "Data", "width": 320},
	]
