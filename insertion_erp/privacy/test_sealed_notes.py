"""The notes sealed at rest: no copy of the data holds them in clear, the logged path opens
them whole, and a missing or wrong key is refused with a message and a log entry."""

import json

import frappe
from cryptography.fernet import Fernet
from frappe.desk.form.load import getdoc

from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import (
	get_notes,
	set_notes,
)
from insertion_erp.patches.v0_7.seal_support_notes import seal_clear_notes
from insertion_erp.patches.v0_9.bind_sealed_notes import bind_sealed_notes
from insertion_erp.privacy import sealed_notes
from insertion_erp.privacy.access_log import LOG
from insertion_erp.tests.factories import make_intervention, make_trainee
from insertion_erp.tests.utils import InsertionTestCase

NOTES = "Inquiète pour son logement; rendez-vous au CLSC mardi avec sa travailleuse sociale."
# Every word of four letters or more: no part of the note may be found in a copy.
WORDS = [word.strip(";.") for word in NOTES.split() if len(word.strip(";.")) >= 4]


def raw_notes(name: str) -> str:
	return frappe.db.sql("select notes from `tabSupport Intervention` where name = %s", name)[0][0]


def actions(name: str) -> list[str]:
	return frappe.get_all(LOG, filters={"reference_name": name}, pluck="action", order_by="creation")


class TestSealedNotes(InsertionTestCase):
	def setUp(self) -> None:
		self.key = frappe.local.conf.encryption_key
		self.intervention = make_intervention(make_trainee().name)

	def tearDown(self) -> None:
		frappe.local.conf.encryption_key = self.key
		frappe.db.after_rollback.reset()  # refusals of this test's records: not written
		super().tearDown()

	def assert_nowhere_in_clear(self, text: str | None) -> None:
		for word in WORDS:
			self.assertNotIn(word, text or "")

	def test_the_row_holds_no_part_of_the_note_and_the_logged_path_opens_it_whole(self) -> None:
		set_notes(self.intervention.name, NOTES)
		stored = raw_notes(self.intervention.name)
		self.assertTrue(stored.startswith(sealed_notes.PREFIX))
		row = frappe.db.sql(
			"select * from `tabSupport Intervention` where name = %s", self.intervention.name, as_dict=True
		)[0]
		self.assert_nowhere_in_clear(json.dumps(row, default=str, ensure_ascii=False))
		self.assertEqual(get_notes(self.intervention.name), NOTES)
		self.assertEqual(actions(self.intervention.name), ["Write", "Read"])
		# Rewriting the same text seals it anew: nothing tells two equal notes apart at rest.
		set_notes(self.intervention.name, NOTES)
		self.assertNotEqual(raw_notes(self.intervention.name), stored)

	def test_notes_given_with_the_document_are_sealed_and_the_writing_logged(self) -> None:
		doc = make_intervention(make_trainee().name, notes=NOTES)
		self.assertTrue(raw_notes(doc.name).startswith(sealed_notes.PREFIX))
		self.assertEqual(get_notes(doc.name), NOTES)
		self.assertEqual(actions(doc.name), ["Write", "Read"])
		# Administrator's form opens them (logged), and saving the form seals them again.
		getdoc("Support Intervention", doc.name)
		opened = frappe.response.docs[-1]
		self.assertEqual(opened.notes, NOTES)
		self.assertIn("Read", actions(doc.name)[2:])
		frappe.get_doc(opened).save()
		self.assertTrue(raw_notes(doc.name).startswith(sealed_notes.PREFIX))
		self.assertEqual(get_notes(doc.name), NOTES)

	def test_versions_deleted_document_and_global_search_hold_no_clear_text(self) -> None:
		set_notes(self.intervention.name, NOTES)
		doc = frappe.get_doc("Support Intervention", self.intervention.name)
		doc.duration_minutes = 60
		doc.save()
		versions = frappe.db.sql(
			"select data from `tabVersion` where ref_doctype = 'Support Intervention' and docname = %s",
			doc.name,
		)
		self.assert_nowhere_in_clear(json.dumps(versions, ensure_ascii=False))
		search = frappe.db.sql(
			"select content from `__global_search` where doctype = 'Support Intervention' and name = %s",
			doc.name,
		)
		self.assert_nowhere_in_clear(json.dumps(search, ensure_ascii=False))
		frappe.delete_doc("Support Intervention", doc.name)
		deleted = frappe.db.get_value(
			"Deleted Document", {"deleted_doctype": "Support Intervention", "deleted_name": doc.name}, "data"
		)
		self.assertIn(doc.name, deleted)
		self.assert_nowhere_in_clear(deleted)
		self.assertNotIn(sealed_notes.PREFIX, deleted)

	def test_a_wrong_key_is_refused_with_a_message_and_the_refusal_outlives_the_rollback(self) -> None:
		name = self.intervention.name
		set_notes(name, NOTES)
		frappe.local.conf.encryption_key = Fernet.generate_key().decode()
		with self.assertRaisesRegex(sealed_notes.NotesUnreadable, "not the key they were sealed with"):
			get_notes(name)
		# The failed request is rolled back (this test's records with it); the refusal is
		# written after the rollback.
		frappe.db.rollback()
		try:
			self.assertEqual(
				frappe.get_all(LOG, filters={"reference_name": name}, fields=["action", "path"]),
				[{"action": "Refused", "path": "Notes API"}],
			)
		finally:
			frappe.db.delete(LOG, {"reference_name": name})
			frappe.db.commit()

	def test_with_a_wrong_key_the_form_shows_no_notes_a_french_message_and_nothing_is_lost(self) -> None:
		name = self.intervention.name
		set_notes(name, NOTES)
		frappe.local.conf.encryption_key = Fernet.generate_key().decode()
		# Administrator's form: no notes, the message, the refusal logged.
		frappe.clear_messages()
		getdoc("Support Intervention", name)
		self.assertIsNone(frappe.response.docs[-1].notes)
		self.assertIn("not the key they were sealed with", str(frappe.message_log))
		self.assertEqual(actions(name)[-1], "Refused")
		frappe.local.lang = "fr"
		with self.assertRaisesRegex(sealed_notes.NotesUnreadable, "pas la clé qui les a scellées"):
			get_notes(name)
		frappe.local.lang = "en"
		# With the right key back, the notes are whole.
		frappe.local.conf.encryption_key = self.key
		self.assertEqual(get_notes(name), NOTES)

	def test_a_missing_key_is_refused_and_no_new_key_is_made_over_sealed_notes(self) -> None:
		set_notes(self.intervention.name, NOTES)
		del frappe.local.conf["encryption_key"]
		with self.assertRaisesRegex(sealed_notes.NotesUnreadable, "no encryption key"):
			get_notes(self.intervention.name)
		with self.assertRaisesRegex(sealed_notes.NotesUnreadable, "no encryption key"):
			set_notes(self.intervention.name, "Une autre note.")
		self.assertNotIn("encryption_key", frappe.local.conf)
		self.assertEqual(frappe.get_site_config().get("encryption_key"), self.key)

	def test_the_patch_seals_notes_stored_in_clear_and_a_second_run_changes_nothing(self) -> None:
		clear = {}
		for number in range(5):
			doc = make_intervention(make_trainee().name)
			text = f"{NOTES} ({number})"
			frappe.db.set_value("Support Intervention", doc.name, "notes", text)  # as before v0.7
			clear[doc.name] = text
		self.assertGreaterEqual(seal_clear_notes(batch=2, commit=False), 5)
		after = {name: raw_notes(name) for name in clear}
		for name, text in clear.items():
			self.assertTrue(after[name].startswith(sealed_notes.PREFIX))
			self.assert_nowhere_in_clear(after[name])
			self.assertEqual(get_notes(name), text)
		self.assertEqual(seal_clear_notes(batch=2, commit=False), 0)
		self.assertEqual({name: raw_notes(name) for name in clear}, after)

	def test_a_sealed_value_moved_to_another_record_is_refused_and_logged(self) -> None:
		# A counsellor copies a colleague's trainee's sealed notes onto her own intervention (a
		# dump, a replica, an edit by hand): they open on their own record only.
		other = make_intervention(make_trainee().name)
		set_notes(other.name, NOTES)
		frappe.db.set_value("Support Intervention", self.intervention.name, "notes", raw_notes(other.name))
		with self.assertRaisesRegex(sealed_notes.NotesUnreadable, "sealed for another record"):
			get_notes(self.intervention.name)
		frappe.clear_messages()
		getdoc("Support Intervention", self.intervention.name)
		self.assertIsNone(frappe.response.docs[-1].notes)
		self.assertEqual(actions(self.intervention.name)[-1], "Refused")
		self.assertEqual(get_notes(other.name), NOTES)

	def test_a_sealed_value_sent_by_a_caller_is_refused(self) -> None:
		other = make_intervention(make_trainee().name)
		set_notes(other.name, NOTES)
		with self.assertRaisesRegex(frappe.ValidationError, "sealed value is not accepted"):
			set_notes(self.intervention.name, raw_notes(other.name))
		doc = frappe.get_doc("Support Intervention", self.intervention.name)
		doc.notes = raw_notes(other.name)
		with self.assertRaisesRegex(frappe.ValidationError, "sealed value is not accepted"):
			doc.save()
		self.assertIsNone(raw_notes(self.intervention.name))

	def test_the_patch_binds_notes_sealed_before_to_their_record_and_a_second_run_changes_nothing(
		self,
	) -> None:
		cipher = Fernet(self.key.encode())
		legacy = {}
		for number in range(3):
			doc = make_intervention(make_trainee().name)
			text = f"{NOTES} ({number})"
			stored = sealed_notes.LEGACY_PREFIX + cipher.encrypt(text.encode()).decode()
			frappe.db.set_value("Support Intervention", doc.name, "notes", stored)  # as before v0.9
			legacy[doc.name] = text
		name = next(iter(legacy))
		with self.assertRaisesRegex(sealed_notes.NotesUnreadable, "older format"):
			get_notes(name)
		self.assertGreaterEqual(bind_sealed_notes(batch=2, commit=False), 3)
		after = {name: raw_notes(name) for name in legacy}
		for name, text in legacy.items():
			self.assertTrue(after[name].startswith(sealed_notes.PREFIX))
			self.assert_nowhere_in_clear(after[name])
			self.assertEqual(get_notes(name), text)
		self.assertEqual(bind_sealed_notes(batch=2, commit=False), 0)
		self.assertEqual({name: raw_notes(name) for name in legacy}, after)
