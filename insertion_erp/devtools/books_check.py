"""Mission and Market against ERPNext's Profit and Loss: the same total income and expense,
to the cent. The report's test and the demo's check (scripts/test) both use it."""

from decimal import Decimal

import frappe
from erpnext.accounts.report.profit_and_loss_statement.profit_and_loss_statement import (
	execute as profit_and_loss,
)

from insertion_erp.core.money import round_money, to_decimal
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
