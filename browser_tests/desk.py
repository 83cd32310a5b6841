"""What the journeys do on the desk's forms, reports and dialogs, in one place."""

import re

from playwright.sync_api import TimeoutError, expect


def field(page, fieldname: str):
	return page.locator(f'.frappe-control[data-fieldname="{fieldname}"]:visible').first


def set_link(page, fieldname: str, value: str) -> None:
	control = field(page, fieldname).locator("input")
	option = page.locator(".awesomplete:visible [role=option]").filter(has_text=value).first
	for _ in range(3):  # a form still refreshing after a save may put its old value back
		control.fill(value)
		try:
			option.wait_for(timeout=5_000)
			break
		except TimeoutError:
			continue
	option.click()
	# The form takes the value (or its title) once the server has checked the link.
	expect(control).not_to_have_value("")
	expect(page.locator("body")).not_to_have_attribute("data-ajax-state", "triggered")


def set_date(page, fieldname: str, value: str) -> None:
	control = field(page, fieldname).locator("input")
	control.fill(value)
	control.press("Escape")
	page.locator(".page-title").first.click()  # blur: the form takes the value


def choose(page, fieldname: str, label: str) -> None:
	field(page, fieldname).locator("select").select_option(label=label)


def print_report(page):
	"""The report's menu > Impression > Valider (in French): the print opens in a new window."""
	page.locator(".page-actions .menu-btn-group:visible button").first.click()
	page.locator(".dropdown-menu:visible").get_by_text("Impression", exact=True).click()
	with page.expect_popup() as popup:
		page.locator(".modal:visible").get_by_role("button", name="Valider").click()
	return popup.value


def save(page) -> None:
	"""Ctrl+S, and wait for the form to be saved (no "Not Saved" left, no save under way)."""
	page.keyboard.press("Control+s")
	unsaved = page.locator(
		".page-head .indicator-pill:visible", has_text=re.compile("Not Saved|Non sauvegardé", re.I)
	)
	expect(unsaved).to_have_count(0, timeout=15_000)
	expect(page.locator("body")).not_to_have_attribute("data-ajax-state", "triggered")


def open_tab(page, fieldname: str) -> None:
	page.locator(f'.form-tabs .nav-link[data-fieldname="{fieldname}"]:visible').click()


def dismiss(page, text) -> None:
	"""Close the message dialog that says `text`."""
	dialog = page.locator(".modal:visible", has_text=text)
	expect(dialog).to_be_visible(timeout=30_000)  # after the server's work
	dialog.locator(".btn-modal-close").click()
	expect(dialog).to_be_hidden()


def quebec_money(amount: float) -> str:
	"""2160.0 -> "2 160,00 $", as the site formats CAD."""
	return f"{amount:,.2f}".replace(",", " ").replace(".", ",") + " $"


def refused_calls(page) -> list[str]:
	"""The page's API calls the server refuses from now on (4xx, 5xx), even those no dialog shows yet."""
	refused = []

	def record(response) -> None:
		if "/api/" in response.url and response.status >= 400:
			refused.append(f"{response.status} {response.url}")

	page.on("response", record)
	return refused
