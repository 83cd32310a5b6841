"""The employer table of the slips submitted before the Quebec payroll wrote one: claims now
read it and compute no contribution (quebec_payroll/employer_rows.py). Submitted claims keep
their figures; the ledger is left as it was posted."""

from insertion_erp.quebec_payroll.employer_rows import write_missing_rows


def execute() -> None:
	summary = write_missing_rows()
	for company, mark in summary.get("written", {}).items():
		print(
			f"{company}: employer contributions written on {mark['slips']} slips ({mark['first']} to {mark['last']})"
		)
	for year, count in summary.get("left_without_rates", {}).items():
		print(
			f"{count} slips of {year} left without employer contributions: no Quebec Payroll Rates for {year}"
		)
