"""The demo's partners: who refers trainees, who hires them, two placements and answered
questionnaires, so the Partner Report, the workspace's card and the follow-ups to confirm
have something to show. Idempotent: a partner already there is left as it is."""

import json

import frappe
from frappe.utils import add_days, getdate, nowdate
from frappe.website.doctype.web_form.web_form import accept

from insertion_erp.partners import questionnaires
from insertion_erp.partners.doctype.placement.placement import plan_competencies

# (name, type, sector, contact (first, last, email, phone), city)
PARTNERS = (
	("CLSC du Plateau-Mont-Royal", "Referring Organization", "Santé et services sociaux",
	 ("Isabelle", "Marchand", "i.marchand@clsc-plateau.example.org", "514 555-0141"), "Montréal"),
	("Carrefour jeunesse-emploi Centre-Sud", "Referring Organization", "Employabilité",
	 ("Patrick", "Nadeau", "p.nadeau@cje-centresud.example.org", "514 555-0172"), "Montréal"),
	("Services Québec de Montréal-Centre", "Public Service", "Emploi",
	 ("Nathalie", "Rivard", "n.rivard@servicesquebec.example.org", "514 555-0110"), "Montréal"),
	("Restaurant Le Bon Voisin", "Employer", "Restauration",
	 ("Martin", "Lebon", "martin@bonvoisin.example.org", "514 555-0190"), "Montréal"),
	("Friperie Le Deuxième Souffle", "Employer", "Commerce de détail",
	 ("Sophie", "Vallée", "sophie@deuxiemesouffle.example.org", "514 555-0133"), "Montréal"),
	("Boulangerie Au Pain Doré", "Employer", "Alimentation",
	 ("Luc", "Boulanger", "luc@paindore.example.org", "514 555-0155"), "Montréal"),
	("Centre de formation professionnelle Marie-Rollet", "School or Training Centre", "Éducation",
	 ("Hélène", "Simard", "h.simard@cfp-rollet.example.org", "514 555-0166"), "Montréal"),
)  # fmt: skip
# Referring partners, with the parcours' kind of referral.
REFERRERS = (
	("CLSC du Plateau-Mont-Royal", "CLSC"),
	("Carrefour jeunesse-emploi Centre-Sud", "Community Organization"),
	("Services Québec de Montréal-Centre", "Emploi-Québec Agent"),
)
# A referrer typed before partners were records and not created since: the names to match.
UNMATCHED_REFERRER = "Maison d'hébergement L'Escale"
# Alumni's employers at the follow-ups (the demo's ALUMNI, by first name).
HIRED_BY = {
	"Olivier": "Boulangerie Au Pain Doré",
	"Inès": "Restaurant Le Bon Voisin",
	"Chloé": "Friperie Le Deuxième Souffle",
	"Moussa": "Boulangerie Au Pain Doré",
	"Amélie": "Centre de formation professionnelle Marie-Rollet",
}
# (trainee's first name, host, days from today to its start and end, hours, tasks, evaluated)
PLACEMENTS = (
	(
		"Nadia",
		"Restaurant Le Bon Voisin",
		-30,
		-26,
		32,
		"Préparation froide et plonge, service du midi",
		True,
	),
	("Mathieu", "Boulangerie Au Pain Doré", -3, 8, 60, "Emballage, comptoir et nettoyage", False),
)
# (host, overall, punctuality, quality, teamwork, preparation, comment)
EMPLOYER_ANSWERS = (
	("Restaurant Le Bon Voisin", "5", "4", "5", "5", "4", "Très bonne recrue, à l'aise en cuisine."),
	("Friperie Le Deuxième Souffle", "4", "5", "4", "4", "4", "Ponctuel et aimable avec la clientèle."),
	("Boulangerie Au Pain Doré", "3", "3", "4", "4", "3", "Un peu lent au début, progresse bien."),
)  # fmt: skip


def load_partners(company: str) -> None:
	if frappe.db.exists("Partner", PARTNERS[0][0]):
		return
	for name, partner_type, sector, contact, city in PARTNERS:
		make_partner(name, partner_type, sector, contact, city)
	refer(company)
	hired()
	placements = [make_placement(*placement) for placement in PLACEMENTS]
	answers(placements)
	alumnus_answers_online()


def make_partner(name: str, partner_type: str, sector: str, contact: tuple, city: str) -> None:
	frappe.get_doc(
		{"doctype": "Partner", "partner_name": name, "partner_type": partner_type, "sector": sector}
	).insert(ignore_permissions=True)
	first, last, email, phone = contact
	frappe.get_doc(
		{
			"doctype": "Contact",
			"first_name": first,
			"last_name": last,
			"is_primary_contact": 1,
			"email_ids": [{"email_id": email, "is_primary": 1}],
			"phone_nos": [{"phone": phone, "is_primary_phone": 1}],
			"links": [{"link_doctype": "Partner", "link_name": name}],
		}
	).insert(ignore_permissions=True)
	frappe.get_doc(
		{
			"doctype": "Address",
			"address_title": name,
			"address_type": "Office",
			"address_line1": "1000, rue Sainte-Catherine Est",
			"city": city,
			"state": "Québec",
			"pincode": "H2L 2G9",
			"country": "Canada",
			"links": [{"link_doctype": "Partner", "link_name": name}],
		}
	).insert(ignore_permissions=True)
	frappe.get_doc(
		{
			"doctype": "Comment",
			"comment_type": "Comment",
			"reference_doctype": "Partner",
			"reference_name": name,
			"content": "Rencontre annuelle des partenaires : bilan des placements et des références.",
		}
	).insert(ignore_permissions=True)


def refer(company: str) -> None:
	"""Each parcours referred by a partner in turn; one by an organisation typed as text."""
	parcours = frappe.get_all("Parcours", filters={"company": company}, pluck="name", order_by="creation")
	for i, name in enumerate(parcours):
		if i == len(parcours) - 1:
			values = {"referral_source": "Community Organization", "referral_details": UNMATCHED_REFERRER}
		else:
			partner, source = REFERRERS[i % len(REFERRERS)]
			values = {"referral_source": source, "referral_partner": partner}
		frappe.db.set_value("Parcours", name, values)


def hired() -> None:
	"""The alumni's employers and schools on their done follow-ups."""
	for first, partner in HIRED_BY.items():
		for name in frappe.get_all(
			"Parcours Follow-up",
			filters={"trainee_name": ("like", f"{first} %"), "status": "Done"},
			pluck="name",
		):
			follow_up = frappe.get_doc("Parcours Follow-up", name)
			if follow_up.situation in ("Employed Full Time", "Employed Part Time", "In School or Training"):
				follow_up.employer_or_school, follow_up.partner = partner, partner
				follow_up.save(ignore_permissions=True)


def make_placement(first: str, host: str, start: int, end: int, hours: float, tasks: str, evaluated: bool):
	parcours = frappe.db.get_value(
		"Parcours", {"trainee_name": ("like", f"{first} %"), "status": "Active"}, "name"
	)
	if not parcours:
		return None
	today = getdate(nowdate())
	supervisor = frappe.db.get_value(
		"Dynamic Link", {"link_doctype": "Partner", "link_name": host, "parenttype": "Contact"}, "parent"
	)
	placement = frappe.get_doc(
		{
			"doctype": "Placement",
			"parcours": parcours,
			"partner": host,
			"supervisor": supervisor,
			"start_date": add_days(today, start),
			"end_date": add_days(today, end),
			"hours": hours,
			"tasks": tasks,
		}
	)
	if evaluated:
		placement.evaluation_date = add_days(today, end)
		placement.evaluated_by = "Martin Lebon"
		placement.evaluation_comment = "Bonne attitude, à l'écoute des consignes."
		levels = ("Acquired", "Emerging", "Acquired", "Mastered")
		placement.set(
			"levels",
			[{**row, "level": levels[i % len(levels)]} for i, row in enumerate(plan_competencies(parcours))],
		)
	return placement.insert(ignore_permissions=True)


def answers(placements: list) -> None:
	"""Employers rate a placement and two hires, through their questionnaire links."""
	by_host = {p.partner: p.name for p in placements if p}
	for host, *ratings, comment in EMPLOYER_ANSWERS:
		if host in by_host:
			sent = questionnaires.invite("Employer Satisfaction", placement=by_host[host], send_email=0)
		else:
			follow_up = frappe.db.get_value("Parcours Follow-up", {"partner": host, "status": "Done"}, "name")
			sent = questionnaires.invite("Employer Satisfaction", follow_up=follow_up, send_email=0)
		values = dict(
			zip(("overall", "punctuality", "quality", "teamwork", "preparation"), ratings, strict=True)
		)
		answer_as_guest("employer-satisfaction", sent["url"], {**values, "comment": comment})


def alumnus_answers_online() -> None:
	"""Lucas, who left last month, answers his follow-up online: the counsellor confirms it."""
	name = frappe.db.get_value(
		"Parcours Follow-up",
		{"trainee_name": ("like", "Lucas %"), "status": "Planned"},
		"name",
		order_by="due_date",
	)
	if name:
		sent = questionnaires.invite("Alumni Follow-up", follow_up=name, send_email=0)
		answer_as_guest(
			"alumni-follow-up",
			sent["url"],
			{"situation": "Employed Part Time", "employer_or_school": "Boulangerie Au Pain Doré",
			 "job_type": "Seasonal or Occasional", "weekly_hours": 20, "hourly_wage": 16.75,
			 "comment": "J'aime beaucoup mon nouveau travail."},
		)  # fmt: skip


def answer_as_guest(web_form: str, url: str, values: dict) -> None:
	token = url.split("token=", 1)[1]
	user = frappe.session.user
	frappe.set_user("Guest")
	try:
		accept(web_form=web_form, data=json.dumps({**values, "token": token}))
	finally:
		frappe.flags.in_web_form = False
		frappe.set_user(user)
