from decimal import Decimal

import frappe
from frappe.desk.query_report import run as run_report
from frappe.utils import add_days, getdate, today

from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import (
	get_notes,
	set_notes,
)
from insertion_erp.tests.factories import COUNSELLOR, make_intervention, make_trainee, started_parcours
from insertion_erp.tests.utils import TEST_COMPANY, InsertionTestCase, make_user
from insertion_erp.training.hours import support_hours, training_event_hours
from insertion_erp.training.report.trainee_hours.trainee_hours import execute as trainee_hours


def access_log(name: str) -> list[tuple]:
	return [
		(row.user, row.action)
		for row in frappe.get_all(
			"Confidential Access Log",
			filters={"reference_doctype": "Support Intervention", "reference_name": name},
			fields=["user", "action", "accessed_on"],
			order_by="creation",
		)
	]


class TestSupportIntervention(InsertionTestCase):
	def test_individual_and_group_interventions(self) -> None:
		marie, jean = make_trainee().name, make_trainee(first_name="Jean").name
		individual = make_intervention(marie)
		self.assertEqual(individual.trainee_name, "Marie Tremblay")
		group = make_intervention(
			kind="Group Session",
			participants=[{"trainee": marie}, {"trainee": jean}],
			topic="Conflict",
			duration_minutes=90,
		)
		self.assertIsNone(group.trainee)
		self.assertEqual(group.trainee_name, "Jean Tremblay, Marie Tremblay")

	def test_invalid_interventions_are_refused(self) -> None:
		marie = make_trainee().name
		cases = [
			({"kind": "Individual Meeting", "trainee": None}, "Choose the trainee"),
			({"kind": "Group Session", "participants": [{"trainee": marie}]}, "at least two trainees"),
			(
				{"kind": "Group Session", "participants": [{"trainee": marie}, {"trainee": marie}]},
				"listed twice",
			),
			({"trainee": marie, "intervention_date": add_days(today(), 1)}, "cannot be dated in the future"),
			({"trainee": marie, "duration_minutes": 0}, "between 1 minute and 24 hours"),
		]
		for values, message in cases:
			with self.assertRaisesRegex(frappe.ValidationError, message):
				make_intervention(**values)
		self.assertEqual(frappe.db.count("Support Intervention", {"trainee": marie}), 0)

	def test_notes_are_read_and_written_through_the_logged_api_only(self) -> None:
		intervention = make_intervention(make_trainee().name)
		frappe.set_user(COUNSELLOR)
		set_notes(intervention.name, "Craint de perdre son logement.")
		self.assertEqual(get_notes(intervention.name), "Craint de perdre son logement.")
		self.assertEqual(access_log(intervention.name), [(COUNSELLOR, "Write"), (COUNSELLOR, "Read")])
		log = frappe.get_all(
			"Confidential Access Log", filters={"reference_name": intervention.name}, pluck="accessed_on"
		)
		self.assertTrue(all(getdate(when) == getdate(today()) for when in log))
		# The document itself never carries them.
		doc = frappe.get_doc("Support Intervention", intervention.name)
		doc.apply_fieldlevel_read_permissions()
		self.assertFalse(doc.get("notes"))

	def test_no_public_comment_beside_the_confidential_notes(self) -> None:
		from frappe.desk.form.utils import add_comment

		intervention = make_intervention(make_trainee().name)
		frappe.set_user(COUNSELLOR)
		with self.assertRaisesRegex(frappe.ValidationError, "confidential notes"):
			add_comment(
				"Support Intervention", intervention.name, "Craint de perdre son logement.", COUNSELLOR, "C"
			)
		self.assertFalse(
			frappe.db.exists("Comment", {"reference_name": intervention.name, "comment_type": "Comment"})
		)
		# Elsewhere, comments work as in ERPNext.
		trainee = make_trainee()
		frappe.set_user("Administrator")
		add_comment("Trainee", trainee.name, "Dossier complet.", "Administrator", "Administrator")

	def test_support_hours_count_group_sessions_for_each_participant(self) -> None:
		marie, jean = make_trainee().name, make_trainee(first_name="Jean").name
		make_intervention(marie, duration_minutes=45)
		make_intervention(marie, duration_minutes=30, intervention_date=add_days(today(), -40))
		make_intervention(
			kind="Group Session", participants=[{"trainee": marie}, {"trainee": jean}], duration_minutes=90
		)
		hours = support_hours(add_days(today(), -7), today(), [marie, jean])
		self.assertEqual(hours[marie], {"hours": Decimal("2.25"), "count": 2})
		self.assertEqual(hours[jean], {"hours": Decimal("1.50"), "count": 1})


class TestTraineeHoursReport(InsertionTestCase):
	def test_paid_workshop_and_support_hours_over_a_period(self) -> None:
		start = add_days(today(), -30)
		parcours = started_parcours(start=start)
		make_intervention(parcours.trainee, duration_minutes=60, intervention_date=add_days(today(), -3))
		event = frappe.get_doc(
			{
				"doctype": "Training Event",
				"event_name": "Atelier salubrité",
				"event_status": "Completed",
				"type": "Workshop",
				"location": "Cuisine",
				"introduction": "Hygiène",
				"start_time": f"{add_days(today(), -5)} 09:00:00",
				"end_time": f"{add_days(today(), -5)} 12:30:00",
				"employees": [{"employee": parcours.employee, "attendance": "Present"}],
			}
		).insert()
		event.submit()
		self.assertEqual(
			training_event_hours(start, today(), [parcours.employee]), {parcours.employee: Decimal("3.50")}
		)

		_columns, rows = trainee_hours({"from_date": start, "to_date": today(), "trainee": parcours.trainee})
		self.assertEqual(len(rows), 1)
		row = rows[0]
		# 31 days of the parcours: weeks 1 to 4 at 21 h and 3 days of week 5 at 28 h.
		self.assertEqual(row["paid_hours"], Decimal(4 * 21 + 12))
		self.assertEqual(row["workshop_hours"], Decimal("3.50"))
		self.assertEqual((row["support_hours"], row["interventions"]), (Decimal("1.00"), 1))
		self.assertNotIn("topic", row)
		self.assertNotIn("notes", row)

	def test_a_period_is_required(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "Choose the period"):
			trainee_hours({})

	def test_suspended_weeks_are_not_paid_training(self) -> None:
		start = add_days(today(), -30)
		parcours = started_parcours(start=start)
		parcours.suspend(add_days(start, 7), "Health")  # week 2, at 21 h
		parcours.resume(add_days(start, 14))
		_columns, rows = trainee_hours({"from_date": start, "to_date": today(), "trainee": parcours.trainee})
		# 31 days: weeks 1 to 4 at 21 h and 3 days of week 5 at 28 h, less week 2.
		self.assertEqual(rows[0]["paid_hours"], Decimal(4 * 21 + 12 - 21))

	def test_support_counts_follow_the_row_level_rule_for_each_role(self) -> None:
		"""The report counts only the interventions the user may open, as the list does."""
		other = make_user("other-counsellor@example.org", ["Insertion Counsellor"])
		manager = make_user("hours-manager@example.org", ["Insertion Manager"])
		bookkeeper = make_user("hours-bookkeeper@example.org", ["Accounts User"])
		parcours = started_parcours(start=add_days(today(), -30))  # counselled by COUNSELLOR
		day = add_days(today(), -3)
		make_intervention(parcours.trainee, counsellor=COUNSELLOR, duration_minutes=60, intervention_date=day)
		make_intervention(parcours.trainee, counsellor=other, duration_minutes=30, intervention_date=day)
		expected = {
			COUNSELLOR: (2, Decimal("1.50")),
			other: (1, Decimal("0.50")),
			manager: (2, Decimal("1.50")),
		}
		for user, (count, hours) in expected.items():
			with self.subTest(user=user):
				frappe.set_user(user)
				visible = frappe.get_list(
					"Support Intervention", filters={"trainee": parcours.trainee}, pluck="name"
				)
				_columns, rows = trainee_hours(
					{"from_date": add_days(today(), -30), "to_date": today(), "trainee": parcours.trainee}
				)
				self.assertEqual((rows[0]["interventions"], rows[0]["support_hours"]), (count, hours))
				self.assertEqual(len(visible), count)
				frappe.set_user("Administrator")
		# Who meets a counsellor is not the bookkeeper's: no intervention, no support column, and
		# the period's support of all trainees as one total that no filter narrows.
		frappe.set_user(bookkeeper)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Support Intervention", filters={"trainee": parcours.trainee})
		period = {"from_date": add_days(today(), -30), "to_date": today()}
		columns, rows, _message, _chart, summary = trainee_hours({**period, "trainee": parcours.trainee})
		self.assertFalse({"support_hours", "interventions"} & {c["fieldname"] for c in columns})
		self.assertFalse({"support_hours", "interventions"} & set(rows[0]))
		frappe.set_user("Administrator")
		everyone = support_hours(getdate(period["from_date"]), getdate(period["to_date"])).values()
		self.assertEqual(
			[item["value"] for item in summary],
			[float(sum(row["hours"] for row in everyone)), sum(row["count"] for row in everyone)],
		)
		self.assertGreaterEqual(summary[0]["value"], 1.5)  # this trainee's two, whoever ran them

	def test_a_bookkeeper_limited_to_a_company_reads_its_trainees_only(self) -> None:
		# The rows are read with the app's rights (bookkeepers read no parcours): the user's
		# companies still bound them, as frappe's list did.
		started_parcours()
		user = make_user("hours-other-company@example.org", ["Accounts User"])
		other = frappe.get_all("Company", filters={"name": ("!=", TEST_COMPANY)}, pluck="name", limit=1)[0]
		frappe.get_doc(
			{"doctype": "User Permission", "user": user, "allow": "Company", "for_value": other}
		).insert(ignore_permissions=True)
		frappe.set_user(user)
		period = {"from_date": add_days(today(), -400), "to_date": today()}
		self.assertNotIn(
			TEST_COMPANY,
			{
				row["parcours"] and frappe.db.get_value("Parcours", row["parcours"], "company")
				for row in trainee_hours(period)[1]
			},
		)
		with self.assertRaises(frappe.PermissionError):
			trainee_hours({**period, "company": TEST_COMPANY})

	def test_bookkeepers_may_run_it(self) -> None:
		started_parcours()
		frappe.set_user(make_user("bookkeeper@example.org", ["Accounts User"]))
		result = run_report(
			"Trainee Hours", filters={"from_date": add_days(today(), -400), "to_date": today()}
		)
		self.assertGreaterEqual(len(result["result"]), 1)
