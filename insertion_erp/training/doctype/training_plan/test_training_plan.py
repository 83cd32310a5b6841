import frappe
from frappe.utils import add_days, getdate, today

from insertion_erp.tests.factories import (
	COMPETENCIES,
	TRADE,
	ensure_competency,
	ensure_template,
	ensure_trade,
	make_evaluation,
	make_parcours,
	make_plan,
	started_parcours,
)
from insertion_erp.tests.utils import InsertionTestCase


class TestTrainingPlan(InsertionTestCase):
	def test_a_plan_starts_from_its_trades_template(self) -> None:
		plan = make_plan(goals="Apprendre à cuisiner pour un restaurant")
		self.assertEqual(plan.trade, TRADE)
		self.assertEqual(
			[(r.competency, r.category, r.target_level) for r in plan.competencies],
			[(name, category, "Acquired") for name, category in COMPETENCIES],
		)
		self.assertEqual((plan.technical_hours, plan.personal_hours, plan.social_hours), (300, 60, 40))

	def test_the_plan_is_the_trainees_own_to_edit(self) -> None:
		plan = make_plan()
		plan.competencies[0].target_level = "Mastered"
		plan.append("competencies", {"competency": ensure_competency("Service aux clients", "Social")})
		plan.technical_hours = 250
		plan.save()
		plan.reload()
		self.assertEqual(plan.competencies[0].target_level, "Mastered")
		self.assertEqual(len(plan.competencies), len(COMPETENCIES) + 1)
		self.assertEqual(
			frappe.db.count(
				"Training Plan Competency", {"parent": TRADE, "parenttype": "Training Plan Template"}
			),
			len(COMPETENCIES),
		)

	def test_a_competency_appears_once(self) -> None:
		plan = make_plan()
		plan.append("competencies", {"competency": COMPETENCIES[0][0]})
		with self.assertRaisesRegex(frappe.ValidationError, "is listed twice"):
			plan.save()

	def test_one_plan_per_parcours(self) -> None:
		plan = make_plan()
		with self.assertRaises(frappe.DuplicateEntryError):
			frappe.get_doc({"doctype": "Training Plan", "parcours": plan.parcours}).insert()

	def test_a_template_holds_only_its_trades_competencies(self) -> None:
		ensure_template()
		other = ensure_competency("Soudure à l'arc", "Technical", trade=ensure_trade("Soudeur"))
		template = frappe.get_doc("Training Plan Template", TRADE)
		template.append("competencies", {"competency": other})
		with self.assertRaisesRegex(frappe.ValidationError, "belongs to the trade Soudeur"):
			template.save()

	def test_evaluations_are_due_every_two_weeks(self) -> None:
		start = add_days(today(), -60)
		plan = make_plan(started_parcours(start=start))
		self.assertEqual(getdate(plan.next_evaluation_date), getdate(add_days(start, 14)))
		make_evaluation(plan.name, add_days(today(), -20))
		self.assertEqual(
			getdate(frappe.db.get_value("Training Plan", plan.name, "next_evaluation_date")),
			getdate(add_days(today(), -6)),
		)
		frappe.db.set_single_value("Insertion Settings", "evaluation_interval_weeks", 4)
		plan.reload()
		plan.save()
		self.assertEqual(getdate(plan.next_evaluation_date), getdate(add_days(today(), 8)))

	def test_a_plan_for_a_trade_without_template_starts_empty(self) -> None:
		frappe.get_doc({"doctype": "Trade", "trade_name": "Vélo"}).insert()
		parcours = make_parcours(trade="Vélo")
		plan = frappe.get_doc({"doctype": "Training Plan", "parcours": parcours.name}).insert()
		self.assertEqual(plan.competencies, [])
