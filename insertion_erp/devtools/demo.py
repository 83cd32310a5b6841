"""Demo data for a try-out site: a Quebec insertion enterprise.

Run with `bench --site SITE execute insertion_erp.devtools.demo.load` (scripts/install
does it). Idempotent: running it again adds nothing. Each feature adds its
records here, so the demo always shows what exists so far. Dates are relative
to today, so the demo always has a parcours at every stage.
"""

import time
from datetime import datetime

import frappe
from frappe.utils import add_days, add_months, getdate, now_datetime, nowdate
from frappe.utils.password import update_password

from insertion_erp.constants import CASHIER, COUNSELLOR, MANAGER, SETTINGS, SUPERVISOR
from insertion_erp.core.funding.claims import INSERTION_COSTS, SUPERVISION_WAGES, TRAINEE_WAGES
from insertion_erp.core.parcours.training import LEVELS
from insertion_erp.core.periods import Period, month_period
from insertion_erp.devtools.demo_filing import fill_filing_data
from insertion_erp.devtools.demo_partners import load_partners
from insertion_erp.devtools.demo_people import (
	TRADES,
	add_meeting,
	load_cohorts,
	new_parcours,
	new_trainee,
	record_follow_ups_found,
	support_through_the_year,
	workshops_through_the_year,
)
from insertion_erp.devtools.demo_shop import check_in_on_workdays, load_shop
from insertion_erp.devtools.demo_year import (
	CLAIM_PAID_AFTER_DAYS,
	PAY_FREQUENCY,
	STAFF_STRUCTURE,
	claim_the_months,
	collect,
	ensure_staff,
	file_last_year,
	holiday_dates,
	issue_records_of_employment,
	months_of_the_year,
	pay,
	pay_periods,
	pay_the_months,
	payroll_start,
	remit_sales_taxes,
	remit_the_months,
	summary,
)
from insertion_erp.devtools.sample_payroll import (
	add_insertion_cost,
	assign,
	ensure_hourly_structure,
	ensure_payroll_accounts,
	ensure_salaried_structure,
	submitted_contract,
)
from insertion_erp.install.company import complete_setup_wizard, ensure_fiscal_year
from insertion_erp.quebec_payroll import year_end
from insertion_erp.quebec_payroll.holidays import add_quebec_holidays
from insertion_erp.shop_floor.checkins import build as build_timesheets

DEMO_COMPANY = "Atelier Solidaire Démo"
DEMO_COMPANY_ABBR = "ASD"
COUNSELLORS = {
	"intervenante@atelier-demo.org": ("Julie", "Gagnon"),
	"intervenant@atelier-demo.org": ("Karim", "Benali"),
}
# Every demo login has this password (listed in the README with its roles).
DEMO_PASSWORD = "demo-insertion"
CASHIER_LOGIN = "caisse@atelier-demo.org"
BOOKKEEPER_LOGIN = "comptable@atelier-demo.org"
SUPERVISOR_LOGIN = "plancher@atelier-demo.org"
DIRECTOR_LOGIN = "direction@atelier-demo.org"
# The demo's staff logins with their roles (the README's table; the security suite logs in as
# each). HRMS lets only HR Manager create and submit a Payroll Entry: the bookkeeper runs the
# payroll, and gets the ToDo of each Record of Employment the closed parcours draft.
STAFF_LOGINS = {
	CASHIER_LOGIN: (("Caissière", "Tremblay"), ["Sales User", CASHIER]),
	BOOKKEEPER_LOGIN: (
		("Louise", "Comptable"),
		["Accounts User", "Accounts Manager", "HR User", "HR Manager"],
	),
	SUPERVISOR_LOGIN: (("Marc", "Plancher"), [SUPERVISOR]),
	DIRECTOR_LOGIN: (("Claire", "Directrice"), [MANAGER, "Accounts User", "HR User"]),
}

# (first name, last name, born, trade, counsellor, stage, days since start)
TRAINEES = (
	("Alexis", "Côté", "2003-05-14", 0, 0, "candidate", None),
	("Sarah", "Lavoie", "1999-11-02", 1, 1, "approved", None),
	("Mathieu", "Roy", "2001-02-20", 2, 0, "active", 40),
	("Nadia", "Haddad", "1994-07-08", 0, 1, "active", 120),
	("Kevin", "Bergeron", "2004-01-30", 3, 0, "completed", 200),
	("Émilie", "Pelletier", "1997-09-12", 1, 1, "left_for_job", 170),
	("Jonathan", "Morin", "2002-04-25", 2, 0, "followed_up", 400),
	("Fatou", "Diallo", "1990-12-03", 0, 1, "returning", 420),
	# Paid by the demo's payroll until he dropped out last month: his Record of Employment.
	("Lucas", "Tremblay", "2000-06-18", 2, 1, "left_last_month", 100),
)

# Alumni of the last two years, followed up at 3 and 6 months, for the Activity Report:
# (first name, last name, born, gender, trade, counsellor, days since start, weeks,
#  exit reason, situation at exit, income source, barriers,
#  follow-ups: (situation, job type, fixed-term months, hourly wage, weekly hours) or None
#  when not done; a wage left empty is data the counsellor did not get)
ALUMNI = (
	("Olivier", "Gauthier", "1996-03-11", "Male", 0, 0, 430, 26, "Completed", "Employed Full Time",
	 "Social Assistance", ("No Diploma", "Housing"),
	 (("Employed Full Time", "Permanent", None, 18.75, 37.5), ("Employed Full Time", "Permanent", None, 19.25, 37.5))),
	("Amélie", "Fortin", "2001-08-19", "Female", 1, 1, 470, 26, "Back to School", "In School or Training",
	 "Employment Insurance", ("No Recent Work History",),
	 (("In School or Training", None, None, None, None), ("In School or Training", None, None, None, None))),
	("Yves", "Bouchard", "1971-02-02", "Male", 3, 0, 420, 20, "Left for a Job", "Employed Part Time",
	 "Social Assistance", ("No Recent Work History", "Justice"),
	 (("Employed Part Time", "Fixed Term", 4, 17.10, 24), ("Looking for Work", None, None, None, None))),
	("Inès", "Mercier", "1993-10-30", "Female", 0, 1, 480, 26, "Completed", None,
	 "No Public Income", ("Immigration",),
	 (("Employed Full Time", "Fixed Term", 12, 18.00, 35), ("Employed Full Time", "Fixed Term", 12, 18.00, 35))),
	("Samuel", "Ouellet", "2005-06-06", "Male", 2, 0, 410, 12, "Dropped Out", None,
	 "Social Assistance", ("Addiction", "Housing"),
	 (("Unreachable", None, None, None, None), ("Looking for Work", None, None, None, None))),
	("Chloé", "Girard", "1988-04-04", "Female", 1, 1, 450, 26, "Completed", "Employed Full Time",
	 "Social Assistance", ("Mental Health",),
	 (("Employed Full Time", None, None, None, None), ("Employed Full Time", "Permanent", None, 17.50, 35))),
	("Moussa", "Traoré", "1999-12-12", "Male", 0, 0, 440, 26, "Completed", None,
	 "Employment Insurance", ("No Diploma",),
	 (("Employed Full Time", "Permanent", None, 20.00, 40), None)),
	("Julien", "Caron", "1985-01-15", "Male", 3, 1, 460, 26, "Dismissed", None,
	 "Social Assistance", ("Justice", "No Diploma"),
	 (("Other", None, None, None, None), ("Unreachable", None, None, None, None))),
)  # fmt: skip
# Kevin, paid and claimed this autumn, called two weeks after his exit: hired.
EARLY_CONTACT = ("Kevin", "Bergeron", ("Employed Full Time", "Permanent", None, 18.50, 35))


def load() -> None:
	started = time.monotonic()
	complete_setup_wizard(DEMO_COMPANY, DEMO_COMPANY_ABBR, language="Français")
	company = frappe.db.get_single_value("Global Defaults", "default_company") or DEMO_COMPANY
	year = getdate(nowdate()).year
	for y in (year - 2, year - 1, year):
		ensure_fiscal_year(y)
	for login, (names, roles) in STAFF_LOGINS.items():
		ensure_demo_user(login, names, roles)
	# The trainees' pay, set up before the first parcours starts: each start assigns it.
	ensure_payroll_accounts(company)
	frappe.db.set_single_value(
		SETTINGS,
		"trainee_salary_structure",
		ensure_hourly_structure(HOURLY_STRUCTURE, company, 16.60, PAY_FREQUENCY),
	)
	load_trainees(company)
	load_cohorts(company, [ensure_counsellor(email, *names) for email, names in COUNSELLORS.items()])
	load_training()
	load_support()
	support_through_the_year(getdate(nowdate()))
	load_alumni(company)
	load_funding(company)
	# The files' settings and each employee's SIN and address, all the demo's: its ROEs and
	# year-end slips download.
	fill_filing_data(company)
	# The year's leavers' ROEs issued; last month's are the bookkeeper's (her day).
	issue_records_of_employment(company, add_months(getdate(nowdate()).replace(day=1), -1))
	file_last_year(company, getdate(nowdate()))
	# The year's T4 and RL-1, drafted from the payroll: the bookkeeper reviews them in February.
	year_end.create_slips(company, year)
	early_contact(*EARLY_CONTACT)
	load_partners(company)
	load_shop(company, CASHIER_LOGIN)
	remit_sales_taxes(company, getdate(nowdate()))
	workshops_through_the_year(company, getdate(nowdate()))
	on_the_floor_this_week(company)
	frappe.db.commit()  # nosemgrep: a command-line entry point
	print(f"Demo data loaded for {company}.")
	for line in summary(company, time.monotonic() - started):
		print(line)


def load_trainees(company: str) -> None:
	counsellors = [ensure_counsellor(email, *names) for email, names in COUNSELLORS.items()]
	for trade in TRADES:
		if not frappe.db.exists("Trade", trade):
			frappe.get_doc({"doctype": "Trade", "trade_name": trade}).insert(ignore_permissions=True)

	today = getdate(nowdate())
	for first, last, born, trade, counsellor, stage, days in TRAINEES:
		if frappe.db.exists("Trainee", {"first_name": first, "last_name": last}):
			continue
		start = add_days(today, -days) if days is not None else None
		trainee = frappe.get_doc(
			{
				"doctype": "Trainee",
				"first_name": first,
				"last_name": last,
				"date_of_birth": born,
				"gender": "Female" if first in ("Sarah", "Nadia", "Émilie", "Fatou") else "Male",
				"counsellor": counsellors[counsellor],
				# Nadia consented to photos too; ten days ago she withdrew photos and the network's statistics.
				"consents": [
					{
						"purpose": purpose,
						"given_on": add_days(start or today, -20),
						"means": "Signed Form",
						"withdrawn_on": add_days(today, -10)
						if first == "Nadia" and purpose in ("Network Statistics", "Photos")
						else None,
					}
					for purpose in (
						"Intake Information",
						"Sharing with the Funder",
						"Network Statistics",
						"Photos",
					)
					if purpose != "Photos" or first == "Nadia"
				],
			}
		).insert(ignore_permissions=True)

		if stage == "returning":
			first_parcours = new_parcours(trainee, TRADES[trade], company, add_days(start, -10))
			first_parcours.start(start)
			first_parcours.close(add_days(start, 60), "Dropped Out", "Retour en traitement")
			start = add_days(today, -30)

		approved = stage != "candidate"
		parcours = new_parcours(
			trainee, TRADES[trade], company, add_days(start or today, -10) if approved else None
		)
		if start is None:
			continue
		parcours.start(start)
		if stage == "completed":
			parcours.close(parcours.planned_end_date, "Completed")
		elif stage == "left_for_job":
			parcours.close(add_days(start, 90), "Left for a Job", "Embauchée en friperie commerciale")
		elif stage == "left_last_month":
			parcours.close(add_days(today.replace(day=1), -10), "Dropped Out", "Ne s'est plus présenté")
		elif stage == "followed_up":
			parcours.close(parcours.planned_end_date, "Completed")
			record_follow_ups(parcours.name)


def load_alumni(company: str) -> None:
	"""Trainees who left in the last two years, with their follow-ups and the jobs they found."""
	counsellors = [ensure_counsellor(email, *names) for email, names in COUNSELLORS.items()]
	today = getdate(nowdate())
	for (
		first,
		last,
		born,
		gender,
		trade,
		counsellor,
		days,
		weeks,
		reason,
		situation,
		income,
		barriers,
		follow_ups,
	) in ALUMNI:
		if frappe.db.exists("Trainee", {"first_name": first, "last_name": last}):
			continue
		start = add_days(today, -days)
		trainee = new_trainee(first, last, born, gender, counsellors[counsellor], start)
		parcours = new_parcours(trainee, TRADES[trade], company, add_days(start, -10))
		parcours.income_source = income
		parcours.set("barriers", [{"barrier": barrier} for barrier in barriers])
		parcours.save(ignore_permissions=True)
		parcours.start(start)
		parcours.close(add_days(start, weeks * 7 - 1), reason, None, situation)
		record_follow_ups_found(parcours.name, follow_ups)


def early_contact(first: str, last: str, found: tuple) -> None:
	"""A follow-up done before its due date: the counsellor called two weeks after the exit."""
	parcours = frappe.db.get_value(
		"Parcours",
		{"trainee_name": f"{first} {last}", "actual_end_date": ("is", "set")},
		["name", "actual_end_date"],
		as_dict=True,
	)
	if not parcours:
		return
	name = frappe.db.get_value(
		"Parcours Follow-up", {"parcours": parcours.name, "status": "Planned"}, "name", order_by="due_date"
	)
	if not name:
		return
	situation, job_type, job_months, hourly_wage, weekly_hours = found
	follow_up = frappe.get_doc("Parcours Follow-up", name)
	follow_up.update(
		{
			"contact_date": min(add_days(parcours.actual_end_date, 14), getdate(nowdate())),
			"situation": situation,
			"job_type": job_type,
			"job_months": job_months,
			"hourly_wage": hourly_wage,
			"weekly_hours": weekly_hours,
			"employer_or_school": "Friperie Le Deuxième Souffle",
		}
	)
	follow_up.save(ignore_permissions=True)


COMPETENCIES = (
	("Hygiène et salubrité", "Technical", "Aide-cuisinier"),
	("Techniques de coupe", "Technical", "Aide-cuisinier"),
	("Tri et étiquetage des vêtements", "Technical", "Commis de friperie"),
	("Entretien ménager commercial", "Technical", "Préposé à l'entretien"),
	("Utilisation sécuritaire des produits", "Technical", "Préposé à l'entretien"),
	("Mécanique de base du vélo", "Technical", "Réparateur de vélos"),
	("Diagnostic et mise au point", "Technical", "Réparateur de vélos"),
	("Service à la clientèle", "Social", None),
	("Travail d'équipe", "Social", None),
	("Ponctualité et assiduité", "Personal", None),
	("Gestion du stress", "Personal", None),
)


def load_training() -> None:
	"""Templates for the trades, a plan per started parcours, evaluations every two weeks."""
	for name, category, trade in COMPETENCIES:
		if not frappe.db.exists("Competency", name):
			frappe.get_doc(
				{"doctype": "Competency", "competency_name": name, "category": category, "trade": trade}
			).insert(ignore_permissions=True)
	for trade in TRADES:
		if frappe.db.exists("Training Plan Template", trade):
			continue
		frappe.get_doc(
			{
				"doctype": "Training Plan Template",
				"trade": trade,
				"competencies": [
					{"competency": name, "target_level": "Acquired"}
					for name, _category, for_trade in COMPETENCIES
					if for_trade in (trade, None)
				],
				"technical_hours": 500,
				"personal_hours": 80,
				"social_hours": 60,
			}
		).insert(ignore_permissions=True)

	started = frappe.get_all(
		"Parcours",
		filters={"start_date": ("is", "set")},
		fields=["name", "start_date", "actual_end_date", "planned_end_date"],
	)
	today = getdate(nowdate())
	for parcours in started:
		if frappe.db.exists("Training Plan", {"parcours": parcours.name}):
			continue
		plan = frappe.get_doc(
			{
				"doctype": "Training Plan",
				"parcours": parcours.name,
				"goals": "Retrouver un rythme de travail et décrocher un emploi en cuisine ou en commerce.",
			}
		).insert(ignore_permissions=True)
		last_day = min(getdate(parcours.actual_end_date or parcours.planned_end_date), today)
		day, step = add_days(parcours.start_date, 14), 0
		while day <= last_day:
			evaluation = frappe.get_doc(
				{"doctype": "Training Evaluation", "training_plan": plan.name, "evaluation_date": day}
			)
			evaluation.run_method("before_validate")
			for row in evaluation.levels:
				# Social skills come first, the trade takes longer.
				pace = {"Social": 2, "Personal": 3, "Technical": 4}[row.category]
				row.level = LEVELS[min(3, step // pace)]
			evaluation.insert(ignore_permissions=True)
			day, step = add_days(day, 14), step + 1


def load_support() -> None:
	"""A few meetings, a referral and a group session for the active trainees."""
	if frappe.db.a_row_exists("Support Intervention"):
		return
	active = frappe.get_all("Parcours", filters={"status": "Active"}, fields=["trainee", "counsellor"])
	today = getdate(nowdate())
	for i, parcours in enumerate(active):
		for kind, topic, days_ago, minutes in (
			("Individual Meeting", "Stress", 20, 45),
			("Individual Meeting", "Budget", 6, 30),
			("Referral to an Outside Resource", "Housing", 3, 20),
		)[: 2 + i % 2]:
			add_meeting(
				parcours,
				kind,
				topic,
				add_days(today, -days_ago),
				minutes,
				"Office municipal d'habitation",
				"Notes de démonstration : rencontre de suivi, objectifs revus.",
			)
	if len(active) >= 2:
		frappe.get_doc(
			{
				"doctype": "Support Intervention",
				"kind": "Group Session",
				"participants": [{"trainee": p.trainee} for p in active],
				"intervention_date": add_days(today, -10),
				"duration_minutes": 90,
				"counsellor": active[0].counsellor,
				"topic": "Conflict",
			}
		).insert(ignore_permissions=True)


SUPERVISION_STAFF = ("Hélène", "Gauthier")
HOURLY_STRUCTURE = "TEF horaire"


def load_funding(company: str) -> None:
	"""A contract for the year; the hours of the last two months, checked in and built into
	timesheets; the first of them paid (both pays: a Payroll Entry for the trainees, one for the
	staff) and claimed; last month's first pay made, its second pay and the month's claim left
	for the bookkeeper (her day: the Payroll Entry of the 16th to the month's end, then the
	month's claim)."""
	if frappe.db.exists("Insertion Contract", {"company": company, "docstatus": 1}):
		return
	today = getdate(nowdate())
	months = [month_period(add_months(today.replace(day=1), -n)) for n in (2, 1)]
	year_start = min(payroll_start(today), months[0].start)
	earlier = months_of_the_year(today, months[0].start)  # last October to three months ago
	ensure_holiday_list(company, year_start.year)
	frappe.db.set_value("Company", company, "insertion_cnesst_rate", 1.5)
	if not frappe.db.get_single_value(SETTINGS, "annual_payroll"):
		frappe.db.set_single_value(SETTINGS, "annual_payroll", 600_000)

	# Before the assignments: each takes the company's payroll payable account.
	ensure_payroll_accounts(company)
	supervisor = ensure_supervisor(company)
	staff_structure = ensure_salaried_structure(STAFF_STRUCTURE, company, PAY_FREQUENCY)
	assign(supervisor, staff_structure, company, year_start, 4200 / 2)
	funded_staff = ensure_staff(company, year_start)
	hourly = ensure_hourly_structure(HOURLY_STRUCTURE, company, 16.60, PAY_FREQUENCY)
	paid = frappe.get_all(
		"Parcours",
		filters={"company": company, "start_date": ("<=", months[-1].end)},
		fields=["name", "employee", "start_date", "planned_end_date", "actual_end_date"],
	)
	# Everyone still in parcours, and whoever left during the months paid (paid until they left).
	trainees = [
		p for p in paid if getdate(p.actual_end_date or p.planned_end_date) >= months[0].start and p.employee
	]
	for parcours in trainees:
		assign(parcours.employee, hourly, company, parcours.start_date)

	contract = submitted_contract(
		company,
		f"EQ-{today.year}-0042",
		today.year,
		{TRAINEE_WAGES: (260000, 100), SUPERVISION_WAGES: (110000, 75), INSERTION_COSTS: (15000, 100)},
		supervisor,
		funded_share=60,
		max_weekly_hours=35,
		other_staff=funded_staff,
	)
	# The months before the last two: paid, claimed, collected and remitted month by month.
	pay_the_months(company, earlier)
	claim_the_months(contract, earlier, today)

	# The trainees' hours come from the shop floor: check-ins each weekday, built into
	# timesheets (6 h paid a day), which the slips pay and the claims count.
	for month in months:
		for parcours in trainees:
			last_day = min(month.end, getdate(parcours.actual_end_date or month.end))
			if last_day >= max(month.start, getdate(parcours.start_date)):
				check_in_on_workdays(
					parcours.employee,
					Period(max(month.start, getdate(parcours.start_date)), last_day),
					days_off=holiday_dates(company, month),
				)
		build_timesheets(month, [p.employee for p in trainees])
		# Paid as a bookkeeper pays: a Payroll Entry for the trainees (timesheets) and one for
		# the staff, with HRMS's accrual and bank entries, deductions and contributions booked;
		# last month's second pay is the bookkeeper's.
		for period in pay_periods(month)[: 1 if month is months[-1] else 2]:
			pay(company, period)
	add_insertion_cost(
		company,
		contract,
		add_days(months[-1].start, 14),
		450,
		"Formation santé et sécurité (SST) des participants",
	)

	claim = frappe.get_doc(
		{
			"doctype": "Reimbursement Claim",
			"contract": contract,
			"from_date": months[0].start,
			"to_date": months[0].end,
		}
	).insert(ignore_permissions=True)
	claim.get_payroll()
	claim.submit()
	collect(claim.reload(), add_days(months[0].end, CLAIM_PAID_AFTER_DAYS), today)
	remit_the_months(company, [*earlier, months[0]], today)


def ensure_holiday_list(company: str, first_year: int) -> None:
	name = f"{DEMO_COMPANY_ABBR} {first_year}-{first_year + 1}"
	if not frappe.db.exists("Holiday List", name):
		frappe.get_doc(
			{
				"doctype": "Holiday List",
				"holiday_list_name": name,
				"from_date": f"{first_year}-01-01",
				"to_date": f"{first_year + 1}-12-31",
			}
		).insert(ignore_permissions=True)
		add_quebec_holidays(name)  # the statutory holidays the slips pay an indemnity for
	frappe.db.set_value("Company", company, "default_holiday_list", name)


def ensure_supervisor(company: str) -> str:
	first, last = SUPERVISION_STAFF
	existing = frappe.db.get_value("Employee", {"first_name": first, "last_name": last, "company": company})
	if existing:
		return existing
	return (
		frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": first,
				"last_name": last,
				"gender": "Female",
				"date_of_birth": "1979-02-11",
				"date_of_joining": "2020-08-17",
				"company": company,
				"status": "Active",
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def record_follow_ups(parcours: str) -> None:
	situations = ("Employed Part Time", "Employed Full Time")
	for name, situation in zip(
		frappe.get_all(
			"Parcours Follow-up", filters={"parcours": parcours}, pluck="name", order_by="due_date"
		),
		situations,
		strict=False,
	):
		follow_up = frappe.get_doc("Parcours Follow-up", name)
		follow_up.contact_date = min(getdate(follow_up.due_date), getdate(nowdate()))
		follow_up.situation = situation
		follow_up.employer_or_school = "Restaurant Le Bon Voisin"
		follow_up.save(ignore_permissions=True)


def on_the_floor_this_week(company: str, now: datetime | None = None) -> None:
	"""This week's check-ins of the trainees under way (today: in since a time already past,
	whatever the hour the demo is loaded at), for the page."""
	now = now or now_datetime()
	today = now.date()
	monday = add_days(today, -today.weekday())
	for parcours in frappe.get_all(
		"Parcours",
		filters={"company": company, "status": "Active", "employee": ("is", "set")},
		fields=["employee", "start_date"],
	):
		check_in_on_workdays(
			parcours.employee, Period(max(monday, getdate(parcours.start_date)), today), now=now
		)


def ensure_demo_user(email: str, names: tuple[str, str], roles: list[str]) -> str:
	"""A French desk user with the demo password (listed in the README)."""
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": names[0],
				"last_name": names[1],
				"send_welcome_email": 0,
				"language": "fr",
			}
		).insert(ignore_permissions=True)
		user.add_roles(*roles)
		update_password(email, DEMO_PASSWORD)
	return email


def ensure_counsellor(email: str, first_name: str, last_name: str) -> str:
	return ensure_demo_user(email, (first_name, last_name), [COUNSELLOR])
