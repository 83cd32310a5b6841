"""Sites installed before v0.9: the bookkeeper reviews the till's shifts (Accounts User reads
them, Accounts Manager may close one); the cashier's closing itself needs no new right (the
merge into the books' invoice runs with its own, overrides/pos_invoice_merge_log.py)."""

from insertion_erp.install.install import add_cashier_permissions


def execute() -> None:
	add_cashier_permissions()
