"""Partners typed as text before they were records: the parcours' "referred by" and the
follow-up's employer or school. A typed name that agrees with a partner's name (core/parcours/partners.name_key)
is linked to it; the others are listed for the manager (report Partner Names to Match)."""

import frappe
from frappe import _

from insertion_erp.controllers.arguments import require
from insertion_erp.core.parcours.partners import match_names, name_key

# (doctype, typed text field, partner link field)
TYPED = (
	("Parcours", "referral_details", "referral_partner"),
	("Parcours Follow-up", "employer_or_school", "partner"),
)


def unlinked_texts() -> list[dict]:
	"""Each typed name with no partner linked, with where it was typed and how often."""
	rows = []
	for doctype, text_field, link_field in TYPED:
		rows += frappe.db.sql(
			f"""select %(doctype)s as doctype, %(text_field)s as field, trim(`{text_field}`) as text,
				count(*) as records
			from `tab{doctype}`
			where coalesce(`{link_field}`, '') = '' and trim(coalesce(`{text_field}`, '')) != ''
			group by trim(`{text_field}`)""",
			{"doctype": doctype, "text_field": text_field},
			as_dict=True,
		)
	return rows


def link_typed_names(partners: list[str] | None = None) -> int:
	"""Links every typed name that agrees with a partner's name (of `partners`, or of all);
	returns how many records were linked. One update per distinct text."""
	names = partners or frappe.get_all("Partner", pluck="name")
	if not names:
		return 0
	if partners:  # the same key as another partner stays the manager's choice
		names = list({*names, *frappe.get_all("Partner", pluck="name")})
	linked = 0
	texts_by_doctype: dict[tuple, list[str]] = {}
	for row in unlinked_texts():
		texts_by_doctype.setdefault((row.doctype, row.field), []).append(row.text)
	for doctype, text_field, link_field in TYPED:
		matches = match_names(texts_by_doctype.get((doctype, text_field), []), names)
		for text, partner in matches.items():
			if not partner or (partners and partner not in partners):
				continue
			found = frappe.db.sql_list(
				f"""select name from `tab{doctype}`
				where coalesce(`{link_field}`, '') = '' and trim(`{text_field}`) = %(text)s""",
				{"text": text},
			)
			if found:
				table = frappe.qb.DocType(doctype)
				frappe.qb.update(table).set(table[link_field], partner).where(table.name.isin(found)).run()
				linked += len(found)
	return linked


def partner_from_text(text: str | None, partner_type: str, label: str) -> str:
	"""The partner whose name agrees with `text`, made if there is none, and linked wherever the
	name was typed. For the one-click "Create Partner" of a typed employer, school or referrer."""
	if not name_key(text):
		frappe.throw(_("{0} is empty: type the name first.").format(label), title=_("Name Missing"))
	frappe.has_permission("Partner", "create", throw=True)
	existing = match_names([text], frappe.get_all("Partner", pluck="name")).get(text)
	if existing:
		link_typed_names([existing])
		return existing
	partner = frappe.get_doc(
		{"doctype": "Partner", "partner_name": text.strip(), "partner_type": partner_type}
	)
	partner.insert()
	return partner.name


@frappe.whitelist(methods=["POST"])
def create_partner_from_follow_up(follow_up: str | None = None) -> str:
	"""A follow-up's typed employer or school as a Partner, linked there and wherever the same
	name was typed (the follow-up's "Create Partner" button)."""
	require(follow_up=follow_up)
	doc = frappe.get_doc("Parcours Follow-up", follow_up)
	doc.check_permission("write")
	return partner_from_text(
		doc.employer_or_school,
		"School or Training Centre" if doc.situation == "In School or Training" else "Employer",
		_(doc.meta.get_label("employer_or_school")),
	)
