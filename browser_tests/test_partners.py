"""The questionnaires, in Chromium with no login: an alumna on a phone and an employer answer
through their links, then the counsellor confirms the follow-up the alumna filled."""

import re

from conftest import BASE_URL, SCREENSHOTS, expect, route

COUNSELLOR = "counsellor@example.org"
# The links' tokens (insertion_erp/tests/browser_data.py, made again by each run's prepare).
ALUMNI_TOKEN = "navigateur-ancienne-jeton-0123456789abcdefghij"
EMPLOYER_TOKEN = "navigateur-employeur-jeton-0123456789abcdefghij"
PHONE = {"width": 390, "height": 844}


def guest_page(browser, request, viewport=None):
	context = browser.new_context(
		base_url=BASE_URL, viewport=viewport or {"width": 1280, "height": 900}, locale="en-US"
	)
	context.set_default_timeout(30_000)
	page = context.new_page()
	request.addfinalizer(context.close)
	return page


def shot(page, request, number: int) -> None:
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=SCREENSHOTS / f"{request.node.name}-guest-{number}.png", full_page=True)


def choose(page, fieldname: str, label: str) -> None:
	page.locator(f'.frappe-control[data-fieldname="{fieldname}"] select').select_option(label=label)


def fill(page, fieldname: str, value: str) -> None:
	page.locator(f'.frappe-control[data-fieldname="{fieldname}"] input').fill(value)


def test_an_alumna_answers_on_her_phone_and_the_counsellor_confirms(browser, request, new_page, admin):
	follow_up = admin.get_value(
		"Parcours Follow-up", [["trainee_name", "=", "Ancienne Questionnaire"], ["months_after_exit", "=", 3]]
	)
	page = guest_page(browser, request, PHONE)  # the browser asks for English: the form is in French
	page.goto(f"/alumni-follow-up/new?token={ALUMNI_TOKEN}")
	expect(page.get_by_text("Comment allez-vous ?").first).to_be_visible()
	expect(page.get_by_text("Quelle est votre situation aujourd'hui ?").first).to_be_visible()
	choose(page, "situation", "En emploi à temps plein")
	fill(page, "employer_or_school", "Garage Navigateur")
	choose(page, "job_type", "Permanent")
	fill(page, "weekly_hours", "35")
	fill(page, "hourly_wage", "18,50")
	page.locator('.frappe-control[data-fieldname="comment"] textarea').fill("Tout va bien au garage, merci !")
	shot(page, request, 1)
	page.get_by_role("button", name="Transmettre").first.click()
	expect(page.get_by_text("Vos réponses ont été transmises à votre conseiller.")).to_be_visible()
	shot(page, request, 2)
	done = admin.get_list(
		"Parcours Follow-up", [["name", "=", follow_up]], ["status", "situation", "partner", "hourly_wage"]
	)[0]
	assert (done["status"], done["situation"], done["partner"]) == (
		"To Confirm",
		"Employed Full Time",
		"Garage Navigateur",
	)
	assert done["hourly_wage"] == 18.5
	# The link is used up: opened again, it says so and shows no form.
	page.goto(f"/alumni-follow-up/new?token={ALUMNI_TOKEN}")
	expect(page.get_by_text("Ce questionnaire a déjà été rempli. Merci !")).to_be_visible()
	expect(page.locator('.frappe-control[data-fieldname="situation"]')).to_have_count(0)
	shot(page, request, 3)

	desk = new_page(COUNSELLOR)
	desk.goto(f"{route('Parcours Follow-up')}/{follow_up}")
	expect(desk.get_by_text("L'ancien a répondu en ligne").first).to_be_visible()
	desk.get_by_role("button", name="Confirmer la réponse").click()
	expect(desk.locator(".indicator-pill:visible").first).to_have_text(re.compile("Fait"))
	assert admin.get_list("Parcours Follow-up", [["name", "=", follow_up]], ["status", "confirmed_by"])[
		0
	] == {
		"status": "Done",
		"confirmed_by": COUNSELLOR,
	}


def test_an_employer_rates_a_placement_in_french(browser, request, admin):
	placement = admin.get_value("Placement", [["partner", "=", "Garage Navigateur"]])
	before = len(admin.get_list("Employer Satisfaction Answer", [["placement", "=", placement]]))
	page = guest_page(browser, request)
	page.goto(f"/employer-satisfaction/new?token={EMPLOYER_TOKEN}")
	expect(page.get_by_text("Votre avis sur notre participant").first).to_be_visible()
	for fieldname, rating in (
		("overall", "5"),
		("punctuality", "4"),
		("quality", "5"),
		("teamwork", "4"),
		("preparation", "4"),
	):
		choose(page, fieldname, rating)
	page.locator('.frappe-control[data-fieldname="comment"] textarea').fill(
		"Très bon stagiaire, à reprendre."
	)
	shot(page, request, 1)
	page.get_by_role("button", name="Transmettre").first.click()
	expect(page.get_by_text("Votre avis a été transmis à notre équipe.")).to_be_visible()
	shot(page, request, 2)
	answers = admin.get_list(
		"Employer Satisfaction Answer",
		[["placement", "=", placement]],
		["overall", "partner"],
		order_by="creation desc",
	)
	assert len(answers) == before + 1
	assert answers[0] == {"overall": "5", "partner": "Garage Navigateur"}
	# A made-up link writes nothing and says why.
	page.goto("/employer-satisfaction/new?token=" + "x" * 43)
	expect(page.get_by_text("Ce lien n'est pas valide.", exact=False)).to_be_visible()
	assert len(admin.get_list("Employer Satisfaction Answer", [["placement", "=", placement]])) == before + 1
