"""A trainee's consents (Law 25): recorded per purpose by the counsellors and the managers,
read by the bookkeepers, hidden from the shop; a withdrawal is final, logged, and taken
into account by the network's export and the funder's file. Each refusal leaves the
database as it was."""

import json
from io import BytesIO

import frappe
import frappe.client
from frappe.utils import add_days, getdate, now_datetime, today
from openpyxl import load_workbook

from insertion_erp.constants import CASHIER, COUNSELLOR, MANAGER, SETTINGS
from insertion_erp.core.periods import Period
from insertion_erp.core.privacy.consent import FUNDER, INTAKE, NETWORK, PHOTOS
from insertion_erp.funding.exports import download_claim_xlsx
from insertion_erp.patches.v0_4 import consents_from_legacy_fields
from insertion_erp.privacy.access_log import LOG
from insertion_erp.privacy.consent import consented_trainees
from insertion_erp.results import activity, network
from insertion_erp.tests import payroll_fixture
from insertion_erp.tests.factories import ensure_trade, make_trainee, started_parcours
from insertion_erp.tests.utils import InsertionTestCase, make_user

TRADE = "Consentement (essai)"
USERS = {
	"manager": ("consent-manager@example.org", [MANAGER]),
	"counsellor": ("consent-counsellor@example.org", [COUNSELLOR]),
	"bookkeeper": ("consent-bookkeeper@example.org", ["Accounts User"]),
	"hr": ("consent-hr@example.org", ["HR User"]),
	"cashier": ("consent-cashier@example.org", ["Sales User", CASHIER]),
}


def row(purpose: str, given_on=None, means: str = "Signed Form", withdrawn_on=None) -> dict:
	return {
		"purpose": purpose,
		"given_on": given_on or add_days(today(), -100),
		"means": means,
		"withdrawn_on": withdrawn_on,
	}


def saved_rows(trainee: str) -> list[tuple]:
	"""The rows as the database holds them."""
	return [
		tuple(values)
		for values in frappe.get_all(
			"Trainee Consent",
			filters={"parenttype": "Trainee", "parent": trainee},
			fields=["purpose", "given_on", "means", "withdrawn_on", "status"],
			order_by="idx",
			as_list=True,
		)
	]


def consent_log(trainee: str, since) -> list[str]:
	return frappe.get_all(
		LOG,
		filters={"trainee": trainee, "action": "Consent", "accessed_on": (">=", since)},
		pluck="path",
		order_by="creation",
	)


class ConsentTestCase(InsertionTestCase):
	def setUp(self) -> None:
		self.user = {key: make_user(email, roles) for key, (email, roles) in USERS.items()}

	def trainee(self, *consents: dict, **values) -> "frappe.Document":
		return make_trainee(last_name="Consentement", consents=list(consents), **values)

	def refused(self, user: str, doc, pattern: str, error=frappe.ValidationError) -> None:
		"""Saving `doc` as `user` is refused with `pattern`, and the database keeps its rows."""
		before = saved_rows(doc.name)
		frappe.set_user(user)
		with self.assertRaisesRegex(error, pattern):
			doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(saved_rows(doc.name), before)


class TestConsentRows(ConsentTestCase):
	def test_rows_take_their_status_and_the_intake_gives_the_legacy_fields(self) -> None:
		given_on = add_days(today(), -30)
		trainee = self.trainee(row(INTAKE, given_on), row(PHOTOS, withdrawn_on=add_days(today(), -1)))
		self.assertEqual([r[4] for r in saved_rows(trainee.name)], ["Given", "Withdrawn"])
		self.assertEqual((trainee.consent_given, getdate(trainee.consent_date)), (1, getdate(given_on)))
		# The old fields alone (older scripts, imports) still record the intake's consent.
		legacy = make_trainee(last_name="Ancien", consent_given=1, consent_date=given_on, consents=[])
		self.assertEqual(saved_rows(legacy.name), [(INTAKE, getdate(given_on), "Signed Form", None, "Given")])
		# Without a consent to the intake in force, the old fields say no.
		frappe.set_user(self.user["counsellor"])
		trainee.consents[0].withdrawn_on = today()
		trainee.save()
		frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.get_value("Trainee", trainee.name, ["consent_given", "consent_date"]), (0, None)
		)

	def test_dates_in_the_future_or_backwards_are_refused_as_the_counsellor(self) -> None:
		counsellor = self.user["counsellor"]
		trainee = self.trainee(row(INTAKE))
		trainee.append("consents", row(FUNDER, given_on=add_days(today(), 1)))
		self.refused(
			counsellor, trainee, r"row 2 \(Sharing with the Funder\): .*Given On.* cannot be in the future"
		)

		trainee = frappe.get_doc("Trainee", trainee.name)
		trainee.consents[0].withdrawn_on = add_days(today(), 3)
		self.refused(
			counsellor, trainee, r"row 1 \(Intake Information\): .*Withdrawn On.* cannot be in the future"
		)

		trainee = frappe.get_doc("Trainee", trainee.name)
		trainee.consents[0].withdrawn_on = add_days(trainee.consents[0].given_on, -1)
		self.refused(counsellor, trainee, r"Withdrawn On.* cannot be before .*Given On")
		self.assertIsNone(frappe.db.get_value("Trainee Consent", trainee.consents[0].name, "withdrawn_on"))

	def test_one_consent_in_force_per_purpose_and_a_new_one_after_a_withdrawal(self) -> None:
		manager = self.user["manager"]
		trainee = self.trainee(row(INTAKE), row(NETWORK, add_days(today(), -60)))
		trainee.append("consents", row(NETWORK, add_days(today(), -10)))
		self.refused(
			manager, trainee, r"row 3 \(Network Statistics\): .*Given On.* the consent of row 2 is in force"
		)

		# Withdrawn ten days ago, given again five days ago: two rows, one in force.
		trainee = frappe.get_doc("Trainee", trainee.name)
		frappe.set_user(manager)
		trainee.consents[1].withdrawn_on = add_days(today(), -10)
		trainee.append("consents", row(NETWORK, add_days(today(), -5), "Electronic"))
		trainee.save()
		frappe.set_user("Administrator")
		self.assertEqual([r[4] for r in saved_rows(trainee.name)], ["Given", "Withdrawn", "Given"])
		self.assertEqual(consented_trainees([trainee.name], NETWORK), {trainee.name})
		self.assertEqual(consented_trainees([trainee.name], NETWORK, add_days(today(), -7)), set())

	def test_a_withdrawal_is_final_and_the_record_says_so(self) -> None:
		counsellor = self.user["counsellor"]
		withdrawn_on = add_days(today(), -2)
		trainee = self.trainee(row(INTAKE), row(PHOTOS, withdrawn_on=withdrawn_on))

		trainee.consents[1].withdrawn_on = None
		self.refused(
			counsellor,
			trainee,
			r"row 2 \(Photos\): .*Withdrawn On.* cannot be cleared: the consent was withdrawn",
		)
		for field, value in (("given_on", add_days(today(), -99)), ("means", "Electronic")):
			trainee = frappe.get_doc("Trainee", trainee.name)
			trainee.consents[1].set(field, value)
			label = frappe.get_meta("Trainee Consent").get_label(field)
			self.refused(
				counsellor,
				trainee,
				rf"row 2 \(Photos\): .*{label}.* cannot change: the consent was withdrawn",
			)

		trainee = frappe.get_doc("Trainee", trainee.name)
		trainee.remove(trainee.consents[1])
		self.refused(counsellor, trainee, r"the row stays, as the record of the withdrawal")
		self.assertEqual(
			saved_rows(trainee.name)[1],
			(PHOTOS, getdate(add_days(today(), -100)), "Signed Form", getdate(withdrawn_on), "Withdrawn"),
		)

	def test_a_new_consent_and_a_withdrawal_are_logged(self) -> None:
		since = now_datetime()
		trainee = self.trainee(row(INTAKE))
		frappe.set_user(self.user["counsellor"])
		trainee = frappe.get_doc("Trainee", trainee.name)
		trainee.append("consents", row(NETWORK))
		trainee.save()
		trainee.consents[1].withdrawn_on = today()
		trainee.save()
		trainee.save()  # nothing changed: nothing logged
		frappe.set_user("Administrator")
		self.assertEqual(
			consent_log(trainee.name, since),
			[
				"Server (Intake Information: given)",
				"Server (Network Statistics: given)",
				"Server (Network Statistics: withdrawn)",
			],
		)
		entry = frappe.get_last_doc(LOG, filters={"trainee": trainee.name, "action": "Consent"})
		self.assertEqual((entry.user, entry.reference_doctype), (self.user["counsellor"], "Trainee"))


class TestConsentRoles(ConsentTestCase):
	def test_managers_and_counsellors_record_consents(self) -> None:
		trainee = self.trainee(row(INTAKE))
		for key, purpose in (("manager", FUNDER), ("counsellor", NETWORK)):
			frappe.set_user(self.user[key])
			doc = frappe.get_doc("Trainee", trainee.name)
			doc.append("consents", row(purpose, means="Verbal, Witnessed"))
			doc.save()
			doc.consents[-1].withdrawn_on = today()
			doc.save()
		frappe.set_user("Administrator")
		self.assertEqual(
			[(r[0], r[4]) for r in saved_rows(trainee.name)],
			[(INTAKE, "Given"), (FUNDER, "Withdrawn"), (NETWORK, "Withdrawn")],
		)

	def test_bookkeepers_and_hr_read_the_consents_but_do_not_change_them(self) -> None:
		trainee = self.trainee(row(INTAKE), row(FUNDER))
		for key in ("bookkeeper", "hr"):
			frappe.set_user(self.user[key])
			doc = frappe.client.get("Trainee", trainee.name)
			self.assertEqual([r["purpose"] for r in doc["consents"]], [INTAKE, FUNDER])
			rows = frappe.get_list(
				"Trainee Consent", parent_doctype="Trainee", filters={"parent": trainee.name}, pluck="purpose"
			)
			self.assertEqual(sorted(rows), sorted([INTAKE, FUNDER]))
			frappe.set_user("Administrator")

			withdrawal = frappe.get_doc("Trainee", trainee.name)
			withdrawal.consents[1].withdrawn_on = today()
			self.refused(self.user[key], withdrawal, "", frappe.PermissionError)
			new = frappe.get_doc("Trainee", trainee.name)
			new.append("consents", row(NETWORK))
			self.refused(self.user[key], new, "", frappe.PermissionError)
		self.assertFalse(
			frappe.db.exists(
				LOG, {"trainee": trainee.name, "action": "Consent", "path": ("like", "%withdrawn%")}
			)
		)

	def test_the_shop_does_not_read_them(self) -> None:
		trainee = self.trainee(row(INTAKE), row(PHOTOS))
		frappe.set_user(self.user["cashier"])
		with self.assertRaises(frappe.PermissionError):
			frappe.client.get("Trainee", trainee.name)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Trainee Consent", parent_doctype="Trainee", filters={"parent": trainee.name})
		doc = frappe.get_doc("Trainee", trainee.name)
		doc.consents[1].withdrawn_on = today()
		frappe.set_user("Administrator")
		self.refused(self.user["cashier"], doc, "", frappe.PermissionError)


class TestWithdrawalTakesEffect(ConsentTestCase):
	def parcours(self, first_name: str, *consents: dict):
		trainee = make_trainee(first_name=first_name, last_name="Réseau", consents=list(consents))
		doc = started_parcours(add_days(today(), -300), trainee=trainee.name, trade=ensure_trade(TRADE))
		doc.close(add_days(today(), -200), "Completed")
		return trainee

	def test_the_network_export_leaves_out_who_withdrew_or_never_consented(self) -> None:
		company = frappe.db.get_single_value("Global Defaults", "default_company")
		frappe.db.set_single_value(SETTINGS, "small_count_threshold", 1)
		period = Period(getdate(add_days(today(), -364)), getdate(today()))
		given = add_days(today(), -320)
		ann = self.parcours("Ann", row(INTAKE, given), row(NETWORK, given))
		self.parcours("Bob", row(INTAKE, given), row(NETWORK, given))
		self.parcours("Cleo", row(INTAKE, given))  # never consented to the network's statistics

		def counts(**consent) -> tuple:
			found = activity.activity(period, {"company": company, "trade": TRADE}, **consent)
			return (
				found["trainees"]["active"],
				found["trainees"]["completed"],
				found["follow_ups"]["3"]["due"],
			)

		def exported() -> dict:
			frappe.set_user(self.user["manager"])
			network.export(company, str(period.start), str(period.end))
			frappe.set_user("Administrator")
			return json.loads(frappe.response.pop("filecontent"))

		self.assertEqual(counts(), (3, 3, 3))  # the enterprise's own report: everybody
		self.assertEqual(counts(consent_purpose=NETWORK), (2, 2, 2))
		before = exported()["trainees"]["active"]

		frappe.set_user(self.user["counsellor"])
		ann = frappe.get_doc("Trainee", ann.name)
		ann.consents[1].withdrawn_on = today()
		ann.save()
		frappe.set_user("Administrator")

		self.assertEqual(counts(), (3, 3, 3))
		self.assertEqual(counts(consent_purpose=NETWORK), (1, 1, 1))
		self.assertEqual(exported()["trainees"]["active"], before - 1)

	def test_the_funder_file_shows_the_id_of_who_did_not_consent(self) -> None:
		f = payroll_fixture.build()
		claim = frappe.get_doc(
			{
				"doctype": "Reimbursement Claim",
				"contract": f.contract,
				"from_date": "2026-03-01",
				"to_date": "2026-03-31",
			}
		).insert()
		claim.get_payroll()
		line = next(line for line in claim.lines if line.trainee)
		name = frappe.db.get_value("Trainee", line.trainee, "trainee_name")

		def file_rows() -> dict:
			frappe.set_user(self.user["bookkeeper"])
			download_claim_xlsx(claim.name)
			frappe.set_user("Administrator")
			rows = list(load_workbook(BytesIO(frappe.response["filecontent"])).active.values)
			return {r[4]: r for r in rows[1:-1]}, rows[-1][-1]

		trainee = frappe.get_doc("Trainee", line.trainee)
		# One consent to the funder, given on the day it starts (whatever the fixture was made with).
		trainee.set("consents", [r for r in trainee.consents if r.purpose != FUNDER])
		trainee.append("consents", row(FUNDER, "2026-01-05"))
		trainee.save()
		named, total = file_rows()
		self.assertEqual(named[line.salary_slip][2], name)

		trainee.consents[-1].withdrawn_on = today()
		trainee.save()
		shown, total_after = file_rows()
		self.assertEqual(shown[line.salary_slip][2], line.trainee)  # the ID, not the name
		self.assertNotIn(name, json.dumps([list(r) for r in shown.values()], default=str))
		# The claim and its amounts are the same.
		self.assertEqual(total_after, total)
		self.assertEqual([r[8:] for r in shown.values()], [r[8:] for r in named.values()])
		staff = [r for r in shown.values() if r[3] is None and r[1]]
		self.assertTrue(staff and all(r[2] for r in staff))  # staff are named: not trainees
		self.assertEqual(
			frappe.db.get_value("Reimbursement Claim Line", line.name, "employee_name"), line.employee_name
		)
		# The claim's print for the funder too.
		printed = frappe.get_print("Reimbursement Claim", claim.name, "Demande de remboursement")
		self.assertIn(f"<td>{line.trainee}</td>", printed)
		self.assertNotIn(name, printed)


class TestLegacyPatch(ConsentTestCase):
	def test_the_old_fields_become_an_intake_row(self) -> None:
		dated = self.trainee(row(INTAKE, "2025-06-02"))
		undated = self.trainee(row(INTAKE, "2025-06-02"))
		without = self.trainee(consent_given=0)
		# As before the table: the old fields only.
		frappe.db.delete("Trainee Consent", {"parent": ("in", [dated.name, undated.name])})
		frappe.db.set_value("Trainee", undated.name, "consent_date", None)
		self.assertEqual(saved_rows(dated.name), [])

		consents_from_legacy_fields.execute()
		consents_from_legacy_fields.execute()  # again: nothing more

		self.assertEqual(
			saved_rows(dated.name), [(INTAKE, getdate("2025-06-02"), "Signed Form", None, "Given")]
		)
		created = getdate(frappe.db.get_value("Trainee", undated.name, "creation"))
		self.assertEqual(saved_rows(undated.name), [(INTAKE, created, "Signed Form", None, "Given")])
		self.assertEqual(frappe.db.get_value("Trainee", undated.name, "consent_date"), created)
		self.assertEqual(saved_rows(without.name), [])
		# The converted trainee saves as any other, its intake consent in force.
		doc = frappe.get_doc("Trainee", dated.name)
		doc.save()
		self.assertEqual((doc.consent_given, getdate(doc.consent_date)), (1, getdate("2025-06-02")))
