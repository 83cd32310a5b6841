"""Journal Entry (ERPNext): a Payroll Entry's accrual books the employer's contributions too
(quebec_payroll/accrual.py)."""

from insertion_erp.quebec_payroll.accrual import add_employer_contributions

__all__ = ["add_employer_contributions"]
