import frappe
import frappe.client
from frappe.utils import add_days, add_months, getdate, today

from insertion_erp.constants import TRAINEE_EMPLOYMENT_TYPE
from insertion_erp.tests.factories import closed_parcours, make_parcours, make_trainee, started_parcours
from insertion_erp.tests.utils import InsertionTestCase, make_user


def db_parcours(name: str) -> dict:
	return frappe.db.get_value(
		"Parcours", name, ["status", "start_date", "actual_end_date", "employee"], as_dict=True
	)


class TestParcoursIntake(InsertionTestCase):
	def test_a_new_parcours_takes_the_settings_defaults(self) -> None:
		parcours = make_parcours(approval_date=None, approval_reference=None)
		self.assertEqual(parcours.status, "Candidate")
		self.assertEqual(parcours.planned_weeks, 26)
		self.assertEqual(
			[(r.from_week, r.to_week or None, r.hours_per_week) for r in parcours.hours_schedule],
			[(1, 4, 21), (5, 8, 28), (9, None, 35)],
		)
		self.assertEqual(parcours.planned_hours, 4 * 21 + 4 * 28 + 18 * 35)
		self.assertEqual(parcours.counsellor, frappe.db.get_value("Trainee", parcours.trainee, "counsellor"))
		self.assertEqual([b.barrier for b in parcours.barriers], ["No Diploma", "Housing"])

	def test_a_short_parcours_gets_a_schedule_cut_to_its_length(self) -> None:
		parcours = make_parcours(planned_weeks=6)
		self.assertEqual(
			[(r.from_week, r.to_week or None) for r in parcours.hours_schedule], [(1, 4), (5, None)]
		)
		self.assertEqual(parcours.planned_hours, 4 * 21 + 2 * 28)

	def test_approval_makes_a_candidate_approved(self) -> None:
		parcours = make_parcours(approval_date=None, approval_reference=None)
		parcours.approval_date = add_days(today(), -1)
		parcours.save()
		self.assertEqual(parcours.status, "Approved")

	def test_approval_needs_a_past_date(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "approval date cannot be in the future"):
			make_parcours(approval_date=add_days(today(), 1))
		with self.assertRaisesRegex(frappe.ValidationError, "Enter the date of the funder's approval"):
			make_parcours(approval_date=None, approval_reference="EQ-1")

	def test_the_hours_schedule_must_cover_the_parcours(self) -> None:
		parcours = make_parcours()
		parcours.hours_schedule[1].from_week = 6
		with self.assertRaisesRegex(frappe.ValidationError, "row 2: this step should start at week 5"):
			parcours.save()
		parcours.reload()
		parcours.hours_schedule[2].to_week = 20
		with self.assertRaisesRegex(frappe.ValidationError, "week 21 has no hours"):
			parcours.save()

	def test_dates_owned_by_the_actions_cannot_be_typed(self) -> None:
		parcours = make_parcours()
		parcours.start_date = add_days(today(), -10)
		with self.assertRaisesRegex(
			frappe.ValidationError, "set by the Start, Suspend, Resume and Close actions"
		):
			parcours.save()
		with self.assertRaisesRegex(
			frappe.ValidationError, "set by the Start, Suspend, Resume and Close actions"
		):
			make_parcours(actual_end_date=today())

	def test_status_typed_by_hand_is_replaced_by_the_derived_one(self) -> None:
		parcours = make_parcours(status="Completed")
		self.assertEqual(parcours.status, "Approved")
		parcours.status = "Active"
		parcours.save()
		self.assertEqual(db_parcours(parcours.name).status, "Approved")

	def test_one_open_parcours_per_trainee(self) -> None:
		first = make_parcours()
		with self.assertRaisesRegex(frappe.ValidationError, "already has an open parcours"):
			make_parcours(trainee=first.trainee)


class TestParcoursStart(InsertionTestCase):
	def test_start_creates_the_employee(self) -> None:
		start = add_days(today(), -100)
		parcours = started_parcours(start=start)
		self.assertEqual(parcours.status, "Active")
		self.assertEqual(getdate(parcours.planned_end_date), getdate(add_days(start, 26 * 7 - 1)))
		employee = frappe.get_doc("Employee", parcours.employee)
		self.assertEqual(employee.employment_type, TRAINEE_EMPLOYMENT_TYPE)
		self.assertEqual(getdate(employee.date_of_joining), getdate(start))
		self.assertEqual(employee.contract_end_date, getdate(parcours.planned_end_date))
		# The job the pay statement names is the trade.
		self.assertEqual(employee.designation, parcours.trade)
		self.assertEqual(employee.status, "Active")
		self.assertEqual(employee.insertion_trainee, parcours.trainee)
		self.assertEqual((employee.first_name, employee.last_name), ("Marie", "Tremblay"))
		self.assertEqual(frappe.db.get_value("Trainee", parcours.trainee, "employee"), employee.name)

	def test_start_assigns_the_trainees_salary_structure(self) -> None:
		from insertion_erp.devtools.sample_payroll import ensure_hourly_structure
		from insertion_erp.tests.utils import TEST_COMPANY

		# No structure named in the settings: the parcours starts, the message says why no pay.
		frappe.db.set_single_value("Insertion Settings", "trainee_salary_structure", None)
		frappe.clear_messages()
		unpaid = started_parcours(start=add_days(today(), -30))
		self.assertFalse(frappe.db.exists("Salary Structure Assignment", {"employee": unpaid.employee}))
		self.assertIn("Insertion Settings name no salary structure", str(frappe.message_log))

		structure = ensure_hourly_structure("Test TEF horaire démarrage", TEST_COMPANY, 16.6)
		frappe.db.set_single_value("Insertion Settings", "trainee_salary_structure", structure)
		start = add_days(today(), -20)
		parcours = started_parcours(start=start)
		assignment = frappe.get_all(
			"Salary Structure Assignment",
			filters={"employee": parcours.employee, "docstatus": 1},
			fields=["salary_structure", "from_date", "company"],
		)
		self.assertEqual(
			assignment,
			[{"salary_structure": structure, "from_date": getdate(start), "company": TEST_COMPANY}],
		)
		# Started by a counsellor, who has no HR rights: the assignment is the start's own.
		counsellor = make_user("start-pay-counsellor@example.org", ["Insertion Counsellor"])
		other = make_parcours(company=TEST_COMPANY)
		frappe.set_user(counsellor)
		other.start(add_days(today(), -10))
		frappe.set_user("Administrator")
		self.assertTrue(
			frappe.db.exists("Salary Structure Assignment", {"employee": other.employee, "docstatus": 1})
		)

	def test_start_links_an_existing_employee(self) -> None:
		trainee = make_trainee(last_name="Lien-Existant")
		employee = frappe.get_doc(
			{
				"doctype": "Employee",
				"first_name": "Marie",
				"last_name": "Lien-Existant",
				"gender": "Female",
				"date_of_birth": "1998-03-04",
				"date_of_joining": add_days(today(), -500),
				"company": frappe.db.get_single_value("Global Defaults", "default_company"),
				"status": "Active",
			}
		).insert()
		parcours = make_parcours(trainee=trainee.name, employee=employee.name)
		parcours.start(add_days(today(), -10))
		self.assertEqual(parcours.employee, employee.name)
		employee.reload()
		self.assertEqual(employee.employment_type, TRAINEE_EMPLOYMENT_TYPE)
		self.assertEqual(employee.insertion_trainee, trainee.name)
		self.assertEqual(getdate(employee.date_of_joining), getdate(add_days(today(), -500)))
		self.assertEqual(frappe.db.count("Employee", {"last_name": "Lien-Existant"}), 1)

	def test_no_start_without_funder_approval_and_nothing_saved(self) -> None:
		parcours = make_parcours(approval_date=None, approval_reference=None)
		employees = frappe.db.count("Employee")
		with self.assertRaisesRegex(frappe.ValidationError, "before the funder has approved it"):
			parcours.start(today())
		self.assertEqual(db_parcours(parcours.name).start_date, None)
		self.assertEqual(frappe.db.count("Employee"), employees)

	def test_no_start_before_the_approval_date(self) -> None:
		parcours = make_parcours(approval_date=add_days(today(), -5))
		with self.assertRaisesRegex(frappe.ValidationError, "cannot start .* before the funder's approval"):
			parcours.start(add_days(today(), -6))

	def test_no_start_without_consent(self) -> None:
		parcours = make_parcours(trainee=make_trainee(consent_given=0).name)
		with self.assertRaisesRegex(frappe.ValidationError, "has not given consent"):
			parcours.start(today())

	def test_no_second_start(self) -> None:
		parcours = started_parcours()
		with self.assertRaisesRegex(frappe.ValidationError, "has already started"):
			parcours.start(today())

	def test_start_with_another_length_resizes_the_schedule(self) -> None:
		parcours = make_parcours()
		parcours.start(add_days(today(), -10), planned_weeks=30)
		self.assertEqual(parcours.planned_weeks, 30)
		self.assertEqual(getdate(parcours.planned_end_date), getdate(add_days(today(), -10 + 30 * 7 - 1)))
		self.assertEqual(parcours.planned_hours, 4 * 21 + 4 * 28 + 22 * 35)


class TestParcoursClose(InsertionTestCase):
	def test_close_relieves_the_employee_and_schedules_follow_ups(self) -> None:
		parcours = started_parcours(start=add_days(today(), -200))
		end = add_days(today(), -120)
		parcours.close(end, "Left for a Job", "Embauchée par un traiteur")
		parcours.reload()
		self.assertEqual(parcours.status, "Exited Early")
		self.assertEqual(parcours.exit_reason, "Left for a Job")
		employee = frappe.get_doc("Employee", parcours.employee)
		self.assertEqual(employee.relieving_date, getdate(end))
		self.assertEqual(employee.status, "Left")
		follow_ups = frappe.get_all(
			"Parcours Follow-up",
			filters={"parcours": parcours.name},
			fields=["months_after_exit", "due_date", "counsellor", "status"],
			order_by="due_date",
		)
		self.assertEqual(
			[(f.months_after_exit, f.due_date) for f in follow_ups],
			[(3, getdate(add_months(end, 3))), (6, getdate(add_months(end, 6)))],
		)
		self.assertTrue(
			all(f.counsellor == parcours.counsellor and f.status == "Planned" for f in follow_ups)
		)

	def test_a_parcours_that_reaches_its_planned_end_is_completed(self) -> None:
		self.assertEqual(closed_parcours(reason="Completed").status, "Completed")

	def test_no_close_without_exit_reason_or_with_bad_dates(self) -> None:
		parcours = started_parcours(start=add_days(today(), -50))
		with self.assertRaisesRegex(frappe.ValidationError, "Choose the reason the trainee left"):
			parcours.close(today(), "")
		with self.assertRaisesRegex(frappe.ValidationError, "cannot end .* before it starts"):
			frappe.get_doc("Parcours", parcours.name).close(add_days(today(), -51), "Dropped Out")
		with self.assertRaisesRegex(frappe.ValidationError, "cannot be in the future"):
			frappe.get_doc("Parcours", parcours.name).close(add_days(today(), 1), "Dropped Out")
		self.assertEqual(db_parcours(parcours.name).actual_end_date, None)
		self.assertEqual(frappe.db.get_value("Employee", parcours.employee, "status"), "Active")
		self.assertEqual(frappe.db.count("Parcours Follow-up", {"parcours": parcours.name}), 0)

	def test_a_parcours_not_started_cannot_close(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "has not started"):
			make_parcours().close(today(), "Dropped Out")

	def test_a_closed_parcours_is_read_only(self) -> None:
		parcours = closed_parcours()
		parcours.approval_reference = "changed"
		with self.assertRaisesRegex(frappe.ValidationError, "is closed: it can no longer be changed"):
			parcours.save()
		parcours.reload()
		parcours.barriers = []
		with self.assertRaisesRegex(frappe.ValidationError, "is closed"):
			parcours.save()
		with self.assertRaisesRegex(frappe.ValidationError, "already closed"):
			frappe.get_doc("Parcours", parcours.name).close(today(), "Other")


class TestParcoursSuspension(InsertionTestCase):
	def test_suspend_then_resume_moves_the_planned_end_and_the_contract(self) -> None:
		parcours = started_parcours(start=add_days(today(), -60))
		planned = getdate(parcours.planned_end_date)
		parcours.suspend(add_days(today(), -20), "Health")
		self.assertEqual(db_parcours(parcours.name).status, "Suspended")
		self.assertEqual(getdate(parcours.planned_end_date), planned)  # moves when it resumes
		parcours.resume(add_days(today(), -6))  # 14 days suspended
		parcours.reload()
		self.assertEqual(parcours.status, "Active")
		self.assertEqual(getdate(parcours.planned_end_date), getdate(add_days(planned, 14)))
		self.assertEqual(
			getdate(frappe.db.get_value("Employee", parcours.employee, "contract_end_date")),
			getdate(parcours.planned_end_date),
		)
		self.assertEqual(
			[(getdate(r.from_date), getdate(r.to_date), r.reason) for r in parcours.suspensions],
			[(getdate(add_days(today(), -20)), getdate(add_days(today(), -7)), "Health")],
		)

	def test_suspensions_follow_their_rules_and_are_not_typed(self) -> None:
		parcours = started_parcours(start=add_days(today(), -60))
		with self.assertRaisesRegex(frappe.ValidationError, "not suspended"):
			parcours.resume()
		with self.assertRaisesRegex(frappe.ValidationError, "during the parcours"):
			parcours.suspend(add_days(today(), -90), "Family")
		with self.assertRaisesRegex(frappe.ValidationError, "not in the future"):
			parcours.suspend(add_days(today(), 3), "Family")
		parcours.reload()
		parcours.suspend(add_days(today(), -5), "Family")
		with self.assertRaisesRegex(frappe.ValidationError, "already suspended"):
			parcours.suspend(today(), "Family")
		parcours.reload()
		parcours.suspensions[0].from_date = add_days(today(), -4)
		with self.assertRaisesRegex(frappe.ValidationError, "Suspend, Resume"):
			parcours.save()

	def test_closing_a_suspended_parcours_ends_the_suspension(self) -> None:
		parcours = started_parcours(start=add_days(today(), -60))
		parcours.suspend(add_days(today(), -10), "Justice")
		parcours.close(add_days(today(), -2), "Dropped Out")
		parcours.reload()
		self.assertEqual(getdate(parcours.suspensions[0].to_date), getdate(add_days(today(), -2)))
		self.assertEqual(parcours.status, "Exited Early")


class TestSecondParcours(InsertionTestCase):
	def test_a_trainee_may_return_and_history_stays(self) -> None:
		first = started_parcours(start=add_days(today(), -300))
		first.close(add_days(today(), -200), "Dropped Out")
		second = make_parcours(trainee=first.trainee)

		with self.assertRaisesRegex(frappe.ValidationError, "overlaps parcours"):
			frappe.get_doc("Parcours", second.name).start(add_days(today(), -200))
		second.reload()
		second.start(add_days(today(), -30))

		self.assertEqual(second.employee, first.employee)
		employee = frappe.get_doc("Employee", second.employee)
		self.assertEqual((employee.status, employee.relieving_date), ("Active", None))
		self.assertEqual(employee.contract_end_date, getdate(second.planned_end_date))
		history = frappe.get_all(
			"Parcours", filters={"trainee": first.trainee}, pluck="status", order_by="creation"
		)
		self.assertEqual(history, ["Exited Early", "Active"])


class TestParcoursPermissions(InsertionTestCase):
	def test_shop_staff_cannot_read_trainees_or_parcours(self) -> None:
		parcours = started_parcours()
		shop = make_user("shop-clerk@example.org", ["Sales User", "Stock User"])
		frappe.set_user(shop)
		for doctype, name in (("Trainee", parcours.trainee), ("Parcours", parcours.name)):
			self.assertFalse(frappe.has_permission(doctype, "read", name))
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc(doctype, name).check_permission("read")
			with self.assertRaises(frappe.PermissionError):
				frappe.client.get(doctype, name)
			with self.assertRaises(frappe.PermissionError):
				frappe.get_list(doctype)

	def test_hr_sees_dates_but_not_the_intake(self) -> None:
		parcours = started_parcours()
		hr = make_user("hr-clerk@example.org", ["HR User"])
		frappe.set_user(hr)
		doc = frappe.get_doc("Parcours", parcours.name)
		doc.apply_fieldlevel_read_permissions()
		self.assertEqual(doc.start_date, parcours.start_date)
		self.assertFalse(doc.get("income_source"))
		self.assertFalse(doc.get("barriers"))
		self.assertFalse(frappe.has_permission("Parcours", "write", parcours.name))

	def test_counsellors_run_the_parcours(self) -> None:
		parcours = make_parcours()
		frappe.set_user(parcours.counsellor)
		doc = frappe.get_doc("Parcours", parcours.name)
		doc.start(add_days(today(), -3))
		self.assertEqual(db_parcours(parcours.name).status, "Active")
