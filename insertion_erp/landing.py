"""Each user lands where their work is: the floor supervisor on the Shop Floor page, the
cashier at the till. The route is chosen here by role (sent with the desk's boot) and taken
once, when the desk opens on its home (public/js/landing.js); anyone whose work is in the
desk's workspaces (managers, counsellors, the books, HR) lands there as usual."""

import frappe

from insertion_erp.constants import CASHIER, COUNSELLOR, MANAGER, SUPERVISOR

SHOP_FLOOR_PAGE = "shop-floor"
TILL_PAGE = "point-of-sale"
DESK_ROLES = {
	MANAGER,
	COUNSELLOR,
	"System Manager",
	"Accounts User",
	"Accounts Manager",
	"HR User",
	"HR Manager",
}


def landing_route(roles) -> str | None:
	"""The page a user with `roles` opens on, or None for the desk's home."""
	roles = set(roles)
	if roles & DESK_ROLES:
		return None
	if SUPERVISOR in roles:
		return SHOP_FLOOR_PAGE
	if CASHIER in roles:
		return TILL_PAGE
	return None


def boot_session(bootinfo) -> None:
	"""Hook: the user's landing page, in the desk's boot."""
	bootinfo.insertion_landing = landing_route(frappe.get_roles())
