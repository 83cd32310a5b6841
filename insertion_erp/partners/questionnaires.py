"""The two public questionnaires (Frappe Web Forms, no login): the alumni follow-up and the
employer's satisfaction. Each is opened only through a link with a single-use token that the
desk sends by email or copies for a text message; the database keeps the token's hash only.

A web form's page checks its token (web_form/*/get_context) and the answer's controller checks
it again and uses it up in the answer's own transaction: a made-up, used, expired or withdrawn
token writes nothing. A link's submissions are counted per link (`throttle`: one link is one
invitation of one person), never per address, which a drop-in centre's or an office's visitors
share; frappe's own limit on web forms (per address and minute) stays."""

from datetime import timedelta

import frappe
from frappe import _
from frappe.utils import get_url, now_datetime

from insertion_erp.controllers.arguments import require
from insertion_erp.core.parcours.partners import (
	ANSWERED,
	EXPIRED,
	SENT,
	VALID_DAYS,
	WITHDRAWN,
	Problem,
	invitation_state,
	looks_like_token,
	new_token,
	token_hash,
)

FOLLOW_UP, SATISFACTION = "Alumni Follow-up", "Employer Satisfaction"
ROUTES = {FOLLOW_UP: "alumni-follow-up", SATISFACTION: "employer-satisfaction"}
LANGUAGES = ("fr", "en")
# A guest's submissions to the questionnaires per address and hour (frappe adds its own
# 10 a minute per web form).
SUBMISSIONS_PER_HOUR = 20

INVALID = "This link is not valid. Check that you copied it whole, or ask us for a new one."
USED = "This questionnaire was already answered. Thank you!"
EXPIRED_MESSAGE = "This link has expired. Ask us for a new one."
MESSAGES = {None: INVALID, ANSWERED: USED, EXPIRED: EXPIRED_MESSAGE, WITHDRAWN: EXPIRED_MESSAGE}


# The desk --------------------------------------------------------------------------


@frappe.whitelist(methods=["POST"])
def invite(
	questionnaire: str | None = None,
	follow_up: str | None = None,
	placement: str | None = None,
	email: str | None = None,
	send_email: int | str = 1,
) -> dict:
	"""A new single-use link to the questionnaire (the previous one for the same follow-up or
	placement is withdrawn), emailed when an address is known and `send_email` is set, and
	returned for a text message: it is shown this once, the database keeps only its hash."""
	require(questionnaire=questionnaire)
	if questionnaire not in ROUTES:
		frappe.throw(_("Unknown questionnaire: {0}").format(questionnaire), title=_("Invalid Questionnaire"))
	target = (
		follow_up_target(follow_up)
		if questionnaire == FOLLOW_UP
		else satisfaction_target(follow_up, placement)
	)
	known = target.pop("email", None)  # the trainee's, the supervisor's or the partner's
	email = (email or known or "").strip() or None
	if email:
		frappe.utils.validate_email_address(email, throw=True)
	withdraw(questionnaire, target)
	token = new_token()
	invitation = frappe.get_doc(
		{
			"doctype": "Questionnaire Invitation",
			"questionnaire": questionnaire,
			**target,
			"email": email,
			"status": SENT,
			"sent_on": now_datetime(),
			"expires_on": now_datetime() + timedelta(days=VALID_DAYS),
			"token_hash": token_hash(token),
		}
	)
	invitation.insert(ignore_permissions=True)  # the caller's right was checked on the follow-up or placement
	url = get_url(f"/{ROUTES[questionnaire]}/new?token={token}")
	wanted = bool(email and frappe.utils.cint(send_email))
	emailed = wanted and can_email()
	if emailed:
		send(questionnaire, email, url, invitation.expires_on)
	return {
		"invitation": invitation.name,
		"url": url,
		"expires_on": invitation.expires_on,
		"emailed": emailed,
		"no_email_account": wanted and not emailed,
	}


def can_email() -> bool:
	"""Frappe queues an email only with a default outgoing email account."""
	return bool(frappe.db.exists("Email Account", {"enable_outgoing": 1, "default_outgoing": 1}))


def follow_up_target(follow_up: str | None) -> dict:
	if not follow_up:
		frappe.throw(_("Choose the follow-up."), title=_("Follow-up Missing"))
	doc = frappe.get_doc("Parcours Follow-up", follow_up)
	doc.check_permission("write")
	if doc.status == "Done":
		frappe.throw(_("This follow-up is already done."), title=_("Follow-up Done"))
	return {"follow_up": doc.name, "email": frappe.db.get_value("Trainee", doc.trainee, "email")}


def satisfaction_target(follow_up: str | None, placement: str | None) -> dict:
	"""After a placement (its host employer and supervisor) or a hire found at a follow-up."""
	if placement:
		doc = frappe.get_doc("Placement", placement)
		doc.check_permission("write")
		email = frappe.db.get_value("Contact", doc.supervisor, "email_id") if doc.supervisor else None
		return {"placement": doc.name, "partner": doc.partner, "email": email or partner_email(doc.partner)}
	if not follow_up:
		frappe.throw(_("Choose the placement or the follow-up."), title=_("Placement Missing"))
	doc = frappe.get_doc("Parcours Follow-up", follow_up)
	doc.check_permission("write")
	if not doc.partner:
		frappe.throw(
			_("Link the employer to a partner first: {0}.").format(_(doc.meta.get_label("partner"))),
			title=_("Partner Missing"),
		)
	return {"follow_up": doc.name, "partner": doc.partner, "email": partner_email(doc.partner)}


def partner_email(partner: str) -> str | None:
	"""The email of the partner's primary contact, or of its first contact with one."""
	rows = frappe.db.sql(
		"""select c.email_id from `tabContact` c
		join `tabDynamic Link` l on l.parent = c.name and l.parenttype = 'Contact'
		where l.link_doctype = 'Partner' and l.link_name = %(partner)s and coalesce(c.email_id, '') != ''
		order by c.is_primary_contact desc, c.creation limit 1""",
		{"partner": partner},
	)
	return rows[0][0] if rows else None


def withdraw(questionnaire: str, target: dict) -> None:
	key = {name: target[name] for name in ("follow_up", "placement") if target.get(name)}
	for name in frappe.get_all(
		"Questionnaire Invitation",
		filters={"questionnaire": questionnaire, "status": SENT, **key},
		pluck="name",
	):
		frappe.db.set_value("Questionnaire Invitation", name, "status", WITHDRAWN)


def send(questionnaire: str, email: str, url: str, expires_on) -> None:
	"""In French, with a line in English."""
	subject = (
		_("How are you doing? A few questions from your insertion enterprise", lang="fr")
		if questionnaire == FOLLOW_UP
		else _("Your opinion on our trainee's work", lang="fr")
	)
	body = (
		'<p>{0}</p><p><a href="{1}">{1}</a></p><p>{2}</p><hr><p>{3}</p><p><a href="{4}">{4}</a></p>'.format(
			_("Please answer our short questionnaire: it takes two minutes.", lang="fr"),
			url,
			_("This link can be used once, until {0}.", lang="fr").format(frappe.format(expires_on, "Date")),
			"Please answer our short questionnaire (in English):",
			f"{url}&_lang=en",
		)
	)
	frappe.sendmail(recipients=[email], subject=subject, message=body, delayed=True)


# The public forms --------------------------------------------------------------------


def link_state(token: str | None, questionnaire: str) -> str | None:
	"""Sent for a token that opens the questionnaire now, its state otherwise (None: made up)."""
	if not looks_like_token(token):
		return None
	row = frappe.db.get_value(
		"Questionnaire Invitation",
		{"token_hash": token_hash(token), "questionnaire": questionnaire},
		["status", "expires_on"],
		as_dict=True,
	)
	return invitation_state(row.status, row.expires_on, now_datetime()) if row else None


def page_context(context, questionnaire: str) -> None:
	"""A web form's page: the form behind a valid token, in the guest's language; a page that
	says why otherwise."""
	context.no_cache = 1
	state = link_state(frappe.form_dict.get("token"), questionnaire)
	if state != SENT:
		context.template = "insertion_erp/templates/questionnaire_link.html"
		context.title = _("Link Not Valid")
		context.message = _(MESSAGES.get(state, INVALID))
		return
	web_form = context.web_form_doc or {}
	context.title = _(web_form.get("title") or "")
	context.introduction_text = _(web_form.get("introduction_text") or "")
	context.questionnaire_messages = frappe.as_json(field_translations(web_form.get("web_form_fields") or []))


def field_translations(fields) -> dict[str, str]:
	"""The labels, descriptions and choices of the form's questions, translated."""
	messages = set()
	for df in fields:
		messages.update(str(df.get(key) or "") for key in ("label", "description"))
		if df.get("fieldtype") == "Select":
			messages.update((df.get("options") or "").split("\n"))
	return {message: _(message) for message in messages if message}


def take_invitation(token: str | None, questionnaire: str):
	"""The invitation behind the token, locked and marked answered in the answer's transaction."""
	row = None
	if looks_like_token(token):
		throttle(token)
		row = frappe.db.get_value(
			"Questionnaire Invitation",
			{"token_hash": token_hash(token), "questionnaire": questionnaire},
			["name", "status", "expires_on", "follow_up", "placement", "partner"],
			as_dict=True,
			for_update=True,
		)
	state = invitation_state(row.status, row.expires_on, now_datetime()) if row else None
	if state != SENT:
		frappe.throw(_(MESSAGES.get(state, INVALID)), title=_("Link Not Valid"))
	return row


def mark_answered(invitation: str, answer: str) -> None:
	frappe.db.set_value(
		"Questionnaire Invitation",
		invitation,
		{"status": ANSWERED, "answered_on": now_datetime(), "answer": answer},
	)


def refuse(doc, problems: list[Problem]) -> None:
	"""The first problem of an answer, naming its question, in the guest's language."""
	if problems:
		problem = problems[0]
		frappe.throw(
			_(problem.message).format(_(doc.meta.get_label(problem.field)), *problem.args),
			title=_("Please Check Your Answer"),
		)


def throttle(token: str) -> None:
	"""At most SUBMISSIONS_PER_HOUR submissions an hour through one link (one invitation, one
	person), valid or not: a person correcting an answer tries again, nobody else is held back."""
	key = frappe.cache.make_key(f"insertion_erp:questionnaire:{token_hash(token)}")
	count = frappe.cache.incrby(key, 1)
	if count == 1:
		frappe.cache.expire(key, 3600)
	if count > SUBMISSIONS_PER_HOUR:
		frappe.throw(
			_("Too many answers were sent through this link. Please try again in an hour."),
			frappe.RateLimitExceededError,
			title=_("Please Wait"),
		)


def questionnaire_language() -> None:
	"""before_request: a guest on a questionnaire reads it in French unless they chose English
	(the link's `_lang=en`, then kept in frappe's language cookie for the answer)."""
	if frappe.session.user != "Guest" or not getattr(frappe.local, "request", None):
		return
	path = frappe.local.request.path.strip("/").split("/")[0]
	if path not in ROUTES.values() and frappe.form_dict.get("web_form") not in ROUTES.values():
		return
	chosen = frappe.form_dict.get("_lang")
	if chosen in LANGUAGES:
		frappe.local.cookie_manager.set_cookie("preferred_language", chosen)
	else:
		chosen = frappe.request.cookies.get("preferred_language")
	frappe.local.lang = chosen if chosen in LANGUAGES else "fr"
