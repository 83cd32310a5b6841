"""Quebec French conventions on the documents themselves: amounts in words as a cheque reads
them ("Mille huit cent trente-cinq dollars et 07/100", core/words.py), where frappe writes the
cents of a Canadian amount as "Sept Cent" (seven hundred). Only on a French site and for an
amount in Canadian dollars: an English site keeps frappe's words."""

import frappe
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
