"""The return to government of a cohort, read in bulk from the records (rules in core/results/return_to_government.py).

The cohort: the parcours of a company (and trade) whose actual end date falls in the
period. For each, the outlay (what the submitted claims claimed for the trainee, and what
the funder paid of it), the follow-up used and the rates of its year; then the core's
member and cohort_return. Five queries whatever the cohort's size; nothing here reads a
name, a date of birth or a note.
"""

from collections import defaultdict

import frappe

from insertion_erp.core.funding.claims import INSERTION_COSTS, SUPERVISION_WAGES, TRAINEE_WAGES
from insertion_erp.core.money import ZERO, to_decimal
from insertion_erp.core.periods import Period
from insertion_erp.core.results import return_to_government as rules
from insertion_erp.funding.paid_share import invoice_join, paid_share

RATES = "Return to Government Rates"
SHARED_KINDS = (SUPERVISION_WAGES, INSERTION_COSTS)


def cohort_return(company: str, period: Period, trade: str | None = None) -> frappe._dict:
	"""The cohort's rows (one per parcours, in order of end date), its CohortReturn, and the
	rates records it read (`rates`: year -> record values with `name` and `sources`) or
	lacked (`missing_years`)."""
	cohort = cohort_parcours(company, period, trade)
	outlays = cohort_outlays(company, cohort)
	follow_ups = follow_ups_used([p.name for p in cohort])
	years = sorted({f.contact_date.year for f in follow_ups.values() if f.contact_date})
	records = rates_records(years)
	rows, members = [], []
	for p in cohort:
		follow_up = follow_ups.get(p.name)
		record = records.get(follow_up.contact_date.year) if follow_up and follow_up.contact_date else None
		outlay = outlays.get(p.name, rules.Outlay())
		member = rules.member_at_follow_up(
			outlay.claimed, record.rates if record else None, p.income_source, follow_up
		)
		members.append(member)
		rows.append(
			frappe._dict(parcours=p, follow_up=follow_up, outlay=outlay, member=member, record=record)
		)
	used = {row.record.year for row in rows if row.record and row.member.gain is not None}
	return frappe._dict(
		rows=rows,
		result=rules.cohort_return(members),
		rates={year: records[year] for year in sorted(used)},
		missing_years=sorted(
			{
				row.follow_up.contact_date.year
				for row in rows
				if row.member.missing == rules.NO_RATES and row.follow_up and row.follow_up.contact_date
			}
		),
	)


def cohort_parcours(company: str, period: Period, trade: str | None = None) -> list:
	"""The parcours of the company (and trade) that ended in the period."""
	return frappe.db.sql(
		f"""select p.name, p.trainee, p.trade, p.income_source, p.start_date, p.actual_end_date
		from `tabParcours` p
		where p.company = %(company)s and p.actual_end_date between %(start)s and %(end)s
			{"and p.trade = %(trade)s" if trade else ""}
		order by p.actual_end_date, p.name""",
		{"company": company, "start": period.start, "end": period.end, "trade": trade},
		as_dict=True,
	)


def cohort_outlays(company: str, cohort: list) -> dict[str, rules.Outlay]:
	"""Per parcours: claimed and paid by the company's submitted claims (core: cohort_outlays).

	One query reads every trainee wage line and every supervision and insertion cost line of
	the claims that hold a line of a trainee of the cohort, with the claim's paid share."""
	if not cohort:
		return {}
	parcours_by_trainee = defaultdict(list)
	for p in cohort:
		parcours_by_trainee[p.trainee].append((p.name, p.start_date, p.actual_end_date))
	lines = frappe.db.sql(
		f"""select l.parent as claim, l.budget_kind, l.trainee, l.start_date, l.end_date,
			l.hours, l.reimbursed, {paid_share()} as paid_share
		from `tabReimbursement Claim Line` l
		join `tabReimbursement Claim` c on c.name = l.parent
		{invoice_join()}
		where l.parenttype = 'Reimbursement Claim' and c.docstatus = 1 and c.company = %(company)s
			and l.budget_kind in %(kinds)s
			and c.name in (
				select m.parent from `tabReimbursement Claim Line` m
				where m.parenttype = 'Reimbursement Claim' and m.budget_kind = %(trainee_wages)s
					and m.trainee in %(trainees)s
			)
		order by l.parent, l.idx""",
		{
			"company": company,
			"kinds": (TRAINEE_WAGES, *SHARED_KINDS),
			"trainee_wages": TRAINEE_WAGES,
			"trainees": list(parcours_by_trainee),
		},
		as_dict=True,
	)
	by_claim: dict[str, list] = defaultdict(list)
	for line in lines:
		by_claim[line.claim].append(line)
	claims = []
	for claim_lines in by_claim.values():
		trainee_lines = tuple(
			rules.ClaimLine(
				trainee=line.trainee,
				hours=line.hours,
				reimbursed=line.reimbursed,
				member=rules.member_of_line(
					parcours_by_trainee.get(line.trainee, ()), line.start_date, line.end_date
				),
			)
			for line in claim_lines
			if line.budget_kind == TRAINEE_WAGES and line.trainee
		)
		claims.append(
			rules.ClaimOutlay(
				lines=trainee_lines,
				shared=sum(
					(to_decimal(line.reimbursed) for line in claim_lines if line.budget_kind in SHARED_KINDS),
					ZERO,
				),
				paid_share=to_decimal(claim_lines[0].paid_share),
			)
		)
	return rules.cohort_outlays(claims)


def follow_ups_used(names: list[str]) -> dict[str, frappe._dict]:
	"""Per parcours, the follow-up the return reads (core: follow_up_used), if any."""
	if not names:
		return {}
	by_parcours = defaultdict(list)
	for row in frappe.db.sql(
		"""select parcours, months_after_exit, status, contact_date, situation, hourly_wage, weekly_hours
		from `tabParcours Follow-up`
		where parcours in %(names)s and status = %(done)s""",
		{"names": names, "done": rules.DONE},
		as_dict=True,
	):
		by_parcours[row.parcours].append(row)
	used = {name: rules.follow_up_used(rows) for name, rows in by_parcours.items()}
	return {name: row for name, row in used.items() if row is not None}


def rates_records(years: list[int]) -> dict[int, frappe._dict]:
	"""The Return to Government Rates records of these years: name, year, sources and `rates` (core's
	ReturnRates), with their brackets. Two queries."""
	if not years:
		return {}
	records = frappe.get_all(RATES, filters={"year": ("in", years)}, fields=["*"])
	brackets = defaultdict(list)
	if records:
		for row in frappe.get_all(
			"Return to Government Bracket",
			filters={"parenttype": RATES, "parent": ("in", [r.name for r in records])},
			fields=["parent", "jurisdiction", "threshold", "rate"],
		):
			brackets[row.parent].append(row)
	for record in records:
		record.rates = rules.rates_from_values(record, brackets[record.name])
	return {record.year: record for record in records}
