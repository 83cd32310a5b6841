"""The questionnaires' links on real records: a token opens its form once, and a made-up,
expired, used or withdrawn token, or an answer out of bounds, writes nothing."""

import json
from urllib.parse import parse_qs, urlparse

import frappe
from frappe.utils import add_days, add_to_date, now_datetime, today
from frappe.website.doctype.web_form.web_form import accept

from insertion_erp.core.parcours.partners import new_token, token_hash
from insertion_erp.partners import questionnaires
from insertion_erp.tests.factories import closed_parcours
from insertion_erp.tests.utils import InsertionTestCase, make_user

COUNSELLOR = "qnv-counsellor@example.org"
ANSWER = {
	"situation": "Employed Full Time",
	"employer_or_school": "Boulangerie du Coin",
	"job_type": "Permanent",
	"weekly_hours": 32,
	"hourly_wage": 17.5,
	"comment": "Tout va bien, merci!",
}


def answer_as_guest(web_form: str, token: str | None, values: dict):
	frappe.set_user("Guest")
	try:
		return accept(web_form=web_form, data=json.dumps({**values, "token": token, "doctype": "x"}))
	finally:
		frappe.flags.in_web_form = False  # frappe leaves it set for the request, here the process
		frappe.set_user("Administrator")


def forget_outgoing_account() -> None:
	if hasattr(frappe.local, "outgoing_email_account"):
		delattr(frappe.local, "outgoing_email_account")


def token_of(url: str) -> str:
	return parse_qs(urlparse(url).query)["token"][0]


def counts() -> tuple[int, int, int]:
	return (
		frappe.db.count("Alumni Follow-up Answer"),
		frappe.db.count("Employer Satisfaction Answer"),
		frappe.db.count("Questionnaire Invitation", {"status": "Answered"}),
	)


class TestQuestionnaireInvitation(InsertionTestCase):
	def setUp(self) -> None:
		make_user(COUNSELLOR, ["Insertion Counsellor"])
		self.parcours = closed_parcours(end=add_days(today(), -100))
		frappe.db.set_value("Trainee", self.parcours.trainee, "email", "alumni@example.org")
		self.follow_up = frappe.get_doc(
			"Parcours Follow-up", {"parcours": self.parcours.name, "months_after_exit": 3}
		)

	def invite(self, **values) -> dict:
		frappe.set_user(COUNSELLOR)
		try:
			return questionnaires.invite("Alumni Follow-up", follow_up=self.follow_up.name, **values)
		finally:
			frappe.set_user("Administrator")

	def test_the_link_fills_the_follow_up_once_for_the_counsellor_to_confirm(self) -> None:
		self.assertTrue(self.invite(send_email=1)["no_email_account"])  # said, not failed
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": "Questionnaires Test",
				"email_id": "questionnaires@example.org",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "smtp.example.org",
				"password": "test",
			}
		).insert(ignore_permissions=True)
		# Frappe keeps the outgoing account found in the process: a later test would send (and
		# commit) its notifications through this one, rolled back.
		self.addCleanup(forget_outgoing_account)
		sent = self.invite()
		self.assertTrue(sent["emailed"])
		self.assertIn("/alumni-follow-up/new?token=", sent["url"])
		token = token_of(sent["url"])
		invitation = frappe.get_doc("Questionnaire Invitation", sent["invitation"])
		self.assertEqual(invitation.token_hash, token_hash(token))  # the token itself is kept nowhere
		self.assertNotIn(token, json.dumps(invitation.as_dict(), default=str))
		self.assertEqual(invitation.email, "alumni@example.org")
		self.assertTrue(frappe.db.exists("Email Queue", {"message": ("like", f"%{token}%")}))
		self.assertEqual(questionnaires.link_state(token, "Alumni Follow-up"), "Sent")
		self.assertIsNone(questionnaires.link_state(token, "Employer Satisfaction"))

		answer = answer_as_guest("alumni-follow-up", token, ANSWER)
		self.assertFalse(answer.get("token"))  # what the guest gets back carries no token
		follow_up = frappe.get_doc("Parcours Follow-up", self.follow_up.name)
		self.assertEqual(follow_up.status, "To Confirm")
		self.assertEqual(
			(follow_up.situation, follow_up.employer_or_school, follow_up.job_type, follow_up.weekly_hours),
			("Employed Full Time", "Boulangerie du Coin", "Permanent", 32),
		)
		self.assertEqual(str(follow_up.contact_date), today())
		self.assertEqual(
			frappe.db.get_value("Questionnaire Invitation", sent["invitation"], "status"), "Answered"
		)
		self.assertEqual(questionnaires.link_state(token, "Alumni Follow-up"), "Answered")

		before = counts()
		with self.assertRaisesRegex(frappe.ValidationError, "already answered"):
			answer_as_guest("alumni-follow-up", token, {**ANSWER, "situation": "Looking for Work"})
		self.assertEqual(counts(), before)
		self.assertEqual(
			frappe.db.get_value("Parcours Follow-up", follow_up.name, "situation"), "Employed Full Time"
		)

		frappe.set_user(COUNSELLOR)
		follow_up.reload()
		follow_up.confirm_answer()
		frappe.set_user("Administrator")
		follow_up.reload()
		self.assertEqual((follow_up.status, follow_up.confirmed_by), ("Done", COUNSELLOR))

	def test_a_made_up_expired_or_withdrawn_token_writes_nothing(self) -> None:
		first = token_of(self.invite(send_email=0)["url"])
		second = self.invite(send_email=0)  # a new link withdraws the first
		self.assertEqual(questionnaires.link_state(first, "Alumni Follow-up"), "Withdrawn")
		frappe.db.set_value(
			"Questionnaire Invitation",
			second["invitation"],
			"expires_on",
			add_to_date(now_datetime(), minutes=-1),
		)
		before = counts()
		for token, message in (
			(new_token(), "not valid"),
			("' or 1=1 --", "not valid"),
			(None, "not valid"),
			(first, "expired"),
			(token_of(second["url"]), "expired"),
		):
			with self.subTest(token=token), self.assertRaisesRegex(frappe.ValidationError, message):
				answer_as_guest("alumni-follow-up", token, ANSWER)
		self.assertEqual(counts(), before)
		self.assertEqual(frappe.db.get_value("Parcours Follow-up", self.follow_up.name, "status"), "Planned")
		self.assertFalse(frappe.db.get_value("Parcours Follow-up", self.follow_up.name, "situation"))

	def test_an_oversized_or_malformed_answer_is_refused_by_name_and_writes_nothing(self) -> None:
		token = token_of(self.invite(send_email=0)["url"])
		before = counts()
		for values, label in (
			({**ANSWER, "employer_or_school": "x" * 500}, "Employer or School"),
			({**ANSWER, "weekly_hours": 400}, "Hours per Week"),
			({**ANSWER, "situation": "Astronaut"}, "What is your situation today?"),
			({**ANSWER, "situation": "Looking for Work"}, "Hours per Week: only for a job"),
		):
			with self.subTest(label=label), self.assertRaisesRegex(frappe.ValidationError, label):
				answer_as_guest("alumni-follow-up", token, values)
		self.assertEqual(counts(), before)
		self.assertEqual(questionnaires.link_state(token, "Alumni Follow-up"), "Sent")  # still usable

	def test_a_link_is_throttled_not_the_connection_it_shares(self) -> None:
		# A drop-in centre's Wi-Fi: everyone behind one address. Counting per address refused the
		# alumnus' answer after others had tried; a link (one invitation, one person) is counted.
		frappe.local.request_ip = "203.0.113.77"
		token = token_of(self.invite(send_email=0)["url"])
		key = f"insertion_erp:questionnaire:{token_hash(token)}"
		frappe.cache.delete_value(key)
		try:
			for _ in range(questionnaires.SUBMISSIONS_PER_HOUR + 5):  # others, same address
				with self.assertRaises(frappe.ValidationError):
					answer_as_guest("alumni-follow-up", new_token(), ANSWER)
			refused = {**ANSWER, "weekly_hours": 400}
			for _ in range(questionnaires.SUBMISSIONS_PER_HOUR - 1):  # the alumnus corrects an answer
				with self.assertRaisesRegex(frappe.ValidationError, "Hours per Week"):
					answer_as_guest("alumni-follow-up", token, refused)
			answer_as_guest("alumni-follow-up", token, ANSWER)  # the last try of the hour goes through
			self.assertEqual(questionnaires.link_state(token, "Alumni Follow-up"), "Answered")
			with self.assertRaises(frappe.RateLimitExceededError):
				answer_as_guest("alumni-follow-up", token, ANSWER)
		finally:
			frappe.cache.delete_value(key)
			frappe.local.request_ip = None

	def test_only_who_may_write_the_follow_up_sends_its_link(self) -> None:
		make_user("qnv-cashier@example.org", ["Shop Cashier"])
		frappe.set_user("qnv-cashier@example.org")
		with self.assertRaises(frappe.PermissionError):
			questionnaires.invite("Alumni Follow-up", follow_up=self.follow_up.name)
		frappe.set_user("Administrator")
		self.assertFalse(frappe.db.exists("Questionnaire Invitation", {"follow_up": self.follow_up.name}))
