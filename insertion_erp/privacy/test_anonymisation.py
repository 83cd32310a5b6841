"""Anonymising a trainee once the retention period has run out (privacy/anonymisation.py), on
real records and a real payroll: what is erased, what stays, the claim and the Activity
Report unchanged to the cent, the refusals (the database checked after each), the list of
what is due and the daily job's ToDos.

The server's clock is not moved (frappe's freeze_time needs freezegun, which a bench does not
install): the payroll is dated 2026, so the tests set the retention period to 0 years (due
from the last follow-up) and to 1 year to see it refused.
"""

import os

import frappe
from frappe.utils import add_days, getdate, today
from frappe.utils.global_search import sync_global_search

from insertion_erp.constants import SETTINGS
from insertion_erp.funding.doctype.reimbursement_claim.test_reimbursement_claim import TOTAL
from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import set_notes
from insertion_erp.privacy import anonymisation, sealed_notes
from insertion_erp.quebec_payroll import year_end
from insertion_erp.results.report.activity_report import activity_report
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.factories import (
	closed_parcours,
	make_intervention,
	make_plan,
	make_trainee,
	started_parcours,
)
from insertion_erp.tests.utils import InsertionTestCase, make_user

MANAGER_USER = "gestion-anonymisation@example.org"
OTHER_ROLES = {
	"comptable-anonymisation@example.org": ["Accounts User"],
	"rh-anonymisation@example.org": ["HR User"],
	"intervenante-anonymisation@example.org": ["Insertion Counsellor"],
	"caisse-anonymisation@example.org": ["Sales User", "Shop Cashier"],
}
EXIT = "2026-04-30"
LAST_CONTACT = "2026-11-02"  # the 6-month follow-up's contact: the retention runs from it
NEXT_YEAR = "2027-11-02"  # due with a retention period of 1 year
NOTES = "Confie des difficultés de logement et une rupture récente."
GROUP_NOTES = "Séance sur la gestion du stress: chacun a présenté une situation."
TRACED = (
	"Trainee",
	"Parcours",
	"Parcours Follow-up",
	"Training Plan",
	"Training Evaluation",
	"Support Intervention",
)


def sql(query: str, *values) -> list:
	return frappe.db.sql(query, values, as_dict=True)


def evaluation_with_comments(plan: str, day: str) -> "frappe.Document":
	evaluation = frappe.get_doc(
		{"doctype": "Training Evaluation", "training_plan": plan, "evaluation_date": day}
	)
	evaluation.run_method("before_validate")
	for row in evaluation.levels:
		row.level = "Emerging"
		row.comment = "Arrive en retard les lundis, dit dormir mal."
	return evaluation.insert()


def report_rows() -> list:
	_columns, data, _message = activity_report.execute(
		{"company": payroll_fixture.COMPANY, "from_date": "2026-01-01", "to_date": "2026-10-31"}
	)
	return data


class AnonymisationTestCase(InsertionTestCase):
	def setUp(self) -> None:
		self.addCleanup(frappe.db.rollback)  # also when a setUp fails half-way (tearDown does not run)
		self.retention(0)
		self.manager = make_user(MANAGER_USER, ["Insertion Manager"])

	def retention(self, years: int) -> None:
		frappe.db.set_single_value(SETTINGS, "retention_years", years)

	def anonymise_as(self, user: str, trainee: str) -> dict:
		frappe.set_user(user)
		try:
			return anonymisation.anonymise(trainee)
		finally:
			frappe.set_user("Administrator")

	def records_of(self, trainee: str) -> dict[str, list[str]]:
		return anonymisation.records_of(trainee)

	def footprint(self, trainee: str) -> dict:
		"""Everything anonymising would change, to compare after a refusal."""
		records = self.records_of(trainee)
		found = {
			doctype: sql(f"select * from `tab{doctype}` where name in %s order by name", tuple(names))
			for doctype, names in records.items()
			if names
		}
		names = tuple(name for names in records.values() for name in names)
		found["levels"] = sql(
			"select name, comment, modified from `tabTraining Evaluation Level` where parent in %s order by name",
			tuple(records["Training Evaluation"]) or ("",),
		)
		found["participants"] = sql(
			"select * from `tabSupport Intervention Participant` where trainee = %s order by name", trainee
		)
		for trace, doctype_field, name_field in (
			*anonymisation.TRACES,
			("File", "attached_to_doctype", "attached_to_name"),
		):
			found[trace + doctype_field] = sql(
				f"select name from `tab{trace}` where {doctype_field} in %s and {name_field} in %s order by name",
				TRACED,
				names,
			)
		found["deleted"] = sql("select name from `tabDeleted Document` order by name")
		found["search"] = sql("select * from `__global_search` where name = %s", trainee)
		found["log"] = sql(
			"select name from `tabConfidential Access Log` where trainee = %s order by name", trainee
		)
		return found


class TestAnonymisation(AnonymisationTestCase):
	"""The payroll fixture's trainee: a parcours from 2026-02-02 to 2026-04-30, paid in March
	and April, with a plan, an evaluation, interventions, follow-ups and a submitted claim."""

	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.f = payroll_fixture.build()

	def setUp(self) -> None:
		super().setUp()
		self.trainee = frappe.db.get_value("Employee", self.f.trainee_employee, "insertion_trainee")
		self.parcours = frappe.get_doc("Parcours", {"trainee": self.trainee})
		frappe.db.set_value(
			"Parcours", self.parcours.name, "referral_details", "Agente de Mme Roy, CLE Hochelaga"
		)
		self.parcours.reload()
		self.plan = make_plan(self.parcours, goals="Reprendre confiance après une séparation difficile.")
		self.evaluation = evaluation_with_comments(self.plan.name, "2026-03-20")
		self.meeting = make_intervention(
			self.trainee,
			intervention_date="2026-03-10",
			kind="Referral to an Outside Resource",
			referred_to="Office municipal d'habitation",
		)
		set_notes(self.meeting.name, NOTES)
		self.other = make_trainee(first_name="Paul", last_name="Autre-Participant")
		self.group = make_intervention(
			None,
			kind="Group Session",
			intervention_date="2026-03-12",
			participants=[{"trainee": self.trainee}, {"trainee": self.other.name}],
		)
		set_notes(self.group.name, GROUP_NOTES)
		make_intervention(self.trainee, intervention_date="2026-03-11").delete()  # a Deleted Document

		trainee = frappe.get_doc("Trainee", self.trainee)
		trainee.phone = "514-555-0199"
		trainee.email = "marie.paie@example.org"
		trainee.save(ignore_version=False)  # a Version with the old values (tests skip them by default)
		trainee.add_comment("Comment", "A appelé pour dire qu'elle déménage chez sa sœur.")
		sync_global_search()
		self.cv = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "cv-marie.txt",
				"content": "CV de Marie Paie-Test, 514-555-0199",
				"attached_to_doctype": "Trainee",
				"attached_to_name": self.trainee,
				"is_private": 1,
			}
		).insert(ignore_permissions=True)

		self.parcours.close(EXIT, "Completed", exit_notes="Part vivre chez sa sœur à Laval.")
		follow_ups = frappe.get_all(
			"Parcours Follow-up", filters={"parcours": self.parcours.name}, order_by="due_date", pluck="name"
		)
		self.assertEqual(len(follow_ups), 2)  # at 3 and 6 months
		self.follow_ups = follow_ups
		first = frappe.get_doc("Parcours Follow-up", follow_ups[0])
		first.update(
			{
				"contact_date": "2026-08-04",
				"situation": "Employed Full Time",
				"employer_or_school": "Restaurant Le Bon Voisin",
				"job_type": "Permanent",
				"hourly_wage": 19.5,
				"weekly_hours": 35,
				"notes": "Contente de son poste, horaire de soir.",
			}
		)
		first.save()
		last = frappe.get_doc("Parcours Follow-up", follow_ups[1])
		last.update(
			{
				"contact_date": LAST_CONTACT,
				"situation": "In School or Training",
				"employer_or_school": "Cégep",
			}
		)
		last.save(ignore_version=False)
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "attestation-retour-aux-etudes.txt",
				"content": "Inscrite au Cégep",
				"attached_to_doctype": "Parcours Follow-up",
				"attached_to_name": last.name,
				"is_private": 1,
			}
		).insert(ignore_permissions=True)

		employer = frappe.get_doc(
			{"doctype": "Partner", "partner_name": "Restaurant Le Bon Voisin", "partner_type": "Employer"}
		).insert()
		self.placement = frappe.get_doc(
			{
				"doctype": "Placement",
				"parcours": self.parcours.name,
				"partner": employer.name,
				"start_date": "2026-03-09",
				"end_date": "2026-03-13",
				"hours": 35,
				"tasks": "Plonge et préparation froide",
				"evaluation_date": "2026-03-13",
				"evaluated_by": "Chef Martin",
				"evaluation_comment": "Arrive en retard le lundi.",
			}
		).insert()
		frappe.db.set_value(
			"Training Evaluation Level", {"parent": self.placement.name}, "comment", "Lente au début"
		)
		invitation = frappe.get_doc(
			{
				"doctype": "Questionnaire Invitation",
				"questionnaire": "Employer Satisfaction",
				"placement": self.placement.name,
				"partner": employer.name,
				"email": "chef@bonvoisin.example.org",
				"status": "Answered",
			}
		).insert(ignore_permissions=True)
		frappe.get_doc(
			{
				"doctype": "Employer Satisfaction Answer",
				"invitation": invitation.name,
				"partner": employer.name,
				"placement": self.placement.name,
				"overall": "4",
				"comment": "Elle a bien progressé.",
			}
		).db_insert()
		self.invitation = invitation.name

		claim = frappe.get_doc(
			{
				"doctype": "Reimbursement Claim",
				"contract": self.f.contract,
				"from_date": "2026-03-01",
				"to_date": "2026-03-31",
			}
		).insert()
		self.assertEqual(claim.get_payroll(), "filled")
		claim.submit()
		self.claim = claim.name

	def claim_figures(self) -> dict:
		"""The claim, its lines and totals, its invoice and the ledger, the slips and the Employee."""
		claim = frappe.get_doc("Reimbursement Claim", self.claim)
		invoice = claim.sales_invoice
		return {
			"claim": (claim.total_eligible, claim.total_reimbursed, claim.docstatus),
			"lines": sql(
				"""select employee, employee_name, trainee, salary_slip, voucher_no, hours, eligible_gross,
					contributions, funded_amount, rate, reimbursed
				from `tabReimbursement Claim Line` where parent = %s order by idx""",
				self.claim,
			),
			"totals": sql(
				"""select budget_kind, budget, claimed_before, requested, claimed, remaining, capped
				from `tabReimbursement Claim Total` where parent = %s order by idx""",
				self.claim,
			),
			"invoice": frappe.db.get_value(
				"Sales Invoice", invoice, ["grand_total", "outstanding_amount", "docstatus"], as_dict=True
			),
			"ledger": sql(
				"""select account, sum(debit) as debit, sum(credit) as credit from `tabGL Entry`
				where voucher_no = %s and is_cancelled = 0 group by account order by account""",
				invoice,
			),
			"slips": sql(
				"""select name, employee_name, gross_pay, net_pay, docstatus from `tabSalary Slip`
				where employee = %s order by name""",
				self.f.trainee_employee,
			),
			# The tax records the laws ask the employer to keep: the ROE and the T4 and RL-1.
			"tax_records": sql(
				"""select name, employee_name, docstatus, t4_14 from `tabYear-End Slip`
				where employee = %s order by name""",
				self.f.trainee_employee,
			)
			+ sql(
				"""select name, employee_name, docstatus, insurable_earnings from `tabRecord of Employment`
				where employee = %s order by name""",
				self.f.trainee_employee,
			),
			"employee": frappe.db.get_value(
				"Employee",
				self.f.trainee_employee,
				["employee_name", "first_name", "last_name", "date_of_birth", "personal_email", "status"],
				as_dict=True,
			),
		}

	def test_anonymise_erases_the_person_and_keeps_every_figure(self) -> None:
		report_before = report_rows()
		year_end.create_slips(payroll_fixture.COMPANY, 2026)
		figures_before = self.claim_figures()
		self.assertTrue(figures_before["tax_records"])
		self.assertEqual(figures_before["claim"][1], float(TOTAL))  # the worked example, 5 042,15 $
		got = {(row["section"], row["indicator"]): row for row in report_before}
		self.assertGreaterEqual(
			got[("Age at Entry", "25-35")]["count"], 1
		)  # born 1998-03-04, 27 on 2026-02-02
		cv_path = self.cv.get_full_path()
		self.assertTrue(os.path.exists(cv_path))
		records = self.records_of(self.trainee)
		names = tuple(name for found in records.values() for name in found)
		self.assertTrue(sql("select name from tabVersion where docname in %s", names))
		self.assertTrue(
			sql("select name from `tabDeleted Document` where data like %s", f'%"{self.trainee}"%')
		)
		self.assertTrue(sql("select name from `__global_search` where name = %s", self.trainee))

		# Kept one year after the last follow-up: refused with the due date, nothing changed.
		self.retention(1)
		before = self.footprint(self.trainee)
		with self.assertRaises(frappe.ValidationError) as refused:
			self.anonymise_as(self.manager, self.trainee)
		self.assertIn(frappe.format(getdate(NEXT_YEAR), "Date"), str(refused.exception))
		self.assertEqual(self.footprint(self.trainee), before)

		self.retention(0)
		result = self.anonymise_as(self.manager, self.trainee)

		pseudonym = result["trainee_name"]
		self.assertRegex(pseudonym, r"^Anonyme [0-9a-z]{6}$")
		self.assertEqual(result["files"], 2)
		self.assertEqual(result["group_sessions_kept"], [self.group.name])
		trainee = frappe.db.get_value("Trainee", self.trainee, "*", as_dict=True)
		self.assertEqual((trainee.first_name, trainee.trainee_name), ("Anonyme", pseudonym))
		self.assertEqual(f"{trainee.first_name} {trainee.last_name}", pseudonym)
		self.assertEqual((trainee.date_of_birth, trainee.email, trainee.phone), (None, None, None))
		self.assertEqual(trainee.age_band, "25-35")
		self.assertEqual(getdate(trainee.anonymised_on), getdate(today()))
		self.assertEqual(trainee.employee, self.f.trainee_employee)  # the payroll record stays linked
		self.assertEqual(trainee.gender, "Female")
		self.assertIsNone(trainee._comments)

		parcours = frappe.db.get_value("Parcours", self.parcours.name, "*", as_dict=True)
		self.assertEqual(parcours.trainee_name, pseudonym)
		self.assertIsNone(parcours.referral_details)
		self.assertIsNone(parcours.exit_notes)
		self.assertEqual(
			(str(parcours.start_date), str(parcours.actual_end_date), parcours.exit_reason),
			("2026-02-02", EXIT, "Completed"),
		)
		self.assertEqual(parcours.approval_reference, self.parcours.approval_reference)
		for name in self.follow_ups:
			follow_up = frappe.db.get_value("Parcours Follow-up", name, "*", as_dict=True)
			self.assertEqual(follow_up.trainee_name, pseudonym)
			self.assertIsNone(follow_up.employer_or_school)
			self.assertIsNone(follow_up.notes)
			self.assertTrue(follow_up.contact_date and follow_up.situation)  # dates and situations stay
		self.assertEqual(
			frappe.db.get_value("Parcours Follow-up", self.follow_ups[0], ["hourly_wage", "weekly_hours"]),
			(19.5, 35.0),
		)
		self.assertEqual(
			frappe.db.get_value("Training Plan", self.plan.name, ["goals", "trainee_name"]), (None, pseudonym)
		)
		self.assertEqual(
			frappe.db.get_value("Training Plan", self.plan.name, "technical_hours"), self.plan.technical_hours
		)
		self.assertEqual(
			frappe.db.get_value("Training Evaluation", self.evaluation.name, "trainee_name"), pseudonym
		)
		levels = sql(
			"select level, comment from `tabTraining Evaluation Level` where parent = %s",
			self.evaluation.name,
		)
		self.assertTrue(levels)
		self.assertEqual({(row.level, row.comment) for row in levels}, {("Emerging", None)})
		placement = frappe.db.get_value("Placement", self.placement.name, "*", as_dict=True)
		self.assertEqual(
			(placement.tasks, placement.evaluated_by, placement.evaluation_comment, placement.trainee_name),
			(None, None, None, pseudonym),
		)
		self.assertEqual((placement.hours, placement.partner), (35, "Restaurant Le Bon Voisin"))
		self.assertEqual(
			{
				row.comment
				for row in sql(
					"select comment from `tabTraining Evaluation Level` where parent = %s", placement.name
				)
			},
			{None},
		)
		self.assertEqual(frappe.db.get_value("Questionnaire Invitation", self.invitation, "email"), None)
		self.assertEqual(
			frappe.db.get_value(
				"Employer Satisfaction Answer", {"invitation": self.invitation}, ["overall", "comment"]
			),
			("4", None),
		)
		meeting = frappe.db.get_value("Support Intervention", self.meeting.name, "*", as_dict=True)
		self.assertEqual((meeting.notes, meeting.referred_to, meeting.topic), (None, None, None))
		self.assertEqual((meeting.trainee_name, meeting.duration_minutes), (pseudonym, 45))
		# The group session is about Paul too: its notes stay, the name changes.
		group = frappe.db.get_value(
			"Support Intervention", self.group.name, ["notes", "trainee_name"], as_dict=True
		)
		self.assertEqual(sealed_notes.unseal(group.notes, self.group.name), GROUP_NOTES)  # stored sealed
		self.assertIn(pseudonym, group.trainee_name)
		self.assertIn("Paul Autre-Participant", group.trainee_name)
		self.assertNotIn("Marie", group.trainee_name)
		self.assertEqual(
			frappe.db.get_value(
				"Support Intervention Participant", {"trainee": self.trainee}, "trainee_name"
			),
			pseudonym,
		)

		# No trace of the old values anywhere frappe keeps them.
		for table, doctype_field, name_field in (
			("Version", "ref_doctype", "docname"),
			("Comment", "reference_doctype", "reference_name"),
			("File", "attached_to_doctype", "attached_to_name"),
			("ToDo", "reference_type", "reference_name"),
		):
			self.assertFalse(
				sql(
					f"select name from `tab{table}` where {doctype_field} in %s and {name_field} in %s",
					TRACED,
					names,
				),
				table,
			)
		self.assertFalse(os.path.exists(cv_path))
		self.assertFalse(
			sql("select name from `tabDeleted Document` where data like %s", f'%"{self.trainee}"%')
		)
		self.assertFalse(sql("select name from `__global_search` where name = %s", self.trainee))
		for table, column in (("Trainee", "first_name"), ("Parcours", "trainee_name"), ("Version", "data")):
			self.assertFalse(sql(f"select name from `tab{table}` where {column} like %s", "%Paie-Test%"))
		entry = frappe.get_all(
			"Confidential Access Log",
			filters={"trainee": self.trainee, "action": "Anonymise"},
			fields=["user", "reference_doctype", "reference_name"],
		)
		self.assertEqual(
			[(e.user, e.reference_doctype, e.reference_name) for e in entry],
			[(self.manager, "Trainee", self.trainee)],
		)

		# The figures, to the cent: the claim, its invoice and ledger, the payroll, the report.
		self.assertEqual(self.claim_figures(), figures_before)
		self.assertEqual(report_rows(), report_before)
		self.assertNotIn(self.trainee, [row.trainee for row in anonymisation.due_for_anonymisation()])

		# Once is enough.
		with self.assertRaisesRegex(frappe.ValidationError, "already anonymised"):
			self.anonymise_as(self.manager, self.trainee)

	def test_the_due_list_and_the_daily_todos(self) -> None:
		due = {row.trainee: row for row in anonymisation.due_for_anonymisation()}
		self.assertEqual(due[self.trainee].due_date, getdate(LAST_CONTACT))
		self.assertNotIn(
			self.trainee,
			{row.trainee for row in anonymisation.due_for_anonymisation(add_days(LAST_CONTACT, -1))},
		)
		self.assertEqual(anonymisation.anonymisation_status(self.trainee)["due"], True)
		# No parcours: the period runs from the day the file was opened.
		opened = getdate(frappe.db.get_value("Trainee", self.other.name, "creation"))
		self.assertEqual(anonymisation.anonymisation_status(self.other.name)["due_date"], opened)
		self.retention(1)
		self.assertNotIn(self.trainee, {row.trainee for row in anonymisation.due_for_anonymisation()})
		self.assertEqual(
			anonymisation.anonymisation_status(self.trainee),
			{"anonymised_on": None, "open_parcours": 0, "due_date": getdate(NEXT_YEAR), "due": False},
		)
		self.assertIn(self.trainee, {row.trainee for row in anonymisation.due_for_anonymisation(NEXT_YEAR)})
		self.retention(0)

		todos = lambda: frappe.get_all(  # noqa: E731
			"ToDo",
			filters={
				"reference_type": "Trainee",
				"reference_name": self.trainee,
				"allocated_to": self.manager,
			},
			fields=["description", "status"],
		)
		self.assertFalse(todos())
		anonymisation.assign_due_anonymisations()
		self.assertEqual(len(todos()), 1)
		self.assertIn(self.trainee, todos()[0].description)
		self.assertNotIn("Marie", todos()[0].description)
		anonymisation.assign_due_anonymisations()  # the next day's run: no second ToDo
		self.assertEqual(len(todos()), 1)
		# Closed by the manager without anonymising: still once per trainee.
		frappe.db.set_value("ToDo", {"reference_name": self.trainee}, "status", "Closed")
		anonymisation.assign_due_anonymisations()
		self.assertEqual(len(todos()), 1)

		self.anonymise_as(self.manager, self.trainee)
		self.assertFalse(todos())  # gone with the rest of the trainee's traces


class TestAnonymisationRefusals(AnonymisationTestCase):
	"""Only a manager anonymises, only what is due; every refusal leaves the database as it was."""

	def setUp(self) -> None:
		super().setUp()
		self.parcours = closed_parcours()
		self.trainee = self.parcours.trainee
		meeting = make_intervention(self.trainee, intervention_date=add_days(self.parcours.start_date, 10))
		set_notes(meeting.name, NOTES)

	def test_other_roles_are_refused_and_nothing_changes(self) -> None:
		before = self.footprint(self.trainee)
		for user, roles in OTHER_ROLES.items():
			with self.subTest(roles=roles):
				make_user(user, roles)
				with self.assertRaises(frappe.PermissionError):
					self.anonymise_as(user, self.trainee)
				self.assertEqual(self.footprint(self.trainee), before)
				frappe.set_user(user)
				with self.assertRaises(frappe.PermissionError):
					anonymisation.anonymisation_status(self.trainee)
				frappe.set_user("Administrator")
		self.assertEqual(
			sealed_notes.unseal(
				*frappe.db.get_value("Support Intervention", {"trainee": self.trainee}, ["notes", "name"])
			),
			NOTES,
		)
		# The manager may.
		self.anonymise_as(self.manager, self.trainee)
		self.assertTrue(frappe.db.get_value("Trainee", self.trainee, "anonymised_on"))
		self.assertIsNone(frappe.db.get_value("Support Intervention", {"trainee": self.trainee}, "notes"))

	def test_an_open_parcours_is_refused(self) -> None:
		parcours = started_parcours()
		before = self.footprint(parcours.trainee)
		with self.assertRaisesRegex(frappe.ValidationError, parcours.name):
			self.anonymise_as(self.manager, parcours.trainee)
		self.assertEqual(self.footprint(parcours.trainee), before)
		self.assertNotIn(
			parcours.trainee,
			{row.trainee for row in anonymisation.due_for_anonymisation(add_days(today(), 365 * 20))},
		)

	def test_a_missing_or_unknown_trainee_is_refused_with_a_message(self) -> None:
		frappe.set_user(self.manager)
		with self.assertRaisesRegex(frappe.ValidationError, "trainee"):
			anonymisation.anonymise(None)
		with self.assertRaisesRegex(frappe.DoesNotExistError, "TRN-INCONNU"):
			anonymisation.anonymise("TRN-INCONNU")
