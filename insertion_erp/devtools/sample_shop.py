"""A thrift shop and café's till for the tests, the demo and the POS benchmark: items and
prices, a walk-in customer, a POS Profile paid in cash, an open session, sales. Each
record is made once (a second call finds it). Only ERPNext's doctypes are used here, so
the POS benchmark can also run on a site without the app."""

from datetime import datetime

import frappe
from frappe.utils import flt, get_datetime, now_datetime

from insertion_erp.ledger import ensure_account

ITEM_GROUP = "Boutique et café"
CUSTOMER = "Client de passage"
# (code, name, price): services and goods sold at the till; no stock kept for these.
ITEMS = (
	("CAFE-FILTRE", "Café filtre", 2.25),
	("MUFFIN", "Muffin maison", 3.50),
	("VETEMENT-USAGE", "Vêtement usagé", 8.00),
)


def ensure_shop(company: str) -> frappe._dict:
	"""The company's till: its POS Profile, customer and items (with a selling price)."""
	abbr = frappe.get_cached_value("Company", company, "abbr")
	if not frappe.db.exists("Item Group", ITEM_GROUP):
		frappe.get_doc(
			{"doctype": "Item Group", "item_group_name": ITEM_GROUP, "parent_item_group": root("Item Group")}
		).insert(ignore_permissions=True)
	price_list = frappe.db.get_single_value("Selling Settings", "selling_price_list") or "Standard Selling"
	uom = frappe.db.get_single_value("Stock Settings", "stock_uom") or frappe.db.get_value(
		"UOM", {"must_be_whole_number": 1}
	)
	for code, name, price in ITEMS:
		if not frappe.db.exists("Item", code):
			frappe.get_doc(
				{
					"doctype": "Item",
					"item_code": code,
					"item_name": name,
					"item_group": ITEM_GROUP,
					"stock_uom": uom,
					"is_stock_item": 0,
					"include_item_in_manufacturing": 0,
				}
			).insert(ignore_permissions=True)
		if not frappe.db.exists("Item Price", {"item_code": code, "price_list": price_list}):
			frappe.get_doc(
				{
					"doctype": "Item Price",
					"item_code": code,
					"price_list": price_list,
					"price_list_rate": price,
				}
			).insert(ignore_permissions=True)
	if not frappe.db.exists("Customer", CUSTOMER):
		frappe.get_doc(
			{
				"doctype": "Customer",
				"customer_name": CUSTOMER,
				"customer_group": frappe.db.get_value("Customer Group", {"is_group": 0}),
				"territory": frappe.db.get_value("Territory", {"is_group": 0}) or root("Territory"),
			}
		).insert(ignore_permissions=True)
	cash = frappe.db.get_value("Account", {"company": company, "account_type": "Cash", "is_group": 0})
	# The setup wizard names it in the site's language ("Cash", "Espèces").
	mode = frappe.get_doc("Mode of Payment", frappe.db.get_value("Mode of Payment", {"type": "Cash"}))
	if not any(row.company == company for row in mode.accounts):
		mode.append("accounts", {"company": company, "default_account": cash})
		mode.save(ignore_permissions=True)
	profile = f"Caisse {abbr}"
	if not frappe.db.exists("POS Profile", profile):
		cost_center = frappe.get_cached_value("Company", company, "cost_center")
		frappe.get_doc(
			{
				"doctype": "POS Profile",
				"__newname": profile,
				"company": company,
				"currency": frappe.get_cached_value("Company", company, "default_currency"),
				"warehouse": frappe.db.get_value("Warehouse", {"company": company, "is_group": 0}),
				"customer": CUSTOMER,
				"selling_price_list": price_list,
				"write_off_account": ensure_account(company, "Écarts de caisse", "Expense"),
				"write_off_cost_center": cost_center,
				"cost_center": cost_center,
				"write_off_limit": 1,
				"item_groups": [{"item_group": ITEM_GROUP}],
				"payments": [{"mode_of_payment": mode.name, "default": 1}],
			}
		).insert(ignore_permissions=True)
	return frappe._dict(
		company=company, profile=profile, customer=CUSTOMER, price_list=price_list, cash_mode=mode.name
	)


def root(doctype: str) -> str:
	return frappe.db.get_value(
		doctype, {"is_group": 1, f"parent_{frappe.scrub(doctype)}": ("in", ("", None))}
	)


def open_session(
	shop: frappe._dict, user: str = "Administrator", day: str | None = None, now: datetime | None = None
) -> str:
	"""The POS Profile's open session (POS Opening Entry) for `user`."""
	existing = frappe.db.get_value(
		"POS Opening Entry", {"pos_profile": shop.profile, "status": "Open", "docstatus": 1, "user": user}
	)
	if existing:
		return existing
	now = now or now_datetime()
	day = day or str(now.date())
	# The shift opens at 8:00, or now when the session is opened before 8:00 (a demo loaded
	# at night): a session starting in the future would leave out the sales made now.
	start = min(get_datetime(f"{day} 08:00:00"), now)
	entry = frappe.get_doc(
		{
			"doctype": "POS Opening Entry",
			"company": shop.company,
			"pos_profile": shop.profile,
			"user": user,
			"period_start_date": start,
			"posting_date": day,
			"balance_details": [{"mode_of_payment": shop.cash_mode, "opening_amount": 100}],
		}
	)
	entry.insert(ignore_permissions=True).submit()
	return entry.name


def pos_sale(shop: frappe._dict, lines: list[tuple[str, float]], **values) -> "frappe.Document":
	"""A paid POS Invoice of (item code, qty) lines, in cash; `values` set other fields
	(insertion_served_by, posting_date...). Returned unsaved."""
	invoice = frappe.get_doc(
		{
			"doctype": "POS Invoice",
			"company": shop.company,
			"pos_profile": shop.profile,
			"customer": shop.customer,
			"is_pos": 1,
			"update_stock": 1,
			"items": [{"item_code": code, "qty": qty} for code, qty in lines],
			**values,
		}
	)
	if values.get("posting_date"):
		invoice.set_posting_time = 1
	invoice.set_missing_values()
	invoice.calculate_taxes_and_totals()
	invoice.append(
		"payments",
		{"mode_of_payment": shop.cash_mode, "amount": flt(invoice.rounded_total or invoice.grand_total)},
	)
	invoice.calculate_taxes_and_totals()
	return invoice
