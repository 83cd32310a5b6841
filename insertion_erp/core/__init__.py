"""Pure domain core of insertion_erp.

Nothing in this package imports frappe, erpnext or hrms: it holds the rules
(money, dates and periods, and later claims, caps and indicators) as plain
Python so they are fast to test and easy to read. Controllers, hooks and
reports call it; it never calls them.
"""
