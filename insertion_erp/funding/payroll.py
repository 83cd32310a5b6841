"""What a claim takes from payroll and the ledger, in a few aggregated queries.

The rules (ceilings, rates, caps) are in insertion_erp.core; this module only reads the
database and hands plain values to them. A claim computes no contribution: it reads each
slip's employer table (quebec_payroll writes it when the slip is submitted).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate

from insertion_erp.constants import SETTINGS
from insertion_erp.core.funding.claims import (
	SUPERVISION_WAGES,
	TRAINEE_WAGES,
	PayLine,
	eligible_contributions,
)
from insertion_erp.core.money import ZERO, round_money, to_decimal
from insertion_erp.core.parcours.training import paid_training_hours
from insertion_erp.core.payroll.contributions import KINDS
from insertion_erp.core.periods import Period
from insertion_erp.parcours.records import hours_steps, steps_by_parcours


@dataclass
class Slip:
	name: str
	employee: str
	employee_name: str
	start_date: date
	end_date: date
	gross: Decimal
	eligible_gross: Decimal
	contributions: Decimal
	hours: Decimal
	trainee: str | None
	kind: str
	funded_share: Decimal

	def pay_line(self) -> PayLine:
		return PayLine(
			kind=self.kind,
			hours=self.hours,
			eligible_gross=self.eligible_gross,
			contributions=self.contributions,
			period_days=(self.end_date - self.start_date).days + 1,
			funded_share=self.funded_share,
		)


def period_rows(contract, period: Period) -> list[frappe._dict]:
	"""Every submitted slip of the company ending in the period, with its employee's
	trainee, the parcours that covers it (if any) and whether a claim holds it."""
	return frappe.db.sql(
		"""
		select ss.name, ss.employee, ss.employee_name, ss.start_date, ss.end_date, ss.gross_pay,
			ss.payment_days, ss.total_working_days, ss.total_working_hours,
			ss.salary_slip_based_on_timesheet, ss.payroll_frequency, e.insertion_trainee as trainee,
			(select p.name from `tabParcours` p
				where p.trainee = e.insertion_trainee and p.start_date <= ss.end_date
					and coalesce(p.actual_end_date, p.planned_end_date) >= ss.start_date
				order by p.start_date desc limit 1) as parcours,
			c.name is not null as claimed
		from `tabSalary Slip` ss
		join `tabEmployee` e on e.name = ss.employee
		left join `tabClaimed Salary Slip` c on c.name = ss.name
		where ss.docstatus = 1 and ss.company = %(company)s
			and ss.end_date between %(from_date)s and %(to_date)s
		order by ss.employee_name, ss.end_date, ss.name
		""",
		{"company": contract.company, "from_date": period.start, "to_date": period.end},
		as_dict=True,
	)


def claimable_rows(contract, period: Period, rows: list | None = None) -> list[frappe._dict]:
	"""The one definition of "claimable": submitted slips ending in the period, of trainees
	whose parcours covers them or of the contract's funded staff, that no submitted claim
	holds. Get Payroll counts these to choose the background; the claim fills its lines
	from them. `rows`: the period's rows (`period_rows`) when already read."""
	staff = {row.employee for row in contract.supervision_staff}
	if rows is None:
		rows = period_rows(contract, period)
	return [row for row in rows if not row.claimed and (row.parcours or row.employee in staff)]


def claimable_slips(contract, period: Period) -> list[Slip]:
	"""The claimable slips (`claimable_rows`) with their eligible pay, contributions and hours."""
	staff = {row.employee: to_decimal(row.funded_share) for row in contract.supervision_staff}
	rows = claimable_rows(contract, period)
	if not rows:
		return []

	slips = [r.name for r in rows]
	settings = frappe.get_cached_doc(SETTINGS)  # frappe drops it when the settings change
	eligible = eligible_earnings(slips, [row.salary_component for row in settings.eligible_components])
	recorded = recorded_contributions(slips, settings.contribution_components)
	on_slips = slip_contributions(slips)
	# A trainee paid from timesheets is paid the hours worked: the schedule is not needed.
	schedules = parcours_schedules(
		{r.parcours for r in rows if r.parcours and not r.salary_slip_based_on_timesheet}
	)
	standard_hours = flt(frappe.get_cached_value("HR Settings", "HR Settings", "standard_working_hours")) or 7

	result, without = [], []
	for r in rows:
		gross = to_decimal(r.gross_pay)
		eligible_gross = eligible.get(r.name, gross) if eligible is not None else gross
		# What the slip carries: its employer table, or the components the payroll records them in.
		amounts = {**on_slips.get(r.name, {}), **recorded.get(r.name, {})}
		if not amounts and gross:
			without.append(r.name)
		total_contributions = sum((v for k, v in amounts.items() if k in KINDS), ZERO)
		is_trainee = bool(r.parcours)
		result.append(
			Slip(
				name=r.name,
				employee=r.employee,
				employee_name=r.employee_name,
				start_date=getdate(r.start_date),
				end_date=getdate(r.end_date),
				gross=gross,
				eligible_gross=eligible_gross,
				contributions=eligible_contributions(total_contributions, eligible_gross, gross),
				hours=hours_paid(r, schedules.get(r.parcours), standard_hours),
				trainee=r.trainee if is_trainee else None,
				kind=TRAINEE_WAGES if is_trainee else SUPERVISION_WAGES,
				funded_share=Decimal(100) if is_trainee else staff.get(r.employee, ZERO),
			)
		)
	if without:
		frappe.msgprint(
			_(
				"These salary slips carry no employer contributions: their lines claim the wages alone. Turn on Quebec Source Deductions for the company, or map the payroll's contribution components in Insertion Settings. {0}"
			).format(", ".join(without)),
			title=_("Employer Contributions Missing"),
			indicator="orange",
		)
	return result


def hours_paid(row, schedule, standard_daily_hours: float) -> Decimal:
	"""Timesheet hours, or the payment days times the planned daily hours."""
	if row.salary_slip_based_on_timesheet:
		return to_decimal(row.total_working_hours)
	working_days = flt(row.total_working_days)
	if not working_days:
		return ZERO
	if schedule:
		parcours, steps = schedule
		slip_period = Period(getdate(row.start_date), getdate(row.end_date))
		held = Period(getdate(parcours.start_date), getdate(parcours.planned_end_date))
		scheduled = paid_training_hours(steps, cint(parcours.planned_weeks), held.start, slip_period)
		daily = scheduled / to_decimal(working_days)
	else:
		daily = to_decimal(standard_daily_hours)
	return round_money(daily * to_decimal(row.payment_days))


def eligible_earnings(slips: list[str], components: list[str]) -> dict[str, Decimal] | None:
	"""Sum of the eligible earning components of each slip (None: every earning counts)."""
	if not components:
		return None
	rows = frappe.db.sql(
		"""select parent, sum(amount) from `tabSalary Detail`
		where parenttype = 'Salary Slip' and parentfield = 'earnings'
			and parent in %(slips)s and salary_component in %(components)s
		group by parent""",
		{"slips": tuple(slips), "components": tuple(components)},
	)
	found = {parent: to_decimal(amount) for parent, amount in rows}
	return {slip: found.get(slip, ZERO) for slip in slips}


def recorded_contributions(slips: list[str], mapping) -> dict[str, dict[str, Decimal]]:
	"""Contributions the payroll records as salary components, by slip and kind."""
	kind_of = {row.salary_component: row.contribution for row in mapping}
	if not kind_of:
		return {}
	rows = frappe.db.sql(
		"""select parent, salary_component, sum(amount) from `tabSalary Detail`
		where parenttype = 'Salary Slip' and parent in %(slips)s and salary_component in %(components)s
		group by parent, salary_component""",
		{"slips": tuple(slips), "components": tuple(kind_of)},
	)
	result: dict[str, dict[str, Decimal]] = defaultdict(dict)
	for parent, component, amount in rows:
		kind = kind_of[component]
		result[parent][kind] = result[parent].get(kind, ZERO) + to_decimal(amount)
	# A mapped kind missing from a slip is a zero, not something to compute.
	for slip in slips:
		for kind in set(kind_of.values()):
			result[slip].setdefault(kind, ZERO)
	return result


def slip_contributions(slips: list[str]) -> dict[str, dict[str, Decimal]]:
	"""The employer contributions written on each slip (its "Employer Contributions" table, the
	Quebec payroll's, written for older slips by the upgrade), by kind."""
	rows = frappe.db.sql(
		"""select parent, contribution, amount from `tabEmployer Contribution`
		where parenttype = 'Salary Slip' and parent in %(slips)s""",
		{"slips": tuple(slips)},
	)
	result: dict[str, dict[str, Decimal]] = defaultdict(dict)
	for parent, kind, amount in rows:
		table = result[parent]
		table[kind] = table.get(kind, ZERO) + to_decimal(amount)
	return result


def parcours_schedules(parcours: set[str]) -> dict[str, tuple]:
	"""Each parcours with its gradual-entry steps, in two queries."""
	if not parcours:
		return {}
	names = {"parcours": tuple(parcours)}
	docs = frappe.db.sql(
		"""select name, start_date, planned_end_date, planned_weeks from `tabParcours`
		where name in %(parcours)s""",
		names,
		as_dict=True,
	)
	by_parent = steps_by_parcours(parcours)
	return {doc.name: (doc, hours_steps(by_parent.get(doc.name, []))) for doc in docs}


def insertion_costs(contract: str, company: str, period: Period) -> list[dict]:
	"""Expense GL entries tagged with the contract's accounting dimension in the period."""
	return frappe.db.sql(
		"""
		select gle.name, gle.account, gle.voucher_type, gle.voucher_no, gle.posting_date,
			sum(gle.debit - gle.credit) as amount
		from `tabGL Entry` gle
		join `tabAccount` a on a.name = gle.account
		where gle.insertion_contract = %(contract)s and gle.company = %(company)s
			and gle.is_cancelled = 0 and a.root_type = 'Expense'
			and gle.posting_date between %(from_date)s and %(to_date)s
		group by gle.voucher_type, gle.voucher_no, gle.account
		having amount != 0
		order by gle.posting_date, gle.voucher_no
		""",
		{"contract": contract, "company": company, "from_date": period.start, "to_date": period.end},
		as_dict=True,
	)


def guard_claimed_slip(doc, method=None) -> None:
	"""Salary Slip, before_cancel and on_trash: a slip a submitted claim holds stays."""
	claim = frappe.db.get_value("Claimed Salary Slip", doc.name, "claim")
	if claim:
		frappe.throw(
			_("Salary slip {0} is claimed in reimbursement claim {1}: cancel the claim first.").format(
				doc.name, claim
			),
			title=_("Slip Claimed"),
		)
