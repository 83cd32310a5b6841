"""What the browser tests (layer 3, `browser_tests/`) click through, on a site of their own.

`scripts/test` runs `prepare` with `bench execute` before the journeys; it can run
again on the same site: it finds what it made and puts the April claim back to
unclaimed, so the bookkeeper's journey starts from the same state each time.

- a Quebec shop (setup wizard in French, Canada, CAD) with a till: an item at
  $12.50, a POS profile and an open POS session for the cashier;
- the payroll of "Atelier Paie Test" (tests/payroll_fixture.py): a contract with
  March and April 2026 paid; March claimed and submitted, April not claimed;
- a support intervention with confidential notes, run by the counsellor;
- a trainee on the shop floor (parcours started two weeks ago);
- a cohort for the Return to Government ("Atelier Retour Test", tests/return_fixture.py);
- the Quebec payroll of "Atelier Paie Québec" (quebec_payroll/test_quebec_payroll.py): March
  2026 paid, the trainee's May timesheet not yet; a May Payroll Entry of an earlier run is
  cancelled and deleted, with its slips and journal entries, for the payroll bookkeeper to run;
- a trainee of "Atelier Paie Québec" ("Relevé") paid every week from June 1 to July 12, 2026
  (after the May the payroll bookkeeper pays), still in parcours, for the director to close and
  the payroll bookkeeper to file the ROE of (a new one each run once the last one is closed);
  the settings' ROE contact and account;
- an alumna ("Ancienne Questionnaire") whose 3-month follow-up is put back to planned each run,
  and a trainee's placement at "Garage Navigateur": each with a questionnaire link whose token
  the journeys know (ALUMNI_TOKEN, EMPLOYER_TOKEN), made again each run;
- the users below, each with a real password.
"""

import frappe
from frappe.utils import add_days, now_datetime, nowdate
from frappe.utils.password import update_password

from insertion_erp.constants import CASHIER, SETTINGS, SUPERVISOR
from insertion_erp.core.parcours.partners import token_hash
from insertion_erp.devtools.sample_payroll import assign, ensure_hourly_structure, ensure_timesheet
from insertion_erp.install.company import complete_setup_wizard, ensure_fiscal_year
from insertion_erp.quebec_payroll import test_quebec_payroll as quebec_payroll
from insertion_erp.tests import payroll_fixture, return_fixture
from insertion_erp.tests.factories import (
	COUNSELLOR,
	make_intervention,
	make_parcours,
	make_trainee,
	started_parcours,
)
from insertion_erp.tests.utils import make_user

SHOP = "Friperie Navigateur"
MORNING_CASHIER = "caisse-matin@example.org"
SHOP_ABBR = "FNV"
PASSWORD = "Insertion-Navigateur-2026"
USERS = {
	"bookkeeper@example.org": ["HR User", "Accounts User"],
	COUNSELLOR: ["Insertion Counsellor"],
	"cashier@example.org": ["Sales User", CASHIER],
	# Opens the till's session in the browser, each run: the "served by" button waits for it.
	MORNING_CASHIER: ["Sales User", CASHIER],
	"directrice@example.org": ["Insertion Manager", "Accounts User", "HR User"],
	"superviseur@example.org": [SUPERVISOR],
	# HRMS v15 lets only HR Manager create and submit a Payroll Entry; Accounts User reads the
	# company's accounts, cost center and defaults the form fetches.
	"paie@example.org": ["HR Manager", "Accounts User"],
}
# The month the payroll bookkeeper pays in the browser: the trainee's timesheet, no Payroll Entry.
MAY = ("2026-05-01", "2026-05-31")
FLOOR_TRAINEE = "Plancher"
ITEM = "FRIP-CHANDAIL"
ITEM_NAME = "Chandail en laine (usagé)"
ITEM_PRICE = 12.50
POS_PROFILE = "Caisse Friperie"
NOTES_TRAINEE = "Navigateur"
NOTES = "Rencontre au sujet du logement : démarches avec l'OMH en cours."
ROE_TRAINEE = "Rémi Relevé"
# The questionnaires' links the journeys open (browser_tests/test_partners.py): the database keeps
# their hash only, so the tokens are fixed here.
ALUMNI_TOKEN = "navigateur-ancienne-jeton-0123456789abcdefghij"
EMPLOYER_TOKEN = "navigateur-employeur-jeton-0123456789abcdefghij"
HOST = "Garage Navigateur"


def prepare() -> dict:
	complete_setup_wizard(SHOP, SHOP_ABBR, language="Français")
	for year in (2025, 2026, 2027):  # the payroll is dated 2026
		ensure_fiscal_year(year)
	for email, roles in USERS.items():
		make_user(email, roles)
		update_password(email, PASSWORD)
		frappe.db.set_value("User", email, "language", "fr")  # everyone works in French
	fixture = payroll_fixture.build()
	return_fixture.build()  # a cohort for the Return to Government
	quebec = quebec_payroll.build()  # commits: March's Payroll Entries
	ensure_timesheet(quebec.trainee, quebec_payroll.COMPANY, "2026-05-04", 120)
	unpay_may(quebec.trainee)
	reopen_april(fixture.contract)
	march = ensure_march_claim(fixture.contract)
	intervention = ensure_intervention_with_notes()
	ensure_till()
	ensure_trainee_on_the_floor()
	roe_parcours = ensure_parcours_to_close()
	follow_up, placement = ensure_questionnaire_links()
	frappe.db.commit()  # nosemgrep: a command-line entry point
	return {
		"contract": fixture.contract,
		"march_claim": march,
		"intervention": intervention,
		"roe_parcours": roe_parcours,
		"follow_up": follow_up,
		"placement": placement,
	}


def ensure_parcours_to_close() -> str:
	"""A trainee paid every week for six weeks from Monday June 1, 2026 (35 h a week at $18),
	the parcours still open: the director closes it in the browser on Friday July 10. Hired
	after May, the month the payroll bookkeeper pays in the browser: not in that payroll."""
	company = quebec_payroll.COMPANY
	open_parcours = frappe.db.get_value(
		"Parcours",
		{
			"company": company,
			"trainee_name": ROE_TRAINEE,
			"start_date": "2026-06-01",
			"actual_end_date": ("is", "not set"),
		},
	)
	if open_parcours:
		return open_parcours
	settings = frappe.get_single(SETTINGS)
	settings.update(
		{
			"payroll_account_number": "123456789RP0001",
			"roe_contact_name": "Nadia Paie-Québec",
			"roe_contact_phone": "514 555-0199",
		}
	)
	settings.save(ignore_permissions=True)
	first, last = ROE_TRAINEE.split(" ", 1)
	trainee = make_trainee(first_name=first, last_name=last, date_of_birth="1999-05-05")
	parcours = make_parcours(trainee.name, company=company, approval_date="2026-05-15", planned_weeks=6)
	parcours.start("2026-06-01")
	employee = parcours.employee
	details = frappe.get_doc("Employee", employee)  # a Password field is stored by saving the document
	details.insertion_sin = "046454286"
	details.current_address = "123, rue Ontario Est\nMontréal QC\nH2X 1H3"
	details.save(ignore_permissions=True)
	assign(employee, ensure_hourly_structure("TEF hebdo APQ", company, 18, "Weekly"), company, "2026-06-01")
	for week in range(6):
		monday = add_days("2026-06-01", 7 * week)
		ensure_timesheet(employee, company, monday, 35)
		slip = frappe.get_doc(
			{
				"doctype": "Salary Slip",
				"employee": employee,
				"start_date": monday,
				"end_date": add_days(monday, 6),
				"posting_date": add_days(monday, 6),
				"payroll_frequency": "Weekly",
				"company": company,
			}
		)
		slip.insert(ignore_permissions=True)
		slip.submit()
	return parcours.name


def reopen_april(contract: str) -> None:
	"""Cancel what an earlier run submitted for April, so its payroll is claimable again."""
	for name in frappe.get_all(
		"Reimbursement Claim",
		filters={"contract": contract, "docstatus": 1, "from_date": "2026-04-01"},
		pluck="name",
	):
		frappe.get_doc("Reimbursement Claim", name).cancel()


def unpay_may(trainee: str) -> None:
	"""Cancel and delete what an earlier run paid for May: the Payroll Entry, its slips and
	journal entries (and their cancelled ledger entries), so the month is payable again."""
	company = quebec_payroll.COMPANY
	for name in frappe.get_all(
		"Payroll Entry", filters={"company": company, "start_date": MAY[0]}, pluck="name"
	):
		journals = set(
			frappe.get_all(
				"Journal Entry Account",
				filters={"reference_type": "Payroll Entry", "reference_name": name},
				pluck="parent",
			)
		)
		entry = frappe.get_doc("Payroll Entry", name)
		if entry.docstatus == 1:
			entry.cancel()  # cancels and deletes its slips, cancels its journal entries
		for journal in journals:
			if frappe.db.get_value("Journal Entry", journal, "docstatus") == 1:
				frappe.get_doc("Journal Entry", journal).cancel()
			for ledger in ("GL Entry", "Payment Ledger Entry"):
				frappe.db.delete(ledger, {"voucher_type": "Journal Entry", "voucher_no": journal})
			frappe.delete_doc("Journal Entry", journal, ignore_permissions=True, force=True)
		frappe.delete_doc("Payroll Entry", name, ignore_permissions=True, force=True)
	# Slips left by a run that stopped half-way (a draft entry's, or made by hand).
	for slip in frappe.get_all(
		"Salary Slip", filters={"employee": trainee, "start_date": MAY[0]}, fields=["name", "docstatus"]
	):
		if slip.docstatus == 1:
			frappe.get_doc("Salary Slip", slip.name).cancel()
		frappe.delete_doc("Salary Slip", slip.name, ignore_permissions=True, force=True)


def ensure_march_claim(contract: str) -> str:
	existing = frappe.db.get_value(
		"Reimbursement Claim", {"contract": contract, "docstatus": 1, "from_date": "2026-03-01"}
	)
	if existing:
		return existing
	claim = frappe.get_doc(
		{
			"doctype": "Reimbursement Claim",
			"contract": contract,
			"from_date": "2026-03-01",
			"to_date": "2026-03-31",
			"posting_date": "2026-04-10",
		}
	).insert(ignore_permissions=True)
	claim.fill_lines()
	claim.save(ignore_permissions=True)
	claim.submit()
	return claim.name


def ensure_intervention_with_notes() -> str:
	trainee = (
		frappe.db.get_value("Trainee", {"last_name": NOTES_TRAINEE})
		or make_trainee(first_name="Léa", last_name=NOTES_TRAINEE).name
	)
	name = frappe.db.get_value("Support Intervention", {"trainee": trainee})
	if not name:
		name = make_intervention(trainee, counsellor=COUNSELLOR).name
	frappe.db.set_value("Support Intervention", name, "notes", NOTES)
	return name


def ensure_till() -> None:
	"""An item with a price, a POS profile for the cashier and an open POS session."""
	if not frappe.db.exists("Item", ITEM):
		frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": ITEM,
				"item_name": ITEM_NAME,
				"item_group": frappe.db.get_single_value("Stock Settings", "item_group")
				or frappe.db.get_value("Item Group", {"is_group": 0}),
				"stock_uom": frappe.db.get_single_value("Stock Settings", "stock_uom")
				or frappe.db.get_value("UOM", {"enabled": 1}),
				"is_stock_item": 0,
				"standard_rate": ITEM_PRICE,
			}
		).insert(ignore_permissions=True)
	company = frappe.get_cached_doc("Company", SHOP)
	if not frappe.db.exists("POS Profile", POS_PROFILE):
		frappe.get_doc(
			{
				"doctype": "POS Profile",
				"name": POS_PROFILE,
				"__newname": POS_PROFILE,
				"company": SHOP,
				"currency": "CAD",
				"warehouse": frappe.db.get_value("Warehouse", {"company": SHOP, "is_group": 0}),
				"customer": ensure_walk_in_customer(),
				"selling_price_list": frappe.db.get_value("Price List", {"selling": 1, "enabled": 1}),
				"write_off_account": company.write_off_account or company.round_off_account,
				"write_off_cost_center": company.cost_center,
				"cost_center": company.cost_center,
				"write_off_limit": 0,
				"payments": [{"mode_of_payment": ensure_cash_mode(company), "default": 1}],
				"applicable_for_users": [{"user": "cashier@example.org", "default": 1}],
			}
		).insert(ignore_permissions=True)
	profile = frappe.get_doc("POS Profile", POS_PROFILE)
	if not any(row.user == MORNING_CASHIER for row in profile.applicable_for_users):
		profile.append("applicable_for_users", {"user": MORNING_CASHIER, "default": 1})
		profile.save(ignore_permissions=True)
	# The morning cashier finds the till closed, as each morning: an earlier run's session goes.
	for name in frappe.get_all(
		"POS Opening Entry", filters={"user": MORNING_CASHIER, "docstatus": 1}, pluck="name"
	):
		frappe.get_doc("POS Opening Entry", name).cancel()
	if not frappe.db.exists(
		"POS Opening Entry",
		{"pos_profile": POS_PROFILE, "status": "Open", "docstatus": 1, "user": "cashier@example.org"},
	):
		frappe.get_doc(
			{
				"doctype": "POS Opening Entry",
				"period_start_date": frappe.utils.now_datetime(),
				"posting_date": nowdate(),
				"company": SHOP,
				"pos_profile": POS_PROFILE,
				"user": "cashier@example.org",
				"balance_details": [{"mode_of_payment": ensure_cash_mode(company), "opening_amount": 100}],
			}
		).insert(ignore_permissions=True).submit()


def ensure_walk_in_customer() -> str:
	name = "Client de passage"
	if not frappe.db.exists("Customer", name):
		frappe.get_doc({"doctype": "Customer", "customer_name": name, "customer_type": "Individual"}).insert(
			ignore_permissions=True
		)
	return name


def ensure_cash_mode(company) -> str:
	"""The wizard's cash mode of payment ("Espèces" in French), with the shop's cash account."""
	mode = frappe.get_doc("Mode of Payment", frappe.db.get_value("Mode of Payment", {"type": "Cash"}))
	if not any(row.company == company.name for row in mode.accounts):
		cash = frappe.db.get_value(
			"Account", {"company": company.name, "account_type": "Cash", "is_group": 0}
		)
		mode.append("accounts", {"company": company.name, "default_account": cash})
		mode.save(ignore_permissions=True)
	return mode.name


def ensure_trainee_on_the_floor() -> str:
	"""A trainee of the shop whose parcours started two weeks ago, for the Shop Floor page."""
	parcours = frappe.db.get_value(
		"Parcours", {"trainee_name": ("like", f"%{FLOOR_TRAINEE}"), "status": "Active"}
	)
	if parcours:
		return parcours
	trainee = make_trainee(first_name="Léa", last_name=FLOOR_TRAINEE)
	return started_parcours(trainee=trainee.name, company=SHOP, start=add_days(nowdate(), -14)).name


def ensure_questionnaire_links() -> tuple[str, str]:
	"""An alumna's follow-up, planned again, and a placement, each with a fresh link."""
	parcours = frappe.db.get_value("Parcours", {"trainee_name": "Ancienne Questionnaire"})
	if not parcours:
		trainee = make_trainee(first_name="Ancienne", last_name="Questionnaire")
		parcours = started_parcours(trainee=trainee.name, company=SHOP, start=add_days(nowdate(), -240))
		parcours.close(add_days(nowdate(), -60), "Completed")
		parcours = parcours.name
	follow_up = frappe.db.get_value("Parcours Follow-up", {"parcours": parcours, "months_after_exit": 3})
	frappe.db.set_value(
		"Parcours Follow-up",
		follow_up,
		{field: None for field in ("contact_date", "situation", "employer_or_school", "partner", "job_type",
			"answered_online_on", "confirmed_by")}
		| {"job_months": 0, "hourly_wage": 0, "weekly_hours": 0, "status": "Planned"},
	)  # fmt: skip
	if not frappe.db.exists("Partner", HOST):
		frappe.get_doc({"doctype": "Partner", "partner_name": HOST, "partner_type": "Employer"}).insert()
	placement = frappe.db.get_value("Placement", {"partner": HOST})
	if not placement:
		trainee = make_trainee(first_name="Stagiaire", last_name="Navigateur")
		host = started_parcours(trainee=trainee.name, company=SHOP, start=add_days(nowdate(), -30))
		placement = (
			frappe.get_doc(
				{
					"doctype": "Placement",
					"parcours": host.name,
					"partner": HOST,
					"start_date": add_days(nowdate(), -10),
					"end_date": add_days(nowdate(), -6),
					"hours": 35,
				}
			)
			.insert()
			.name
		)
	for name, questionnaire, token, target in (
		("follow_up", "Alumni Follow-up", ALUMNI_TOKEN, follow_up),
		("placement", "Employer Satisfaction", EMPLOYER_TOKEN, placement),
	):
		frappe.db.delete("Questionnaire Invitation", {"token_hash": token_hash(token)})
		frappe.get_doc(
			{
				"doctype": "Questionnaire Invitation",
				"questionnaire": questionnaire,
				name: target,
				"partner": HOST if name == "placement" else None,
				"status": "Sent",
				"sent_on": now_datetime(),
				"expires_on": add_days(now_datetime(), 30),
				"token_hash": token_hash(token),
			}
		).insert(ignore_permissions=True)
	return follow_up, placement
