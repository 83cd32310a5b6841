"""The director's day on the demo (direction@atelier-demo.org, Insertion Manager, Accounts User
and HR User): she opens her five reports on the year (the activity report, the return to
government, mission and market, the contract's budget and the partners' report), each in French
with Quebec formats and figures to show; she prints the return to government and exports the
activity report, its file named in French."""

from pathlib import Path
from urllib.parse import quote

from conftest import SCREENSHOTS, expect
from desk import field, print_report, refused_calls
from french import assert_dialog_french, assert_french_and_quebec, english_file_name

DEMO_PASSWORD = "demo-insertion"  # insertion_erp/devtools/demo.py, DEMO_PASSWORD
DIRECTOR = "direction@atelier-demo.org"
COMPANY = "Atelier Solidaire Démo"  # insertion_erp/devtools/demo.py, DEMO_COMPANY
YEAR = {"from_date": "2026-01-01", "to_date": "2026-12-31"}


def report_url(report: str, filters: dict) -> str:
	query = "&".join(f"{key}={quote(str(value))}" for key, value in filters.items())
	return f"/app/query-report/{quote(report)}" + (f"?{query}" if query else "")


def open_report(page, report: str, filters: dict, shows: tuple[str, ...]) -> None:
	"""The report on its filters, once its table has rows; `shows`: French labels it holds. The
	page then holds no English and no format off Quebec convention."""
	page.goto(report_url(report, filters))
	expect(page.locator(".dt-scrollable .dt-row").first).to_be_visible()
	for label in shows:
		expect(page.locator("body")).to_contain_text(label)
	expect(page.locator("body")).not_to_have_attribute("data-ajax-state", "triggered")
	page.wait_for_timeout(1500)  # a chart's bars and labels grow in an animation
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=SCREENSHOTS / f"director-day-{report.lower().replace(' ', '-')}.png", full_page=True)
	assert_french_and_quebec(page, f"the demo's {report.lower()}")


def test_director_opens_her_five_reports_prints_one_and_exports_one(new_page, admin):
	fiscal_year = admin.get_value("Fiscal Year", [["year_start_date", "=", "2026-01-01"]])
	contract = admin.get_list(
		"Insertion Contract", [["company", "=", COMPANY], ["docstatus", "=", 1]], ["name", "reference"]
	)[0]
	page = new_page(DIRECTOR, DEMO_PASSWORD)
	refused = refused_calls(page)

	# The activity report: the year's entries, results and definitions.
	open_report(
		page,
		"Activity Report",
		{"company": COMPANY, **YEAR},
		("Rapport d'activité", "Travailleurs en formation", "Entrées", "Taux d'intégration"),
	)

	# The return to government: the trainees gone out, what they cost and give back.
	open_report(
		page,
		"Return to Government",
		{"company": COMPANY, **YEAR},
		("Retour à l'État", "Source de revenu à l'entrée", "Mois de récupération"),
	)
	# Printed for the board: the report's own French format.
	printed = print_report(page)
	printed.wait_for_load_state()
	expect(printed.locator("body")).to_contain_text("Retour à l'État")
	expect(printed.locator("body")).to_contain_text("Dépense réclamée")
	printed.screenshot(path=SCREENSHOTS / "director-day-return-to-government-print.png", full_page=True)
	printed.close()
	page.bring_to_front()

	# Mission and market: sales against grants, month by month, on the fiscal year.
	open_report(
		page,
		"Mission and Market",
		{"company": COMPANY, "fiscal_year": fiscal_year},
		("Mission et marché", "Ventes (biens et services)", "Taux d'autofinancement"),
	)

	# The contract's budget: the contract under way is chosen for her.
	open_report(page, "Contract Budget", {}, ("Budget de l'entente", "Poste budgétaire", "Restant"))
	assert page.evaluate("frappe.query_report.get_filter_value('contract')") == contract["name"]
	expect(field(page, "contract").locator("input")).to_have_value(contract["reference"])  # its title

	# The partners' report: referrals, hires and placements, per partner.
	open_report(
		page,
		"Partner Report",
		{"company": COMPANY, **YEAR},
		("Rapport des partenaires", "Type de partenaire", "Organisme référent"),
	)

	# The activity report exported for the board: its dialog and its file in French.
	open_report(page, "Activity Report", {"company": COMPANY, **YEAR}, ("Rapport d'activité",))
	page.locator(".page-actions .menu-btn-group:visible button").first.click()
	page.locator(".dropdown-menu:visible").get_by_text("Exporter", exact=True).click()
	dialog = page.locator(".modal.show")
	expect(dialog).to_be_visible()
	dialog.locator('select[data-fieldname="file_format"]').select_option("CSV")
	dialog.get_by_role("checkbox", name="Inclure les filtres").check()
	assert_dialog_french(page, "the activity report's export")
	with page.expect_download() as download:
		dialog.locator(".btn-primary").click()
	name = download.value.suggested_filename
	assert name.startswith("Rapport d'activité_Cette entreprise_"), name
	assert name.endswith(".csv"), name
	assert not english_file_name(name), f"English in the exported file's name: {name!r}"
	content = Path(download.value.path()).read_text(encoding="utf-8")
	assert "Indicateur" in content and "Travailleurs en formation" in content, content[:500]
	assert not refused, f"calls refused: {refused}"
