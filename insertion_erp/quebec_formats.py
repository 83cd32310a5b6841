"""Quebec French conventions on the documents themselves: amounts in words as a cheque reads
them ("Mille huit cent trente-cinq dollars et 07/100", core/words.py), where frappe writes the
cents of a Canadian amount as "Sept Cent" (seven hundred). Only on a French site and for an
amount in Canadian dollars: an English site keeps frappe's words."""

import re
from datetime import date

import frappe
from babel.dates import format_date as babel_format_date
from frappe.utils import flt

from insertion_erp.core.words import cheque_words

CANADIAN_DOLLAR = "CAD"


def writes_french() -> bool:
	return (frappe.get_system_settings("language") or "").startswith("fr")


def set_in_words(doc, amounts: dict[str, tuple[float, str | None]]) -> None:
	"""Each field of `amounts` ({field: (amount, currency)}) in words, for Canadian dollars on a
	French site; frappe's own words stay otherwise."""
	if not writes_french():
		return
	for field, (amount, currency) in amounts.items():
		if currency == CANADIAN_DOLLAR and doc.meta.has_field(field):
			doc.set(field, cheque_words(abs(flt(amount))))


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_PERIOD = re.compile(rf"({'|'.join(MONTHS)}) (\d{{4}})")


def user_locale() -> str:
	"""The session's language as a babel locale (French is Quebec's: fr_CA)."""
	lang = (getattr(frappe.local, "lang", None) or "en").replace("-", "_")
	return "fr_CA" if lang == "fr" else lang


def short_day(day: date) -> str:
	"""A day as a table's column reads it in the user's language: "lun. 30"."""
	return babel_format_date(day, "EEE d", locale=user_locale())


def chart_labels(labels: list) -> list:
	"""A dashboard chart's months in the user's language: frappe labels them "Dec 2025" in
	English whatever the language (frappe.utils.dateutils.get_period); Quebec reads
	"déc. 2025". Other labels, and an English user's, stay."""
	locale = user_locale()
	if locale.startswith("en"):
		return labels

	def label_of(label):
		match = MONTH_PERIOD.fullmatch(label) if isinstance(label, str) else None
		if not match:
			return label
		month = date(int(match.group(2)), MONTHS.index(match.group(1)) + 1, 1)
		return babel_format_date(month, "MMM y", locale=locale)

	return [label_of(label) for label in labels]
