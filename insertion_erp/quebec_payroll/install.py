"""What a Quebec payroll needs on a site and for each company: the deduction and
labour-standards Salary Components with their accounts, the payable and expense accounts
of the employer's contributions, and the shipped years' parameters with their sources.

Made once per company (install, setup wizard, patch); from then on the bookkeeper's to
change in Insertion Settings and on each Salary Component.
"""

import json
from pathlib import Path

import frappe
from frappe.custom.doctype.property_setter.property_setter import make_property_setter

from insertion_erp.constants import (
	CONTRIBUTIONS_EXPENSE_ACCOUNT,
	DEDUCTION_COMPONENTS,
	HOLIDAY_PAY_COMPONENT,
	PAY_STATEMENT,
	PAYABLE_ACCOUNTS,
	REMITTED_TO,
	VACATION_PAY_COMPONENT,
)
from insertion_erp.core.money import to_decimal
from insertion_erp.core.payroll import payroll_parameters
from insertion_erp.ledger import ensure_account, ensure_duties_account
from insertion_erp.quebec_payroll.deductions import EMPLOYER_KINDS
from insertion_erp.quebec_payroll.rates import (
	FIGURE_LABELS,
	JURISDICTION,
	RATES_DOCTYPE,
	RECORD_FIELD,
	payroll_year,
	record_values,
)

PAYROLL_PAYABLE_ACCOUNT = "Salaires à payer"
# One data file a year: shipping a year is adding its file (core/payroll/payroll_parameters.py).
PAYROLL_YEARS = Path(__file__).parent / "data" / "payroll_years"
LOADED_YEARS = "insertion_payroll_years_loaded"  # the site's default: the years it has had
FILE_TAKEN = "insertion_payroll_year_{0}_file"  # the site's default: the year's file it last took


def set_up_site() -> None:
	"""A pay is paid to the cent (HRMS rounds net pay to the dollar unless told not to), and the
	Salary Slip prints as the Quebec pay statement unless the site chose another format."""
	payroll_settings = frappe.get_single("Payroll Settings")
	if not payroll_settings.disable_rounded_total:
		# Saved, so HRMS hides the slip's rounded total too.
		payroll_settings.disable_rounded_total = 1
		payroll_settings.flags.ignore_permissions = True
		payroll_settings.save()
	if not frappe.get_meta("Salary Slip").default_print_format and frappe.db.exists(
		"Print Format", PAY_STATEMENT
	):
		make_property_setter(
			"Salary Slip", None, "default_print_format", PAY_STATEMENT, "Data", for_doctype=True
		)


def set_up_canadian_companies(settings) -> None:
	"""Each company in Canada, and the site once one exists. The caller saves the settings."""
	companies = frappe.get_all("Company", filters={"country": "Canada"}, pluck="name", order_by="creation")
	for company in companies:
		set_up_company(company, settings)
	if companies:
		set_up_site()


def set_up_company(company: str, settings) -> None:
	"""Mark the company's payroll as Quebec's and give it its components' and contributions'
	accounts where it has none. The caller saves the settings."""
	frappe.db.set_value("Company", company, "insertion_quebec_payroll", 1)
	if not frappe.db.get_value("Company", company, "default_payroll_payable_account"):
		# HRMS's Payroll Entry credits the net pay to it; it must carry no account type.
		frappe.db.set_value(
			"Company",
			company,
			"default_payroll_payable_account",
			ensure_account(company, PAYROLL_PAYABLE_ACCOUNT, "Liability"),
		)
	payable = {agency: ensure_duties_account(company, name) for agency, name in PAYABLE_ACCOUNTS.items()}
	for kind, (component, abbr) in DEDUCTION_COMPONENTS.items():
		ensure_component(component, abbr, "Deduction", company, payable[REMITTED_TO[kind]])
	for component, abbr in (VACATION_PAY_COMPONENT, HOLIDAY_PAY_COMPONENT):
		ensure_component(component, abbr, "Earning", company, None)
	configured = {row.contribution for row in settings.contribution_accounts if row.company == company}
	expense = None
	for kind in EMPLOYER_KINDS:
		if kind in configured:
			continue
		expense = expense or ensure_account(company, CONTRIBUTIONS_EXPENSE_ACCOUNT, "Expense")
		settings.append(
			"contribution_accounts",
			{
				"company": company,
				"contribution": kind,
				"expense_account": expense,
				"payable_account": payable[REMITTED_TO[kind]],
			},
		)


def ensure_component(name: str, abbr: str, kind: str, company: str, account: str | None) -> None:
	"""The app's Salary Component, with the company's account for a deduction (an earning books
	to the company's default payroll expense through HRMS)."""
	if frappe.db.exists("Salary Component", name):
		doc = frappe.get_doc("Salary Component", name)
	else:
		doc = frappe.get_doc(
			{
				"doctype": "Salary Component",
				"salary_component": name,
				"salary_component_abbr": abbr,
				"type": kind,
				"depends_on_payment_days": 0,
				"is_income_tax_component": 0,
			}
		)
	account = account or wages_expense_account(company)
	if account and not any(row.company == company for row in doc.accounts):
		doc.append("accounts", {"company": company, "account": account})
	doc.flags.ignore_permissions = True
	doc.save()


def wages_expense_account(company: str) -> str | None:
	"""Where HRMS books the company's wages: the Salary account of the standard chart."""
	return frappe.db.get_value(
		"Account", {"company": company, "account_name": ("in", ("Salary", "Salaires")), "is_group": 0}
	) or ensure_account(company, "Salaires", "Expense")


def shipped_parameters(data: dict) -> dict:
	"""The record's values of a shipped year's file: its parameters and each figure's source."""
	return {
		**record_values(payroll_parameters.payroll_year(data)),
		"figure_sources": [
			{"figure": FIGURE_LABELS[figure], "source": source, "to_confirm": int(to_confirm)}
			for figure, (source, to_confirm) in payroll_parameters.figure_sources(data).items()
		],
	}


def ensure_payroll_years(folder: Path | None = None) -> list[int]:
	"""Install and after every migration: a record "Quebec Payroll Rates" for each shipped year
	the site has never had (employer rates, parameters, each figure's source). A year already
	there, which the bookkeeper may have corrected, is left alone, and one the site had and
	deleted stays deleted (the years loaded are remembered in the site's defaults). The years
	created."""
	folder = folder or PAYROLL_YEARS
	years = payroll_parameters.shipped(folder)
	before = loaded_years()
	loaded = set(before)
	created = []
	for year, data in years.items():
		if str(year) in loaded:
			continue
		loaded.add(str(year))
		if frappe.db.exists(RATES_DOCTYPE, {"year": year}):
			continue
		rates = payroll_parameters.employer_rates(data)
		frappe.get_doc(
			{
				"doctype": RATES_DOCTYPE,
				**{field: getattr(rates, field) for field in rates.__dataclass_fields__},
				**shipped_parameters(data),
				"sources": data.get("note"),
			}
		).insert(ignore_permissions=True)
		created.append(year)
	if loaded != before:
		frappe.db.set_default(LOADED_YEARS, ",".join(sorted(loaded)))
	ensure_parameters(years)
	update_shipped_figures(years)
	return created


def loaded_years() -> set[str]:
	"""The shipped years this site has had (read from the table: a rolled-back transaction
	leaves no trace in a cache)."""
	value = frappe.db.sql(
		"select defvalue from `tabDefaultValue` where parent = '__default' and defkey = %s", LOADED_YEARS
	)
	return set(filter(None, (value[0][0] if value else "").split(",")))


def update_shipped_figures(years: dict[int, dict]) -> None:
	"""A later file for a year the site has: each figure the record still holds as the file the
	site last took gave it, and still flagged, is the files' to keep up to date: it takes the
	later file's value, source and flag (a figure shipped carried forward and flagged, then
	published, is replaced on every site that left it alone). A figure the bookkeeper changed or
	confirmed is hers: never touched. The employer-only rates and the note follow the same rule.
	A site that took its file before the files were remembered compares with the file itself:
	a flagged figure holding the file's value takes its source and flag (a confirmation).
	`years`: the shipped files, by year."""
	figure_of = {label: figure for figure, label in FIGURE_LABELS.items()}
	for year, data in years.items():
		if not frappe.db.exists(RATES_DOCTYPE, str(year)):
			continue
		earlier = file_taken(year) or data
		before, after = payroll_parameters.payroll_year(earlier), payroll_parameters.payroll_year(data)
		held = payroll_year(year)
		sources = payroll_parameters.figure_sources(data)
		values = record_values(after)
		doc = frappe.get_doc(RATES_DOCTYPE, str(year))
		changed = False
		for row in doc.figure_sources:
			figure = figure_of.get(row.figure)
			if not (figure and row.to_confirm and figure in sources):
				continue
			if getattr(held, figure) != getattr(before, figure):
				continue  # the bookkeeper's value
			source, flagged = sources[figure][0], int(sources[figure][1])
			if getattr(after, figure) == getattr(before, figure) and (row.source, row.to_confirm) == (
				source,
				flagged,
			):
				continue
			set_figure(doc, figure, values)
			row.source, row.to_confirm, changed = source, flagged, True
		old_rates, new_rates = (
			payroll_parameters.employer_rates(earlier),
			payroll_parameters.employer_rates(data),
		)
		for field in old_rates.__dataclass_fields__:
			old, new = getattr(old_rates, field), getattr(new_rates, field)
			if field != "year" and new != old and to_decimal(doc.get(field)) == old:
				doc.set(field, new)
				changed = True
		if data.get("note") != earlier.get("note") and doc.sources == earlier.get("note"):
			doc.sources, changed = data.get("note"), True
		if changed:
			doc.flags.ignore_permissions = True
			doc.save()
		take_file(year, data)


def set_figure(doc, figure: str, values: dict) -> None:
	"""One parameter of the record set to `values` (`record_values` of a shipped year)."""
	if figure == "qpp_exemption_per_pay":
		doc.set("qpp_exemptions", values["qpp_exemptions"])
	elif figure in JURISDICTION:
		jurisdiction = JURISDICTION[figure]
		kept = [row.as_dict() for row in doc.tax_brackets if row.jurisdiction != jurisdiction]
		new = [row for row in values["tax_brackets"] if row["jurisdiction"] == jurisdiction]
		doc.set("tax_brackets", [*kept, *new])
	else:
		field = RECORD_FIELD.get(figure, figure)
		doc.set(field, values[field])


def file_taken(year: int) -> dict | None:
	"""The year's file as the site last took it (read from the table, as `loaded_years`)."""
	value = frappe.db.sql(
		"select defvalue from `tabDefaultValue` where parent = '__default' and defkey = %s",
		FILE_TAKEN.format(year),
	)
	return json.loads(value[0][0]) if value and value[0][0] else None


def take_file(year: int, data: dict) -> None:
	if file_taken(year) != data:
		frappe.db.set_default(FILE_TAKEN.format(year), json.dumps(data, ensure_ascii=False))


def ensure_parameters(years: dict[int, dict] | None = None) -> None:
	"""The shipped years' source-deduction parameters and their sources (`years`, the files by
	year; all shipped ones by default), on records made before the payroll had them (a year the
	user filled is left alone)."""
	for year, data in (years or payroll_parameters.shipped(PAYROLL_YEARS)).items():
		if not frappe.db.exists(RATES_DOCTYPE, str(year)):
			continue
		doc = frappe.get_doc(RATES_DOCTYPE, str(year))
		if doc.tax_brackets:
			continue
		doc.update(shipped_parameters(data))
		doc.flags.ignore_permissions = True
		doc.save()
