import frappe

from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.factories import started_parcours
from insertion_erp.tests.utils import InsertionTestCase


def contract(**values) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Insertion Contract",
			"reference": "EQ-TEST",
			"company": payroll_fixture.COMPANY,
			"from_date": "2027-01-01",
			"to_date": "2027-12-31",
			"claim_frequency": "Quarterly",
			"budget_lines": [
				{"kind": "Trainee Wages and Benefits", "budget_amount": 1000, "reimbursement_rate": 100}
			],
			**values,
		}
	)


class TestInsertionContract(InsertionTestCase):
	@classmethod
	def setUpClass(cls) -> None:
		super().setUpClass()
		cls.f = payroll_fixture.build()

	def test_the_funder_comes_from_the_settings(self) -> None:
		doc = contract().insert()
		self.assertEqual(
			doc.funder_customer, frappe.db.get_single_value("Insertion Settings", "funder_customer")
		)

	def test_invalid_contracts_are_refused(self) -> None:
		line = {"kind": "Trainee Wages and Benefits", "budget_amount": 1, "reimbursement_rate": 100}
		trainee_employee = started_parcours().employee
		cases = [
			({"to_date": "2026-12-31"}, "must end after it starts"),
			({"budget_lines": [line, line]}, "is listed twice"),
			({"budget_lines": [{**line, "reimbursement_rate": 120}]}, "at most 100 %"),
			(
				{"supervision_staff": [{"employee": self.f.supervisor, "funded_share": 0}]},
				"share of time funded",
			),
			({"supervision_staff": [{"employee": trainee_employee, "funded_share": 50}]}, "is a trainee"),
		]
		for values, message in cases:
			with self.assertRaisesRegex(frappe.ValidationError, message):
				contract(**values).insert()

	def test_two_contracts_of_a_company_never_overlap(self) -> None:
		with self.assertRaisesRegex(
			frappe.ValidationError, f"{self.f.contract} of the same company already covers"
		):
			contract(from_date="2026-10-01", to_date="2027-09-30").insert().submit()
		contract().insert().submit()

	def test_amending_keeps_the_contract_and_claims_block_its_cancel(self) -> None:
		claim = frappe.get_doc(
			{
				"doctype": "Reimbursement Claim",
				"contract": self.f.contract,
				"from_date": "2026-03-01",
				"to_date": "2026-03-31",
			}
		).insert()
		claim.get_payroll()
		claim.submit()
		with self.assertRaisesRegex(frappe.ValidationError, f"starting with {claim.name}"):
			frappe.get_doc("Insertion Contract", self.f.contract).cancel()

		first = contract().insert()
		first.submit()
		first.cancel()
		amended = frappe.copy_doc(first)
		amended.amended_from, amended.docstatus = first.name, 0
		amended.budget_lines[0].budget_amount = 2000
		amended.insert().submit()
		self.assertEqual(amended.name, f"{first.name}-1")
		self.assertEqual((amended.reference, amended.claim_frequency), ("EQ-TEST", "Quarterly"))
		self.assertEqual(frappe.db.get_value("Insertion Contract", first.name, "docstatus"), 2)
