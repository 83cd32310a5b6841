"""Return to Government: a cohort's public outlay against the yearly public gain of the jobs its
follow-ups found, and the months the gain takes to pay the outlay back.

The cohort is the parcours of the company (and trade) that ended in the period; the data
are read by results/return_to_government.py, the rules are core/results/return_to_government.py. One row
per parcours: its link, trade, income source at entry, situation at the follow-up used,
amounts and the reason it has no gain. No name, no date of birth, no note.
"""

import frappe
from frappe import _
from frappe.utils import escape_html, get_link_to_form

from insertion_erp.controllers import arguments
from insertion_erp.core.results import return_to_government as rules
from insertion_erp.results import return_to_government as data


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	arguments.require(company=filters.company)
	period = arguments.period(filters.from_date, filters.to_date)
	arguments.check_company(filters.company)
	cohort = data.cohort_return(filters.company, period, filters.trade or None)
	currency = frappe.get_cached_value("Company", filters.company, "default_currency")
	# A parcours' row (its income source at entry, its situation after exit) is the insertion
	# team's: whoever may not read the parcours (the bookkeeper) gets the cohort's figures only.
	per_parcours = frappe.has_permission("Parcours", "read")
	notice = message(cohort, filters, period)
	if not per_parcours:
		notice += (
			"<p>"
			+ escape_html(
				_(
					"The rows of each parcours are shown to the insertion team only: here, the cohort's totals."
				)
			)
			+ "</p>"
		)
	return (
		columns(),
		rows(cohort) if per_parcours else [],
		notice,
		None,
		summary(cohort, currency),
	)


def reason_label(reason: str | None) -> str:
	if not reason:
		return ""
	return {
		rules.NO_FOLLOW_UP: _("No follow-up done, or unreachable"),
		rules.NO_INCOME_SOURCE: _("Income source at entry not recorded"),
		rules.NO_WAGE_OR_HOURS: _("Employed, without the hourly wage or the weekly hours"),
		rules.NO_RATES: _("No Return to Government Rates for the year of the follow-up"),
		rules.NOT_EMPLOYED: _("Not employed at the follow-up"),
		rules.NOT_ON_BENEFITS: _("Not on social assistance or employment insurance at entry"),
	}[reason]


def rows(cohort: frappe._dict) -> list[dict]:
	result = []
	for row in cohort.rows:
		p, follow_up, member, gain = row.parcours, row.follow_up, row.member, row.member.gain
		result.append(
			{
				"parcours": p.name,
				"trade": p.trade,
				"income_source": _(p.income_source) if p.income_source else "",
				"situation": _(follow_up.situation) if follow_up else "",
				"months_after_exit": follow_up.months_after_exit if follow_up else None,
				"outlay_claimed": row.outlay.claimed,
				"outlay_paid": row.outlay.paid,
				"benefits": gain.benefits if gain else None,
				"income_tax": gain.quebec_tax + gain.federal_tax if gain else None,
				"contributions": gain.contributions if gain else None,
				"yearly_gain": gain.total if gain else None,
				"months_to_pay_back": rules.months_to_pay_back(row.outlay.claimed, gain.total)
				if gain
				else None,
				"missing_data": "; ".join(
					reason
					for reason in (
						reason_label(member.missing) if member.missing in rules.LACKING_DATA else "",
						"" if row.outlay.claimed else _("No submitted claim recorded: outlay unknown"),
					)
					if reason
				),
				"no_gain": reason_label(member.missing) if member.missing in rules.NO_GAIN else "",
			}
		)
	return result


def summary(cohort: frappe._dict, currency: str | None) -> list[dict]:
	result = cohort.result
	money = {"datatype": "Currency", "currency": currency}
	months = result.months_to_pay_back
	return [
		{"label": _("Trainees in the Cohort"), "value": result.members, "datatype": "Int"},
		{"label": _("Outlay Claimed"), "value": result.outlay, **money},
		{"label": _("Outlay Paid"), "value": sum(row.outlay.paid for row in cohort.rows), **money},
		{"label": _("Yearly Gain"), "value": result.gain.total, "indicator": "Green", **money},
		{
			"label": _("Months to Pay Back"),
			"value": months if months is not None else _("Missing data"),
			"datatype": "Float" if months is not None else "Data",
			"indicator": "Blue" if months is not None else "Orange",
		},
		{"label": _("Employed with Data"), "value": result.employed_with_data, "datatype": "Int"},
		{
			"label": _("Without Claims Recorded"),
			"value": without_claims(cohort),
			"datatype": "Int",
			"indicator": "Orange" if without_claims(cohort) else "Green",
		},
		{
			"label": _("Follow-ups Lacking Data"),
			"value": result.lacking_data_count,
			"datatype": "Int",
			"indicator": "Orange" if result.lacking_data_count else "Green",
		},
	]


def without_claims(cohort: frappe._dict) -> int:
	return sum(1 for row in cohort.rows if not row.outlay.claimed)


def message(cohort: frappe._dict, filters: frappe._dict, period) -> str:
	result = cohort.result
	cohort_text = _("Cohort: the parcours of {0} that ended from {1} to {2}.").format(
		escape_html(filters.company), frappe.format(period.start, "Date"), frappe.format(period.end, "Date")
	)
	if filters.trade:
		cohort_text += " " + _("Trade: {0}.").format(escape_html(filters.trade))
	paragraphs = [
		cohort_text,
		_(
			"Outlay claimed: what the submitted reimbursement claims claimed for the trainee, their own wage and contribution lines plus a share of each claim's supervision staff and insertion cost lines by their paid hours among all the trainees of the claim (other budget lines are left out). Outlay paid: the same, times the share of each claim's invoice the funder has paid. The months to pay back use the outlay claimed."
		),
		_(
			"Yearly gain, an estimate: for a person employed at the latest follow-up done (unreachable excepted) who entered on social assistance or employment insurance, the benefits no longer paid in a year, plus the income tax (Quebec, and federal after the Quebec abatement) and the employee and employer contributions (QPP, EI, QPIP) on the follow-up's hourly wage x weekly hours x the weeks worked in a year. Other credits, the work premium and what the person would have earned anyway are left out."
		),
		_(
			"Months to pay back: outlay claimed / (yearly gain / 12). For the cohort, the outlay of all its trainees against the gain of those employed with data: a wage or hours not recorded are never guessed, so the gain is understated."
		),
	]
	if without_claims(cohort):
		paragraphs.append(
			_(
				"{0} trainees of the cohort have no submitted claim recorded here (their parcours was paid before the app, or not claimed): their outlay is missing, so the cohort's months to pay back are understated."
			).format(without_claims(cohort))
		)
	lacking = [(reason, count) for reason, count in result.lacking_data.items() if count]
	if lacking:
		paragraphs.append(
			_("Lacking data: {0}.").format(
				"; ".join(f"{reason_label(reason)}: {count}" for reason, count in lacking)
			)
		)
	no_gain = [(reason, count) for reason, count in result.no_gain.items() if count]
	if no_gain:
		paragraphs.append(
			_("No gain by definition: {0}.").format(
				"; ".join(f"{reason_label(reason)}: {count}" for reason, count in no_gain)
			)
		)
	paragraphs.extend(rates_paragraphs(cohort))
	return "".join(f"<p>{text}</p>" for text in paragraphs)


def rates_paragraphs(cohort: frappe._dict) -> list[str]:
	"""The rates used, a link to each year's record, and the figures its sources mark to confirm."""
	paragraphs = []
	if cohort.rates:
		paragraphs.append(
			_(
				"Rates: the Return to Government Rates of the year of the follow-up's contact ({0}), which you may edit."
			).format(
				", ".join(
					get_link_to_form(data.RATES, record.name, str(year))
					for year, record in cohort.rates.items()
				)
			)
		)
		for year, record in cohort.rates.items():
			to_confirm = rules.figures_to_confirm(record.sources)
			if to_confirm:
				paragraphs.append(_("{0}, to confirm: {1}").format(year, escape_html(to_confirm)))
			else:
				paragraphs.append(_("{0}: the record's sources mark no figure to confirm.").format(year))
	if cohort.missing_years:
		paragraphs.append(
			_(
				"No Return to Government Rates for {0}: add the year's record to count these follow-ups."
			).format(", ".join(str(year) for year in cohort.missing_years))
		)
	return paragraphs


def columns() -> list[dict]:
	money = {"fieldtype": "Currency", "width": 130}
	return [
		{
			"fieldname": "parcours",
			"label": _("Parcours"),
			"fieldtype": "Link",
			"options": "Parcours",
			"width": 150,
		},
		{"fieldname": "trade", "label": _("Trade"), "fieldtype": "Link", "options": "Trade", "width": 150},
		{
			"fieldname": "income_source",
			"label": _("Income Source at Entry"),
			"fieldtype": "Data",
			"width": 160,
		},
		{
			"fieldname": "situation",
			"label": _("Situation at the Follow-up"),
			"fieldtype": "Data",
			"width": 170,
		},
		{"fieldname": "months_after_exit", "label": _("Months After Exit"), "fieldtype": "Int", "width": 90},
		{"fieldname": "outlay_claimed", "label": _("Outlay Claimed"), **money},
		{"fieldname": "outlay_paid", "label": _("Outlay Paid"), **money},
		{"fieldname": "benefits", "label": _("Benefits No Longer Paid"), **money},
		{"fieldname": "income_tax", "label": _("Income Tax"), **money},
		{"fieldname": "contributions", "label": _("Contributions"), **money},
		{"fieldname": "yearly_gain", "label": _("Yearly Gain"), **money},
		{
			"fieldname": "months_to_pay_back",
			"label": _("Months to Pay Back"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 110,
		},
		{"fieldname": "missing_data", "label": _("Missing Data"), "fieldtype": "Data", "width": 260},
		{"fieldname": "no_gain", "label": _("No Gain by Definition"), "fieldtype": "Data", "width": 260},
	]
