import frappe
from frappe.utils import add_days, today

from insertion_erp.parcours.doctype.parcours_follow_up.parcours_follow_up import assign_due_follow_ups
from insertion_erp.tests.factories import closed_parcours, make_parcours, started_parcours
from insertion_erp.tests.utils import InsertionTestCase


def follow_ups(parcours: str) -> list:
	return frappe.get_all(
		"Parcours Follow-up", filters={"parcours": parcours}, pluck="name", order_by="due_date"
	)


def todos(follow_up: str) -> list:
	return frappe.get_all(
		"ToDo",
		filters={"reference_type": "Parcours Follow-up", "reference_name": follow_up},
		fields=["allocated_to", "status", "date", "description"],
	)


class TestParcoursFollowup(InsertionTestCase):
	def test_recording_a_follow_up(self) -> None:
		parcours = closed_parcours()
		first = frappe.get_doc("Parcours Follow-up", follow_ups(parcours.name)[0])
		first.contact_date = add_days(parcours.actual_end_date, 80)
		first.situation = "Employed Full Time"
		first.employer_or_school = "Traiteur Saint-Roch"
		first.save()
		self.assertEqual(first.status, "Done")
		self.assertEqual(frappe.db.get_value("Parcours", parcours.name, "status"), "Completed")

	def test_all_follow_ups_done_makes_the_parcours_followed_up(self) -> None:
		parcours = closed_parcours()
		for name in follow_ups(parcours.name):
			doc = frappe.get_doc("Parcours Follow-up", name)
			doc.contact_date = add_days(parcours.actual_end_date, 1)
			doc.situation = "Looking for Work"
			doc.save()
		self.assertEqual(frappe.db.get_value("Parcours", parcours.name, "status"), "Followed Up")

	def test_contact_must_come_after_the_exit_and_not_in_the_future(self) -> None:
		parcours = closed_parcours()
		name = follow_ups(parcours.name)[0]
		cases = [
			(add_days(parcours.actual_end_date, -1), "Unreachable", "cannot be before the exit"),
			(add_days(today(), 1), "Unreachable", "contact date cannot be in the future"),
			(today(), None, "Choose the situation"),
			(None, "Unreachable", "Enter the date of the contact"),
		]
		for contact_date, situation, message in cases:
			doc = frappe.get_doc("Parcours Follow-up", name)
			doc.contact_date, doc.situation = contact_date, situation
			with self.assertRaisesRegex(frappe.ValidationError, message):
				doc.save()
		self.assertEqual(frappe.db.get_value("Parcours Follow-up", name, "status"), "Planned")

	def test_no_follow_up_before_the_exit(self) -> None:
		parcours = started_parcours()
		with self.assertRaisesRegex(frappe.ValidationError, "close parcours .* first"):
			frappe.get_doc(
				{
					"doctype": "Parcours Follow-up",
					"parcours": parcours.name,
					"due_date": add_days(today(), 30),
				}
			).insert()

	def test_due_follow_ups_are_assigned_to_the_counsellor_once(self) -> None:
		parcours = started_parcours(start=add_days(today(), -250))
		parcours.close(add_days(today(), -100), "Completed")
		three_months, six_months = follow_ups(parcours.name)

		assigned = assign_due_follow_ups()
		self.assertGreaterEqual(assigned, 1)
		self.assertEqual(
			[(t.allocated_to, t.status) for t in todos(three_months)], [(parcours.counsellor, "Open")]
		)
		self.assertEqual(todos(six_months), [])

		assign_due_follow_ups()
		self.assertEqual(len(todos(three_months)), 1)
		self.assertIn("is due on", todos(three_months)[0].description)

		# Closed by the counsellor: still never assigned twice.
		frappe.db.set_value("ToDo", {"reference_name": three_months}, "status", "Closed")
		assign_due_follow_ups()
		self.assertEqual(len(todos(three_months)), 1)

	def test_recorded_follow_ups_are_not_assigned(self) -> None:
		parcours = started_parcours(start=add_days(today(), -250))
		parcours.close(add_days(today(), -100), "Completed")
		three_months = follow_ups(parcours.name)[0]
		doc = frappe.get_doc("Parcours Follow-up", three_months)
		doc.contact_date, doc.situation = today(), "In School or Training"
		doc.save()
		assign_due_follow_ups()
		self.assertEqual(todos(three_months), [])

	def test_the_job_is_scheduled_daily(self) -> None:
		self.assertIn(
			"insertion_erp.parcours.doctype.parcours_follow_up.parcours_follow_up.assign_due_follow_ups",
			frappe.get_hooks("scheduler_events")["daily"],
		)
		self.assertTrue(make_parcours().name)

	def test_the_todo_speaks_the_counsellors_language(self) -> None:
		parcours = started_parcours(start=add_days(today(), -250))
		parcours.close(add_days(today(), -100), "Completed")
		frappe.db.set_value("User", parcours.counsellor, "language", "fr")
		assign_due_follow_ups()
		todo = todos(follow_ups(parcours.name)[0])[0]
		self.assertIn("Le suivi de Marie Tremblay est à faire le", todo.description)
