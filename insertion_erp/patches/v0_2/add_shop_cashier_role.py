"""Sites installed before the Shop Cashier role get it and its till permissions."""

from insertion_erp.install import add_cashier_role


def execute() -> None:
	add_cashier_role()
