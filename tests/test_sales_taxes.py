"""GST and QST on a price, and the return's lines."""

from decimal import Decimal as D

from insertion_erp.core.market.sales_taxes import return_lines, taxes_on, total


def test_both_taxes_on_the_price_alone():
	assert taxes_on("10.00") == (D("0.50"), D("1.00"))  # 0.9975 to the cent
	assert taxes_on("3.50") == (D("0.18"), D("0.35"))  # 0.175 and 0.349125
	assert taxes_on(0) == (D("0.00"), D("0.00"))
	# Not the QST on the price and the GST (before 2013): 10.50 x 9.975 % would be 1.05.
	assert taxes_on(10)[1] != D("1.05")


def test_the_return_nets_what_was_paid_against_what_was_collected():
	lines = return_lines(
		supplies="17.50", gst_collected="0.68", gst_paid="0.20", qst_collected="1.35", qst_paid="0.40"
	)
	numbers = [line.line for line in lines]
	assert numbers == ["101", "103", "105", "106", "108", "109", "203", "205", "206", "208", "209", ""]
	assert total(lines, "gst_total") == total(lines, "gst_collected") == D("0.68")
	assert total(lines, "qst_itr_total") == total(lines, "qst_itr") == D("0.40")
	assert total(lines, "gst_net") == D("0.48")
	assert total(lines, "qst_net") == D("0.95")
	assert total(lines, "balance") == D("1.43")
	refund = return_lines(supplies=0, gst_collected=0, gst_paid="5", qst_collected=0, qst_paid="9.98")
	assert total(refund, "balance") == D("-14.98")
