"""The counsellor's day on the demo (intervenante@atelier-demo.org, Insertion Counsellor): she
registers a trainee, starts her parcours, corrects it, writes a confidential note, records a
follow-up she made by phone, sends the alumni link, and the alumnus answers on his phone."""

import re
from datetime import datetime

from conftest import BASE_URL, expect, route
from desk import choose, field, refused_calls, save, set_date, set_link
from french import assert_french_and_quebec

DEMO_PASSWORD = "demo-insertion"  # insertion_erp/devtools/demo.py, DEMO_PASSWORD
COUNSELLOR = "intervenante@atelier-demo.org"
PHONE = {"width": 390, "height": 844}


def test_counsellor_registers_starts_corrects_and_follows_up(browser, new_page, admin):
	today = admin.today().isoformat()
	# A name of her own on each run (the demo keeps the trainees of earlier runs).
	last_name = "Journée-" + "".join(chr(97 + int(digit)) for digit in f"{datetime.now():%m%d%H%M%S}")
	page = new_page(COUNSELLOR, DEMO_PASSWORD)
	refused = refused_calls(page)

	# A new trainee, with her consent to the collection of her information.
	page.goto(f"{route('Trainee')}/new")
	field(page, "first_name").locator("input").fill("Inès")
	field(page, "last_name").locator("input").fill(last_name)
	set_date(page, "date_of_birth", "1999-03-14")
	field(page, "gender").locator("input").click()
	page.get_by_role("option").filter(has_text="Femme").first.click()
	consents = field(page, "consents")
	consents.get_by_role("button", name="Ajouter une ligne").click()
	given_on = consents.locator('.grid-row[data-idx="1"] .grid-static-col[data-fieldname="given_on"]')
	for _attempt in range(3):  # the datepicker takes a typed date on blur, not always at once
		consents.locator('.grid-row[data-idx="1"] .btn-open-row').click()
		row = page.locator(".grid-row-open")
		row.locator('[data-fieldname="purpose"] select').select_option(label="Renseignements d'accueil")
		row.locator('[data-fieldname="given_on"] input').fill(today)
		expect(row.locator('[data-fieldname="means"] select')).to_have_value("Signed Form")  # the first
		page.wait_for_timeout(500)
		row.locator(".grid-form-heading").click()  # the row takes the date and closes
		if today in given_on.inner_text():
			break
	else:  # frappe's datepicker dropped the typed date three times: the date set as the form would
		page.evaluate(
			"(day) => { const row = cur_frm.doc.consents[0];"
			" return frappe.model.set_value(row.doctype, row.name, 'given_on', day); }",
			today,
		)
	expect(given_on).to_contain_text(today)
	# The counsellor who registers a trainee counsels her, unless she names another.
	expect(field(page, "counsellor").locator("input")).to_have_value(COUNSELLOR)
	save(page)
	page.wait_for_url(re.compile(r"/app/trainee/TRN-"))
	trainee = page.url.rsplit("/", 1)[1]

	# Her parcours: the intake, then the funder's approval, then the start.
	page.goto(f"{route('Parcours')}/new")
	set_link(page, "trainee", f"Inès {last_name}")
	set_link(page, "trade", "Commis de friperie")
	choose(page, "referral_source", "Organisme communautaire")
	choose(page, "income_source", "Aide sociale")
	save(page)
	page.wait_for_url(re.compile(r"/app/parcours/PRC-"))
	parcours = page.url.rsplit("/", 1)[1]
	set_date(page, "approval_date", today)
	save(page)
	expect(page.locator(".page-head .indicator-pill:visible").first).to_have_text("Approuvé")
	page.get_by_role("button", name="Démarrer le parcours").click()
	page.locator(".modal:visible").get_by_role("button", name="Démarrer").click()
	expect(page.locator(".page-head .indicator-pill:visible").first).to_have_text("Actif")
	# The system made her Employee, for the payroll; the counsellor needs no right on Employee.
	employee = admin.get_value("Parcours", [["name", "=", parcours]], "employee")
	assert employee
	assert admin.get_value("Employee", [["name", "=", employee]], "status") == "Active"
	# A wrong referral partner is corrected.
	set_link(page, "referral_partner", "Carrefour")
	save(page)
	set_link(page, "referral_partner", "CLSC")
	save(page)
	print("REFUSED", refused)
	page.wait_for_timeout(3000)
	page.screenshot(path="/tmp/x/p2.png")
	assert admin.get_value("Parcours", [["name", "=", parcours]], "referral_partner").startswith("CLSC")
	assert_french_and_quebec(page, "the parcours just started")

	# A confidential note after their first meeting.
	page.goto(f"{route('Support Intervention')}/new")
	choose(page, "kind", "Rencontre individuelle")
	set_link(page, "trainee", f"Inès {last_name}")
	field(page, "duration_minutes").locator("input").fill("45")
	save(page)
	page.get_by_role("button", name="Afficher les notes confidentielles").click()
	page.locator("textarea.confidential-notes").fill("Première rencontre : objectifs du parcours.")
	save(page)
	expect(page.get_by_text("Notes enregistrées")).to_be_visible()
	assert_french_and_quebec(page, "the note written")

	# A follow-up made by phone, recorded; then the alumni link for another one.
	planned = admin.get_list(
		"Parcours Follow-up", [["status", "=", "Planned"]], ["name", "counsellor"], order_by="due_date asc"
	)
	by_phone = next(row["name"] for row in planned if row["counsellor"] == COUNSELLOR)
	# The other's alumnus: the team covers each other's follow-ups.
	by_link = next(row["name"] for row in planned if row["name"] != by_phone)
	page.goto(f"{route('Parcours Follow-up')}/{by_phone}")
	set_date(page, "contact_date", today)
	choose(page, "situation", "Aux études ou en formation")
	field(page, "employer_or_school").locator("input").fill("Centre de formation professionnelle")
	save(page)
	assert admin.get_value("Parcours Follow-up", [["name", "=", by_phone]], "status") == "Done"

	page.goto(f"{route('Parcours Follow-up')}/{by_link}")
	page.get_by_role("button", name="Transmettre").click()
	page.get_by_role("link", name="Questionnaire aux anciens").click()
	link = page.locator('.modal:visible [data-fieldname="url"]')
	expect(link).to_contain_text("token=")
	url = re.search(r"https?://\S+", link.inner_text()).group(0)
	assert_french_and_quebec(page, "the alumni link")

	phone = browser.new_context(viewport=PHONE, locale="en-US").new_page()
	phone.goto(url.replace(url.split("/alumni")[0], BASE_URL))
	expect(phone.get_by_text("Comment allez-vous ?").first).to_be_visible()
	phone.locator('.frappe-control[data-fieldname="situation"] select').select_option(
		label="En recherche d'emploi"
	)
	phone.get_by_role("button", name="Transmettre").first.click()
	expect(phone.get_by_text("Vos réponses ont été transmises à votre conseiller.")).to_be_visible()
	phone.context.close()
	assert admin.get_value("Parcours Follow-up", [["name", "=", by_link]], "status") == "To Confirm"
	page.reload()
	page.get_by_role("button", name="Confirmer la réponse").click()
	expect(page.locator(".page-head .indicator-pill:visible").first).to_have_text(re.compile("Fait"))
	assert not refused, f"calls refused during the counsellor's day: {refused}"
	assert trainee
