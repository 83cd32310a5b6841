"""Sites installed before v0.9: the shop staff's desk holds their work only. The Module Profile
*Personnel de la boutique* is made, and each existing user whose roles are the shop's gets it
(landing.fit_shop_staff_desk, run by saving the user)."""

import frappe

from insertion_erp.constants import CASHIER, SUPERVISOR
from insertion_erp.landing import ensure_shop_staff_profile, fit_shop_staff_desk


def execute() -> None:
	ensure_shop_staff_profile()
	users = frappe.get_all(
		"Has Role",
		filters={"parenttype": "User", "role": ["in", (CASHIER, SUPERVISOR)]},
		pluck="parent",
		distinct=True,
	)
	for name in users:
		user = frappe.get_doc("User", name)
		before = user.module_profile
		fit_shop_staff_desk(user)
		if user.module_profile != before:
			user.flags.ignore_permissions = True
			user.save()
