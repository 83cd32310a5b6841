"""The demo's people through the year: cohorts of two trainees entering every six to seven
weeks for parcours of 26 weeks (most complete, one leaves for a job, one drops out, one goes
back to school, one is suspended for two weeks), so eight to ten are under way at any time,
each followed up at 3 and 6 months once those dates have come; a meeting with the counsellor
every three weeks and a workshop a month.

Each part is made once: a second run adds nothing.
"""

from datetime import date, datetime, time, timedelta

import frappe
from frappe.utils import add_days, add_months, getdate, nowdate

# (days since the cohort started, trainees: (first, last, born, gender, trade, counsellor, what
# happened)). What happened: ("Completed",), ("Left for a Job", week), ("Dropped Out", week),
# ("Back to School", week), ("Suspended", from week, days) then completed; None: still under way.
COHORTS = (
	(335, (("Léa", "Bélanger", "1998-03-09", "Female", 1, 0, ("Completed",)),
		   ("Hugo", "Lefebvre", "2002-10-21", "Male", 0, 1, ("Left for a Job", 16)))),
	(285, (("Marie-Ève", "Poirier", "1991-06-17", "Female", 0, 0, ("Completed",)),
		   ("Djibril", "Sow", "1996-01-28", "Male", 2, 1, ("Dropped Out", 9)))),
	(240, (("Camille", "Dubé", "2004-02-05", "Female", 1, 1, ("Suspended", 6, 14)),
		   ("Antoine", "Lemieux", "1987-09-30", "Male", 3, 0, ("Completed",)))),
	(190, (("Rosalie", "Nadeau", "2000-12-12", "Female", 0, 1, ("Completed",)),
		   ("Samir", "Belkacem", "1993-04-22", "Male", 1, 0, ("Back to School", 18)))),
	(140, (("Jade", "Thibault", "2003-07-01", "Female", 1, 0, None),
		   ("Félix", "Paquette", "1999-11-15", "Male", 0, 1, None))),
	(90, (("Océane", "Vachon", "2001-08-08", "Female", 2, 1, None),
		  ("Youssef", "Amrani", "1995-05-19", "Male", 0, 0, None))),
	(45, (("Zoé", "Gagné", "2005-01-26", "Female", 1, 0, None),
		  ("Thomas", "Rioux", "1997-03-03", "Male", 3, 1, None))),
)  # fmt: skip
# What each trainee who left was doing at the 3- and 6-month follow-ups (situation, job type,
# fixed-term months, hourly wage, weekly hours), when those dates have come.
FOLLOW_UPS = {
	"Léa Bélanger": (("Employed Full Time", "Permanent", None, 17.80, 35), ("Employed Full Time", "Permanent", None, 18.20, 35)),
	"Hugo Lefebvre": (("Employed Full Time", "Permanent", None, 19.00, 37.5), ("Employed Full Time", "Permanent", None, 19.50, 37.5)),
	"Marie-Ève Poirier": (("Employed Part Time", "Fixed Term", 6, 16.75, 25), ("Employed Full Time", "Permanent", None, 17.25, 35)),
	"Djibril Sow": (("Looking for Work", None, None, None, None), ("Employed Part Time", "Fixed Term", 3, 17.25, 24)),
	"Antoine Lemieux": (("Employed Full Time", "Permanent", None, 18.40, 40), None),
	"Camille Dubé": (("In School or Training", None, None, None, None), None),
}  # fmt: skip
EXIT_SITUATION = {"Completed": "Employed Full Time", "Left for a Job": "Employed Full Time"}
EXIT_NOTES = {
	"Left for a Job": "Embauché comme aide-cuisinier dans un restaurant du quartier",
	"Dropped Out": "Ne s'est plus présenté après un déménagement",
	"Back to School": "Inscrit à un DEP en vente-conseil",
}


TRADES = ("Aide-cuisinier", "Commis de friperie", "Préposé à l'entretien", "Réparateur de vélos")


def load_cohorts(company: str, counsellors: list[str]) -> None:
	"""The cohorts' trainees and parcours, closed as each left, followed up where due."""
	today = getdate(nowdate())
	for days_ago, people in COHORTS:
		start = add_days(today, -days_ago)
		for first, last, born, gender, trade, counsellor, outcome in people:
			if frappe.db.exists("Trainee", {"first_name": first, "last_name": last}):
				continue
			trainee = new_trainee(first, last, born, gender, counsellors[counsellor], start)
			parcours = new_parcours(trainee, TRADES[trade], company, add_days(start, -10))
			parcours.start(start)
			if outcome is None:
				continue
			reason = outcome[0]
			if reason == "Suspended":
				suspended = add_days(start, outcome[1] * 7)
				parcours.suspend(suspended, "Health")
				parcours.reload()
				parcours.resume(add_days(suspended, outcome[2]))
				parcours.reload()
				reason = "Completed"
			if reason == "Completed":
				end = getdate(parcours.planned_end_date)
			else:
				end = add_days(start, outcome[1] * 7 - 3)
			if end >= today:
				continue
			parcours.close(end, reason, EXIT_NOTES.get(reason), EXIT_SITUATION.get(reason))
			record_follow_ups_found(parcours.name, FOLLOW_UPS.get(f"{first} {last}", ()))


def new_trainee(first: str, last: str, born: str, gender: str, counsellor: str, start) -> "frappe.Document":
	"""A trainee with the consents of an intake three weeks before the parcours' start."""
	return frappe.get_doc(
		{
			"doctype": "Trainee",
			"first_name": first,
			"last_name": last,
			"date_of_birth": born,
			"gender": gender,
			"counsellor": counsellor,
			"consents": [
				{"purpose": purpose, "given_on": add_days(start, -20), "means": "Signed Form"}
				for purpose in ("Intake Information", "Sharing with the Funder", "Network Statistics")
			],
		}
	).insert(ignore_permissions=True)


def record_follow_ups_found(parcours: str, found_at_each: tuple) -> None:
	"""What the trainee was doing at each follow-up of the parcours (None: not done)."""
	due = frappe.get_all(
		"Parcours Follow-up", filters={"parcours": parcours}, pluck="name", order_by="due_date"
	)
	for name, found in zip(due, found_at_each, strict=False):
		if found is not None:
			record_follow_up(name, *found)


def new_parcours(trainee, trade: str, company: str, approval_date) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Parcours",
			"trainee": trainee.name,
			"trade": trade,
			"company": company,
			"referral_source": "Emploi-Québec Agent",
			"income_source": "Social Assistance",
			"barriers": [{"barrier": "No Diploma"}, {"barrier": "No Recent Work History"}],
			"approval_date": approval_date,
			"approval_reference": f"EQ-{trainee.name}" if approval_date else None,
		}
	).insert(ignore_permissions=True)


def record_follow_up(name: str, situation: str, job_type, job_months, hourly_wage, weekly_hours) -> None:
	follow_up = frappe.get_doc("Parcours Follow-up", name)
	contact = getdate(follow_up.due_date)
	if contact > getdate(nowdate()):
		return  # not due yet
	follow_up.update(
		{
			"contact_date": contact,
			"situation": situation,
			"job_type": job_type,
			"job_months": job_months,
			"hourly_wage": hourly_wage,
			"weekly_hours": weekly_hours,
		}
	)
	follow_up.save(ignore_permissions=True)


# A meeting with the counsellor every three weeks of a parcours (kind, topic, minutes), in turn.
MEETINGS = (
	("Individual Meeting", "Budget", 45),
	("Individual Meeting", "Stress", 30),
	("Individual Meeting", "Housing", 40),
	("Referral to an Outside Resource", "Health", 20),
)
# A workshop a month for the trainees under way: (name, hours).
WORKSHOPS = (
	("Santé et sécurité au travail", 3),
	("Recherche d'emploi : le curriculum vitæ", 3),
	("Budget et finances personnelles", 2),
	("Communication et service à la clientèle", 3),
)
RECENT_DAYS = 25  # the last weeks' meetings are demo.load_support's


def support_through_the_year(today: date) -> None:
	"""Each parcours' meetings every three weeks, from its start to RECENT_DAYS ago, notes sealed
	as the form seals them."""
	if frappe.db.exists("Support Intervention", {"intervention_date": ("<", add_days(today, -RECENT_DAYS))}):
		return
	year_start = today.replace(month=1, day=1)
	for p in frappe.get_all(
		"Parcours",
		filters={"start_date": ("is", "set")},
		fields=["trainee", "counsellor", "start_date", "actual_end_date", "planned_end_date"],
	):
		day = max(add_days(p.start_date, 10), year_start)
		last = min(getdate(p.actual_end_date or p.planned_end_date), add_days(today, -RECENT_DAYS))
		turn = 0
		while day <= last:
			kind, topic, minutes = MEETINGS[turn % len(MEETINGS)]
			add_meeting(
				p,
				kind,
				topic,
				day,
				minutes,
				"CLSC du quartier",
				"Rencontre de suivi : objectifs du plan revus.",
			)
			day, turn = add_days(day, 21), turn + 1


def add_meeting(parcours, kind: str, topic: str, day, minutes: int, referred_to: str, notes: str) -> None:
	"""A support intervention with the trainee's counsellor, its notes sealed as the form seals them."""
	from insertion_erp.privacy import sealed_notes

	intervention = frappe.get_doc(
		{
			"doctype": "Support Intervention",
			"kind": kind,
			"trainee": parcours.trainee,
			"intervention_date": day,
			"duration_minutes": minutes,
			"counsellor": parcours.counsellor,
			"topic": topic,
			"referred_to": referred_to if kind.startswith("Referral") else None,
		}
	).insert(ignore_permissions=True)
	intervention.db_set("notes", sealed_notes.seal(notes, intervention.name))


def workshops_through_the_year(company: str, today: date) -> None:
	"""A workshop on the second Tuesday of each month, attended by the trainees under way."""
	month = today.replace(month=1, day=1)
	turn = 0
	while month <= today:
		first_tuesday = add_days(month, (1 - month.weekday()) % 7)
		day = add_days(first_tuesday, 7)
		name, hours = WORKSHOPS[turn % len(WORKSHOPS)]
		title = f"{name} ({day:%Y-%m})"
		if day < today and not frappe.db.exists("Training Event", {"event_name": title}):
			present = frappe.get_all(
				"Parcours",
				filters={"company": company, "employee": ("is", "set"), "start_date": ("<=", day)},
				fields=["employee", "actual_end_date", "planned_end_date"],
			)
			employees = [
				p.employee for p in present if getdate(p.actual_end_date or p.planned_end_date) >= day
			]
			if employees:
				start = datetime.combine(day, time(13, 0))
				frappe.get_doc(
					{
						"doctype": "Training Event",
						"event_name": title,
						"event_status": "Completed",
						"type": "Workshop",
						"company": company,
						"location": "Salle communautaire",
						"start_time": start,
						"end_time": start + timedelta(hours=hours),
						"introduction": name,
						"employees": [{"employee": e, "attendance": "Present"} for e in employees],
					}
				).insert(ignore_permissions=True).submit()
		month, turn = add_months(month, 1), turn + 1
