"""Employee (HRMS): relieving an employee (closing a trainee's parcours does) drafts the
Record of Employment its interruption of earnings calls for."""

from insertion_erp.quebec_payroll import roe


def draft_record_of_employment(doc, method=None) -> None:
	"""on_update."""
	roe.on_employee_relieved(doc)
