import datetime

import frappe
from frappe import _
from frappe.utils import add_days, flt, get_link_to_form, getdate, now_datetime

from insertion_erp.controllers.arguments import require
from insertion_erp.controllers.insertion_document import InsertionDocument
from insertion_erp.core.funding import claims as rules
from insertion_erp.core.money import ZERO, to_decimal
from insertion_erp.core.periods import Period
from insertion_erp.funding import invoicing, payroll

# Above this many slips, "Get Payroll" runs as a background job with progress.
BACKGROUND_SLIPS = 150


class ReimbursementClaim(InsertionDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.funding.doctype.reimbursement_claim_line.reimbursement_claim_line import (
			ReimbursementClaimLine,
		)
		from insertion_erp.funding.doctype.reimbursement_claim_total.reimbursement_claim_total import (
			ReimbursementClaimTotal,
		)

		amended_from: DF.Link | None
		company: DF.Link | None
		contract: DF.Link
		from_date: DF.Date
		funder_customer: DF.Link | None
		lines: DF.Table[ReimbursementClaimLine]
		posting_date: DF.Date
		sales_invoice: DF.Link | None
		to_date: DF.Date
		total_eligible: DF.Currency
		total_reimbursed: DF.Currency
		totals: DF.Table[ReimbursementClaimTotal]
	# end: auto-generated types

	bulk_link_tables = ("lines",)

	@property
	def period(self) -> Period:
		return Period(getdate(self.from_date), getdate(self.to_date))

	def contract_doc(self):
		return frappe.get_cached_doc("Insertion Contract", self.contract)

	# Validation ---------------------------------------------------------------

	def before_validate(self) -> None:
		if not self.posting_date and self.to_date and self.contract:
			self.posting_date = default_posting_date(self.contract_doc().company, getdate(self.to_date))

	def validate(self) -> None:
		contract = self.contract_doc()
		if contract.docstatus != 1:
			frappe.throw(
				_("Contract {0} is not submitted.").format(self.contract), title=_("Contract Not Submitted")
			)
		if getdate(self.to_date) < getdate(self.from_date):
			frappe.throw(_("The claim must end after it starts."), title=_("Invalid Date"))
		contract_period = Period(getdate(contract.from_date), getdate(contract.to_date))
		if not rules.is_claim_period(contract_period, contract.claim_frequency, self.period):
			frappe.throw(
				_(
					"A claim of this contract covers one {0} period inside the contract, such as {1} to {2}."
				).format(
					_(contract.claim_frequency).lower(),
					*[frappe.format(d, "Date") for d in self.suggested_period(contract, contract_period)],
				),
				title=_("Invalid Claim Period"),
			)
		self.validate_no_overlap()
		self.set_totals()

	def suggested_period(self, contract, contract_period: Period) -> tuple:
		if contract.claim_frequency == "Per Pay Period":
			return contract_period.start, contract_period.end
		periods = rules.claim_periods(contract_period, contract.claim_frequency)
		match = next((p for p in periods if getdate(self.from_date) in p), periods[0])
		return match.start, match.end

	def validate_no_overlap(self) -> None:
		"""A submitted claim of the contract over part of the period refuses this one; a draft
		one is named at once, so two bookkeepers do not fill the same month twice."""
		# At submit, a locking read: it sees a claim another bookkeeper submitted meanwhile.
		others = frappe.db.sql(
			f"""select name, docstatus from `tabReimbursement Claim`
			where contract = %s and docstatus {"= 1" if self.docstatus == 1 else "in (0, 1)"}
				and name != %s and from_date <= %s and to_date >= %s
			order by docstatus desc, creation {"lock in share mode" if self.docstatus == 1 else ""}""",
			(self.contract, self.name or "", self.to_date, self.from_date),
		)
		submitted = [name for name, docstatus in others if docstatus == 1]
		if submitted:
			frappe.throw(
				_("Claim {0} of the same contract already covers part of this period.").format(
					get_link_to_form(self.doctype, submitted[0])
				),
				title=_("Overlapping Claim"),
			)
		if others:
			frappe.msgprint(
				_(
					"Draft claim {0} of the same contract already covers part of this period: only one of them can be submitted."
				).format(", ".join(get_link_to_form(self.doctype, name) for name, _docstatus in others)),
				title=_("Another Claim for This Period"),
				indicator="orange",
			)

	# Filling ------------------------------------------------------------------

	@frappe.whitelist()
	def get_payroll(self) -> str:
		"""Fill the lines from payroll and the ledger; a large claim is filled in the background."""
		self.check_permission("write")
		if self.docstatus != 0:
			frappe.throw(_("Only a draft claim can be filled."), title=_("Not a Draft"))
		if self.is_new():
			self.save()
		if len(payroll.claimable_rows(self.contract_doc(), self.period)) > BACKGROUND_SLIPS:
			frappe.enqueue(
				fill_claim,
				queue="long",
				timeout=1800,
				claim=self.name,
				user=frappe.session.user,
				now=frappe.flags.in_test,
				enqueue_after_commit=True,
			)
			return "queued"
		self.fill_lines()
		self.save()
		return "filled"

	def fill_lines(self, progress=None) -> None:
		contract = self.contract_doc()
		ceilings = rules.Ceilings(
			hourly_wage=to_decimal(contract.max_hourly_wage) or None,
			weekly_hours=to_decimal(contract.max_weekly_hours) or None,
		)
		self.set("lines", [])
		slips = payroll.claimable_slips(contract, self.period)
		for count, slip in enumerate(slips, start=1):
			budget = contract.budget_line(slip.kind)
			if not budget:
				continue
			funded = rules.funded_amount(slip.pay_line(), ceilings)
			self.append(
				"lines",
				{
					"budget_kind": slip.kind,
					"employee": slip.employee,
					"employee_name": slip.employee_name,
					"trainee": slip.trainee,
					"salary_slip": slip.name,
					"start_date": slip.start_date,
					"end_date": slip.end_date,
					"hours": slip.hours,
					"eligible_gross": slip.eligible_gross,
					"contributions": slip.contributions,
					"funded_amount": funded,
					"rate": budget.reimbursement_rate,
					"reimbursed": rules.reimbursed(funded, to_decimal(budget.reimbursement_rate)),
				},
			)
			if progress and count % 50 == 0:
				progress(count, len(slips))
		costs_line = contract.budget_line(rules.INSERTION_COSTS)
		if costs_line:
			for cost in payroll.insertion_costs(self.contract, self.company, self.period):
				amount = to_decimal(cost.amount)
				self.append(
					"lines",
					{
						"budget_kind": rules.INSERTION_COSTS,
						"account": cost.account,
						"voucher_type": cost.voucher_type,
						"voucher_no": cost.voucher_no,
						"start_date": cost.posting_date,
						"end_date": cost.posting_date,
						"eligible_gross": amount,
						"funded_amount": amount,
						"rate": costs_line.reimbursement_rate,
						"reimbursed": rules.reimbursed(amount, to_decimal(costs_line.reimbursement_rate)),
					},
				)

	def set_totals(self) -> None:
		"""Totals by budget line, each capped at what remains of its budget (see core.claims)."""
		contract = self.contract_doc()
		before = self.claimed_before()
		self.set("totals", [])
		for budget in contract.budget_lines:
			lines = [line for line in self.lines if line.budget_kind == budget.kind]
			if not lines and not before.get(budget.kind):
				continue
			amounts, total = rules.cap_to_budget(
				budget.kind,
				[to_decimal(line.funded_amount) * to_decimal(line.rate) / 100 for line in lines],
				to_decimal(budget.budget_amount),
				before.get(budget.kind, ZERO),
			)
			for line, amount in zip(lines, amounts, strict=True):
				line.reimbursed = amount
			self.append(
				"totals",
				{
					"budget_kind": budget.kind,
					"budget": total.budget,
					"claimed_before": total.claimed_before,
					"requested": total.requested,
					"claimed": total.claimed,
					"remaining": total.remaining_after,
					"capped": int(total.capped),
				},
			)
			if total.capped:
				frappe.msgprint(
					_(
						"{0}: this claim asks {1} but only {2} remains of the budget; the lines are reduced to it."
					).format(
						_(budget.kind),
						frappe.format(total.requested, "Currency"),
						frappe.format(total.remaining_before, "Currency"),
					),
					title=_("Budget Line Capped"),
					indicator="orange",
				)
		self.total_eligible = sum(flt(line.eligible_gross) + flt(line.contributions) for line in self.lines)
		self.total_reimbursed = sum(flt(total.claimed) for total in self.totals)

	def claimed_before(self) -> dict[str, object]:
		"""What the contract's other submitted claims claimed, by budget line, in one query."""
		rows = frappe.db.sql(
			f"""select t.budget_kind, sum(t.claimed)
			from `tabReimbursement Claim Total` t
			join `tabReimbursement Claim` c on c.name = t.parent and t.parenttype = 'Reimbursement Claim'
			where c.contract = %s and c.docstatus = 1 and c.name != %s
			group by t.budget_kind {"lock in share mode" if self.docstatus == 1 else ""}""",
			(self.contract, self.name or ""),
		)
		return {kind: to_decimal(amount) for kind, amount in rows}

	# Submit and cancel --------------------------------------------------------

	@frappe.whitelist()
	def submit(self):
		# One claim of a contract is submitted at a time. The lock comes first, before the
		# submit takes any other (two submits holding different locks would deadlock).
		frappe.db.sql("select name from `tabInsertion Contract` where name = %s for update", (self.contract,))
		return super().submit()

	def before_submit(self) -> None:
		if not self.lines:
			frappe.throw(_("The claim has no line: get the payroll first."), title=_("Empty Claim"))
		self.validate_no_overlap()
		self.set_totals()

	def on_submit(self) -> None:
		self.hold_salary_slips()
		self.db_set("sales_invoice", invoicing.make_claim_invoice(self))

	def hold_salary_slips(self) -> None:
		"""Record each slip under this claim; the slip's name is the key, so the database itself
		refuses a slip that another submitted claim holds, even from a concurrent submit."""
		slips = [line.salary_slip for line in self.lines if line.salary_slip]
		if not slips:
			return
		not_submitted = frappe.get_all(
			"Salary Slip", filters={"name": ("in", slips), "docstatus": ("!=", 1)}, pluck="name", limit=1
		)
		if not_submitted:
			frappe.throw(
				_("Salary slip {0} is no longer submitted.").format(not_submitted[0]),
				title=_("Slip Cancelled"),
			)
		user, now = frappe.session.user, now_datetime()
		try:
			frappe.db.bulk_insert(
				"Claimed Salary Slip",
				["name", "salary_slip", "claim", "owner", "modified_by", "creation", "modified", "docstatus"],
				[(slip, slip, self.name, user, user, now, now, 0) for slip in slips],
			)
		except Exception as e:
			if not frappe.db.is_duplicate_entry(e):
				raise
			# A locking read sees the other claim even if it committed after this transaction began.
			held = frappe.qb.DocType("Claimed Salary Slip")
			holder = (
				frappe.qb.from_(held)
				.select(held.claim)
				.where(held.name.isin(slips) & (held.claim != self.name))
				.limit(1)
				.for_update()
				.run()
			)
			holder = holder[0][0] if holder else _("another claim")
			frappe.throw(
				_("A salary slip of this claim is already in claim {0}: get the payroll again.").format(
					holder
				),
				title=_("Slip Already Claimed"),
			)

	def before_cancel(self) -> None:
		invoicing.check_invoice_can_be_cancelled(self)

	def on_cancel(self) -> None:
		invoicing.cancel_claim_invoice(self)
		frappe.db.delete("Claimed Salary Slip", {"claim": self.name})


def fill_claim(claim: str, user: str) -> None:
	"""Background job: fill a large claim, showing progress to the user who asked."""
	doc = frappe.get_doc("Reimbursement Claim", claim)

	def progress(done: int, total: int) -> None:
		frappe.publish_progress(
			done * 100 / total, title=_("Getting payroll"), doctype=doc.doctype, docname=claim
		)

	doc.fill_lines(progress)
	doc.save()
	frappe.publish_realtime("list_update", {"doctype": doc.doctype}, user=user)


@frappe.whitelist()
def default_period(contract: str | None = None) -> dict:
	"""The first period of the contract not yet claimed, for a new claim."""
	require(contract=contract)
	frappe.has_permission("Insertion Contract", "read", contract, throw=True)
	doc = frappe.get_doc("Insertion Contract", contract)
	contract_period = Period(getdate(doc.from_date), getdate(doc.to_date))
	last = frappe.db.get_value("Reimbursement Claim", {"contract": contract, "docstatus": 1}, "max(to_date)")
	if doc.claim_frequency == "Per Pay Period":
		start = add_days(last, 1) if last else contract_period.start
		return {"from_date": start, "to_date": None}
	for period in rules.claim_periods(contract_period, doc.claim_frequency):
		if not last or period.start > getdate(last):
			return {"from_date": period.start, "to_date": period.end}
	return {}


def default_posting_date(company: str, period_end) -> datetime.date:
	"""The claim's income is dated in the period whose wages it pays back: its last day, when
	that day is past and its books are open (no period closing voucher nor closed accounting
	period for sales invoices covers it); otherwise today."""
	today = getdate()
	if period_end > today:
		return today
	closed = frappe.db.sql(
		"""select 1 from `tabPeriod Closing Voucher`
		where company = %(company)s and docstatus = 1 and period_end_date >= %(day)s
		union all
		select 1 from `tabAccounting Period` ap join `tabClosed Document` cd on cd.parent = ap.name
		where ap.company = %(company)s and ap.start_date <= %(day)s and ap.end_date >= %(day)s
			and cd.document_type = 'Sales Invoice' and cd.closed = 1
		limit 1""",
		{"company": company, "day": period_end},
	)
	return today if closed else period_end
