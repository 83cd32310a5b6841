"""Quebec's sales taxes: the GST (5 %) and the QST (9.975 %), each on the price before any
tax (since 1 January 2013 the QST is no longer charged on the GST), and the lines of the
combined GST/QST return (Revenu Québec's form FPZ-500) from a period's amounts.

The rates here are the defaults of the tax templates the app makes for a company; the
templates are records, and what a sale charges is what its template says.
"""

from dataclasses import dataclass
from decimal import Decimal

from insertion_erp.core.money import HUNDRED, ZERO, round_money, to_decimal

GST_RATE = Decimal("5")
QST_RATE = Decimal("9.975")
SOURCES = {
	"gst": "Excise Tax Act, s. 165(1): 5 %; https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/gst-hst-businesses/charge-collect-which-rate.html",
	"qst": "Act respecting the Québec sales tax, s. 16: 9.975 % on the price excluding the GST since 2013-01-01; https://www.revenuquebec.ca/en/businesses/consumption-taxes/gsthst-and-qst/basic-rules-for-applying-the-gsthst-and-qst/calculating-the-taxes/",
}


def taxes_on(price, gst_rate=GST_RATE, qst_rate=QST_RATE) -> tuple[Decimal, Decimal]:
	"""(GST, QST) on a taxable price, each rounded to the cent: both on the price alone."""
	price = to_decimal(price)
	return round_money(price * gst_rate / HUNDRED), round_money(price * qst_rate / HUNDRED)


@dataclass(frozen=True)
class ReturnLine:
	key: str
	line: str  # the form's line number, "" where the line is computed for the reader only
	label: str  # English, translated where shown
	amount: Decimal


def return_lines(
	supplies,
	gst_collected,
	gst_paid,
	qst_collected,
	qst_paid,
) -> list[ReturnLine]:
	"""The return's lines with the numbers of Revenu Québec's combined return (FPZ-500) and its
	worksheet (FP-500, "Calculs détaillés"): the supplies (101: taxable and zero-rated, not the
	exempt ones), then for each tax what was collected (103, 203), the total with adjustments
	the form asks for (105, 205), what was paid on purchases (input tax credits 106, input tax
	refunds 206) and its total with adjustments (108, 208), and the net tax (109, 209), positive
	to remit and negative to be refunded. The app books no adjustment (104, 107, 204, 207): each
	total is its line. Instalments and rebates (110-111, 210-211) are the bookkeeper's to add on
	the form. The line numbers and their sources: the README's GST/QST section."""
	supplies, gst_collected, gst_paid, qst_collected, qst_paid = map(
		to_decimal, (supplies, gst_collected, gst_paid, qst_collected, qst_paid)
	)
	return [
		ReturnLine("supplies", "101", "Total supplies (taxable and zero-rated, excluding exempt)", supplies),
		ReturnLine("gst_collected", "103", "GST collected or collectible", gst_collected),
		ReturnLine("gst_total", "105", "Total GST and adjustments", gst_collected),
		ReturnLine("gst_itc", "106", "GST input tax credits (ITCs)", gst_paid),
		ReturnLine("gst_itc_total", "108", "Total ITCs and adjustments", gst_paid),
		ReturnLine("gst_net", "109", "GST net tax", gst_collected - gst_paid),
		ReturnLine("qst_collected", "203", "QST collected or collectible", qst_collected),
		ReturnLine("qst_total", "205", "Total QST and adjustments", qst_collected),
		ReturnLine("qst_itr", "206", "QST input tax refunds (ITRs)", qst_paid),
		ReturnLine("qst_itr_total", "208", "Total ITRs and adjustments", qst_paid),
		ReturnLine("qst_net", "209", "QST net tax", qst_collected - qst_paid),
		ReturnLine(
			"balance",
			"",
			"Total to remit (refund if negative): lines 109 and 209",
			gst_collected - gst_paid + qst_collected - qst_paid,
		),
	]


def total(lines: list[ReturnLine], key: str) -> Decimal:
	return next((line.amount for line in lines if line.key == key), ZERO)
