"""The partner report on real records: a referral flows into the partner's rates, equal to the
activity report's on the same people; hires, placements, satisfaction and the last contact."""

import frappe
from frappe.utils import add_days, today

from insertion_erp.core.periods import Period
from insertion_erp.partners.names import create_partner_from_follow_up, link_typed_names
from insertion_erp.partners.report.partner_names_to_match import partner_names_to_match as names_to_match
from insertion_erp.partners.report.partner_report import partner_report
from insertion_erp.results import activity
from insertion_erp.tests.factories import closed_parcours, make_plan, started_parcours
from insertion_erp.tests.utils import InsertionTestCase
from insertion_erp.training.report.trainee_hours import trainee_hours

REFERRER = "CLSC Rapport Partenaires"
EMPLOYER = "Boulangerie Rapport Partenaires"


def partner(name: str, partner_type: str) -> str:
	return (
		frappe.get_doc({"doctype": "Partner", "partner_name": name, "partner_type": partner_type})
		.insert()
		.name
	)


class TestPartnerReport(InsertionTestCase):
	def setUp(self) -> None:
		self.company = frappe.db.get_single_value("Global Defaults", "default_company")
		self.year = Period(frappe.utils.getdate(add_days(today(), -400)), frappe.utils.getdate(today()))
		self.filters = {"company": self.company, "from_date": self.year.start, "to_date": self.year.end}

	def rows(self, **filters) -> dict:
		_columns, data, message = partner_report.execute({**self.filters, **filters})
		self.assertIn("Integration Rate", message)
		return {row["partner"]: row for row in data}

	def test_referrals_count_as_in_the_activity_report(self) -> None:
		clsc = partner(REFERRER, "Referring Organization")
		employer = partner(EMPLOYER, "Employer")
		completed = closed_parcours(end=add_days(today(), -200), referral_partner=clsc)
		dropped = closed_parcours(end=add_days(today(), -300), reason="Dropped Out", referral_partner=clsc)
		started_parcours(referral_partner=clsc, start=add_days(today(), -30))
		closed_parcours(end=add_days(today(), -200))  # referred by nobody: not the CLSC's
		follow_up = frappe.get_doc("Parcours Follow-up", {"parcours": completed.name, "months_after_exit": 6})
		follow_up.update(
			{
				"contact_date": add_days(today(), -10),
				"situation": "Employed Full Time",
				"employer_or_school": EMPLOYER.upper(),
				"partner": employer,
			}
		)
		follow_up.save()
		for offset in (3, 6):
			frappe.get_doc(
				"Parcours Follow-up", {"parcours": dropped.name, "months_after_exit": offset}
			).update({"contact_date": add_days(today(), -1), "situation": "Looking for Work"}).save()

		row = self.rows()[clsc]
		expected = activity.activity(self.year, {"company": self.company, "referral_partner": clsc})
		trainees = expected["trainees"]
		self.assertEqual(
			(row["entered"], row["active"], row["completed"], row["exited_early"]),
			(trainees["entered"], trainees["active"], trainees["completed"], trainees["exited_early"]),
		)
		self.assertEqual((row["completed"], row["exited_early"]), (1, 1))
		self.assertEqual(row["completion_rate"], 50)
		self.assertEqual(row["follow_ups_due"], expected["follow_ups"]["6"]["due"])
		self.assertEqual(row["integration_rate"], activity.outcomes.rate(expected, 6))
		self.assertEqual(row["integration_rate"], 50)  # one employed, one looking, both reached
		self.assertEqual((row["hired"], row["still_employed"]), (0, 0))
		hired = self.rows()[employer]
		self.assertEqual((hired["hired"], hired["still_employed"], hired["entered"]), (1, 1, 0))

	def test_placements_satisfaction_and_last_contact(self) -> None:
		employer = partner(EMPLOYER, "Employer")
		parcours = started_parcours(start=add_days(today(), -60))
		make_plan(parcours)
		placement = frappe.get_doc(
			{
				"doctype": "Placement",
				"parcours": parcours.name,
				"partner": employer,
				"start_date": add_days(today(), -20),
				"end_date": add_days(today(), -11),
				"hours": 70,
				"tasks": "Comptoir et emballage",
				"evaluation_date": add_days(today(), -11),
				"evaluated_by": "Mme Boulanger",
			}
		).insert()
		self.assertTrue(placement.levels)  # the plan's competencies, for the employer's levels
		for overall in ("5", "4", "5"):
			frappe.get_doc(
				{"doctype": "Employer Satisfaction Answer", "partner": employer, "overall": overall}
			).db_insert()
		frappe.get_doc(
			{
				"doctype": "Comment",
				"comment_type": "Comment",
				"reference_doctype": "Partner",
				"reference_name": employer,
				"content": "Rencontre pour le prochain stage",
			}
		).insert(ignore_permissions=True)
		row = self.rows(partner_type="Employer")[employer]
		self.assertEqual((row["placements"], row["placement_hours"]), (1, 70))
		self.assertEqual(
			(row["answers"], float(row["satisfaction"]), row["distribution"]), (3, 4.7, "5: 2 · 4: 1")
		)
		self.assertEqual(str(row["last_contact"]), today())

		# The parcours' hours show the placement's, counted when the company's contract says so.
		hours = {"company": self.company, "from_date": add_days(today(), -30), "to_date": today()}
		(line,) = [r for r in trainee_hours.execute(hours)[1] if r["parcours"] == parcours.name]
		self.assertEqual((line["placement_hours"], line["training_hours"]), (70, line["paid_hours"]))
		frappe.get_doc(
			{
				"doctype": "Insertion Contract",
				"company": self.company,
				"from_date": add_days(today(), -365),
				"to_date": add_days(today(), 30),
				"placement_hours_count": 1,
				"docstatus": 1,
			}
		).db_insert()
		(line,) = [r for r in trainee_hours.execute(hours)[1] if r["parcours"] == parcours.name]
		self.assertEqual(line["training_hours"], line["paid_hours"] + 70)

		# The training plan shows the employer's levels beside its evaluations.
		plan = frappe.get_doc("Training Plan", {"parcours": parcours.name})
		levels = plan.placement_levels()
		self.assertEqual({row["partner"] for row in levels}, {employer})
		self.assertEqual(len(levels), len(placement.levels))

	def test_typed_names_are_linked_to_the_partner_whose_name_agrees(self) -> None:
		parcours = started_parcours(referral_details="  clsc rapport   PARTENAIRES ")
		other = started_parcours(referral_details="Un organisme inconnu")
		clsc = partner(REFERRER, "Referring Organization")  # links the names that agree at once
		self.assertEqual(frappe.db.get_value("Parcours", parcours.name, "referral_partner"), clsc)
		self.assertFalse(frappe.db.get_value("Parcours", other.name, "referral_partner"))
		self.assertEqual(link_typed_names(), 0)

	def test_a_typed_employer_becomes_a_partner_in_one_click(self) -> None:
		first = closed_parcours(end=add_days(today(), -200))
		second = closed_parcours(end=add_days(today(), -200))
		follow_ups = []
		for parcours, typed in ((first, "Quincaillerie  Dupré"), (second, "quincaillerie dupre")):
			doc = frappe.get_doc("Parcours Follow-up", {"parcours": parcours.name, "months_after_exit": 3})
			doc.update(
				{
					"contact_date": add_days(today(), -5),
					"situation": "Employed Part Time",
					"employer_or_school": typed,
				}
			)
			doc.save()
			follow_ups.append(doc)
		self.assertIn("Quincaillerie  Dupré", [row["text"] for row in names_to_match.execute()[1]])
		made = create_partner_from_follow_up(follow_ups[0].name)
		self.assertEqual(
			(made, frappe.db.get_value("Partner", made, "partner_type")), ("Quincaillerie Dupré", "Employer")
		)
		for doc in follow_ups:  # both spellings agree with the new partner's name
			self.assertEqual(frappe.db.get_value("Parcours Follow-up", doc.name, "partner"), made)
		self.assertEqual(create_partner_from_follow_up(follow_ups[1].name), made)  # no second partner
		self.assertEqual(frappe.db.count("Partner", {"partner_name": ("like", "Quincaillerie%")}), 1)
		self.assertNotIn(
			"quincaillerie dupre", [row["text"].casefold() for row in names_to_match.execute()[1]]
		)
