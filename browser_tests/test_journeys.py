"""What people click every day, in Chromium, asserting on what the page shows."""

import csv
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import SCREENSHOTS, expect, route
from desk import dismiss, field, open_tab, print_report, quebec_money, refused_calls, save, set_date, set_link
from french import assert_dialog_french, assert_french_and_quebec, english_file_name

COUNSELLOR = "counsellor@example.org"
BOOKKEEPER = "bookkeeper@example.org"
CASHIER = "cashier@example.org"
DIRECTOR = "directrice@example.org"  # everyone works in French (insertion_erp/tests/browser_data.py)
CONTRACT_REFERENCE = "EQ-PAIE-TEST-2026"
NOTES = "Rencontre au sujet du logement : démarches avec l'OMH en cours."
ITEM = "FRIP-CHANDAIL"  # Chandail en laine (usagé), 12,50 $
# 4 422,62 $: a space between thousands, a decimal comma, the sign after the amount.
QUEBEC_MONEY = re.compile(r"^\d{1,3}( \d{3})*,\d{2} \$$")


def test_bookkeeper_claims_april_and_follows_the_invoice(new_page, admin):
	contract = admin.get_value(
		"Insertion Contract", [["reference", "=", CONTRACT_REFERENCE], ["docstatus", "=", 1]]
	)
	page = new_page(BOOKKEEPER)
	page.goto(route("Reimbursement Claim") + "/new")
	set_link(page, "contract", contract)
	# The contract proposes its first unclaimed period; the bookkeeper wants April.
	expect(field(page, "from_date").locator("input")).not_to_have_value("")
	set_date(page, "from_date", "2026-04-01")
	set_date(page, "to_date", "2026-04-30")
	save(page)
	expect(page).to_have_url(re.compile(r"/app/reimbursement-claim/(?!new)"))

	page.get_by_role("button", name="Lire la paie").click()
	lines = field(page, "lines").locator(".grid-body .rows .grid-row")
	expect(lines).to_have_count(2)  # the trainee and the funded supervisor, April
	expect(field(page, "lines")).to_contain_text("Paie-Test")
	total = field(page, "total_reimbursed").locator(".control-value")
	expect(total).to_have_text(QUEBEC_MONEY)

	assert_french_and_quebec(page, "the April claim, filled")
	page.get_by_role("button", name="Valider").click()
	page.locator(".modal:visible").get_by_role("button", name="Oui").click()
	expect(page.locator(".indicator-pill:visible").first).to_have_text("Validé")
	invoice_link = field(page, "sales_invoice").locator("a")
	expect(invoice_link).to_have_text(re.compile(r"\S"))
	invoice = invoice_link.inner_text().strip()
	invoice_link.click()
	expect(page).to_have_url(re.compile(r"/app/sales-invoice/"))
	expect(page.locator(".title-text:visible").first).to_contain_text("Emploi-Québec")
	assert admin.get_value("Sales Invoice", [["name", "=", invoice]], "docstatus") == 1


def test_counsellor_reads_the_notes_and_the_reading_is_logged(new_page, admin):
	intervention = admin.get_value("Support Intervention", [["trainee_name", "like", "%Navigateur%"]])

	def entries(action: str) -> int:
		return len(
			admin.get_list(
				"Confidential Access Log",
				[["reference_name", "=", intervention], ["user", "=", COUNSELLOR], ["action", "=", action]],
			)
		)

	opened, read = entries("Open"), entries("Read")
	page = new_page(COUNSELLOR)
	page.goto(f"{route('Support Intervention')}/{intervention}")
	assert_french_and_quebec(page, "the support intervention")
	page.get_by_role("button", name="Afficher les notes confidentielles").click()
	expect(page.locator('.frappe-control[data-fieldname="notes_html"] textarea')).to_have_value(NOTES)
	assert entries("Read") == read + 1  # the notes, through their API
	assert entries("Open") > opened  # the form itself


def test_cashier_sells_at_the_till_and_cannot_open_a_trainee(new_page, admin):
	sold_before = len(admin.get_list("POS Invoice", [["owner", "=", CASHIER], ["docstatus", "=", 1]]))
	page = new_page(CASHIER)
	page.goto("/app/point-of-sale")
	page.locator(f'.item-wrapper[data-item-code="{ITEM}"]').click()
	cart = page.locator(".cart-container")
	expect(cart.locator(".cart-item-wrapper")).to_have_count(1)
	expect(cart).to_contain_text("12,50 $")
	# The trainee on shift who serves, in one tap (a trainee of the shop is in now).
	floor_employee = admin.get_value(
		"Parcours", [["trainee_name", "like", "%Plancher"], ["status", "=", "Active"]], "employee"
	)
	admin.insert("Employee Checkin", {"employee": floor_employee, "log_type": "IN"})  # time: now
	page.locator(".served-by-btn").click()
	page.locator(".modal:visible .served-by-choices").get_by_role("button", name="Léa Plancher").click()
	expect(page.locator(".served-by-btn")).to_have_text("Servi par Léa Plancher")
	assert_french_and_quebec(page, "the till, a sweater in the cart")
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=SCREENSHOTS / "till-served-by.png", full_page=True)
	cart.locator(".checkout-btn:visible").first.click()
	page.locator(".mode-of-payment").first.click()  # cash, the profile's only mode
	page.locator(".submit-order-btn").click()
	page.locator(".modal:visible").get_by_role("button", name="Oui").click()
	summary = page.locator(".past-order-summary:visible, .order-summary-container:visible").first
	expect(summary).to_contain_text("Chandail en laine")
	# 12,50 $ of taxable goods: 0,63 $ of GST (half a cent up), 1,25 $ of QST, 14,38 $.
	expect(summary).to_contain_text("TPS (5\u00a0%)")
	expect(summary).to_contain_text("TVQ (9,975\u00a0%)")
	expect(summary).to_contain_text("14,38 $")
	assert_french_and_quebec(page, "the till, the sale made")
	sold = admin.get_list(
		"POS Invoice",
		[["owner", "=", CASHIER], ["docstatus", "=", 1]],
		["name", "insertion_served_by"],
		order_by="creation desc",
	)
	assert len(sold) == sold_before + 1
	assert sold[0]["insertion_served_by"] == floor_employee
	admin.insert("Employee Checkin", {"employee": floor_employee, "log_type": "OUT"})  # time: now

	trainee = admin.get_value("Trainee", [["last_name", "=", "Navigateur"]])
	trainee_name = admin.get_value("Trainee", [["name", "=", trainee]], "trainee_name")
	refused = re.compile("permission|autoris", re.I)  # in French: "Autorisation insuffisante..."
	page.goto(route("Trainee"))
	expect(page.locator("body")).to_contain_text(refused)
	expect(page.locator(".list-row-container")).to_have_count(0)
	page.goto(f"{route('Trainee')}/{trainee}")
	expect(page.locator("body")).to_contain_text(refused)
	expect(page.locator("body")).not_to_contain_text(trainee_name)


MORNING_CASHIER = "caisse-matin@example.org"  # finds the till closed (browser_data.ensure_till)
POS_PROFILE = "Caisse Friperie"


def test_the_served_by_button_appears_however_long_the_opening_takes(new_page, admin):
	page = new_page(MORNING_CASHIER)
	page.wait_for_url(re.compile("/app/point-of-sale"))  # the cashier lands at the till
	dialog = page.locator(".modal:visible")
	# The opening of the shift, the cashier's own till already chosen.
	expect(dialog.locator('.frappe-control[data-fieldname="pos_profile"] input')).to_have_value(POS_PROFILE)
	page.wait_for_timeout(35_000)  # longer than the 30 seconds the button used to wait for
	dialog.get_by_role("button", name="Valider").click()
	expect(page.locator(".served-by-btn")).to_have_text("Servi par : personne")
	assert_french_and_quebec(page, "the till, just opened")


def english_labels_of_the_app() -> set[str]:
	"""Source strings of the app whose French differs: none may show on a French page."""
	path = Path(__file__).resolve().parent.parent / "insertion_erp" / "translations" / "fr.csv"
	with path.open(encoding="utf-8") as handle:
		return {row[0] for row in csv.reader(handle) if len(row) >= 2 and row[0] != row[1]}


LABELS = (
	".title-text, .control-label, .section-head, .form-tabs .nav-link, .grid-heading-row .static-area,"
	" .widget-title, .link-text, .ce-header, .sidebar-item-label, .btn:visible"
)


def assert_no_english(page, english: set[str]) -> None:
	shown = {text.strip() for text in page.locator(LABELS).all_inner_texts()}
	leaked = sorted(text for text in shown if text in english)
	assert not leaked, f"English labels on a French page {page.url}: {leaked}"


def test_french_desk_shows_french_labels_and_quebec_formats(new_page, admin):
	english = english_labels_of_the_app()
	page = new_page(DIRECTOR)
	page.goto("/app/insertion")
	expect(page.locator(".widget-title").first).to_be_visible()
	assert_no_english(page, english)

	parcours = admin.get_value("Parcours", [["trainee_name", "like", "%Paie-Test%"]])
	page.goto(f"{route('Parcours')}/{parcours}")
	expect(field(page, "start_date").locator(".control-value")).to_have_text("2026-02-02")
	assert_no_english(page, english)

	claim = admin.get_value(
		"Reimbursement Claim", [["from_date", "=", "2026-03-01"], ["docstatus", "=", 1]], "name"
	)
	page.goto(f"{route('Reimbursement Claim')}/{claim}")
	expect(field(page, "from_date").locator(".control-value")).to_have_text("2026-03-01")
	expect(field(page, "total_reimbursed").locator(".control-value")).to_have_text(QUEBEC_MONEY)
	assert_no_english(page, english)

	page.goto(
		f"/printview?doctype=Reimbursement%20Claim&name={claim}"
		"&format=Demande%20de%20remboursement&no_letterhead=1&_lang=fr"
	)
	print_page = page.locator(".print-format")
	expect(print_page).to_contain_text("2026-03-31")
	expect(print_page).to_contain_text(re.compile(r"\d{1,3}( \d{3})*,\d{2} \$"))
	expect(print_page).not_to_contain_text(re.compile(r"\$ ?\d"))


SUPERVISOR = "superviseur@example.org"  # works in French
TABLET = {"width": 1024, "height": 768}


def test_supervisor_taps_a_trainee_in_and_out_on_a_tablet(new_page, admin):
	page = new_page(SUPERVISOR, viewport=TABLET)
	page.goto("/app/shop-floor")
	card = page.locator(".shop-floor .trainee").filter(has_text="Léa Plancher")
	expect(card).to_be_visible()
	expect(card).to_contain_text("Semaine 3")  # the parcours started two weeks ago
	card.get_by_role("button", name="Entrée").click()
	expect(card).to_have_class(re.compile(r"\bis-in\b"))
	expect(card).to_contain_text(re.compile(r"Entré·e depuis \d\d:\d\d"))
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=SCREENSHOTS / "shop-floor-tablet-in.png", full_page=True)
	card.get_by_role("button", name="Sortie").click()
	expect(card.get_by_role("button", name="Entrée")).to_be_visible()
	employee = admin.get_value(
		"Parcours", [["trainee_name", "like", "%Plancher"], ["status", "=", "Active"]], "employee"
	)
	logs = admin.get_list(
		"Employee Checkin", [["employee", "=", employee]], ["log_type"], order_by="creation desc"
	)
	assert [log["log_type"] for log in logs[:2]] == ["OUT", "IN"]
	# Names and hours only: the trainee's file stays closed.
	page.goto(route("Trainee"))
	expect(page.locator("body")).to_contain_text(re.compile("permission|autoris", re.I))


def test_director_reads_mission_and_market_in_french(new_page, admin):
	page = new_page(DIRECTOR)
	fiscal_year = admin.get_value("Fiscal Year", [["year_start_date", "=", "2026-01-01"]])
	page.goto(f"/app/query-report/Mission and Market?company=Atelier Paie Test&fiscal_year={fiscal_year}")
	expect(page.locator(".dt-scrollable").first).to_contain_text("Taux d'autofinancement (%)")
	table = page.locator(".dt-scrollable").first
	expect(table).to_contain_text(
		"Mission : salaires et cotisations de l'employeur des travailleurs en formation"
	)
	expect(table).to_contain_text("Mission : autres dépenses des ententes d'insertion")
	expect(table).to_contain_text("Marché : dépenses de production et de structure")
	# The definition is printed with the figures.
	expect(page.locator("body")).to_contain_text("Taux d'autofinancement = ventes (biens et services)")
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	page.wait_for_timeout(1500)  # the chart's bars grow in an animation
	page.screenshot(path=SCREENSHOTS / "mission-and-market-fr.png", full_page=True)


def test_director_reports_the_year_prints_it_and_exports_it_for_the_network(new_page, admin):
	page = new_page(DIRECTOR)
	page.goto(
		"/app/query-report/Activity Report?company=Atelier Paie Test&from_date=2026-01-01&to_date=2026-12-31"
	)
	table = page.locator(".dt-scrollable").first
	expect(table).to_contain_text("Suivi à 3 mois")
	expect(table).to_contain_text("Taux d'intégration, inconnus comptés comme échecs")
	expect(table).to_contain_text("Heures de formation rémunérée")
	# Each rate's definition is printed with the figures.
	expect(page.locator("body")).to_contain_text(
		"(en emploi + aux études ou en formation) / personnes jointes au suivi"
	)
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=SCREENSHOTS / "activity-report-fr.png", full_page=True)

	# The French print: the report's own format, sections and definitions.
	rows = page.evaluate(
		"frappe.query_report.data.filter(r => r.indicator).map(r => [r.indicator, r.definition || ''])"
	)
	assert len(rows) > 20, rows
	printed = print_report(page)
	expect(printed.locator("body")).to_contain_text("Rapport d'activité")
	expect(printed.locator("body")).to_contain_text("Définitions")
	# Every line of the report is defined, and its definition is in the French print.
	assert [indicator for indicator, definition in rows if not definition] == []
	printed_text = " ".join(printed.locator("body").inner_text().split())
	missing = {definition for _i, definition in rows if " ".join(definition.split()) not in printed_text}
	assert missing == set(), missing
	printed.screenshot(path=SCREENSHOTS / "activity-report-print-fr.png", full_page=True)

	# The quarterly progress report: one click on the period.
	page.bring_to_front()
	field(page, "period").locator("select").select_option("This Quarter")
	first_day = page.evaluate("frappe.query_report.get_filter_value('from_date')")
	assert re.fullmatch(r"\d{4}-(01|04|07|10)-01", first_day), first_day

	# The file for the network: JSON, no name in it.
	page.get_by_role("button", name="Exporter pour le réseau").click()
	with page.expect_download() as download:
		page.locator(".dropdown-menu:visible").get_by_text("JSON", exact=True).click()
	content = Path(download.value.path()).read_text(encoding="utf-8")
	assert '"format": "insertion-erp.activity-indicators"' in content
	assert "Paie-Test" not in content


def test_director_prints_the_return_to_government_in_french(new_page, admin):
	page = new_page(DIRECTOR)
	page.goto(
		"/app/query-report/Return to Government?company=Atelier Retour Test&from_date=2026-01-01&to_date=2026-12-31"
	)
	expect(page.locator(".report-summary").first).to_contain_text("Mois de récupération")
	expect(page.locator(".dt-scrollable").first).to_contain_text("Aide sociale")
	expect(page.locator("body")).to_contain_text("Gain annuel")
	printed = print_report(page)
	expect(printed.locator("body")).to_contain_text("Retour à l'État")
	expect(printed.locator("body")).to_contain_text("Dépense réclamée")
	expect(printed.locator("body")).to_contain_text("Gain annuel")
	expect(printed.locator("body")).to_contain_text(
		"En emploi, sans le salaire horaire ou les heures par semaine"
	)
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	printed.screenshot(path=SCREENSHOTS / "return-to-government-print-fr.png", full_page=True)


PAYROLL_BOOKKEEPER = "paie@example.org"  # HR Manager + Accounts User, works in French
PAYROLL_COMPANY = "Atelier Paie Québec"  # insertion_erp/quebec_payroll/test_quebec_payroll.py
MAY = ("2026-05-01", "2026-05-31")
DEDUCTIONS = ("RRQ", "Assurance-emploi", "RQAP", "Impôt fédéral", "Impôt du Québec")


def test_payroll_bookkeeper_runs_may_in_french_and_prints_the_pay_statement(new_page, admin):
	english = english_labels_of_the_app()
	to_confirm = admin.call("insertion_erp.quebec_payroll.rates.year_warning", year=2026)
	trainee = admin.get_value(
		"Employee", [["last_name", "=", "TEF-Québec"], ["company", "=", PAYROLL_COMPANY]]
	)
	trainee_name = admin.get_value("Employee", [["name", "=", trainee]], "employee_name")
	page = new_page(PAYROLL_BOOKKEEPER)
	page.goto(route("Payroll Entry") + "/new")
	# The default company's payable account, fetched: the form is done setting itself up.
	expect(field(page, "payroll_payable_account").locator("input")).not_to_have_value("")
	set_link(page, "company", PAYROLL_COMPANY)
	# The company's default payroll payable account, as HRMS fetches it.
	payable = admin.get_value("Company", [["name", "=", PAYROLL_COMPANY]], "default_payroll_payable_account")
	expect(field(page, "payroll_payable_account").locator("input")).to_have_value(payable)
	set_date(page, "posting_date", MAY[1])
	field(page, "payroll_frequency").locator("select").select_option("Monthly")
	set_date(page, "start_date", MAY[0])
	expect(field(page, "end_date").locator("input")).to_have_value(MAY[1])  # HRMS: a month from the start
	field(page, "salary_slip_based_on_timesheet").locator("input[data-fieldname]").check()
	open_tab(page, "accounting_dimensions_tab")  # Comptabilité & Paiement
	expect(field(page, "cost_center").locator("input")).to_have_value(re.compile(r"\S"))  # the company's
	set_link(page, "payment_account", "Espèces - APQ")  # the company's only bank or cash account
	save(page)
	expect(page).to_have_url(re.compile(r"/app/payroll-entry/(?!new)"))
	entry = page.url.rsplit("/", 1)[-1]

	page.get_by_role("button", name="Obtenir des employés").click()  # HRMS's "Get Employees"
	employees = field(page, "employees").locator(".grid-body .rows .grid-row")
	expect(employees).to_have_count(1)  # the trainee paid from timesheets; the supervisor is monthly
	expect(employees).to_contain_text(trainee)
	page.get_by_role("button", name="Créer les fiches de paie").click()  # submits the entry
	if to_confirm:  # the app warns the payroll user of the year's figures still to confirm, never silently
		dismiss(page, "Taux à confirmer")
	expect(page.locator(".indicator-pill:visible").first).to_have_text("Validé")
	# The warning shows once on the form, however many times HRMS refreshes it.
	warnings_on_the_entry = page.locator(".form-message", has_text="Taux de la paie").count()
	submit_slips = page.get_by_role("button", name="Valider la Fiche de Paie")
	expect(submit_slips).to_be_visible()
	assert_no_english(page, english)
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=SCREENSHOTS / "payroll-entry-fr.png", full_page=True)
	submit_slips.click()
	page.locator(".modal:visible").get_by_role("button", name="Oui").click()
	# HRMS's message once the slips are submitted and the accrual booked.
	dismiss(page, re.compile(rf"{MAY[0]}\D+{MAY[1]}"))
	assert admin.get_value("Payroll Entry", [["name", "=", entry]], "status") == "Submitted"

	slip = admin.get_value(
		"Salary Slip", [["employee", "=", trainee], ["start_date", "=", MAY[0]], ["docstatus", "=", 1]]
	)
	values = admin.get_list(
		"Salary Slip", [["name", "=", slip]], ["net_pay", "gross_pay", "journal_entry", "payroll_entry"]
	)[0]
	assert values["payroll_entry"] == entry
	page.goto(f"{route('Salary Slip')}/{quote(slip, safe='')}")
	open_tab(page, "net_pay_info")
	expect(field(page, "net_pay").locator(".control-value")).to_have_text(quebec_money(values["net_pay"]))
	open_tab(page, "earnings_and_deductions_tab")
	expect(field(page, "gross_pay").locator(".control-value")).to_have_text(quebec_money(values["gross_pay"]))
	rows = field(page, "deductions").locator(".grid-body .rows .grid-row")
	for component in DEDUCTIONS:
		name_cell = page.locator('[data-fieldname="salary_component"]', has_text=re.compile(f"^{component}$"))
		amount = rows.filter(has=name_cell).locator('[data-fieldname="amount"]')
		expect(amount).to_have_text(QUEBEC_MONEY)
	assert_no_english(page, english)
	page.screenshot(path=SCREENSHOTS / "salary-slip-fr.png", full_page=True)

	page.goto(
		f"/printview?doctype=Salary%20Slip&name={quote(slip, safe='')}"
		"&format=Relev%C3%A9%20de%20paie&no_letterhead=1"
	)
	statement = page.locator(".print-format")
	expect(statement).to_contain_text("Relevé de paie")
	expect(statement).to_contain_text(trainee_name)
	expect(statement).to_contain_text(re.compile(rf"{MAY[0]}\W+{MAY[1]}"))  # the pay period
	expect(statement).to_contain_text(quebec_money(values["net_pay"]))
	for component in DEDUCTIONS:
		expect(statement).to_contain_text(component)
	expect(statement).not_to_contain_text(re.compile(r"\$ ?\d"))
	page.screenshot(path=SCREENSHOTS / "pay-statement-fr.png", full_page=True)

	# HRMS's accrual: the slip's journal entry, submitted, against the Payroll Entry.
	assert values["journal_entry"], slip
	assert admin.get_value("Journal Entry", [["name", "=", values["journal_entry"]]], "docstatus") == 1
	if to_confirm:
		assert warnings_on_the_entry == 1, f"the to-confirm warning shows {warnings_on_the_entry} times"


ROE_TRAINEE = "Rémi Relevé"  # insertion_erp/tests/browser_data.py: paid weekly June 1 to July 12


def test_director_closes_a_parcours_and_the_payroll_bookkeeper_files_its_roe(new_page, admin):
	parcours = admin.get_value(
		"Parcours",
		[
			["trainee_name", "=", ROE_TRAINEE],
			["company", "=", PAYROLL_COMPANY],
			["actual_end_date", "is", "not set"],
		],
	)
	employee = admin.get_value("Parcours", [["name", "=", parcours]], "employee")

	# The director closes the parcours on Friday July 10, the trainee dismissed.
	page = new_page(DIRECTOR)
	page.goto(f"{route('Parcours')}/{quote(parcours, safe='')}")
	page.get_by_role("button", name="Fermer le parcours").click()
	dialog = page.locator(".modal:visible")
	end = dialog.locator('[data-fieldname="actual_end_date"] input')
	end.fill("2026-07-10")
	end.press("Escape")
	dialog.locator('[data-fieldname="exit_reason"] select').select_option("Dismissed")
	dialog.get_by_role("button", name="Fermer", exact=True).click()
	expect(page.locator(".indicator-pill:visible").first).to_contain_text("Sortie anticipée")

	# The payroll bookkeeper finds the ROE in her ToDo list, opens it in French and issues it.
	roe = admin.get_value("Record of Employment", [["employee", "=", employee], ["docstatus", "=", 0]])
	page = new_page(PAYROLL_BOOKKEEPER)
	page.goto("/app/todo?status=Open")
	todo = page.locator(".list-row-container", has_text=f"Relevé d'emploi de {ROE_TRAINEE}").first
	expect(todo).to_be_visible()
	page.goto(route("Record of Employment"))
	# July's ROE is late on today's date: the list and the form say so.
	row = page.locator(".list-row-container", has_text=roe).first
	expect(row).to_contain_text("En retard")
	row.locator(".list-subject a").first.click()
	expect(page).to_have_url(re.compile(rf"/app/record-of-employment/{re.escape(quote(roe, safe=''))}"))
	expect(page.locator("body")).to_contain_text("Ce RE devait être produit le 2026-07-17.")
	expect(page.locator("body")).to_contain_text("Nombre total d'heures assurables (case 15A)")
	expect(field(page, "insurable_hours").locator(".control-value")).to_have_text("210")
	expect(field(page, "reason_code").locator("select")).to_have_value("M00")
	rows = field(page, "pay_periods").locator(".grid-body .rows .grid-row")
	expect(rows).to_have_count(6)
	assert_french_and_quebec(page, "the draft Record of Employment")
	page.screenshot(path=SCREENSHOTS / "roe-draft-fr.png", full_page=True)
	page.get_by_role("button", name="Valider").click()
	page.locator(".modal:visible").get_by_role("button", name="Oui").click()
	expect(page.locator(".indicator-pill:visible").first).to_have_text("Produit")
	with page.expect_download() as download:
		page.get_by_role("button", name="Télécharger le fichier RE Web").click()
	content = Path(download.value.path()).read_text(encoding="utf-8")
	assert 'FileVersion="W-2.0"' in content
	assert "<B15A>210</B15A>" in content
	assert '<PP nbr="1">' in content and "<CD>M00</CD>" in content
	page.screenshot(path=SCREENSHOTS / "roe-issued-fr.png", full_page=True)


DESK = {"width": 1366, "height": 900}
VIEWPORTS = {"desk": DESK, "tablet": TABLET}


def screens_of_the_day(admin) -> dict[str, list[str]]:
	"""Each user's screens on an ordinary day, where the browser data has records to show."""
	claim = admin.get_value("Reimbursement Claim", [["from_date", "=", "2026-03-01"], ["docstatus", "=", 1]])
	trainee = admin.get_value("Trainee", [["last_name", "=", "Navigateur"]])
	intervention = admin.get_value("Support Intervention", [["trainee_name", "like", "%Navigateur%"]])
	year = "from_date=2026-01-01&to_date=2026-12-31"
	return {
		CASHIER: ["/app/point-of-sale", route("POS Invoice")],
		SUPERVISOR: ["/app/shop-floor"],
		BOOKKEEPER: [
			"/app/home",  # no onboarding card of ERPNext's, in English
			route("Reimbursement Claim"),
			f"{route('Reimbursement Claim')}/{claim}",
			f"/app/query-report/GST QST Return?company=Friperie Navigateur&{year}",
			route("Sales Invoice"),
		],
		DIRECTOR: [
			"/app/insertion",  # its charts' months in French ("déc. 2025")
			f"/app/query-report/Activity Report?company=Atelier Paie Test&{year}",
			"/app/query-report/Mission and Market?company=Atelier Paie Test&fiscal_year=2026",
			f"/app/query-report/Return to Government?company=Atelier Retour Test&{year}",
			"/app/query-report/Contract Budget",
			f"/app/query-report/Partner Report?company=Friperie Navigateur&{year}",
		],
		COUNSELLOR: [
			route("Trainee"),
			f"{route('Trainee')}/{trainee}",
			route("Support Intervention"),
			f"{route('Support Intervention')}/{intervention}",
			route("Parcours"),
			route("Partner"),
			f"{route('Partner')}/Garage Navigateur",
			route("Placement"),
		],
	}


LANDING = {CASHIER: "/app/point-of-sale", SUPERVISOR: "/app/shop-floor"}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_each_users_day_is_in_french_with_quebec_formats(new_page, admin, viewport):
	"""The five users, each on the screens of their day, on a desk and on a tablet: no English
	word and nothing off the Quebec formats in what the pages show (read from the pages)."""
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	for user, screens in screens_of_the_day(admin).items():
		page = new_page(user, viewport=VIEWPORTS[viewport])
		refused = refused_calls(page)
		if user in LANDING:  # the floor supervisor and the cashier land where their work is
			page.wait_for_url(re.compile(re.escape(LANDING[user])))
		for number, screen in enumerate(screens, start=1):
			page.goto(screen)
			expect(page.locator(".page-head:visible, .page-title:visible").first).to_be_visible()
			page.wait_for_timeout(2500)  # the list, the report or the page's own call
			name = f"day-{user.split('@')[0]}-{viewport}-{number}"
			page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
			assert_french_and_quebec(page, f"{user}, {screen} ({viewport})")
			assert not refused, f"{user}, {screen} ({viewport}): calls refused {refused}"
		if user == DIRECTOR and viewport == "desk":
			page.goto(screens[1])  # the Activity Report, exported with its filters
			expect(page.locator(".page-head:visible, .page-title:visible").first).to_be_visible()
			page.wait_for_timeout(2500)
			assert_export_in_french(page, f"{user}, export of {screens[1]} ({viewport})")


def assert_export_in_french(page, where: str) -> None:
	"""The report's export: its dialog in French, and its file named in French with its filters
	("Rapport d'activité_Cette entreprise_….xlsx", not "Activity Report_This Enterprise_…")."""
	page.locator(".page-actions .menu-btn-group:visible button").first.click()
	page.locator(".dropdown-menu:visible").get_by_text("Exporter", exact=True).click()
	dialog = page.locator(".modal.show")
	expect(dialog).to_be_visible()
	dialog.get_by_role("checkbox", name="Inclure les filtres").check()
	assert_dialog_french(page, where)
	with page.expect_download() as download:
		dialog.locator(".btn-primary").click()
	name = download.value.suggested_filename
	assert not english_file_name(name), f"English in the exported file's name {where}: {name!r}"
