"""Builders of valid records for the integration tests; each test changes what it checks."""

import frappe
from frappe.utils import add_days, today

from insertion_erp.tests.utils import make_user

COUNSELLOR = "counsellor@example.org"
TRADE = "Aide-cuisinier"


def ensure_trade(name: str = TRADE) -> str:
	if not frappe.db.exists("Trade", name):
		frappe.get_doc({"doctype": "Trade", "trade_name": name}).insert(ignore_permissions=True)
	return name


def make_trainee(**values) -> "frappe.Document":
	counsellor = make_user(COUNSELLOR, ["Insertion Counsellor"])
	doc = {
		"doctype": "Trainee",
		"first_name": "Marie",
		"last_name": "Tremblay",
		"date_of_birth": "1998-03-04",
		"gender": "Female",
		"counsellor": counsellor,
		"consent_given": 1,
		"consent_date": add_days(today(), -400),
		**values,
	}
	return frappe.get_doc(doc).insert()


def make_parcours(trainee: str | None = None, **values) -> "frappe.Document":
	doc = {
		"doctype": "Parcours",
		"trainee": trainee or make_trainee().name,
		"trade": ensure_trade(),
		"referral_source": "Emploi-Québec Agent",
		"income_source": "Social Assistance",
		"barriers": [{"barrier": "No Diploma"}, {"barrier": "Housing"}],
		"approval_date": add_days(today(), -390),
		"approval_reference": "EQ-2026-0042",
		**values,
	}
	return frappe.get_doc(doc).insert()


def started_parcours(start: str | None = None, **values) -> "frappe.Document":
	parcours = make_parcours(**values)
	parcours.start(start or add_days(today(), -380))
	return parcours


def closed_parcours(end: str | None = None, reason: str = "Completed", **values) -> "frappe.Document":
	parcours = started_parcours(**values)
	parcours.close(end or add_days(parcours.start_date, 26 * 7 - 1), reason)
	parcours.reload()
	return parcours
