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
		"consents": [
			{"purpose": purpose, "given_on": add_days(today(), -400), "means": "Signed Form"}
			for purpose in ("Sharing with the Funder", "Network Statistics")
		],
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


COMPETENCIES = (
	("Hygiène et salubrité", "Technical"),
	("Techniques de coupe", "Technical"),
	("Ponctualité", "Personal"),
	("Travail d'équipe", "Social"),
)


def ensure_competency(name: str, category: str, trade: str | None = None, skill: str | None = None) -> str:
	if not frappe.db.exists("Competency", name):
		frappe.get_doc(
			{
				"doctype": "Competency",
				"competency_name": name,
				"category": category,
				"trade": trade,
				"skill": skill,
			}
		).insert(ignore_permissions=True)
	return name


def ensure_template(trade: str = TRADE) -> str:
	ensure_trade(trade)
	if not frappe.db.exists("Training Plan Template", trade):
		frappe.get_doc(
			{
				"doctype": "Training Plan Template",
				"trade": trade,
				"competencies": [
					{"competency": ensure_competency(name, category), "target_level": "Acquired"}
					for name, category in COMPETENCIES
				],
				"technical_hours": 300,
				"personal_hours": 60,
				"social_hours": 40,
			}
		).insert(ignore_permissions=True)
	return trade


def make_plan(parcours: "frappe.Document | None" = None, **values) -> "frappe.Document":
	ensure_template()
	parcours = parcours or started_parcours()
	return frappe.get_doc({"doctype": "Training Plan", "parcours": parcours.name, **values}).insert()


def make_evaluation(plan: str, evaluation_date, levels: dict[str, str] | None = None) -> "frappe.Document":
	evaluation = frappe.get_doc(
		{"doctype": "Training Evaluation", "training_plan": plan, "evaluation_date": evaluation_date}
	)
	evaluation.run_method("before_validate")  # the plan's competencies, at their last levels
	for row in evaluation.levels:
		row.level = (levels or {}).get(row.competency, row.level)
	return evaluation.insert()


def make_intervention(trainee: str | None = None, **values) -> "frappe.Document":
	doc = {
		"doctype": "Support Intervention",
		"kind": "Individual Meeting",
		"trainee": trainee,
		"intervention_date": today(),
		"duration_minutes": 45,
		"counsellor": COUNSELLOR,
		"topic": "Housing",
		**values,
	}
	return frappe.get_doc(doc).insert()
