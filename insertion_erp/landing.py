"""Each user's home is where their work is: the floor supervisor's the Shop Floor page, the
cashier's the till. The route is chosen here by role (sent with the desk's boot) and taken
whenever the desk goes to its home (public/js/landing.js); anyone whose work is in the desk's
workspaces (managers, counsellors, the books, HR) has the desk's home as usual.

The shop staff's desk holds their work only: a user whose roles are the shop's (Shop
Supervisor, Shop Cashier) gets the Module Profile *Personnel de la boutique* (every module
blocked but the Shop Floor's: no Website, Tools, ERPNext Settings, Integrations or Support in
the sidebar), unless an administrator gave them another."""

import frappe

from insertion_erp.constants import CASHIER, COUNSELLOR, MANAGER, SUPERVISOR

SHOP_STAFF_PROFILE = "Personnel de la boutique"
SHOP_STAFF_MODULES = ("Shop Floor",)

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


def fit_shop_staff_desk(user, method=None) -> None:
	"""User, before_validate: a shop staff member's desk is their work (module docstring)."""
	roles = [row.role for row in user.get("roles") or []]
	if user.name in ("Administrator", "Guest"):
		return
	if not landing_route(roles):
		# No longer shop staff only (a cashier who becomes the bookkeeper): the desk again.
		if user.module_profile == SHOP_STAFF_PROFILE:
			user.module_profile = None
			user.set("block_modules", [])
		return
	if not user.module_profile and frappe.db.exists("Module Profile", SHOP_STAFF_PROFILE):
		user.module_profile = SHOP_STAFF_PROFILE


def ensure_shop_staff_profile() -> None:
	"""The Module Profile of the shop staff: every module blocked but the Shop Floor's. Made
	once; from then on the administrator's to edit."""
	if frappe.db.exists("Module Profile", SHOP_STAFF_PROFILE):
		return
	modules = frappe.get_all("Module Def", filters={"name": ["not in", SHOP_STAFF_MODULES]}, pluck="name")
	frappe.get_doc(
		{
			"doctype": "Module Profile",
			"module_profile_name": SHOP_STAFF_PROFILE,
			"block_modules": [{"module": module} for module in sorted(modules)],
		}
	).insert(ignore_permissions=True)
