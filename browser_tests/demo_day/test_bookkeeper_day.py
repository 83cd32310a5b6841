"""The bookkeeper's day on the demo (comptable@atelier-demo.org: Accounts User and Manager, HR
User and Manager). The demo left last month's second pay to her (pays on the 15th and the
month's last day): she runs its Payroll Entry, which pays every trainee under way, prints a pay
statement, makes and submits the month's claim,
issues a Record of Employment and downloads its file, then prepares the year's T4 and RL-1,
submits a leaver's (the others wait for the year's end) and downloads both files."""

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

from conftest import expect, route
from desk import dismiss, field, open_tab, quebec_money, refused_calls, save, set_date, set_link
from french import assert_french_and_quebec

DEMO_PASSWORD = "demo-insertion"  # insertion_erp/devtools/demo.py, DEMO_PASSWORD
BOOKKEEPER = "comptable@atelier-demo.org"
COMPANY = "Atelier Solidaire Démo"


def last_month(admin) -> tuple[str, str]:
	"""The site's last month (its today, in its time zone)."""
	end = admin.today().replace(day=1) - timedelta(days=1)
	return end.replace(day=1).isoformat(), end.isoformat()


def confirm(page) -> None:
	page.locator(".modal:visible").get_by_role("button", name="Oui").click()


def test_bookkeeper_pays_the_month_claims_it_issues_an_roe_and_files_the_year(new_page, admin):
	start, end = last_month(admin)
	pay_start = f"{start[:8]}16"  # the month's second pay: the 16th to its last day
	# The trainees at work in the pay period, as their parcours say.
	at_work = {
		row["employee"]
		for row in admin.get_list(
			"Parcours",
			[["company", "=", COMPANY], ["start_date", "<=", end], ["employee", "is", "set"]],
			["employee", "actual_end_date", "planned_end_date"],
		)
		if (row["actual_end_date"] or row["planned_end_date"]) >= pay_start
	}
	page = new_page(BOOKKEEPER, DEMO_PASSWORD)
	refused = refused_calls(page)

	# The pay's Payroll Entry, twice a month: the trainees are found without a tick to guess.
	page.goto(route("Payroll Entry") + "/new")
	expect(field(page, "payroll_payable_account").locator("input")).not_to_have_value("")
	set_date(page, "posting_date", end)
	field(page, "payroll_frequency").locator("select").select_option("Bimonthly")
	set_date(page, "start_date", pay_start)
	set_date(page, "end_date", end)  # HRMS proposes no end to a pay twice a month
	expect(field(page, "salary_slip_based_on_timesheet").locator("input[data-fieldname]")).to_be_checked()
	open_tab(page, "accounting_dimensions_tab")
	cash = admin.get_value(
		"Account", [["company", "=", COMPANY], ["account_type", "in", ["Bank", "Cash"]], ["is_group", "=", 0]]
	)
	set_link(page, "payment_account", cash)
	save(page)
	expect(page).to_have_url(re.compile(r"/app/payroll-entry/(?!new)"))
	entry = page.url.rsplit("/", 1)[-1]
	page.get_by_role("button", name="Obtenir des employés").click()
	employees = field(page, "employees").locator(".grid-body .rows .grid-row")
	expect(employees).to_have_count(len(at_work))
	assert_french_and_quebec(page, "the month's Payroll Entry")
	page.get_by_role("button", name="Créer les fiches de paie").click()
	# The year's figures still to confirm are said, never silently used.
	if admin.call("insertion_erp.quebec_payroll.rates.year_warning", year=int(start[:4])):
		dismiss(page, "Taux à confirmer")
	expect(page.locator(".page-head .indicator-pill:visible").first).to_have_text("Validé")
	page.get_by_role("button", name="Valider la Fiche de Paie").click()
	confirm(page)
	dismiss(page, re.compile(rf"{pay_start}\D+{end}"))
	slips = admin.get_list(
		"Salary Slip",
		[["payroll_entry", "=", entry], ["docstatus", "=", 1]],
		["name", "employee", "employee_name", "net_pay"],
	)
	assert {slip["employee"] for slip in slips} == at_work, "every trainee at work is paid"
	assert all(slip["net_pay"] > 0 for slip in slips), slips

	# A pay statement, printed.
	slip = slips[0]
	page.goto(
		f"/printview?doctype=Salary%20Slip&name={quote(slip['name'], safe='')}"
		"&format=Relev%C3%A9%20de%20paie&no_letterhead=1"
	)
	statement = page.locator(".print-format")
	expect(statement).to_contain_text("Relevé de paie")
	expect(statement).to_contain_text(slip["employee_name"])
	expect(statement).to_contain_text(quebec_money(slip["net_pay"]))
	assert_french_and_quebec(page, "the pay statement")

	# The month's claim to Emploi-Québec, read from the payroll and submitted.
	contract = admin.get_value("Insertion Contract", [["company", "=", COMPANY], ["docstatus", "=", 1]])
	page.goto(route("Reimbursement Claim") + "/new")
	set_link(page, "contract", contract)
	set_date(page, "from_date", start)
	set_date(page, "to_date", end)
	save(page)
	expect(page).to_have_url(re.compile(r"/app/reimbursement-claim/(?!new)"))
	page.get_by_role("button", name="Lire la paie").click()
	lines = field(page, "lines").locator(".grid-body .rows .grid-row")
	expect(lines.first).to_be_visible()
	expect(field(page, "total_reimbursed").locator(".control-value")).to_have_text(
		re.compile(r"^\d{1,3}( \d{3})*,\d{2} \$$")
	)
	assert_french_and_quebec(page, "the month's claim")
	page.get_by_role("button", name="Valider").click()
	confirm(page)
	expect(page.locator(".page-head .indicator-pill:visible").first).to_have_text("Validé")

	# The Record of Employment of a trainee who left last month, drafted when the parcours
	# closed and issuable now that the last pay is submitted: issued, its file downloaded.
	roe = admin.get_value(
		"Record of Employment", [["docstatus", "=", 0], ["last_day_paid", "between", [start, end]]]
	)
	page.goto(f"{route('Record of Employment')}/{quote(roe, safe='')}")
	assert_french_and_quebec(page, "the draft Record of Employment")
	page.get_by_role("button", name="Valider").click()
	confirm(page)
	expect(page.locator(".page-head .indicator-pill:visible").first).to_have_text("Produit")
	with page.expect_download() as download:
		page.get_by_role("button", name="Télécharger le fichier RE Web").click()
	assert 'FileVersion="W-2.0"' in Path(download.value.path()).read_text(encoding="utf-8")

	# The year's T4 and RL-1: prepared, a leaver's submitted (the others wait for December's
	# pay), both files downloaded.
	year = admin.today().year
	page.goto(f"/app/query-report/T4 and RL-1?company={COMPANY}&year={year}")
	expect(page.locator(".dt-scrollable").first).to_be_visible()
	page.get_by_role("button", name="Préparer les feuillets de fin d'année").click()
	dismiss(page, "Feuillets de fin d'année préparés")
	assert_french_and_quebec(page, "the year's T4 and RL-1")
	drafts = admin.get_list(
		"Year-End Slip",
		[["company", "=", COMPANY], ["year", "=", year], ["docstatus", "=", 0]],
		["name", "employee"],
	)
	relieved = {
		row["name"]
		for row in admin.get_list("Employee", [["company", "=", COMPANY], ["relieving_date", "is", "set"]])
	}
	leaver = next(row["name"] for row in drafts if row["employee"] in relieved)
	staying = next(row["name"] for row in drafts if row["employee"] not in relieved)
	page.goto(f"{route('Year-End Slip')}/{quote(staying, safe='')}")
	page.get_by_role("button", name="Valider").click()
	confirm(page)
	expect(page.locator(".modal:visible")).to_contain_text(f"L'année {year} n'est pas terminée")
	assert [call for call in refused if "savedocs" in call] == [refused[-1]]  # that refusal, said
	refused.clear()
	page.goto(f"{route('Year-End Slip')}/{quote(leaver, safe='')}")
	page.get_by_role("button", name="Valider").click()
	confirm(page)
	expect(page.locator(".page-head .indicator-pill:visible").first).to_have_text("À transmettre")
	page.goto(f"/app/query-report/T4 and RL-1?company={COMPANY}&year={year}")
	for file_button, marker in (
		("Fichier T4 (ARC)", "<T619>"),
		("Fichier des relevés 1 (Revenu Québec)", "<Transmission"),
	):
		page.get_by_role("button", name="Transmettre").click()
		page.get_by_role("link", name=file_button).click()
		dialog = page.locator(".modal:visible", has_text="Fichier pour")
		expect(dialog).to_be_visible()
		with page.expect_download() as download:
			dialog.get_by_role("button", name="Télécharger").click()
		assert marker in Path(download.value.path()).read_text(encoding="utf-8")
	assert not refused, f"calls refused during the bookkeeper's day: {refused}"
