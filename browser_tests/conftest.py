"""Layer 3: the desk in a real browser, as real users with real passwords.

`scripts/test` serves a site prepared by `insertion_erp.tests.browser_data.prepare`
on loopback and sets INSERTION_BROWSER_URL, INSERTION_CHROMIUM (Debian's chromium:
Playwright downloads no browser) and INSERTION_SCREENSHOTS (each journey's last
page is saved there, pass or fail).
"""

import json
import os
import re
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

BASE_URL = os.environ.get("INSERTION_BROWSER_URL", "http://127.0.0.1:8766")
CHROMIUM = os.environ.get("INSERTION_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("INSERTION_SCREENSHOTS", ".screenshots"))
PASSWORD = "Insertion-Navigateur-2026"  # insertion_erp/tests/browser_data.py
ADMIN_PASSWORD = os.environ.get("INSERTION_ADMIN_PASSWORD", "admin")
# Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Browser:
	with sync_playwright() as playwright:
		browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
		yield browser
		browser.close()


@pytest.fixture
def new_page(browser: Browser, request):
	"""`new_page(user)`: a page logged in through the login form; a screenshot at the end."""
	pages = []

	def make(user: str, password: str = PASSWORD, viewport: dict | None = None) -> Page:
		context = browser.new_context(base_url=BASE_URL, viewport=viewport or {"width": 1366, "height": 900})
		context.set_default_timeout(30_000)
		page = context.new_page()
		page.goto("/login")
		page.fill("#login_email", user)
		page.fill("#login_password", password)
		page.click(".btn-login")
		page.wait_for_url(re.compile(r"/app"))
		pages.append(page)
		return page

	yield make
	SCREENSHOTS.mkdir(parents=True, exist_ok=True)
	for number, page in enumerate(pages, start=1):
		page.screenshot(path=SCREENSHOTS / f"{request.node.name}-{number}.png", full_page=True)
		page.context.close()


@pytest.fixture(scope="session")
def admin(browser: Browser):
	"""The REST API as Administrator, to look up records and check what the journeys left."""
	context = browser.new_context(base_url=BASE_URL)
	response = context.request.post("/api/method/login", data={"usr": "Administrator", "pwd": ADMIN_PASSWORD})
	assert response.ok, response.text()
	yield Api(context.request)
	context.close()


class Api:
	def __init__(self, request):
		self.request = request

	def get_list(self, doctype: str, filters: list | None = None, fields: list | None = None, **params):
		query = f"filters={quote(json.dumps(filters or []))}&fields={quote(json.dumps(fields or ['name']))}"
		for key, value in params.items():
			query += f"&{key}={quote(str(value))}"
		response = self.request.get(f"/api/resource/{quote(doctype)}?{query}&limit_page_length=0")
		assert response.ok, response.text()
		return response.json()["data"]

	def insert(self, doctype: str, values: dict) -> dict:
		response = self.request.post(f"/api/resource/{quote(doctype)}", data=json.dumps(values))
		assert response.ok, response.text()
		return response.json()["data"]

	def call(self, method: str, **args):
		"""A whitelisted method's answer (GET)."""
		response = self.request.get(f"/api/method/{method}", params=args)
		assert response.ok, response.text()
		return response.json().get("message")

	def get_value(self, doctype: str, filters: list, field: str = "name"):
		rows = self.get_list(doctype, filters, [field], order_by="creation desc")
		assert rows, f"no {doctype} matching {filters}"
		return rows[0][field]

	def today(self) -> date:
		"""The site's today, in its time zone (Montréal's evening is already tomorrow in UTC)."""
		zone = self.call("frappe.client.get_single_value", doctype="System Settings", field="time_zone")
		return datetime.now(ZoneInfo(zone or "UTC")).date()


def route(doctype: str) -> str:
	return "/app/" + doctype.lower().replace(" ", "-")


__all__ = ["expect", "route"]
