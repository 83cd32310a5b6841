"""Bad input never crashes, is never half-saved, and is never dropped in silence.

Every doctype of the app is inserted empty, then with each editable field (and
each field of a table row) given a value of the wrong kind, from an empty
document and from a valid one; every whitelisted method of the app is called
with no arguments and with wrong ones. Each attempt either works or is refused
with a frappe ValidationError or PermissionError (HTTP 417/403/404) whose
message names the field, and nothing of a refused attempt is saved. New
doctypes and methods join the sweep by themselves.
"""

import copy
import inspect
import json
import pkgutil
from collections.abc import Callable

import frappe
import frappe.handler
from frappe.exceptions import FrappeTypeError
from frappe.model.base_document import get_controller
from frappe.tests.test_api import FrappeAPITestCase
from frappe.utils import add_days, getdate, set_request, strip_html, today

import insertion_erp
from insertion_erp.tests.factories import (
	COUNSELLOR,
	ensure_competency,
	ensure_trade,
	make_trainee,
)
from insertion_erp.tests.utils import TEST_COMPANY, InsertionTestCase, api_token, make_user

# A value of the wrong kind for each type of field.
WRONG = {
	"Int": "douze",
	"Float": "beaucoup",
	"Currency": "12 dollars",
	"Percent": "cent pour cent",
	"Check": "peut-être",
	"Date": "2026-13-45",
	"Datetime": "hier soir",
	"Link": "Aucun enregistrement 999",
	"Select": "Pas une option",
	"Data": {"texte": 1},
	"Small Text": ["texte"],
	"Text": ["texte"],
	"Long Text": {"texte": 1},
	"Text Editor": ["texte"],
}
# What a caller may get instead of a result: a message, never a traceback.
REFUSALS = (frappe.ValidationError, frappe.PermissionError, FrappeTypeError)
# Wrong arguments for whitelisted methods.
WRONG_ARGUMENTS = (None, "", "Aucun enregistrement 999", {"texte": 1}, "2026-13-45")


def app_doctypes() -> list[frappe._dict]:
	modules = frappe.get_module_list("insertion_erp")
	return frappe.get_all(
		"DocType", filters={"module": ("in", modules), "istable": 0}, fields=["name", "issingle"]
	)


def valid_documents() -> dict[str, Callable[[], dict]]:
	"""A valid new document of each doctype people enter (the rest are made by the app)."""
	counsellor = make_user(COUNSELLOR, ["Insertion Counsellor"])
	trade = ensure_trade("Métier du balayage")
	return {
		"Trade": lambda: {"trade_name": "Métier balayé"},
		"Employment Barrier": lambda: {"barrier_name": "Barrière balayée"},
		"Competency": lambda: {"competency_name": "Compétence balayée", "category": "Technical"},
		"Trainee": lambda: {
			"first_name": "Balai",
			"last_name": "Balayage",
			"date_of_birth": "1999-02-03",
			"gender": "Female",
			"counsellor": counsellor,
			"consent_given": 1,
			"consent_date": add_days(today(), -10),
		},
		"Parcours": lambda: {
			"trainee": make_trainee(last_name="Balayage").name,
			"trade": trade,
			"company": TEST_COMPANY,
			"referral_source": "CLSC",
			"income_source": "Social Assistance",
			"barriers": [{"barrier": "Housing"}],
			"approval_date": add_days(today(), -10),
		},
		"Support Intervention": lambda: {
			"kind": "Individual Meeting",
			"trainee": make_trainee(last_name="Balayage").name,
			"intervention_date": today(),
			"duration_minutes": 30,
			"counsellor": counsellor,
			"topic": "Budget",
		},
		"Training Plan Template": lambda: {
			"trade": trade,
			"competencies": [
				{"competency": ensure_competency("Balayage", "Technical"), "target_level": "Acquired"}
			],
			"technical_hours": 10,
		},
		"Insertion Contract": lambda: {
			"reference": "EQ-BALAYAGE",
			"company": TEST_COMPANY,
			"from_date": "2026-01-01",
			"to_date": "2026-12-31",
			"claim_frequency": "Monthly",
			"places": 4,
			"planned_weeks": 26,
			"budget_lines": [{"kind": "Insertion Costs", "budget_amount": 1000, "reimbursement_rate": 100}],
		},
		"Quebec Payroll Rates": lambda: rates_of_another_year(2041),
		"Insertion Settings": lambda: frappe.get_single("Insertion Settings").as_dict(no_default_fields=True),
	}


def rates_of_another_year(year: int) -> dict:
	"""2026's rates moved to `year`, brackets included (they must fall in their year)."""
	values = frappe.get_doc("Quebec Payroll Rates", {"year": 2026}).as_dict(no_default_fields=True)
	for row in values["tax_brackets"]:
		row["valid_from"] = getdate(row["valid_from"]).replace(year=year)
	return {**values, "year": year}


class TestBadInput(InsertionTestCase):
	def attempt(self, doctype: str, values: dict, single: bool) -> tuple[Exception | None, bool]:
		"""Insert (or save, for a single) `values`; the error raised, and whether anything was saved."""
		before = self.footprint(doctype, single)
		frappe.db.savepoint("bad_input")
		error = None
		try:
			doc = frappe.get_doc({**copy.deepcopy(values), "doctype": doctype})
			doc.save() if single else doc.insert()
		except Exception as exception:
			error = exception
			error.messages = shown_messages()
		frappe.clear_messages()
		saved = self.footprint(doctype, single) != before
		frappe.db.rollback(save_point="bad_input")
		return error, saved

	def footprint(self, doctype: str, single: bool):
		if single:
			return frappe.db.sql(
				"select field, value from tabSingles where doctype = %s order by field", doctype
			)
		return frappe.db.count(doctype)

	def assert_refused(self, error: Exception | None, saved: bool, what: str, label: str | None = None):
		self.assertIsNotNone(error, f"{what}: accepted without a word")
		self.assertIsInstance(error, REFUSALS, f"{what}: crashed with {error!r}")
		self.assertFalse(saved, f"{what}: refused but saved")
		message = getattr(error, "messages", "") or strip_html(str(error))
		self.assertTrue(message.strip(), f"{what}: refused without a message")
		if label:
			self.assertIn(label, message, f"{what}: the message does not name the field: {message}")

	def test_empty_documents_are_refused_with_a_message(self) -> None:
		for doctype in app_doctypes():
			with self.subTest(doctype=doctype.name):
				error, saved = self.attempt(doctype.name, {}, doctype.issingle)
				if error is not None:
					self.assert_refused(error, saved, f"{doctype.name} empty")

	def test_wrong_kinds_on_empty_documents_never_crash(self) -> None:
		for doctype in app_doctypes():
			meta = frappe.get_meta(doctype.name)
			for df, _label, values in wrong_values(meta, {}):
				with self.subTest(doctype=doctype.name, field=df.fieldname):
					error, saved = self.attempt(doctype.name, values, doctype.issingle)
					self.assertIsNotNone(error, f"{doctype.name}.{df.fieldname}: accepted")
					self.assert_refused(error, saved, f"{doctype.name}.{df.fieldname}")

	def test_wrong_kinds_on_valid_documents_name_the_field(self) -> None:
		singles = {doctype.name: doctype.issingle for doctype in app_doctypes()}
		for doctype, build in valid_documents().items():
			base = build()
			error, saved = self.attempt(doctype, base, singles[doctype])
			self.assertIsNone(error, f"the valid {doctype} is refused: {error!r}")
			meta = frappe.get_meta(doctype)
			for df, label, values in wrong_values(meta, base):
				with self.subTest(doctype=doctype, field=df.fieldname):
					error, saved = self.attempt(doctype, values, singles[doctype])
					self.assert_refused(error, saved, f"{doctype}.{df.fieldname}", label)

	def test_whitelisted_methods_refuse_bad_arguments_with_a_message(self) -> None:
		methods = app_whitelisted_methods()
		self.assertGreaterEqual(len(methods), 10)
		for doctype, method in methods:
			parameters = [p for p in inspect.signature(method).parameters if p != "self"]
			calls = [{}] + [{name: value} for name in parameters for value in WRONG_ARGUMENTS]
			for user in ("Administrator", make_user("balayage-sans-role@example.org", [])):
				for arguments in calls:
					with self.subTest(method=method.__qualname__, user=user, arguments=arguments):
						frappe.set_user(user)
						frappe.db.savepoint("bad_input")
						try:
							call_as_http(doctype, method, arguments)
						except REFUSALS as error:
							message = shown_messages() or strip_html(str(error))
							self.assertTrue(message.strip(), "refused without a message")
						except Exception as error:
							self.fail(f"{method.__qualname__}({arguments}) crashed with {error!r}")
						finally:
							frappe.clear_messages()
							frappe.set_user("Administrator")
							frappe.db.rollback(save_point="bad_input")


def shown_messages() -> str:
	"""What the user would read: the messages frappe queued for the response."""
	texts = []
	for message in frappe.local.message_log:
		message = json.loads(message) if isinstance(message, str) else message
		texts.append(strip_html(str(message.get("message", ""))))
	return " ".join(texts)


def wrong_values(meta, base: dict):
	"""(field, its label when the message must name it, document values with that field wrong).

	Fields of a table row are set on the base's first row; with no row in the base, on
	an empty row, whose own missing values may be what the message names."""
	for df in meta.fields:
		if df.fieldtype in WRONG and not df.read_only:
			yield df, df.label, {**base, df.fieldname: WRONG[df.fieldtype]}
	for table in meta.get_table_fields():
		rows = base.get(table.fieldname) or [{}]
		for df in frappe.get_meta(table.options).fields:
			if df.fieldtype in WRONG and not df.read_only:
				row = {**rows[0], df.fieldname: WRONG[df.fieldtype]}
				label = df.label if base.get(table.fieldname) else None
				yield df, label, {**base, table.fieldname: [row, *rows[1:]]}


def app_whitelisted_methods() -> list[tuple[str | None, Callable]]:
	"""(doctype, method) for each document method, (None, function) for each function."""
	for module in pkgutil.walk_packages(insertion_erp.__path__, "insertion_erp."):
		if ".tests" not in module.name and ".patches" not in module.name:
			__import__(module.name)
	whitelisted = set(frappe.whitelisted)
	methods = [
		(doctype.name, fn)
		for doctype in app_doctypes()
		for fn in vars(get_controller(doctype.name)).values()
		if inspect.isfunction(fn) and fn in whitelisted
	]
	in_classes = {fn for _doctype, fn in methods}
	functions = [
		(None, fn)
		for fn in whitelisted
		if fn.__module__.startswith("insertion_erp.") and "." not in fn.__qualname__ and fn not in in_classes
	]
	return methods + functions


def call_as_http(doctype: str | None, method: Callable, arguments: dict):
	"""As `/api/method/<function>` or `run_doc_method` (a new document's method) would."""
	cmd = f"{method.__module__}.{method.__qualname__}"
	set_request(method="POST", path=f"/api/method/{cmd if doctype is None else 'run_doc_method'}")
	try:
		if doctype is None:
			frappe.local.form_dict = frappe._dict(arguments)
			return frappe.handler.execute_cmd(cmd)
		return frappe.handler.run_doc_method(
			method=method.__name__, docs=json.dumps({"doctype": doctype}), args=json.dumps(arguments)
		)
	finally:
		del frappe.local.request
		frappe.local.form_dict = frappe._dict()


class TestBadInputOverRest(FrappeAPITestCase):
	"""The same refusals through the REST API, on its own database connection."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		make_user(COUNSELLOR, ["Insertion Counsellor"])
		cls.trainee = make_trainee(last_name="Balayage-REST").name
		cls.auth = {
			"admin": {"Authorization": f"token {api_token('Administrator')}"},
			"counsellor": {"Authorization": f"token {api_token(COUNSELLOR)}"},
		}
		frappe.db.commit()  # nosemgrep: the REST calls run on their own connection

	@classmethod
	def tearDownClass(cls) -> None:
		frappe.delete_doc("Trainee", cls.trainee, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def post_refused(self, doctype: str, data: dict, who: str, status: int, *words: str) -> str:
		frappe.db.rollback()  # a new snapshot before and after: the request commits on its own connection
		before = frappe.db.count(doctype)
		response = self.post(self.resource(doctype), data, headers=self.auth[who])
		frappe.db.rollback()
		body = response.get_data(as_text=True)
		self.assertEqual(response.status_code, status, body)
		messages = " ".join(
			strip_html(json.loads(m).get("message", ""))
			for m in json.loads(response.json["_server_messages"])
		)
		for word in words:
			self.assertIn(word, messages)
		self.assertNotIn("Traceback", messages)
		self.assertEqual(frappe.db.count(doctype), before, "a refused document was saved")
		return messages

	def test_trainee_without_first_name_names_it(self) -> None:
		self.post_refused("Trainee", {"last_name": "Seul"}, "admin", 417, "First Name")

	def test_trainee_without_date_of_birth_names_it(self) -> None:
		messages = self.post_refused(
			"Trainee",
			{"first_name": "Sans", "last_name": "Date", "gender": "Male"},
			"admin",
			417,
			"Date of Birth",
		)
		self.assertNotIn("not plausible", messages)

	def test_notes_sent_with_an_intervention_point_to_set_notes(self) -> None:
		data = {
			"kind": "Individual Meeting",
			"trainee": self.trainee,
			"intervention_date": today(),
			"duration_minutes": 20,
			"counsellor": COUNSELLOR,
			"notes": "Envoyée avec le document",
		}
		self.post_refused("Support Intervention", data, "counsellor", 403, "set_notes")
