"""What each partner did with the enterprise over a period, read in bulk: the hires found at the
follow-ups, the placements, the employers' satisfaction and the last contact. The referrals'
counts and rates are the activity report's own (results/activity.activity_by_referrer)."""

from collections import defaultdict
from datetime import date

import frappe
from frappe.utils import getdate

from insertion_erp.core.parcours.partners import EMPLOYED, Satisfaction, placement_hours_in, satisfaction
from insertion_erp.core.periods import Period


def hires(period: Period, company: str | None) -> dict[str, dict[str, int]]:
	"""By partner: the alumni found employed by it at a follow-up done in the period, and of
	those, the ones still employed by it at their latest follow-up done by the period's end."""
	rows = frappe.db.sql(
		f"""select f.trainee, f.partner, f.situation, f.contact_date
		from `tabParcours Follow-up` f
		join `tabParcours` p on p.name = f.parcours
		where f.status = 'Done' and f.contact_date <= %(end)s {"and p.company = %(company)s" if company else ""}
		order by f.contact_date, f.creation""",
		{"end": period.end, "company": company},
		as_dict=True,
	)
	hired: dict[str, set[str]] = defaultdict(set)
	latest: dict[str, tuple[str | None, bool]] = {}
	for row in rows:
		employed = row.situation in EMPLOYED
		latest[row.trainee] = (row.partner, employed)
		if employed and row.partner and getdate(row.contact_date) >= period.start:
			hired[row.partner].add(row.trainee)
	return {
		partner: {
			"hired": len(trainees),
			"still_employed": sum(1 for t in trainees if latest.get(t) == (partner, True)),
		}
		for partner, trainees in hired.items()
	}


def placements(period: Period, company: str | None) -> dict[str, dict]:
	"""By host partner: the placements under way on a day of the period, and their hours in it."""
	rows = frappe.db.sql(
		f"""select partner, start_date, end_date, hours from `tabPlacement`
		where start_date <= %(end)s and end_date >= %(start)s {"and company = %(company)s" if company else ""}""",
		{"start": period.start, "end": period.end, "company": company},
		as_dict=True,
	)
	found: dict[str, dict] = defaultdict(lambda: {"placements": 0, "hours": 0})
	for row in rows:
		found[row.partner]["placements"] += 1
		found[row.partner]["hours"] += placement_hours_in(
			row.hours, Period(getdate(row.start_date), getdate(row.end_date)), period
		)
	return found


def satisfaction_by_partner(period: Period) -> dict[str, Satisfaction]:
	"""The overall ratings employers gave in the period, by partner."""
	ratings: dict[str, list] = defaultdict(list)
	for partner, overall in frappe.db.sql(
		"""select partner, overall from `tabEmployer Satisfaction Answer`
		where date(creation) between %(start)s and %(end)s and coalesce(partner, '') != ''""",
		{"start": period.start, "end": period.end},
	):
		ratings[partner].append(overall)
	return {partner: satisfaction(values) for partner, values in ratings.items()}


def last_contacts(up_to: date) -> dict[str, date]:
	"""The day of each partner's latest email, comment or event on its timeline, up to a day."""
	queries = (
		"""select reference_name, max(date(communication_date)) from `tabCommunication`
		where reference_doctype = 'Partner' and date(communication_date) <= %(day)s group by reference_name""",
		"""select reference_name, max(date(creation)) from `tabComment`
		where reference_doctype = 'Partner' and comment_type = 'Comment' and date(creation) <= %(day)s
		group by reference_name""",
		"""select ep.reference_docname, max(date(e.starts_on)) from `tabEvent Participants` ep
		join `tabEvent` e on e.name = ep.parent
		where ep.reference_doctype = 'Partner' and date(e.starts_on) <= %(day)s group by ep.reference_docname""",
	)
	latest: dict[str, date] = {}
	for query in queries:
		for partner, day in frappe.db.sql(query, {"day": up_to}):
			if day and (partner not in latest or getdate(day) > latest[partner]):
				latest[partner] = getdate(day)
	return latest


@frappe.whitelist()
def employers_who_hired_card() -> dict:
	"""Number card: partners that hired an alumnus found at a follow-up done this calendar year,
	for the user's company. For those who may read the partner report."""
	if not frappe.get_cached_doc("Report", "Partner Report").is_permitted():
		frappe.throw(frappe._("Not permitted"), frappe.PermissionError)
	company = frappe.defaults.get_user_default("Company") or frappe.db.get_single_value(
		"Global Defaults", "default_company"
	)
	today = getdate()
	found = hires(Period(date(today.year, 1, 1), today), company)
	return {"value": len(found), "fieldtype": "Int"}
