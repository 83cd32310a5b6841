"""Sales Invoice (ERPNext): a claim's invoice is cancelled by cancelling the claim
(funding/invoicing.py); the trainee who served (also on POS Invoice) must be an active trainee
(shop_floor/sales.py); the total in words as a Quebec cheque reads it (quebec_formats.py)."""

from insertion_erp.funding.invoicing import guard_claim_invoice
from insertion_erp.quebec_formats import set_in_words
from insertion_erp.shop_floor.sales import check_served_by

__all__ = ["check_served_by", "guard_claim_invoice", "total_in_words"]


def total_in_words(doc, method=None) -> None:
	"""validate, after ERPNext wrote its words ("... et Sept Cent" for seven cents)."""
	rounded = not doc.is_rounded_total_disabled()
	set_in_words(
		doc,
		{
			"in_words": (abs(doc.rounded_total if rounded else doc.grand_total), doc.currency),
			"base_in_words": (
				abs(doc.base_rounded_total if rounded else doc.base_grand_total),
				doc.company_currency,
			),
		},
	)
