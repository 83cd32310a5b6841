"""A person's access request (privacy/access_request.py): everything about one trainee, notes
included, as a French PDF and a JSON file, for managers only, and logged.

The PDF's HTML is self-contained (no stylesheet to fetch), so wkhtmltopdf needs no web server
here, unlike the print formats' PDF tests."""

import io
import json
import re
import zipfile

import frappe
from frappe.utils import add_days

from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import set_notes
from insertion_erp.privacy import access_request as access
from insertion_erp.tests.factories import make_intervention, make_plan, make_trainee, started_parcours
from insertion_erp.tests.utils import InsertionTestCase, make_user

MANAGER_USER = "gestion-acces@example.org"
OTHER_ROLES = {
	"comptable-acces@example.org": ["Accounts User"],
	"rh-acces@example.org": ["HR User"],
	"intervenante-acces@example.org": ["Insertion Counsellor"],
	"caisse-acces@example.org": ["Sales User", "Shop Cashier"],
}
NOTES = "Parle d'un conflit avec son propriétaire <script>alert(1)</script>"
GROUP_NOTES = "Paul a évoqué sa rechute."
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


class TestAccessRequest(InsertionTestCase):
	def setUp(self) -> None:
		self.addCleanup(frappe.db.rollback)  # also when setUp fails half-way
		self.manager = make_user(MANAGER_USER, ["Insertion Manager"])
		self.parcours = started_parcours()
		self.trainee = self.parcours.trainee
		self.plan = make_plan(self.parcours, goals="Gagner en autonomie dans les transports.")
		evaluation = frappe.get_doc(
			{
				"doctype": "Training Evaluation",
				"training_plan": self.plan.name,
				"evaluation_date": add_days(self.parcours.start_date, 14),
			}
		)
		evaluation.run_method("before_validate")
		for row in evaluation.levels:
			row.level = "Emerging"
			row.comment = "Progresse bien à la plonge."
		self.evaluation = evaluation.insert()
		self.meeting = make_intervention(
			self.trainee, intervention_date=add_days(self.parcours.start_date, 20)
		)
		set_notes(self.meeting.name, NOTES)
		self.other = make_trainee(first_name="Paul", last_name="Autre-Participant")
		self.group = make_intervention(
			None,
			kind="Group Session",
			intervention_date=add_days(self.parcours.start_date, 21),
			participants=[{"trainee": self.trainee}, {"trainee": self.other.name}],
		)
		set_notes(self.group.name, GROUP_NOTES)
		frappe.get_doc("Trainee", self.trainee).add_comment("Comment", "Préfère être appelée le matin.")
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "permis-de-conduire.txt",
				"content": "copie du permis",
				"attached_to_doctype": "Trainee",
				"attached_to_name": self.trainee,
				"is_private": 1,
			}
		).insert(ignore_permissions=True)
		self.parcours.close(
			add_days(self.parcours.start_date, 60), "Left for a Job", exit_notes="Embauchée chez IGA."
		)
		follow_up = frappe.get_doc(
			"Parcours Follow-up", {"parcours": self.parcours.name, "months_after_exit": 3}
		)
		follow_up.notes = "Heureuse dans son nouvel emploi."
		follow_up.save()
		frappe.local.response = frappe._dict()

	def request_as(self, user: str) -> dict[str, bytes]:
		"""The files of the ZIP the method answers, by extension."""
		frappe.set_user(user)
		try:
			access.access_request(self.trainee)
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(frappe.response["type"], "binary")
		self.assertTrue(frappe.response["filename"].endswith(".zip"))
		with zipfile.ZipFile(io.BytesIO(frappe.response["filecontent"])) as archive:
			return {name.rsplit(".", 1)[1]: archive.read(name) for name in archive.namelist()}

	def log_entries(self) -> list:
		return frappe.get_all(
			"Confidential Access Log",
			filters={"trainee": self.trainee},
			fields=["user", "action", "path", "reference_doctype", "reference_name"],
			order_by="creation",
		)

	def test_the_manager_gets_everything_in_json_and_pdf_and_it_is_logged(self) -> None:
		logged_before = self.log_entries()
		files = self.request_as(self.manager)
		self.assertEqual(set(files), {"pdf", "json"})
		self.assertTrue(files["pdf"].startswith(b"%PDF"))

		data = json.loads(files["json"])
		self.assertEqual(data["schema"], access.SCHEMA)
		self.assertRegex(data["produced_on"], ISO_DATETIME)
		self.assertEqual(data["produced_by"], self.manager)
		trainee = data["trainee"]
		self.assertEqual((trainee["name"], trainee["trainee_name"]), (self.trainee, "Marie Tremblay"))
		self.assertEqual(trainee["date_of_birth"], "1998-03-04")
		self.assertNotIn("_comments", trainee)
		[parcours] = data["parcours"]
		self.assertEqual(parcours["name"], self.parcours.name)
		self.assertRegex(parcours["start_date"], ISO_DATE)
		self.assertEqual(parcours["exit_notes"], "Embauchée chez IGA.")
		self.assertEqual({row["barrier"] for row in parcours["barriers"]}, {"No Diploma", "Housing"})
		self.assertTrue(parcours["hours_schedule"])
		self.assertEqual(len(data["follow_ups"]), 2)
		self.assertIn("Heureuse dans son nouvel emploi.", [f["notes"] for f in data["follow_ups"]])
		[plan] = data["training_plans"]
		self.assertEqual(plan["goals"], "Gagner en autonomie dans les transports.")
		self.assertEqual(len(plan["competencies"]), len(self.plan.competencies))
		[evaluation] = data["training_evaluations"]
		self.assertEqual({row["comment"] for row in evaluation["levels"]}, {"Progresse bien à la plonge."})
		interventions = {i["name"]: i for i in data["support_interventions"]}
		self.assertEqual(interventions[self.meeting.name]["notes"], NOTES)
		# The group session: listed, its notes and the other participant withheld (s. 40).
		group = interventions[self.group.name]
		self.assertEqual((group["notes"], group["notes_withheld"]), (None, True))
		self.assertEqual([row["trainee"] for row in group["participants"]], [self.trainee])
		self.assertNotIn("Paul", files["json"].decode())
		self.assertNotIn("rechute", files["json"].decode())
		self.assertEqual([c["content"] for c in data["comments"]], ["Préfère être appelée le matin."])
		self.assertEqual([f["file_name"] for f in data["attachments"]], ["permis-de-conduire.txt"])
		self.assertEqual(len(data["access_log"]), len(logged_before))
		self.assertIn("Write", {entry["action"] for entry in data["access_log"]})  # set_notes' trace
		self.assertTrue(data["not_included"])

		logged = self.log_entries()[len(logged_before) :]
		self.assertEqual(
			[(e.user, e.action, e.reference_doctype, e.reference_name) for e in logged],
			[
				(self.manager, "Access Request", "Trainee", self.trainee),
				(self.manager, "Read", "Support Intervention", self.meeting.name),
			],
		)
		self.assertEqual(logged[1].path, "Access Request")
		self.assertFalse(
			frappe.get_all(
				"File", filters={"attached_to_name": self.trainee, "file_name": ("like", "acces-%")}
			)
		)  # given for download, never kept as an attachment

	def test_the_pdf_is_in_french_and_escapes_what_users_typed(self) -> None:
		frappe.set_user(self.manager)
		with access.in_french():
			html = access.render_html(access.gather(self.trainee))
		self.assertEqual(frappe.local.lang, "en")  # the language comes back
		for text in (
			"Demande d'accès : renseignements personnels",
			"Interventions de soutien",
			"Date de naissance",
			"Accès au dossier",
			"Non inclus",
		):
			self.assertIn(text, html)
		self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
		self.assertNotIn("<script>", html)
		self.assertNotIn(GROUP_NOTES, html)

	def test_other_roles_are_refused_and_nothing_is_written(self) -> None:
		logged_before = self.log_entries()
		files_before = frappe.db.count("File")
		for user, roles in OTHER_ROLES.items():
			with self.subTest(roles=roles):
				make_user(user, roles)
				frappe.local.response = frappe._dict()
				frappe.set_user(user)
				with self.assertRaises(frappe.PermissionError):
					access.access_request(self.trainee)
				frappe.set_user("Administrator")
				self.assertNotIn("filecontent", frappe.response)
				self.assertEqual(self.log_entries(), logged_before)
				self.assertEqual(frappe.db.count("File"), files_before)

	def test_a_missing_or_unknown_trainee_is_refused_with_a_message(self) -> None:
		frappe.set_user(self.manager)
		with self.assertRaisesRegex(frappe.ValidationError, "trainee"):
			access.access_request()
		with self.assertRaisesRegex(frappe.DoesNotExistError, "TRN-INCONNU"):
			access.access_request("TRN-INCONNU")
