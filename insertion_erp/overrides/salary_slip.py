"""Salary Slip (HRMS): Quebec source deductions on every slip of a Quebec company, a slip
a submitted claim holds can be neither cancelled nor deleted, and a submitted or cancelled
slip updates its employee's draft Records of Employment."""

import frappe

from insertion_erp.funding.payroll import guard_claimed_slip
from insertion_erp.quebec_formats import set_in_words
from insertion_erp.quebec_payroll import coverage, deductions, roe

__all__ = ["guard_claimed_slip"]  # before_cancel and on_trash: the claim's rule (funding/payroll.py)


def set_aside_source_deductions(doc, method=None) -> None:
	"""before_validate: the app's rows are written again after HRMS has computed the slip."""
	deductions.set_aside(doc)


def apply_source_deductions(doc, method=None) -> None:
	"""validate, after HRMS has computed the earnings: vacation pay and holiday indemnities of an
	hourly trainee, QPP, QPP2, EI, QPIP, federal and Quebec tax, the employer's contributions;
	then the net pay in words as a Quebec cheque reads it."""
	deductions.apply(doc)
	company_currency = frappe.get_cached_value("Company", doc.company, "default_currency")
	rounded = not doc.is_rounding_total_disabled()
	set_in_words(
		doc,
		{
			"total_in_words": (doc.rounded_total if rounded else doc.net_pay, doc.currency),
			"base_total_in_words": (
				doc.base_rounded_total if rounded else doc.base_net_pay,
				company_currency,
			),
		},
	)
	coverage.warn_empty_slip(doc)


def refresh_records_of_employment(doc, method=None) -> None:
	"""on_submit and on_cancel: the final pay comes after the exit; the draft ROE follows it."""
	roe.refresh_for_slip(doc)
