"""Comment (Frappe): no public comment on a record that holds confidential notes
(insertion_support/access.py)."""

from insertion_erp.insertion_support.access import refuse_on_confidential_records

__all__ = ["refuse_on_confidential_records"]
