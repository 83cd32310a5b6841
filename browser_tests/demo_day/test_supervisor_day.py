"""The floor supervisor's day on the demo (plancher@atelier-demo.org, Shop Supervisor only): she
lands on the Shop Floor page, taps a trainee out and back in, reviews the week's hours against
the parcours' plan, and finds her way back from the desk's home, where only her work shows."""

import re

from conftest import SCREENSHOTS, expect, route
from desk import refused_calls
from french import assert_french_and_quebec

DEMO_PASSWORD = "demo-insertion"  # insertion_erp/devtools/demo.py, DEMO_PASSWORD
SUPERVISOR = "plancher@atelier-demo.org"
TABLET = {"width": 1024, "height": 768}
OTHER_WORKSPACES = ("Website", "Tools", "ERPNext Settings", "Integrations", "Support")


def test_supervisor_taps_out_and_in_and_reviews_the_week(new_page, admin):
	page = new_page(SUPERVISOR, DEMO_PASSWORD, TABLET)
	refused = refused_calls(page)
	page.wait_for_url(re.compile("/app/shop-floor"))
	card = page.locator(".shop-floor .trainee").first
	expect(card).to_be_visible()
	name = card.locator(".name").inner_text()
	employee = card.get_attribute("data-employee")
	for _ in range(2):  # out then in, or in then out: whichever she finds
		was_in = "is-in" in (card.get_attribute("class") or "")
		card.locator(".punch").click()
		card = page.locator(f'.shop-floor .trainee[data-employee="{employee}"]')
		expect(card).to_have_class(
			re.compile(r"\bis-in\b") if not was_in else re.compile(r"^(?!.*\bis-in\b)")
		)
	logs = admin.get_list(
		"Employee Checkin", [["employee", "=", employee]], ["log_type"], order_by="creation desc"
	)
	assert {log["log_type"] for log in logs[:2]} == {"IN", "OUT"}
	assert_french_and_quebec(page, "the shop floor")

	# The week: her trainees, the hours of each day and the week's total against the plan.
	page.get_by_role("button", name="Semaine").click()
	table = page.locator("table.week-hours")
	expect(table).to_be_visible()
	expect(table.locator("thead th")).to_have_count(10)  # trainee, seven days, total, planned
	row = table.locator(f'tr[data-employee="{employee}"]')
	expect(row).to_contain_text(name)
	expect(row.locator("td").nth(8)).to_contain_text(re.compile(r"\d+,\d\d h"))
	expect(page.locator(".page-title:visible")).to_contain_text("Semaine du")
	assert_french_and_quebec(page, "the supervisor's week")
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=SCREENSHOTS / "supervisor-week.png", full_page=True)
	page.get_by_role("button", name="Semaine précédente").click()
	expect(page.locator("table.week-hours tbody tr").first).to_be_visible()
	assert_french_and_quebec(page, "the week before")

	# Her home is her page: the desk's home (the logo) takes her back to the floor; the
	# sidebar's workspaces hold nothing of the rest of the desk.
	page.locator(".navbar-home").click()
	page.wait_for_url(re.compile("/app/shop-floor"))
	expect(page.locator("table.week-hours")).to_be_visible()  # as she left it
	sidebar = page.request.get("/api/method/frappe.desk.desktop.get_workspace_sidebar_items").json()
	shown = {workspace["name"] for workspace in sidebar["message"]["pages"]}
	assert not shown & set(OTHER_WORKSPACES), f"the desk's other workspaces in her sidebar: {shown}"
	page.goto(route("Trainee"))
	expect(page.locator("body")).to_contain_text(re.compile("confidentiel|autoris", re.I))
	assert not [call for call in refused if "getpage" not in call], f"calls refused: {refused}"
