"""Payroll Entry (HRMS): the trainees it leaves out are named before it is submitted
(quebec_payroll/coverage.py)."""

from insertion_erp.quebec_payroll.coverage import warn_left_out


def name_trainees_left_out(doc, method=None) -> None:
	"""validate."""
	warn_left_out(doc)
