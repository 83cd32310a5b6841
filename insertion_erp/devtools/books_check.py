"""The demo's books as a funder or an auditor would check them (scripts/test runs `check` on the
demo site; the Mission and Market report's test uses the first comparison):

- Mission and Market against ERPNext's Profit and Loss: the same total income and expense, to
  the cent; each month's slips (gross and employer contributions) booked as expenses;
- each month's wages and the claim that pays them back in the same month;
- each closed month's source deductions owed (the Source Deduction Remittances report) paid
  to each agency by their due date;
- each quarter's GST and QST collected on the sales equal to the GST/QST return's lines, and
  each return due remitted for its balance;
- the till's sessions closed through ERPNext (POS Closing Entry), each merged into the books;
- the Activity Report's paid training hours within HOURS_TOLERANCE of the planned hours (less
  suspensions; the statutory holidays are in the tolerance) over the months paid.
"""

from datetime import date
from decimal import Decimal

import frappe
from erpnext.accounts.report.profit_and_loss_statement.profit_and_loss_statement import (
	execute as profit_and_loss,
)

from insertion_erp.core.money import round_money, to_decimal
from insertion_erp.core.periods import Period, add_months, month_period
from insertion_erp.funding.report.mission_and_market.mission_and_market import execute as mission_and_market


def profit_and_loss_totals(company: str, fiscal_year: str) -> tuple[Decimal, Decimal]:
	start, end = frappe.db.get_value("Fiscal Year", fiscal_year, ["year_start_date", "year_end_date"])
	rows = profit_and_loss(
		frappe._dict(
			company=company,
			filter_based_on="Fiscal Year",
			from_fiscal_year=fiscal_year,
			to_fiscal_year=fiscal_year,
			period_start_date=start,
			period_end_date=end,
			periodicity="Yearly",
			accumulated_values=0,
		)
	)[1]
	totals = {
		str(row.get("account")): round_money(to_decimal(row.get("total")))
		for row in rows
		if row and "Total" in str(row.get("account", ""))
	}
	income = next((v for k, v in totals.items() if "Income" in k), Decimal(0))
	expense = next((v for k, v in totals.items() if "Expense" in k), Decimal(0))
	return income, expense


def report_totals(company: str, fiscal_year: str) -> tuple[Decimal, Decimal]:
	data = mission_and_market({"company": company, "fiscal_year": fiscal_year})[1]
	line = {row["kind"]: row for row in data}
	return (
		round_money(to_decimal(line["income"]["total"])),
		round_money(to_decimal(line["expenses"]["total"])),
	)


def payroll_in_the_books(company: str, fiscal_year: str) -> dict[str, tuple[Decimal, Decimal]]:
	"""Each month's submitted slips (gross and employer contributions) against the expenses their
	Payroll Entry's accrual booked: {month: (slips, booked)}. A slip left out of the books is an
	error."""
	start, end = frappe.db.get_value("Fiscal Year", fiscal_year, ["year_start_date", "year_end_date"])
	args = {"company": company, "start": start, "end": end}
	slips = frappe.db.sql(
		"""select date_format(posting_date, '%%Y-%%m'),
			sum(gross_pay) + sum(coalesce(insertion_total_employer_contributions, 0)),
			sum(coalesce(journal_entry, '') = '')
		from `tabSalary Slip` where company = %(company)s and docstatus = 1
			and posting_date between %(start)s and %(end)s
		group by 1""",
		args,
	)
	unbooked = sum(int(row[2]) for row in slips)
	if unbooked:
		raise AssertionError(f"{unbooked} submitted salary slip(s) never reached the ledger")
	booked = dict(
		frappe.db.sql(
			"""select date_format(gle.posting_date, '%%Y-%%m'), sum(gle.debit - gle.credit)
			from `tabGL Entry` gle join `tabAccount` a on a.name = gle.account
			where gle.company = %(company)s and gle.is_cancelled = 0 and a.root_type = 'Expense'
				and gle.voucher_type = 'Journal Entry' and gle.posting_date between %(start)s and %(end)s
				and gle.voucher_no in (select journal_entry from `tabSalary Slip`
					where company = %(company)s and docstatus = 1 and journal_entry is not null)
			group by 1""",
			args,
		)
	)
	return {
		month: (round_money(to_decimal(cost)), round_money(to_decimal(booked.get(month))))
		for month, cost, _unbooked in slips
	}


def check(company: str | None = None, fiscal_year: str | None = None) -> None:
	"""Raise when the two disagree; print both."""
	company = company or frappe.db.get_single_value("Global Defaults", "default_company")
	fiscal_year = fiscal_year or frappe.db.get_value(
		"Fiscal Year",
		{"year_start_date": ("<=", frappe.utils.nowdate()), "year_end_date": (">=", frappe.utils.nowdate())},
	)
	ours, theirs = report_totals(company, fiscal_year), profit_and_loss_totals(company, fiscal_year)
	print(
		f"{company} {fiscal_year}: Mission and Market income {ours[0]}, expense {ours[1]}; "
		f"Profit and Loss income {theirs[0]}, expense {theirs[1]}"
	)
	if ours != theirs:
		raise AssertionError("Mission and Market disagrees with the Profit and Loss")
	if not ours[0]:
		raise AssertionError("no income in the books: nothing was compared")
	payroll = payroll_in_the_books(company, fiscal_year)
	for month, (cost, booked) in sorted(payroll.items()):
		print(f"{month}: wages and employer contributions {cost}, booked as expenses {booked}")
	if not payroll:
		raise AssertionError("no salary slip in the year: the payroll's books were not checked")
	if any(cost != booked for cost, booked in payroll.values()):
		raise AssertionError("the payroll's expenses in the ledger differ from the slips")
	the_year(company, frappe.utils.getdate(frappe.utils.nowdate()))


def the_year(company: str, today: date) -> None:
	"""The checks of a year's books beyond the Profit and Loss (the module's docstring)."""
	problems = claims_in_the_wages_month(company, today.year)
	print(f"Claims in their wages' month: {'; '.join(problems) or 'every month paid has its claim'}")
	remitted = remittances_paid(company, today)
	for month, agency, owed, paid in remitted:
		print(f"{month} {agency}: owed {owed}, paid {paid}")
		if owed != paid:
			problems.append(f"{month} {agency}: source deductions owed {owed}, paid {paid}")
	if not remitted:
		problems.append("no month's source deductions fell due: nothing was compared")
	for quarter, tax, collected, returned in sales_taxes_returned(company, today):
		print(f"{quarter} {tax}: collected on the sales {collected}, on the return {returned}")
		if collected != returned:
			problems.append(f"{quarter} {tax}: collected {collected}, the return says {returned}")
	for quarter, balance, settled in sales_taxes_remitted(company, today):
		print(f"{quarter} GST/QST return: balance {balance}, remitted {settled}")
		if balance != settled:
			problems.append(f"{quarter}: the GST/QST return's balance {balance}, remitted {settled}")
	closed, unmerged = till_sessions(company)
	print(f"The till: {closed} sessions closed, {len(unmerged)} not merged into the books")
	if not closed:
		problems.append("the till closed no session: its sales never went through ERPNext's closing")
	problems.extend(unmerged)
	hours = training_hours(company, today)
	if hours is None:
		problems.append("no payroll: the training hours were not compared")
	else:
		paid, planned = hours
		print(f"Training hours of the months paid: paid {paid}, planned {planned}")
		if not planned or abs(paid - planned) > planned * HOURS_TOLERANCE:
			problems.append(
				f"paid training hours {paid} not within {HOURS_TOLERANCE:%} of the planned {planned}"
			)
	if problems:
		raise AssertionError("\n".join(problems))


def till_sessions(company: str) -> tuple[int, list[str]]:
	"""The till's closed sessions, and what a closing left out of the books: a closing not merged
	(queued or failed), a sale of a closed session not in its merged invoice."""
	closings = frappe.get_all(
		"POS Closing Entry", filters={"company": company, "docstatus": 1}, fields=["name", "status"]
	)
	problems = [f"{c.name}: closed but {c.status}" for c in closings if c.status != "Submitted"]
	left = frappe.db.sql(
		"""select r.parent, r.pos_invoice from `tabPOS Invoice Reference` r
		join `tabPOS Closing Entry` c on c.name = r.parent
		join `tabPOS Invoice` p on p.name = r.pos_invoice
		where c.company = %s and c.docstatus = 1 and ifnull(p.consolidated_invoice, '') = ''""",
		company,
	)
	problems += [f"{closing}: its sale {sale} is in no invoice" for closing, sale in left]
	return len(closings), problems


# Paid training hours within 5 % of the planned hours: the statutory holidays (some 3 % of a
# year's weekdays) are planned by the schedules but not worked, their indemnity paid in dollars.
HOURS_TOLERANCE = Decimal("0.05")


def claims_in_the_wages_month(company: str, year: int) -> list[str]:
	"""Each month whose pays were all made (its last pay, ending on the month's last day,
	submitted): the submitted claim of that month, posted (its invoice to the funder) in the
	same month. Returns what is wrong."""
	wrong = []
	months = frappe.db.sql(
		"""select distinct date_format(posting_date, '%%Y-%%m') from `tabSalary Slip`
		where company = %s and docstatus = 1 and year(posting_date) = %s
			and end_date = last_day(end_date) order by 1""",
		(company, year),
	)
	for (month,) in months:
		claim = frappe.db.sql(
			"""select c.name, date_format(si.posting_date, '%%Y-%%m') from `tabReimbursement Claim` c
			left join `tabSales Invoice` si on si.name = c.sales_invoice
			where c.company = %s and c.docstatus = 1 and date_format(c.from_date, '%%Y-%%m') = %s""",
			(company, month),
		)
		if not claim:
			wrong.append(f"{month}: wages paid, no claim")
		elif claim[0][1] != month:
			wrong.append(f"{month}: the claim {claim[0][0]} is booked in {claim[0][1]}")
	return wrong


def remittances_paid(company: str, today: date) -> list[tuple[str, str, Decimal, Decimal]]:
	"""Each closed month of the year (its due date past): (month, agency, owed, paid by the due
	date), paid being the debits to the agency's payable account from the month's end to the
	due date."""
	from insertion_erp.quebec_payroll.report.source_deduction_remittances.source_deduction_remittances import (
		AGENCIES,
		due_date,
		remittances,
	)

	result = []
	month = month_period(today.replace(month=1, day=1))
	while due_date(month) <= today:
		owed = remittances(company, month)
		for agency in AGENCIES:
			line = owed.agencies[agency]
			# The payments only: the next month's first pay (on the 15th) credits the account too.
			(paid,) = frappe.db.sql(
				"""select coalesce(sum(debit), 0) from `tabGL Entry`
				where company = %s and account = %s and is_cancelled = 0
					and posting_date > %s and posting_date <= %s""",
				(company, line.account, month.end, due_date(month)),
			)[0]
			result.append(
				(str(month.start)[:7], agency, round_money(line.total), round_money(to_decimal(paid)))
			)
		month = month_period(add_months(month.start, 1))
	return result


def sales_taxes_returned(company: str, today: date) -> list[tuple[str, str, Decimal, Decimal]]:
	"""Each quarter of the year so far: (quarter, tax, collected on the sales, the return's line)."""
	from insertion_erp.quebec_sales_taxes.install import account_names
	from insertion_erp.quebec_sales_taxes.report.gst_qst_return.gst_qst_return import tax_return

	accounts = account_names(company)
	result = []
	start = today.replace(month=1, day=1)
	while start <= today:
		end = min(month_period(add_months(start, 2)).end, today)
		quarter = Period(start, end)
		lines = {line.key: line.amount for line in tax_return(company, quarter.start, quarter.end)}
		for key in ("gst_collected", "qst_collected"):
			(collected,) = frappe.db.sql(
				"""select coalesce(sum(t.base_tax_amount), 0) from `tabSales Taxes and Charges` t
				join `tabSales Invoice` si on si.name = t.parent
				where t.parenttype = 'Sales Invoice' and si.company = %s and si.docstatus = 1
					and si.posting_date between %s and %s and t.account_head = %s""",
				(company, quarter.start, quarter.end, accounts[key]),
			)[0]
			result.append(
				(
					f"{start:%Y}-T{(start.month - 1) // 3 + 1}",
					key,
					round_money(to_decimal(collected)),
					round_money(lines[key]),
				)
			)
		start = add_months(start, 3)
	return result


def sales_taxes_remitted(company: str, today: date) -> list[tuple[str, Decimal, Decimal]]:
	"""Each quarter whose return is due (the end of the month after it): (quarter, the return's
	balance, what the remittances of that day settled on the bank)."""
	from insertion_erp.quebec_sales_taxes.report.gst_qst_return.gst_qst_return import tax_return

	result = []
	start = today.replace(month=1, day=1)
	while month_period(add_months(start, 3)).end <= today:
		due = month_period(add_months(start, 3)).end
		lines = {
			line.key: line.amount
			for line in tax_return(company, start, month_period(add_months(start, 2)).end)
		}
		(settled,) = frappe.db.sql(
			"""select coalesce(sum(jea.credit - jea.debit), 0) from `tabJournal Entry Account` jea
			join `tabJournal Entry` je on je.name = jea.parent
			join `tabAccount` a on a.name = jea.account
			where je.company = %s and je.docstatus = 1 and je.insertion_sales_tax_remittance = 1
				and je.posting_date = %s and a.account_type in ('Bank', 'Cash')""",
			(company, due),
		)[0]
		result.append(
			(
				f"{start:%Y}-T{(start.month - 1) // 3 + 1}",
				round_money(lines["balance"]),
				round_money(to_decimal(settled)),
			)
		)
		start = add_months(start, 3)
	return result


def training_hours(company: str, today: date) -> tuple[Decimal, Decimal] | None:
	"""The Activity Report's (paid, planned) training hours over the months whose pays were all
	made (the last one ending on the month's last day)."""
	from insertion_erp.results.activity import activity

	(last,) = frappe.db.sql(
		"""select max(end_date) from `tabSalary Slip`
		where company = %s and docstatus = 1 and end_date = last_day(end_date)""",
		company,
	)[0]
	if not last:
		return None
	period = Period(today.replace(month=1, day=1), month_period(frappe.utils.getdate(last)).end)
	hours = activity(period, {"company": company})["hours"]
	return to_decimal(hours["paid"]), to_decimal(hours["planned"])
