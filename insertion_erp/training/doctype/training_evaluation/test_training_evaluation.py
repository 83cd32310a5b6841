import frappe
from frappe.utils import add_days, getdate, today

from insertion_erp.tests.factories import (
	COMPETENCIES,
	ensure_competency,
	make_evaluation,
	make_plan,
	started_parcours,
)
from insertion_erp.tests.utils import InsertionTestCase
from insertion_erp.training.doctype.training_evaluation.training_evaluation import get_progress

HYGIENE, KNIVES, PUNCTUALITY, TEAMWORK = (name for name, _category in COMPETENCIES)


class TestTrainingEvaluation(InsertionTestCase):
	def setUp(self) -> None:
		self.parcours = started_parcours(start=add_days(today(), -60))
		self.plan = make_plan(self.parcours)

	def test_an_evaluation_lists_the_plan_at_the_last_levels(self) -> None:
		first = make_evaluation(self.plan.name, add_days(today(), -30), {HYGIENE: "Emerging"})
		self.assertEqual([r.competency for r in first.levels], [name for name, _c in COMPETENCIES])
		self.assertEqual({r.competency: r.level for r in first.levels}[KNIVES], "Not Started")
		self.assertEqual({r.target_level for r in first.levels}, {"Acquired"})
		second = frappe.get_doc({"doctype": "Training Evaluation", "training_plan": self.plan.name})
		second.run_method("before_validate")
		self.assertEqual({r.competency: r.level for r in second.levels}[HYGIENE], "Emerging")

	def test_only_planned_competencies_during_the_parcours(self) -> None:
		evaluation = frappe.get_doc(
			{
				"doctype": "Training Evaluation",
				"training_plan": self.plan.name,
				"evaluation_date": today(),
				"levels": [{"competency": ensure_competency("Soudure", "Technical"), "level": "Emerging"}],
			}
		)
		with self.assertRaisesRegex(frappe.ValidationError, "is not in the training plan"):
			evaluation.insert()
		for day, message in (
			(add_days(today(), 1), "cannot be dated in the future"),
			(add_days(today(), -61), "after it starts"),
		):
			with self.assertRaisesRegex(frappe.ValidationError, message):
				make_evaluation(self.plan.name, day)
		self.assertEqual(frappe.db.count("Training Evaluation", {"training_plan": self.plan.name}), 0)

	def test_progress_by_category_over_time(self) -> None:
		d1, d2 = add_days(today(), -30), add_days(today(), -10)
		make_evaluation(self.plan.name, d1, {HYGIENE: "Emerging", PUNCTUALITY: "Emerging"})
		make_evaluation(
			self.plan.name,
			d2,
			{HYGIENE: "Mastered", KNIVES: "Acquired", PUNCTUALITY: "Acquired", TEAMWORK: "Emerging"},
		)
		progress = get_progress(self.parcours.trainee)
		self.assertEqual(progress["labels"], [frappe.format(getdate(d), "Date") for d in (d1, d2)])
		by_name = {d["name"]: d["values"] for d in progress["datasets"]}
		# Technical: (1 + 0) / 2 then (3 + 2) / 2; Personal: 1 then 2; Social: 0 then 1.
		self.assertEqual(by_name, {"Technical": [0.5, 2.5], "Personal": [1.0, 2.0], "Social": [0.0, 1.0]})

	def test_competencies_tied_to_a_skill_feed_the_employee_skill_map(self) -> None:
		skill = frappe.get_doc({"doctype": "Skill", "skill_name": "Hygiène alimentaire"}).insert().name
		frappe.db.set_value("Competency", HYGIENE, "skill", skill)
		make_evaluation(self.plan.name, add_days(today(), -20), {HYGIENE: "Emerging"})
		make_evaluation(self.plan.name, add_days(today(), -5), {HYGIENE: "Mastered"})
		skill_map = frappe.get_doc("Employee Skill Map", self.parcours.employee)
		self.assertEqual(
			[(r.skill, r.proficiency, getdate(r.evaluation_date)) for r in skill_map.employee_skills],
			[(skill, 1.0, getdate(add_days(today(), -5)))],
		)


class TestAttestation(InsertionTestCase):
	def setUp(self) -> None:
		start = add_days(today(), -26 * 7 - 10)
		self.parcours = started_parcours(start=start)
		plan = make_plan(self.parcours)
		make_evaluation(plan.name, add_days(start, 30), {HYGIENE: "Acquired", PUNCTUALITY: "Emerging"})
		make_evaluation(plan.name, add_days(start, 150), {HYGIENE: "Mastered", TEAMWORK: "Acquired"})
		self.parcours.close(add_days(start, 26 * 7 - 1), "Completed")

	def html(self, lang: str) -> str:
		frappe.local.lang = lang
		return frappe.get_print("Parcours", self.parcours.name, "Attestation de participation")

	def test_the_attestation_lists_trade_dates_hours_and_competencies_in_english(self) -> None:
		html = self.html("en")
		self.assertIn("Certificate of Participation", html)
		self.assertIn("Marie Tremblay", html)
		self.assertIn("Aide-cuisinier", html)
		self.assertIn("826", html)  # 4 x 21 h + 4 x 28 h + 18 x 35 h
		self.assertIn(HYGIENE, html)
		self.assertIn("Mastered", html)
		self.assertIn(TEAMWORK, html)
		self.assertNotIn(PUNCTUALITY, html)  # only Emerging
		self.assertNotIn(KNIVES, html)

	def test_the_attestation_speaks_french(self) -> None:
		html = self.html("fr")
		self.assertIn("Attestation de participation", html)
		self.assertIn("Compétences acquises", html)
		self.assertIn("Maîtrisé", html)

	def test_the_attestation_renders_to_pdf(self) -> None:
		pdf = frappe.get_print("Parcours", self.parcours.name, "Attestation de participation", as_pdf=True)
		self.assertTrue(pdf.startswith(b"%PDF"))
		self.assertGreater(len(pdf), 5000)
