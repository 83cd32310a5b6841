"""Frappe's generic read endpoints, over real HTTP, as each demo login and as a visitor.

Each demo login (the cashier, the floor supervisor, the two counsellors, the bookkeeper, the
director: their roles from devtools/demo.py) logs in with its password on the test site's web
server (scripts/test starts it; frappe.conf.host_name names it) and calls every generic read
endpoint of frappe on every record about a trainee, on Employee and Salary Slip, and on raw
tables. Whoever may not read a record (frappe.has_permission, the rule the desk applies) gets
nothing of it: no count, no row, no name, no version, no hidden value. A leak is reported with
the user, the endpoint and what came back.
"""

import json
from concurrent.futures import ThreadPoolExecutor

import frappe
import requests
from frappe.utils import add_days, today
from frappe.utils.password import update_password

from insertion_erp.constants import COUNSELLOR
from insertion_erp.devtools.demo import BOOKKEEPER_LOGIN, COUNSELLORS, DEMO_PASSWORD, STAFF_LOGINS
from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import set_notes
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.factories import (
	closed_parcours,
	make_evaluation,
	make_intervention,
	make_plan,
	make_trainee,
	started_parcours,
)
from insertion_erp.tests.utils import InsertionTestCase, make_user

GUEST = "Guest"
JULIE, KARIM = list(COUNSELLORS)
SURNAME = "Porte-Dérobée"
NEIGHBOUR = "Porte-Voisine"
# Values only the insertion team reads: none may come back to anybody else.
SECRETS = (
	SURNAME,
	NEIGHBOUR,
	"Détail-Secret-Référence",
	"Objectif-Secret-Plan",
	"Ressource-Secrète",
	"Note-Secrète-Scellée",
)
# The doctypes of the trainees' files, and who alone may read them.
TRAINEE_FILES = (
	"Parcours",
	"Parcours Follow-up",
	"Training Plan",
	"Training Evaluation",
	"Support Intervention",
)
TEAM_ROLES = {"Insertion Manager", "Insertion Counsellor", "System Manager"}
RAW_TABLES = ("Sessions", "__Auth", "DefaultValue", "Singles")
# The endpoints that answer about a doctype's records as a whole (no record named).
LIST_ENDPOINTS = (
	"client.get_count",
	"client.get_list",
	"reportview.get",
	"reportview.get_count",
	"listview.get_group_by_count",
	"reportview.get_sidebar_stats",
	"search.search_link",
	"reportview.export_query",
	"REST list",
)


def endpoints(doctype: str, name: str, surname: str) -> dict[str, tuple[str, str, dict]]:
	"""Each generic read endpoint as (HTTP method, path, parameters) asking about one record."""
	by_name = json.dumps([[doctype, "name", "=", name]])
	return {
		"client.get_count": ("GET", "frappe.client.get_count", {"doctype": doctype, "filters": by_name}),
		"client.get_list": (
			"GET",
			"frappe.client.get_list",
			{"doctype": doctype, "fields": '["name"]', "filters": by_name},
		),
		"client.get_value": (
			"GET",
			"frappe.client.get_value",
			{"doctype": doctype, "fieldname": "name", "filters": by_name},
		),
		"client.get": ("GET", "frappe.client.get", {"doctype": doctype, "name": name}),
		"reportview.get": (
			"POST",
			"frappe.desk.reportview.get",
			{"doctype": doctype, "fields": f'["`tab{doctype}`.`name`"]', "filters": by_name},
		),
		"reportview.get_count": (
			"POST",
			"frappe.desk.reportview.get_count",
			{"doctype": doctype, "filters": by_name},
		),
		"listview.get_group_by_count": (
			"POST",
			"frappe.desk.listview.get_group_by_count",
			{"doctype": doctype, "current_filters": by_name, "field": "owner"},
		),
		"reportview.get_sidebar_stats": (
			"POST",
			"frappe.desk.reportview.get_sidebar_stats",
			{"doctype": doctype, "stats": '["_user_tags"]', "filters": by_name},
		),
		"search.search_link": (
			"POST",
			"frappe.desk.search.search_link",
			{"doctype": doctype, "txt": surname},
		),
		"form.load.getdoc": ("GET", "frappe.desk.form.load.getdoc", {"doctype": doctype, "name": name}),
		"form.load.get_docinfo": (
			"GET",
			"frappe.desk.form.load.get_docinfo",
			{"doctype": doctype, "name": name},
		),
		"run_doc_method (add_comment)": (
			"POST",
			"run_doc_method",
			{
				"dt": doctype,
				"dn": name,
				"method": "add_comment",
				"args": json.dumps({"comment_type": "Info", "text": "."}),
			},
		),
		"printview.get_html_and_style": (
			"GET",
			"frappe.www.printview.get_html_and_style",
			{"doc": doctype, "name": name, "print_format": "Standard"},
		),
		"reportview.export_query": (
			"POST",
			"frappe.desk.reportview.export_query",
			{
				"doctype": doctype,
				"file_format_type": "CSV",
				"title": doctype,
				"fields": f'["`tab{doctype}`.`name`"]',
				"filters": by_name,
			},
		),
		"REST record": ("GET", f"/api/resource/{doctype}/{name}", {}),
		"REST list": ("GET", f"/api/resource/{doctype}", {"filters": by_name}),
	}


def answered_something(response: requests.Response, markers: tuple[str, ...]) -> str | None:
	"""What a refused caller should not have got: a marker in the answer, a count above zero or
	rows. A refusal (4xx) answers nothing."""
	if response.status_code >= 400:
		return None
	text = response.text
	for marker in markers:
		if marker in text:
			return f"{marker!r} in the answer"
	try:
		message = response.json()
	except ValueError:
		return None
	message = message.get("message", message.get("data"))
	if isinstance(message, int) and not isinstance(message, bool) and message > 0:
		return f"a count of {message}"
	if isinstance(message, list) and message:
		return f"rows: {message[:3]}"
	if isinstance(message, dict) and (message.get("values") or message.get("name")):
		return f"values: {str(message)[:200]}"
	return None


class TestGenericEndpoints(InsertionTestCase):
	"""Records are committed: the web server reads them on its own connection."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.url = (frappe.conf.host_name or "").rstrip("/")
		try:
			requests.get(f"{cls.url}/api/method/ping", timeout=10).raise_for_status()
		except (requests.RequestException, requests.exceptions.MissingSchema) as error:
			raise AssertionError(
				f"No web server answers for this site at host_name={cls.url!r} ({error}): "
				"run the tests through scripts/test, which starts it."
			) from None
		cls.roles = {login: roles for login, (_names, roles) in STAFF_LOGINS.items()}
		cls.roles.update({login: [COUNSELLOR] for login in COUNSELLORS})
		for login, roles in cls.roles.items():
			make_login(login, roles)
		cls.records = make_records()
		frappe.db.commit()  # nosemgrep: the web server's connection reads them
		cls.sessions = {GUEST: requests.Session()}
		for login in cls.roles:
			cls.sessions[login] = log_in(cls.url, login)

	@classmethod
	def tearDownClass(cls) -> None:
		frappe.set_user("Administrator")
		made = [(doctype, name) for doctype, name in cls.records if doctype not in ("Salary Slip",)]
		made.remove(("Employee", frappe.db.get_value("Salary Slip", cls.records[-1][1], "employee")))
		names = [name for _doctype, name in made]
		employees = [name for doctype, name in made if doctype == "Employee"]
		employees += frappe.get_all("Parcours", filters={"name": ("in", names)}, pluck="employee")
		for doctype, field, values in (
			("Confidential Access Log", "reference_name", names),
			("Comment", "reference_name", names),
			("ToDo", "reference_name", names),
			("Version", "docname", names),
			("Parcours Follow-up", "parcours", names),
			("Record of Employment", "employee", employees),
		):
			for name in frappe.get_all(doctype, filters={field: ("in", values)}, pluck="name"):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
		for doctype, name in reversed(made):
			if frappe.db.exists(doctype, name):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
		for employee in set(employees):
			if frappe.db.exists("Employee", employee):
				frappe.delete_doc("Employee", employee, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def call(self, login: str, method: str, path: str, params: dict) -> requests.Response:
		url = path if path.startswith("/") else f"/api/method/{path}"
		session = self.sessions[login]
		if method == "GET":
			return session.get(f"{self.url}{url}", params=params, timeout=60)
		return session.post(f"{self.url}{url}", data=params, timeout=60)

	def first(self, doctype: str) -> str:
		"""Julie's trainee's record of `doctype` (the first made)."""
		return next(name for kind, name in self.records if kind == doctype)

	def may_read(self, login: str, doctype: str, name: str | None = None) -> bool:
		if login == GUEST:
			return False
		return bool(frappe.has_permission(doctype, "read", doc=name, user=login))

	def test_the_trainees_files_are_the_insertion_teams_only(self) -> None:
		# The policy itself: only the insertion team reads the files (permission levels are no
		# boundary in frappe, so nothing confidential sits in a doctype anyone else reads).
		for doctype in TRAINEE_FILES:
			for login, roles in self.roles.items():
				with self.subTest(doctype=doctype, login=login):
					self.assertEqual(
						frappe.has_permission(doctype, "read", user=login), bool(set(roles) & TEAM_ROLES)
					)

	def test_no_generic_endpoint_answers_about_a_record_its_caller_may_not_read(self) -> None:
		calls = []
		for doctype, name in self.records:
			surname = NEIGHBOUR if name in self.neighbours else SURNAME
			for login in self.sessions:
				if self.may_read(login, doctype, name):
					continue
				markers = (name, *SECRETS)
				for endpoint, (method, path, params) in endpoints(doctype, name, surname).items():
					calls.append((login, doctype, endpoint, method, path, params, markers))
		# Every other doctype of the app: each endpoint, by whoever may not read the doctype, on
		# one of its records when the site holds one (the list's endpoints when it holds none).
		for doctype in sorted(set(app_doctypes()) - {doctype for doctype, _name in self.records}):
			name = (frappe.get_all(doctype, pluck="name", limit=1, order_by="creation desc") or [None])[0]
			for login in self.sessions:
				if self.may_read(login, doctype):
					continue
				for endpoint, (method, path, params) in endpoints(
					doctype, name or "n-existe-pas", "a"
				).items():
					if name or endpoint in LIST_ENDPOINTS:
						calls.append(
							(login, doctype, endpoint, method, path, params, (name,) if name else ())
						)

		def check(call) -> str | None:
			login, doctype, endpoint, method, path, params, markers = call
			answer = answered_something(self.call(login, method, path, params), markers)
			return answer and f"{login} · {doctype} · {endpoint}: {answer}"

		with ThreadPoolExecutor(max_workers=4) as pool:
			leaks = [leak for leak in pool.map(check, calls) if leak]
		self.assertGreater(len(calls), 500)
		self.assertEqual(leaks, [], f"{len(leaks)} answers to callers who may not read the record")

	def test_the_bookkeeper_reads_no_intake_goal_or_topic_by_any_door(self) -> None:
		# Permission levels are no boundary in frappe: a document's method (add_comment) sent the
		# whole parcours back, its version history the intake's changes, and filters on hidden
		# fields answered yes or no. The bookkeeper now reads none of these records at all.
		parcours, plan = self.first("Parcours"), self.first("Training Plan")

		def method(doctype: str, name: str) -> tuple[str, str, dict]:
			args = json.dumps({"comment_type": "Info", "text": "."})
			return (
				"POST",
				"run_doc_method",
				{"dt": doctype, "dn": name, "method": "add_comment", "args": args},
			)

		doors = {
			"run_doc_method on the parcours": method("Parcours", parcours),
			"run_doc_method on the plan": method("Training Plan", plan),
			"run_doc_method on the intervention": method(
				"Support Intervention", self.first("Support Intervention")
			),
			"the parcours' versions": (
				"GET",
				"frappe.desk.form.load.getdoc",
				{"doctype": "Parcours", "name": parcours},
			),
			"a filter on the barriers": (
				"GET",
				"frappe.client.get_list",
				{
					"doctype": "Parcours",
					"filters": json.dumps([["Parcours Barrier", "barrier", "=", "Justice"]]),
				},
			),
			"a filter on the income source": (
				"POST",
				"frappe.desk.reportview.get_count",
				{"doctype": "Parcours", "filters": json.dumps({"income_source": "No Public Income"})},
			),
			"a filter on the topic": (
				"GET",
				"frappe.client.get_list",
				{"doctype": "Support Intervention", "filters": json.dumps({"topic": "Justice"})},
			),
		}
		# The trainees' names are the bookkeeper's (the payroll): the intake, goals and topics are not.
		secrets = (*SECRETS[2:], "Justice", "Addiction", "No Public Income", "Social Assistance")
		for door, (verb, path, params) in doors.items():
			with self.subTest(door=door):
				response = self.call(BOOKKEEPER_LOGIN, verb, path, params)
				self.assertIsNone(answered_something(response, secrets), response.text[:500])

	def test_counts_only_of_what_the_user_may_read_and_never_of_a_raw_table(self) -> None:
		# frappe.client.get_count counted any table with any filters for any login: with it the
		# cashier found the director's session id by bisection, one yes/no at a time.
		director = next(login for login, roles in self.roles.items() if "Insertion Manager" in roles)
		for login in self.sessions:
			for table in RAW_TABLES:
				with self.subTest(login=login, table=table):
					filters = json.dumps([["name", "like", "%"]]) if table != "__Auth" else "{}"
					response = self.call(
						login, "GET", "frappe.client.get_count", {"doctype": table, "filters": filters}
					)
					self.assertGreaterEqual(response.status_code, 400, response.text[:300])
			for doctype in [*app_doctypes(), "Employee", "Salary Slip", "User"]:
				if self.may_read(login, doctype):
					continue
				with self.subTest(login=login, doctype=doctype):
					response = self.call(login, "GET", "frappe.client.get_count", {"doctype": doctype})
					self.assertGreaterEqual(response.status_code, 400, response.text[:300])
		# What the user may read is counted as their list shows it.
		trainee = self.records[0][1]
		count = self.call(
			director,
			"GET",
			"frappe.client.get_count",
			{"doctype": "Trainee", "filters": json.dumps({"last_name": SURNAME})},
		)
		self.assertEqual(count.json()["message"], 1, count.text)
		other = self.call(
			KARIM,
			"GET",
			"frappe.client.get_count",
			{"doctype": "Support Intervention", "filters": json.dumps({"trainee": trainee})},
		)
		self.assertEqual(other.json()["message"], 0, other.text)

	def test_run_doc_method_answers_with_what_the_form_shows_and_leaves_a_trace(self) -> None:
		# Before, a document's whitelisted method (add_comment, which every document has) sent
		# the whole document back with no trace: the notes of an intervention among it.
		intervention = self.first("Support Intervention")
		response = self.call(
			JULIE,
			"POST",
			"run_doc_method",
			{
				"dt": "Support Intervention",
				"dn": intervention,
				"method": "add_comment",
				"args": json.dumps({"comment_type": "Info", "text": "."}),
			},
		)
		self.assertNotIn("Note-Secrète-Scellée", response.text)
		self.assertNotIn("sealed:", response.text)
		parcours = self.first("Parcours")
		before = frappe.db.count("Confidential Access Log", {"reference_name": parcours, "user": JULIE})
		response = self.call(
			JULIE,
			"POST",
			"run_doc_method",
			{
				"dt": "Parcours",
				"dn": parcours,
				"method": "add_comment",
				"args": json.dumps({"comment_type": "Info", "text": "."}),
			},
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		self.assertEqual(response.json()["docs"][0]["name"], parcours)
		frappe.db.rollback()  # the web server's entry, committed on its connection
		after = frappe.db.count("Confidential Access Log", {"reference_name": parcours, "user": JULIE})
		self.assertEqual(after, before + 1)

	def test_an_upload_a_browser_would_run_is_refused(self) -> None:
		cashier = next(login for login, roles in self.roles.items() if "Shop Cashier" in roles)
		for filename, content in (
			("promo.html", b"<script>alert(document.cookie)</script>"),
			("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
		):
			with self.subTest(filename=filename):
				before = frappe.db.count("File", {"file_name": filename})
				response = self.sessions[cashier].post(
					f"{self.url}/api/method/upload_file",
					files={"file": (filename, content)},
					data={"is_private": 0},
					timeout=60,
				)
				self.assertGreaterEqual(response.status_code, 400, response.text[:300])
				frappe.db.rollback()  # what the web server committed
				self.assertEqual(frappe.db.count("File", {"file_name": filename}), before)
		response = self.sessions[cashier].post(
			f"{self.url}/api/method/upload_file",
			files={"file": ("inventaire.csv", b"article,quantite\nchandail,3\n")},
			data={"is_private": 1},
			timeout=60,
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		frappe.delete_doc("File", response.json()["message"]["name"], force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep

	def test_a_trainees_file_is_private_and_each_download_is_logged(self) -> None:
		director = next(login for login, roles in self.roles.items() if "Insertion Manager" in roles)
		trainee = self.records[0][1]

		def upload(is_private: int) -> requests.Response:
			return self.sessions[director].post(
				f"{self.url}/api/method/upload_file",
				files={"file": ("attestation.pdf", b"%PDF-1.4 attestation")},
				data={"is_private": is_private, "doctype": "Trainee", "docname": trainee},
				timeout=60,
			)

		self.assertGreaterEqual(upload(0).status_code, 400)
		response = upload(1)
		self.assertEqual(response.status_code, 200, response.text[:300])
		file = response.json()["message"]
		try:
			for login in self.sessions:
				with self.subTest(login=login):
					download = self.sessions[login].get(f"{self.url}{file['file_url']}", timeout=60)
					frappe.db.rollback()  # the web server's entries, committed on its connection
					logged = frappe.db.exists(
						"Confidential Access Log",
						{"reference_name": trainee, "user": login, "path": "File Download"},
					)
					if self.may_read(login, "Trainee", trainee):
						self.assertEqual(download.status_code, 200)
						self.assertTrue(logged, f"{login}'s download is not logged")
					else:
						self.assertGreaterEqual(download.status_code, 400)
						self.assertFalse(logged)
		finally:
			frappe.delete_doc("File", file["name"], force=True, ignore_permissions=True)
			frappe.db.commit()  # nosemgrep

	def test_a_visitor_learns_nothing_of_a_records_existence_from_a_web_form(self) -> None:
		# frappe answered "not found" or "not permitted" to any doctype and name: an oracle.
		answers = set()
		for doctype, docname in (
			("Trainee", self.first("Trainee")),
			("Trainee", "TRN-99999"),
			("Alumni Follow-up Answer", "n-existe-pas"),
		):
			with self.subTest(doctype=doctype, docname=docname):
				response = self.call(
					GUEST,
					"GET",
					"frappe.website.doctype.web_form.web_form.get_form_data",
					{"doctype": doctype, "docname": docname, "web_form_name": "alumni-follow-up"},
				)
				self.assertEqual(response.status_code, 403, response.text[:300])
				self.assertNotIn(SURNAME, response.text)
				messages = json.loads(response.json().get("_server_messages") or "[]")
				answers.add(tuple(json.loads(message).get("message") for message in messages))
		self.assertEqual(len(answers), 1, answers)

	def test_a_bad_period_is_a_message_and_no_error_carries_a_traceback(self) -> None:
		# The timesheet builder took any text for a date: HTTP 500 with frappe's traceback.
		director = next(login for login, roles in self.roles.items() if "Insertion Manager" in roles)
		response = self.call(
			director,
			"POST",
			"insertion_erp.shop_floor.api.build_timesheets",
			{"from_date": "2026-13-45", "to_date": "2026-12-01"},
		)
		self.assertEqual(response.status_code, 417, response.text[:300])
		self.assertIn("from_date", response.text)
		self.assertNotIn("Traceback", response.text)
		self.assertFalse(frappe.get_system_settings("allow_error_traceback"))


def make_login(login: str, roles: list[str]) -> None:
	"""The demo login on the test site: its roles, its password, a French desk."""
	make_user(login, roles)
	frappe.db.set_value("User", login, "language", "fr")
	update_password(login, DEMO_PASSWORD)


def log_in(url: str, login: str) -> requests.Session:
	session = requests.Session()
	response = session.post(f"{url}/api/method/login", data={"usr": login, "pwd": DEMO_PASSWORD}, timeout=60)
	response.raise_for_status()
	return session


def make_records() -> list[tuple[str, str]]:
	"""Julie's trainee with every kind of file, and Karim's, whose parcours is closed (its follow-ups)."""
	trainee = make_trainee(last_name=SURNAME, counsellor=JULIE)
	parcours = started_parcours(
		trainee=trainee.name,
		start=add_days(today(), -40),
		referral_details="Détail-Secret-Référence",
		barriers=[{"barrier": "Justice"}, {"barrier": "Addiction"}],
	)
	parcours.reload()
	parcours.income_source = "No Public Income"  # a change the version history keeps
	parcours.save(ignore_version=False)  # frappe skips versions in tests unless asked
	plan = make_plan(parcours, goals="Objectif-Secret-Plan")
	evaluation = make_evaluation(plan.name, add_days(today(), -10))
	intervention = make_intervention(
		trainee.name,
		counsellor=JULIE,
		topic="Justice",
		kind="Referral to an Outside Resource",
		referred_to="Ressource-Secrète",
	)
	set_notes(intervention.name, "Note-Secrète-Scellée")
	neighbour = make_trainee(last_name=NEIGHBOUR, counsellor=KARIM)
	closed = closed_parcours(
		trainee=neighbour.name, start=add_days(today(), -300), end=add_days(today(), -20)
	)
	follow_up = frappe.get_all("Parcours Follow-up", filters={"parcours": closed.name}, pluck="name")[0]
	other_intervention = make_intervention(neighbour.name, counsellor=KARIM, topic="Health")
	payroll = payroll_fixture.build()  # shared with the claim tests: kept
	records = [
		("Trainee", trainee.name),
		("Parcours", parcours.name),
		("Training Plan", plan.name),
		("Training Evaluation", evaluation.name),
		("Support Intervention", intervention.name),
		("Trainee", neighbour.name),
		("Parcours", closed.name),
		("Parcours Follow-up", follow_up),
		("Support Intervention", other_intervention.name),
		("Employee", parcours.employee),
		("Employee", payroll.trainee_employee),
		("Salary Slip", next(iter(payroll.slips.values()))),
	]
	TestGenericEndpoints.neighbours = {neighbour.name, closed.name, follow_up, other_intervention.name}
	return records


def app_doctypes() -> list[str]:
	modules = frappe.get_all("Module Def", filters={"app_name": "insertion_erp"}, pluck="name")
	return frappe.get_all(
		"DocType", filters={"module": ("in", modules), "istable": 0, "issingle": 0}, pluck="name"
	)
