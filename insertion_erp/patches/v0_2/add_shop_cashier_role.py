"""Sites installed before the Shop Cashier role get it and its till permissions."""

from insertion_erp.install.install import add_cashier_permissions


def execute() -> None:
	add_cashier_permissions()
