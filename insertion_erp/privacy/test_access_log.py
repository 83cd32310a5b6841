"""A trace of every look (Law 25): opening a trainee's records leaves an entry, whoever
opens them and by whichever path frappe hands a record over; the log is changed by
nobody and deleted by System Manager only, the deletion logged."""

import json

import frappe
from frappe.desk.form.load import getdoc
from frappe.tests.test_api import FrappeAPITestCase
from frappe.utils import add_days, now_datetime, today

from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import set_notes
from insertion_erp.privacy.access_log import LOG
from insertion_erp.tests.factories import (
	make_evaluation,
	make_intervention,
	make_plan,
	make_trainee,
	started_parcours,
)
from insertion_erp.tests.utils import api_token, make_user

USERS = {
	"manager": ("trace-manager@example.org", ["Insertion Manager"]),
	"counsellor": ("trace-counsellor@example.org", ["Insertion Counsellor"]),
	"bookkeeper": ("trace-bookkeeper@example.org", ["Accounts User"]),
	"cashier": ("trace-cashier@example.org", ["Shop Cashier", "Sales User"]),
	"sysman": ("trace-sysman@example.org", ["System Manager"]),
}
NOTES = "Note de suivi : rendez-vous au CLSC."


class TestEveryLookIsLogged(FrappeAPITestCase):
	"""Records are committed: the HTTP calls run on their own database connection."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.user = {key: make_user(email, roles) for key, (email, roles) in USERS.items()}
		cls.token = {key: api_token(email) for key, email in cls.user.items()}
		trainee = make_trainee(last_name="Traçabilité", counsellor=cls.user["counsellor"])
		parcours = started_parcours(trainee=trainee.name, start=add_days(today(), -30))
		plan = make_plan(parcours)
		evaluation = make_evaluation(plan.name, add_days(today(), -5))
		intervention = make_intervention(trainee.name, counsellor=cls.user["counsellor"])
		frappe.set_user(cls.user["counsellor"])
		set_notes(intervention.name, NOTES)
		frappe.set_user("Administrator")
		cls.trainee = trainee.name
		cls.records = {
			"Trainee": trainee.name,
			"Parcours": parcours.name,
			"Training Plan": plan.name,
			"Training Evaluation": evaluation.name,
			"Support Intervention": intervention.name,
		}
		cls.employee = parcours.employee
		frappe.db.commit()  # nosemgrep

	@classmethod
	def tearDownClass(cls) -> None:
		frappe.set_user("Administrator")
		frappe.db.delete(LOG, {"trainee": cls.trainee})
		for doctype in reversed(list(cls.records)):
			if frappe.db.exists(doctype, cls.records[doctype]):
				frappe.delete_doc(doctype, cls.records[doctype], force=True, ignore_permissions=True)
		frappe.db.delete("Deleted Document", {"deleted_name": ("in", list(cls.records.values()))})
		frappe.delete_doc("Employee", cls.employee, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep
		super().tearDownClass()

	def tearDown(self) -> None:
		frappe.set_user("Administrator")
		frappe.local.form_dict = frappe._dict()

	def auth(self, key: str) -> dict:
		return {"Authorization": f"token {self.token[key]}"}

	def entries(self, since, **filters) -> list:
		frappe.db.rollback()  # see what the HTTP calls committed
		return frappe.get_all(
			LOG,
			filters={"trainee": self.trainee, "accessed_on": (">=", since), **filters},
			fields=["user", "action", "path", "reference_doctype", "reference_name"],
		)

	def test_the_form_and_the_rest_api_leave_an_entry_the_refused_none(self) -> None:
		since = now_datetime()
		allowed = {
			"manager": set(self.records),
			"counsellor": set(self.records),
			"bookkeeper": {"Trainee"},
			"cashier": set(),
		}
		for key, doctypes in allowed.items():
			for doctype, name in self.records.items():
				with self.subTest(role=key, doctype=doctype):
					form = self.get(
						self.method("frappe.desk.form.load.getdoc"),
						{"doctype": doctype, "name": name},
						headers=self.auth(key),
					)
					rest = self.get(self.resource(doctype, name), headers=self.auth(key))
					expected = 200 if doctype in doctypes else 403
					self.assertEqual((form.status_code, rest.status_code), (expected, expected))
		logged = self.entries(since, action="Open")
		for key, doctypes in allowed.items():
			for doctype in self.records:
				paths = {
					e.path for e in logged if e.user == self.user[key] and e.reference_doctype == doctype
				}
				with self.subTest(role=key, doctype=doctype):
					self.assertEqual(paths, {"Form", "REST"} if doctype in doctypes else set())

	def test_frappe_client_get_leaves_an_entry(self) -> None:
		since = now_datetime()
		response = self.get(
			self.method("frappe.client.get"),
			{"doctype": "Parcours", "name": self.records["Parcours"]},
			headers=self.auth("counsellor"),
		)
		self.assertEqual(response.status_code, 200)
		logged = self.entries(since, action="Open", reference_doctype="Parcours")
		self.assertEqual([(e.user, e.path) for e in logged], [(self.user["counsellor"], "frappe.client.get")])

	def test_a_print_leaves_an_entry_a_refused_print_none(self) -> None:
		since = now_datetime()
		frappe.set_user(self.user["manager"])
		frappe.get_print("Parcours", self.records["Parcours"])
		frappe.set_user(self.user["cashier"])
		with self.assertRaises(frappe.PermissionError):
			frappe.get_print("Parcours", self.records["Parcours"])
		frappe.set_user("Administrator")
		logged = frappe.get_all(
			LOG,
			filters={"trainee": self.trainee, "accessed_on": (">=", since), "path": "Print"},
			fields=["user", "reference_doctype"],
		)
		self.assertEqual(
			[(e.user, e.reference_doctype) for e in logged], [(self.user["manager"], "Parcours")]
		)
		frappe.db.rollback()

	def test_administrator_reading_the_notes_is_logged_as_such(self) -> None:
		since = now_datetime()
		frappe.local.form_dict = frappe._dict(cmd="frappe.desk.form.load.getdoc")
		getdoc("Support Intervention", self.records["Support Intervention"])
		sent = frappe.response.docs[0]
		self.assertEqual(sent.notes, NOTES)  # Administrator holds every permission level
		logged = frappe.get_all(
			LOG,
			filters={"trainee": self.trainee, "accessed_on": (">=", since), "user": "Administrator"},
			fields=["action", "path"],
		)
		self.assertEqual(
			sorted((e.action, e.path) for e in logged), [("Open", "Form"), ("Read", "Form (notes)")]
		)
		frappe.db.rollback()

	def test_the_log_is_changed_by_nobody_and_deleted_by_system_manager_only(self) -> None:
		frappe.set_user(self.user["manager"])
		getdoc("Trainee", self.trainee)
		entry = frappe.get_last_doc(LOG, filters={"trainee": self.trainee, "user": self.user["manager"]})
		# The managers review it with filters.
		self.assertTrue(frappe.get_list(LOG, filters={"trainee": self.trainee, "action": "Open"}))
		for key in ("manager", "counsellor", "sysman"):
			frappe.set_user(self.user[key])
			with self.subTest(role=key), self.assertRaises(frappe.PermissionError):
				changed = frappe.get_doc(LOG, entry.name)
				changed.path = "Ailleurs"
				changed.save()
		for key in ("manager", "counsellor", "bookkeeper"):
			frappe.set_user(self.user[key])
			with self.subTest(role=key), self.assertRaises(frappe.PermissionError):
				frappe.delete_doc(LOG, entry.name)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value(LOG, entry.name, "path"), entry.path)

		frappe.set_user(self.user["sysman"])
		frappe.delete_doc(LOG, entry.name)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists(LOG, entry.name))
		trace = frappe.get_all(
			LOG, filters={"reference_name": entry.name}, fields=["user", "action", "trainee"]
		)
		self.assertEqual(
			[(t.user, t.action, t.trainee) for t in trace],
			[(self.user["sysman"], "Delete Log", self.trainee)],
		)
		frappe.db.rollback()

	def test_a_deleted_intervention_leaves_no_notes_behind(self) -> None:
		frappe.set_user(self.user["counsellor"])
		intervention = make_intervention(self.trainee, counsellor=self.user["counsellor"])
		set_notes(intervention.name, NOTES)
		frappe.set_user(self.user["manager"])
		frappe.delete_doc("Support Intervention", intervention.name)
		frappe.set_user("Administrator")
		copy = frappe.get_last_doc("Deleted Document", filters={"deleted_name": intervention.name})
		self.assertIsNone(json.loads(copy.data).get("notes"))
		self.assertNotIn(NOTES, copy.data)
		# Its trace stays.
		self.assertTrue(frappe.db.exists(LOG, {"reference_name": intervention.name, "action": "Write"}))
		frappe.db.rollback()
