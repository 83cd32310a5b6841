"""What the funder paid of a claim, as SQL: one rule for every report that reads it.

A submitted claim books a Sales Invoice to the funder; the share of the claim paid is the
share of that invoice paid, (grand total - outstanding amount) / grand total, and 0 while
the invoice is missing, not submitted or for nothing. Contract Budget spreads it over a
claim's budget lines, the Return to Government over the trainees of the claim.
"""


def invoice_join(claim: str = "c", invoice: str = "si") -> str:
	"""The join from the claim table aliased `claim` to its submitted invoice, aliased `invoice`."""
	return (
		f"left join `tabSales Invoice` {invoice} "
		f"on {invoice}.name = {claim}.sales_invoice and {invoice}.docstatus = 1"
	)


def paid_share(invoice: str = "si") -> str:
	"""The paid share (0 to 1) of the invoice aliased `invoice`, as a SQL expression."""
	return (
		f"(case when {invoice}.grand_total > 0 "
		f"then ({invoice}.grand_total - {invoice}.outstanding_amount) / {invoice}.grand_total else 0 end)"
	)
