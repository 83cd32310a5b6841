"""Placements on real records: within the parcours, at most 12 hours a day, at an active
partner, assessed against the plan's competencies; the team keeps the partner's contacts."""

import frappe
from frappe.utils import add_days, today

from insertion_erp.tests.factories import ensure_competency, make_plan, started_parcours
from insertion_erp.tests.utils import InsertionTestCase, make_user

COUNSELLOR = "placement-counsellor@example.org"


class TestPlacement(InsertionTestCase):
	def setUp(self) -> None:
		make_user(COUNSELLOR, ["Insertion Counsellor"])
		self.parcours = started_parcours(start=add_days(today(), -60))
		self.plan = make_plan(self.parcours)
		self.partner = frappe.get_doc(
			{"doctype": "Partner", "partner_name": "Garage Stage Test", "partner_type": "Employer"}
		).insert()

	def placement(self, **values):
		return frappe.get_doc(
			{
				"doctype": "Placement",
				"parcours": self.parcours.name,
				"partner": self.partner.name,
				"start_date": add_days(today(), -14),
				"end_date": add_days(today(), -10),
				"hours": 35,
				**values,
			}
		)

	def test_a_counsellor_places_a_trainee_with_the_employers_contact(self) -> None:
		frappe.set_user(COUNSELLOR)
		contact = frappe.get_doc(
			{
				"doctype": "Contact",
				"first_name": "Julie",
				"last_name": "Garagiste",
				"email_ids": [{"email_id": "julie@garage.example.org", "is_primary": 1}],
				"links": [{"link_doctype": "Partner", "link_name": self.partner.name}],
			}
		).insert()
		placement = self.placement(supervisor=contact.name).insert()
		self.assertEqual(
			(placement.trainee, placement.company), (self.parcours.trainee, self.parcours.company)
		)
		self.assertEqual(placement.supervisor_name, "Julie Garagiste")
		self.partner.reload()
		self.partner.run_method("onload")
		self.assertEqual([c.name for c in self.partner.get_onload("contact_list")], [contact.name])

	def test_a_placement_lies_within_the_parcours_at_12_hours_a_day(self) -> None:
		for values, message in (
			({"start_date": add_days(today(), -90)}, "within the parcours"),
			({"end_date": add_days(today(), -20)}, "End Date cannot be before"),
			({"hours": 61}, "Hours at the Employer must be more than 0 and at most 60"),
			({"hours": 0}, "Hours at the Employer"),
		):
			with self.subTest(values=values), self.assertRaisesRegex(frappe.ValidationError, message):
				self.placement(**values).insert()
		self.partner.db_set("disabled", 1)
		with self.assertRaisesRegex(frappe.ValidationError, "disabled"):
			self.placement().insert()

	def test_the_employer_assesses_the_plans_competencies(self) -> None:
		placement = self.placement(evaluation_date=add_days(today(), -10), evaluated_by="Julie").insert()
		planned = {row.competency for row in self.plan.competencies}
		self.assertEqual({row.competency for row in placement.levels}, planned)
		placement.levels[0].level = "Acquired"
		placement.save()
		outside = ensure_competency("Conduite de chariot élévateur (stage)", "Technical")
		placement.append("levels", {"competency": outside, "level": "Emerging"})
		with self.assertRaisesRegex(frappe.ValidationError, "not in the training plan"):
			placement.save()
		placement.reload()
		placement.evaluation_date = add_days(today(), 1)
		with self.assertRaisesRegex(frappe.ValidationError, "evaluation date"):
			placement.save()
