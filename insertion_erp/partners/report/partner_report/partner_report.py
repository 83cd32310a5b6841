"""Per partner and period: the people it referred and how their parcours went (the activity
report's counts and rates, never a second definition), the alumni it hired, its placements,
its satisfaction and the last contact. Counts only: no trainee is named."""

import frappe
from frappe import _

from insertion_erp.controllers import arguments
from insertion_erp.core.parcours.partners import DEFINITIONS, Satisfaction
from insertion_erp.core.results import outcomes
from insertion_erp.partners import figures
from insertion_erp.results.activity import activity_by_referrer, follow_up_offsets


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	if not filters.from_date or not filters.to_date:
		frappe.throw(_("Choose the period."), title=_("Period Missing"))
	if not filters.company:
		frappe.throw(_("Choose the company."), title=_("Company Missing"))
	arguments.check_company(filters.company)
	period = arguments.period(filters.from_date, filters.to_date)
	partners = frappe.get_all(
		"Partner",
		filters={
			"disabled": 0,
			**({"partner_type": filters.partner_type} if filters.partner_type else {}),
			**({"name": filters.partner} if filters.partner else {}),
		},
		fields=["name", "partner_type"],
		order_by="partner_name",
	)
	offsets = follow_up_offsets()
	offset = offsets[-1] if offsets else None
	referred = activity_by_referrer(period, {"company": filters.company})
	hires = figures.hires(period, filters.company)
	placements = figures.placements(period, filters.company)
	ratings = figures.satisfaction_by_partner(period)
	contacts = figures.last_contacts(period.end)
	rows = [
		row(
			p,
			referred.get(p.name),
			offset,
			hires.get(p.name, {}),
			placements.get(p.name),
			ratings.get(p.name),
			contacts,
		)
		for p in partners
	]
	return columns(offset), rows, message(offset)


def row(partner, activity, offset, hired, placed, rated: Satisfaction | None, contacts) -> dict:
	trainees = activity["trainees"] if activity else {}
	follow_ups = activity["follow_ups"].get(str(offset), {}) if activity and offset else {}
	return {
		"partner": partner.name,
		"partner_type": _(partner.partner_type),
		"entered": trainees.get("entered", 0),
		"active": trainees.get("active", 0),
		"completed": trainees.get("completed", 0),
		"exited_early": trainees.get("exited_early", 0),
		"completion_rate": outcomes.completion_rate(activity) if activity else None,
		"follow_ups_due": follow_ups.get("due", 0),
		"integration_rate": outcomes.rate(activity, offset) if activity and offset else None,
		"hired": hired.get("hired", 0),
		"still_employed": hired.get("still_employed", 0),
		"placements": placed["placements"] if placed else 0,
		"placement_hours": placed["hours"] if placed else 0,
		"answers": rated.answers if rated else 0,
		"satisfaction": rated.mean if rated else None,
		"distribution": rated.text() if rated else "",
		"last_contact": contacts.get(partner.name),
	}


def message(offset: int | None) -> str:
	"""Each column's definition, the referrals' rates in the activity report's words."""
	parts = [_("Follow-ups at {0} months, the settings' last offset.").format(offset)] if offset else []
	parts += [
		f"{_(outcomes.INDICATOR_LABELS[key])} = {_(outcomes.DEFINITIONS[key])}."
		for key in ("completion", "integration")
	]
	parts += [f"{_(LABELS[key])} = {_(DEFINITIONS[key])}." for key in LABELS]
	return " ".join(parts)


LABELS = {
	"entered": "Referred, Entered",
	"active": "Referred, Served",
	"hired": "Alumni Hired",
	"still_employed": "Still Employed",
	"placements": "Placements",
	"satisfaction": "Satisfaction (1-5)",
	"last_contact": "Last Contact",
}


def columns(offset: int | None) -> list[dict]:
	def column(fieldname: str, label: str, fieldtype: str = "Int", width: int = 110, **extra) -> dict:
		return {"fieldname": fieldname, "label": _(label), "fieldtype": fieldtype, "width": width, **extra}

	return [
		column("partner", "Partner", "Link", 220, options="Partner"),
		column("partner_type", "Partner Type", "Data", 160),
		column("entered", LABELS["entered"]),
		column("active", LABELS["active"]),
		column("completed", "Completed"),
		column("exited_early", "Exited Early"),
		column("completion_rate", "Completion Rate", "Percent"),
		column("follow_ups_due", "Follow-ups Due"),
		column("integration_rate", "Integration Rate", "Percent"),
		column("hired", LABELS["hired"]),
		column("still_employed", LABELS["still_employed"]),
		column("placements", LABELS["placements"]),
		column("placement_hours", "Placement Hours", "Float", precision=1),
		column("answers", "Answers"),
		column("satisfaction", LABELS["satisfaction"], "Float", precision=1),
		column("distribution", "Ratings Given", "Data", 140),
		column("last_contact", LABELS["last_contact"], "Date"),
	]
