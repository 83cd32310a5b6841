"""Who reads what about a trainee, role by role, through every path a user has:
the desk form, lists, frappe.client.get_value, the REST API, global search,
link titles, the hours report and the confidential notes API, the shop's pages and
reports, and the results (reports, cards, the network's files)."""

import json

import frappe
import frappe.client
from frappe.desk.desk_page import get as get_page
from frappe.desk.form.load import getdoc
from frappe.desk.query_report import run as run_report
from frappe.desk.search import search_link
from frappe.tests.test_api import FrappeAPITestCase
from frappe.utils import add_days, today
from frappe.utils.global_search import rebuild_for_doctype, search

from insertion_erp.core.parcours.partners import token_hash
from insertion_erp.funding.report.contract_budget.contract_budget import execute as contract_budget
from insertion_erp.funding.report.mission_and_market.mission_and_market import (
	self_financing_ratio_to_date,
)
from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import (
	get_notes,
	set_notes,
)
from insertion_erp.partners import questionnaires
from insertion_erp.partners.figures import employers_who_hired_card
from insertion_erp.permissions import get_link_title
from insertion_erp.privacy.access_request import access_request
from insertion_erp.privacy.anonymisation import anonymisation_status, anonymise
from insertion_erp.quebec_payroll import roe_file, year_end_file
from insertion_erp.results import network
from insertion_erp.results.report.activity_report.activity_report import integration_rate_card
from insertion_erp.shop_floor import api as floor
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.factories import (
	make_evaluation,
	make_intervention,
	make_plan,
	make_trainee,
	started_parcours,
)
from insertion_erp.tests.utils import api_token, make_user

USERS = {
	"manager": ("conf-manager@example.org", ["Insertion Manager"]),
	"counsellor": ("conf-counsellor@example.org", ["Insertion Counsellor"]),
	"other_counsellor": ("conf-other-counsellor@example.org", ["Insertion Counsellor"]),
	"bookkeeper": ("conf-bookkeeper@example.org", ["Accounts User"]),
	"hr": ("conf-hr@example.org", ["HR User"]),
	"shop": ("conf-shop@example.org", ["Sales User"]),
	"pos": ("conf-pos@example.org", ["Sales User", "Stock User"]),
	"cashier": ("conf-cashier@example.org", ["Shop Cashier"]),
	"supervisor": ("conf-supervisor@example.org", ["Shop Supervisor"]),
}
# The Shop Floor page's methods: who may call them (names, shifts and hours only).
FLOOR = {"manager", "supervisor"}
BUILDERS = {"manager", "hr"}
# All a supervisor reads of a trainee on the floor.
FLOOR_KEYS = {
	"employee",
	"name",
	"trade",
	"in_since",
	"shifts_today",
	"hours_today",
	"hours_week",
	"week",
	"scheduled_week",
	"ceiling_week",
	"problems",
}
STAFF = {"manager", "counsellor", "other_counsellor", "bookkeeper", "hr"}
TEAM = {"manager", "counsellor", "other_counsellor"}
# Who may read each record (the intervention is the assigned counsellor's, not their colleague's).
# Bookkeepers read the trainee (a name, a payroll record), never the intake, the plan or the
# support: permission levels are no boundary in frappe, so those doctypes are the team's only.
READERS = {
	"Trainee": STAFF,
	"Parcours": TEAM,
	"Training Plan": TEAM,
	"Training Evaluation": TEAM,
	"Support Intervention": {"manager", "counsellor"},
	# The partners and what links them to trainees: the insertion team's only.
	"Partner": {"manager", "counsellor", "other_counsellor"},
	"Placement": {"manager", "counsellor", "other_counsellor"},
	"Questionnaire Invitation": {"manager", "counsellor", "other_counsellor"},
	"Alumni Follow-up Answer": {"manager", "counsellor", "other_counsellor"},
	"Employer Satisfaction Answer": {"manager", "counsellor", "other_counsellor"},
}
INSERTION_TEAM = READERS["Partner"]
NOTES = "Note confidentielle : suivi en dépendance."
SURNAME = "Confidentialité"
SIN = "046454286"
PARTNER = "Organisme Partenaire Test"
# A questionnaire link's token, known to the test only (the database keeps its hash).
TOKEN = "confidentialite-jeton-valide-0123456789abcdef"


def partner_records(parcours, plan) -> dict[str, str]:
	"""A referring partner hosting the trainee's placement, a questionnaire link and both answers."""
	partner = frappe.get_doc(
		{"doctype": "Partner", "partner_name": PARTNER, "partner_type": "Employer"}
	).insert()
	frappe.db.set_value("Parcours", parcours.name, "referral_partner", partner.name)
	placement = frappe.get_doc(
		{
			"doctype": "Placement",
			"parcours": parcours.name,
			"partner": partner.name,
			"start_date": add_days(today(), -20),
			"end_date": add_days(today(), -16),
			"hours": 30,
			"evaluation_date": add_days(today(), -16),
		}
	).insert()
	invitation = frappe.get_doc(
		{
			"doctype": "Questionnaire Invitation",
			"questionnaire": "Alumni Follow-up",
			"status": "Sent",
			"expires_on": add_days(today(), 10),
			"token_hash": token_hash(TOKEN),
		}
	).insert(ignore_permissions=True)
	answers = {}
	for doctype, values in (
		("Alumni Follow-up Answer", {"situation": "Looking for Work"}),
		(
			"Employer Satisfaction Answer",
			{"partner": partner.name, "overall": "4", "placement": placement.name},
		),
	):
		doc = frappe.get_doc({"doctype": doctype, **values})
		doc.db_insert()  # as the web form would, without its token
		answers[doctype] = doc.name
	assert plan.name and placement.levels
	return {
		"Partner": partner.name,
		"Placement": placement.name,
		"Questionnaire Invitation": invitation.name,
		**answers,
	}


class TestConfidentiality(FrappeAPITestCase):
	"""Records are committed: the REST calls run on their own database connection."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.user = {key: make_user(email, roles) for key, (email, roles) in USERS.items()}
		cls.token = {key: api_token(email) for key, email in cls.user.items()}
		trainee = make_trainee(last_name=SURNAME, counsellor=cls.user["counsellor"])
		parcours = started_parcours(trainee=trainee.name, start=add_days(today(), -40))
		plan = make_plan(parcours, goals="Retrouver confiance")
		evaluation = make_evaluation(plan.name, add_days(today(), -10))
		intervention = make_intervention(trainee.name, counsellor=cls.user["counsellor"], topic="Health")
		frappe.set_user(cls.user["counsellor"])
		set_notes(intervention.name, NOTES)
		frappe.set_user("Administrator")
		cls.records = {
			"Trainee": trainee.name,
			"Parcours": parcours.name,
			"Training Plan": plan.name,
			"Training Evaluation": evaluation.name,
			"Support Intervention": intervention.name,
			**partner_records(parcours, plan),
		}
		cls.employee = parcours.employee
		cls.company = parcours.company
		cls.contract = payroll_fixture.build().contract
		employee = frappe.get_doc("Employee", cls.employee)
		employee.insertion_sin = SIN  # a Password field: stored encrypted, the column masked
		employee.save(ignore_permissions=True)
		rebuild_for_doctype("Trainee")
		frappe.db.commit()  # nosemgrep

	@classmethod
	def tearDownClass(cls) -> None:
		frappe.set_user("Administrator")
		frappe.db.delete("Confidential Access Log", {"reference_name": cls.records["Support Intervention"]})
		for doctype in reversed(list(cls.records)):
			frappe.delete_doc(doctype, cls.records[doctype], force=True, ignore_permissions=True)
		frappe.delete_doc("Employee", cls.employee, force=True, ignore_permissions=True)
		frappe.db.delete("__global_search", {"doctype": "Trainee", "name": cls.records["Trainee"]})
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def tearDown(self) -> None:
		frappe.set_user("Administrator")

	def as_user(self, key: str) -> None:
		frappe.set_user(self.user[key])

	def test_desk_form(self) -> None:
		for key in USERS:
			for doctype, name in self.records.items():
				with self.subTest(role=key, doctype=doctype):
					self.as_user(key)
					frappe.local.response = frappe._dict(docs=[])
					if key in READERS[doctype]:
						getdoc(doctype, name)
						doc = frappe.response.docs[0]
						self.assertEqual(doc.name, name)
						self.assertFalse(doc.get("notes"))
					else:
						with self.assertRaises(frappe.PermissionError):
							getdoc(doctype, name)

	def test_lists(self) -> None:
		for key in USERS:
			for doctype, name in self.records.items():
				with self.subTest(role=key, doctype=doctype):
					self.as_user(key)
					if key in READERS[doctype]:
						self.assertIn(name, frappe.get_list(doctype, pluck="name", limit=0))
					elif key == "other_counsellor":
						self.assertNotIn(name, frappe.get_list(doctype, pluck="name", limit=0))
					else:
						with self.assertRaises(frappe.PermissionError):
							frappe.get_list(doctype, pluck="name")

	def test_client_get_value(self) -> None:
		for key in USERS:
			for doctype, name in self.records.items():
				with self.subTest(role=key, doctype=doctype):
					self.as_user(key)
					if key in READERS[doctype]:
						value = frappe.client.get_value(doctype, "name", {"name": name})
						self.assertEqual(value["name"], name)
					elif key == "other_counsellor":
						self.assertFalse(frappe.client.get_value(doctype, "name", {"name": name}))
					else:
						with self.assertRaises(frappe.PermissionError):
							frappe.client.get_value(doctype, "name", {"name": name})
		for key in ("manager", "counsellor"):
			self.as_user(key)
			value = frappe.client.get_value(
				"Support Intervention", "notes", {"name": self.records["Support Intervention"]}
			)
			self.assertFalse(value and value.get("notes"), f"{key} reads notes through get_value")

	def test_rest_api(self) -> None:
		for key in USERS:
			for doctype, name in self.records.items():
				with self.subTest(role=key, doctype=doctype):
					response = self.get(self.resource(doctype, name), headers=self.auth(key))
					if key in READERS[doctype]:
						self.assertEqual(response.status_code, 200)
						data = response.json["data"]
						self.assertNotIn(NOTES, json.dumps(data, ensure_ascii=False))
					else:
						self.assertEqual(response.status_code, 403)
		response = self.get(
			self.resource("Support Intervention"),
			{
				"fields": json.dumps(["name", "notes"]),
				"filters": json.dumps({"name": self.records["Support Intervention"]}),
			},
			headers=self.auth("manager"),
		)
		self.assertNotIn(NOTES, response.get_data(as_text=True))

	def test_global_search(self) -> None:
		self.as_user("manager")
		self.assertIn(self.records["Trainee"], [r.name for r in search(SURNAME)])
		for key in ("shop", "pos"):
			self.as_user(key)
			self.assertEqual([r for r in search(SURNAME) if r.doctype in READERS], [])

	def test_link_titles_and_link_search(self) -> None:
		trainee = self.records["Trainee"]
		self.as_user("bookkeeper")
		self.assertEqual(get_link_title("Trainee", trainee), f"Marie {SURNAME}")
		for key in ("shop", "pos"):
			self.as_user(key)
			self.assertEqual(get_link_title("Trainee", trainee), trainee)
			with self.assertRaises(frappe.PermissionError):
				search_link("Trainee", SURNAME)
		response = self.get(
			self.method("frappe.desk.search.get_link_title"),
			{"doctype": "Trainee", "docname": trainee},
			headers=self.auth("shop"),
		)
		self.assertNotIn(SURNAME, response.get_data(as_text=True))

	def test_hours_report(self) -> None:
		filters = {"from_date": add_days(today(), -60), "to_date": today()}
		for key in USERS:
			with self.subTest(role=key):
				self.as_user(key)
				if key in STAFF:
					report = run_report("Trainee Hours", filters=filters)
					rows = [row for row in report["result"] if isinstance(row, dict)]
					self.assertIn(self.records["Trainee"], [row.get("trainee") for row in rows])
					# Who meets a counsellor: the team's only; bookkeepers get the period's total.
					columns = {column["fieldname"] for column in report["columns"]}
					if key in TEAM:
						self.assertIn("support_hours", columns)
					else:
						self.assertFalse(columns & {"support_hours", "interventions"})
						self.assertFalse(
							any("support_hours" in row or "interventions" in row for row in rows)
						)
						self.assertEqual(
							[item["label"] for item in report["report_summary"]],
							["Support Hours, All Trainees", "Interventions, All Trainees"],
						)
				else:
					with self.assertRaises(frappe.PermissionError):
						run_report("Trainee Hours", filters=filters)

	def test_notes_api_and_its_trace(self) -> None:
		name = self.records["Support Intervention"]
		for key in USERS:
			with self.subTest(role=key):
				self.as_user(key)
				if key in ("manager", "counsellor"):
					self.assertEqual(get_notes(name), NOTES)
				else:
					with self.assertRaises(frappe.PermissionError):
						get_notes(name)
		frappe.set_user("Administrator")
		readers = frappe.get_all(
			"Confidential Access Log",
			filters={"reference_name": name, "action": "Read"},
			pluck="user",
		)
		self.assertEqual(sorted(readers), sorted([self.user["manager"], self.user["counsellor"]]))

		self.as_user("manager")
		self.assertTrue(frappe.get_list("Confidential Access Log", filters={"reference_name": name}))
		self.as_user("counsellor")
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Confidential Access Log")

	def test_shop_floor_methods(self) -> None:
		trainee = self.records["Trainee"]
		for key in USERS:
			with self.subTest(role=key):
				self.as_user(key)
				if key in FLOOR:
					rows = [row for row in floor.today()["trainees"] if row["employee"] == self.employee]
					self.assertEqual(len(rows), 1)
					self.assertEqual(set(rows[0]), FLOOR_KEYS)
					self.assertNotIn(trainee, json.dumps(rows, default=str))
				else:
					with self.assertRaises(frappe.PermissionError):
						floor.today()
					with self.assertRaises(frappe.PermissionError):
						floor.punch(self.employee, "IN")
				if key not in BUILDERS:
					with self.assertRaises(frappe.PermissionError):
						floor.build_timesheets(today(), today())
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists("Employee Checkin", {"employee": self.employee}))
		for key in ("cashier", "shop", "counsellor"):
			response = self.get(self.method("insertion_erp.shop_floor.api.today"), headers=self.auth(key))
			self.assertEqual(response.status_code, 403, key)
			self.assertNotIn("Confidentialit", response.get_data(as_text=True))  # JSON escapes the é
		response = self.get(
			self.method("insertion_erp.shop_floor.api.today"), headers=self.auth("supervisor")
		)
		self.assertEqual(response.status_code, 200)
		rows = [row for row in response.json["message"]["trainees"] if row["employee"] == self.employee]
		self.assertEqual(rows[0]["name"], f"Marie {SURNAME}")
		self.assertEqual(set(rows[0]), FLOOR_KEYS)

	def test_shop_reports_and_cards(self) -> None:
		# Who may run each new report and card method; everyone else is refused.
		fiscal_year = frappe.db.get_value(
			"Fiscal Year", {"year_start_date": ("<=", today())}, order_by="year_start_date desc"
		)
		paths = {
			"Sales Served": (
				{"manager", "counsellor", "other_counsellor", "bookkeeper"},
				lambda: run_report(
					"Sales Served", filters={"from_date": add_days(today(), -7), "to_date": today()}
				),
			),
			"Mission and Market": (
				{"manager", "bookkeeper"},
				lambda: run_report(
					"Mission and Market", filters={"company": self.company, "fiscal_year": fiscal_year}
				),
			),
			"Contract Budget": (
				{"manager", "bookkeeper"},
				lambda: contract_budget({"contract": self.contract}),
			),
			"Shop Floor page": ({"manager", "supervisor"}, lambda: get_page("shop-floor")),
			"on_shift": ({"manager", "supervisor", "cashier"}, floor.on_shift),
			"hours_this_week": (
				{"manager", "supervisor", "counsellor", "other_counsellor"},
				floor.hours_this_week,
			),
			"self_financing_ratio_to_date": ({"manager", "bookkeeper"}, self_financing_ratio_to_date),
			"plan.sales_served": (
				READERS["Training Plan"],
				lambda: frappe.get_doc("Training Plan", self.records["Training Plan"]).sales_served(),
			),
		}
		self.check_paths(paths)

	def test_results_reports_files_and_cards(self) -> None:
		# The results: counts and rates for the director and the bookkeeper; the network's
		# files for the director; nothing for the floor, the till or the counsellors.
		year = {"from_date": add_days(today(), -365), "to_date": today()}
		paths = {
			"Activity Report": (
				{"manager", "bookkeeper"},
				lambda: run_report("Activity Report", filters={"company": self.company, **year}),
			),
			"Return to Government": (
				{"manager", "bookkeeper"},
				lambda: run_report("Return to Government", filters={"company": self.company, **year}),
			),
			"integration_rate_card": ({"manager", "bookkeeper"}, integration_rate_card),
			"network.export": ({"manager"}, lambda: network.export(self.company, **year)),
			"network.import_files": ({"manager"}, lambda: network.import_files(["/private/files/none.json"])),
			"Network Indicator File list": (
				{"manager"},
				lambda: frappe.get_list("Network Indicator File", limit=1) and None,
			),
			"Return to Government Rates": (
				{"manager", "bookkeeper"},
				lambda: frappe.get_doc("Return to Government Rates", "2026").check_permission("read"),
			),
		}
		for key in USERS:
			for path, (allowed, call) in paths.items():
				with self.subTest(role=key, path=path):
					self.as_user(key)
					if key in allowed:
						try:
							call()
						except frappe.ValidationError as refused:  # a file not found is not a refusal
							self.assertNotIsInstance(refused, frappe.PermissionError)
					else:
						with self.assertRaises(frappe.PermissionError):
							call()
		frappe.set_user("Administrator")
		frappe.response.pop("filecontent", None)

	def test_the_sin_and_the_payroll_filings(self) -> None:
		# The SIN is in no column, list, REST list, report or network file, whoever asks.
		self.assertNotEqual(frappe.db.get_value("Employee", self.employee, "insertion_sin"), SIN)
		year = {"from_date": add_days(today(), -365), "to_date": today()}
		for key in USERS:
			with self.subTest(role=key, path="REST list of Employees"):
				response = self.get(
					self.resource("Employee"),
					{"fields": json.dumps(["name", "insertion_sin"]), "limit_page_length": 0},
					headers=self.auth(key),
				)
				self.assertNotIn(SIN, response.get_data(as_text=True))
		paths = {
			"T4 and RL-1": (
				{"hr"},
				lambda: run_report("T4 and RL-1", filters={"company": self.company, "year": 2026}),
			),
			"Record of Employment list": (
				{"manager", "hr"},
				lambda: frappe.get_list("Record of Employment", limit=1),
			),
			"ROE Web file": (set(), lambda: roe_file.download_xml(["none"])),
			"Year-End Slip list": (
				{"hr"},
				lambda: frappe.get_list("Year-End Slip", fields=["*"], limit=1),
			),
			"T4 and RL-1 files": (
				set(),
				lambda: year_end_file.download(self.company, 2026, "CRA", "original"),
			),
		}
		for key in USERS:
			for path, (allowed, call) in paths.items():
				with self.subTest(role=key, path=path):
					self.as_user(key)
					if key in allowed:
						self.assertNotIn(SIN, json.dumps(call(), default=str))
					else:
						with self.assertRaises(frappe.PermissionError):
							call()
		self.as_user("manager")
		network.export(self.company, **year)
		content = frappe.response.pop("filecontent")  # the network's file, as JSON text
		self.assertIn('"format"', content)
		self.assertNotIn(SIN, content)
		frappe.set_user("Administrator")

	def test_personal_information_rights(self) -> None:
		# Law 25: access requests, anonymisation and the access log are the managers';
		# every other role is refused, and nothing is written for it.
		trainee = self.records["Trainee"]
		paths = {
			"access_request": lambda: access_request(trainee),
			"anonymisation_status": lambda: anonymisation_status(trainee),
			"anonymise": lambda: anonymise(trainee),  # not due: a message, not a refusal
			"access log": lambda: frappe.get_list("Confidential Access Log", limit=1) and None,
		}
		for key in USERS:
			for path, call in paths.items():
				with self.subTest(role=key, path=path):
					frappe.set_user("Administrator")
					before = frappe.db.count("Confidential Access Log", {"trainee": trainee})
					self.as_user(key)
					if key == "manager":
						try:
							call()
						except frappe.ValidationError as refused:
							self.assertNotIsInstance(refused, frappe.PermissionError)
					else:
						with self.assertRaises(frappe.PermissionError):
							call()
						frappe.set_user("Administrator")
						self.assertEqual(
							frappe.db.count("Confidential Access Log", {"trainee": trainee}), before
						)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Trainee", trainee, "last_name"), SURNAME)  # never anonymised
		frappe.response.pop("filecontent", None)

	def test_partners_their_report_card_and_questionnaires(self) -> None:
		# No one outside the insertion team sees a partner's link to a trainee, or sends a link.
		year = {"from_date": add_days(today(), -365), "to_date": today()}
		paths = {
			"Partner Report": (
				INSERTION_TEAM,
				lambda: run_report("Partner Report", filters={"company": self.company, **year}),
			),
			"Partner Names to Match": ({"manager"}, lambda: run_report("Partner Names to Match")),
			"employers_who_hired_card": (INSERTION_TEAM, employers_who_hired_card),
			"questionnaires.invite": (
				{"manager", "counsellor", "other_counsellor"},
				lambda: questionnaires.invite(
					"Employer Satisfaction", placement=self.records["Placement"], send_email=0
				),
			),
		}
		self.check_paths(paths)
		frappe.db.rollback()  # the links the test sent
		# Frappe shows a custom number card to the readers of its document type: the team's.
		for key in USERS:
			with self.subTest(role=key, path="Number Card"):
				self.as_user(key)
				self.assertEqual(
					bool(frappe.has_permission("Number Card", doc="Employers Who Hired This Year")),
					key in INSERTION_TEAM,
				)
		# The plan's readers outside the team see no placement on it.
		for key in READERS["Training Plan"]:
			with self.subTest(role=key, path="plan.placement_levels"):
				self.as_user(key)
				levels = frappe.get_doc("Training Plan", self.records["Training Plan"]).placement_levels()
				self.assertEqual(bool(levels), key in INSERTION_TEAM)
		frappe.set_user("Administrator")
		# The partner's report names no trainee.
		result = run_report("Partner Report", filters={"company": self.company, **year})["result"]
		self.assertIn(PARTNER, [row["partner"] for row in result])
		self.assertNotIn(SURNAME, json.dumps(result, default=str, ensure_ascii=False))

	def test_an_anonymous_visitor_gets_the_form_behind_a_valid_token_only(self) -> None:
		for path in (
			"/alumni-follow-up/new",
			"/alumni-follow-up/new?token=" + "x" * 43,
			"/employer-satisfaction/new?token=" + TOKEN,  # a token for the other questionnaire
		):
			with self.subTest(path=path):
				page = self.get(path).get_data(as_text=True)
				self.assertIn("pas valide", page)  # French by default
				self.assertNotIn("employer_or_school", page)
		page = self.get("/alumni-follow-up/new?token=" + TOKEN).get_data(as_text=True)
		self.assertIn("employer_or_school", page)
		self.assertIn("Quelle est votre situation", page)
		for doctype in READERS:
			with self.subTest(doctype=doctype):
				self.assertEqual(self.get(self.resource(doctype)).status_code, 403)
				self.assertEqual(self.get(self.resource(doctype, self.records[doctype])).status_code, 403)
		for method, args in (
			("frappe.desk.query_report.run", {"report_name": "Partner Report"}),
			("insertion_erp.partners.questionnaires.invite", {"questionnaire": "Alumni Follow-up"}),
			("insertion_erp.partners.figures.employers_who_hired_card", {}),
		):
			with self.subTest(method=method):
				self.assertEqual(self.post(self.method(method), args).status_code, 403)
		before = frappe.db.count("Alumni Follow-up Answer")
		response = self.post(
			self.method("frappe.website.doctype.web_form.web_form.accept"),
			{
				"web_form": "alumni-follow-up",
				"data": json.dumps(
					{"token": "x" * 43, "situation": "Other", "doctype": "Alumni Follow-up Answer"}
				),
			},
		)
		self.assertEqual(response.status_code, 417)
		self.assertIn("pas valide", response.get_data(as_text=True))
		self.assertEqual(frappe.db.count("Alumni Follow-up Answer"), before)
		# English on request, kept (frappe's language cookie) for the answer.
		english = self.get(f"/alumni-follow-up/new?token={TOKEN}&_lang=en").get_data(as_text=True)
		self.assertIn("What is your situation today?", english)

	def check_paths(self, paths: dict) -> None:
		"""Each path, as each user: answered to the roles allowed, refused to every other."""
		for key in USERS:
			for path, (allowed, call) in paths.items():
				with self.subTest(role=key, path=path):
					self.as_user(key)
					if key in allowed:
						call()
					else:
						with self.assertRaises(frappe.PermissionError):
							call()

	def auth(self, key: str) -> dict:
		return {"Authorization": f"token {self.token[key]}"}
