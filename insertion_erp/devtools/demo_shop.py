"""The demo's market side: a thrift shop and café with twelve months of books.

- the till (items and prices, a POS Profile for the cashier, the walk-in customer);
- donated clothes received into stock at zero valuation each month (a Material Receipt
  whose rows allow a zero valuation rate, as ERPNext provides for donations), sold
  from stock;
- café supplies bought each month from a roaster; the shop's rent, electricity and
  insurance each month;
- the till's sales at a thrift shop and café's real scale (some 20,000 to 30,000 $ a month,
  more in the fall, less in January), rung by the cashier as ERPNext's till keeps them: a
  session (POS Opening Entry) each week from Monday, closed on Friday evening (POS Closing
  Entry), whose closing merges the week's POS Invoices into one Sales Invoice (POS Invoice
  Merge Log); for the load's speed a closed week's receipts are rung as one POS Invoice
  holding the week's quantities. The session of last week and this one is still open: its
  receipts are single POS Invoices naming the trainee who served;
- check-ins on the shop floor for the trainees paid by the hour, the two last months
  (they become the timesheets the payroll pays: see demo.load_funding) and this week.

Each part is made once: a second run adds nothing.
"""

from contextlib import contextmanager
from datetime import datetime, time, timedelta

import frappe
from erpnext.accounts.doctype.pos_closing_entry.pos_closing_entry import make_closing_entry_from_opening
from frappe.utils import add_days, add_months, getdate, now_datetime, nowdate

from insertion_erp.constants import SETTINGS
from insertion_erp.core.periods import Period
from insertion_erp.devtools.sample_shop import ITEMS, ensure_shop, open_session, pos_sale
from insertion_erp.ledger import ensure_account
from insertion_erp.quebec_sales_taxes.install import TAXABLE, ZERO_RATED, template_name

DONATED = ("DON-VETEMENTS", "Vêtements donnés (au kilo)", 6.00)
SUPPLIES = ("CAFE-GRAINS", "Café en grains (sac de 5 kg)", 95.00)  # basic groceries: zero-rated
CUPS = ("GOBELETS", "Gobelets compostables (caisse de 500)", 60.00)  # taxable: GST and QST paid
DONATED_GROUP = "Dons revendus"
GST_NUMBER, QST_NUMBER = "123456789 RT0001", "1234567890 TQ0001"  # the demo's, not real ones
SUPPLIER = "Brûlerie du Quartier"
RENT = 3200.00
# The shop's other monthly bills: (account, remark, amount).
BILLS = (
	("Électricité et chauffage", "Hydro-Québec", 640.00),
	("Assurances", "Assurance responsabilité et biens", 385.00),
)
# A week of the till at the year's average (item, quantity), and each month's share of it.
TILL_WEEK = (("DON-VETEMENTS", 450), ("VETEMENT-USAGE", 160), ("CAFE-FILTRE", 380), ("MUFFIN", 220))
SEASON = {
	1: 0.8,
	2: 0.8,
	3: 0.9,
	4: 1.0,
	5: 1.0,
	6: 0.95,
	7: 0.9,
	8: 1.0,
	9: 1.15,
	10: 1.25,
	11: 1.3,
	12: 1.2,
}
OPEN_DAYS = 5  # Monday to Friday
OPENING, CLOSING = time(8, 0), time(17, 0)
DONATED_KG_A_MONTH = 2600
SHIFT = (time(8, 30), time(15, 0))
PRICES = {
	code: price for code, _name, price in (*ITEMS, DONATED)
}  # 6.5 h on the floor, 6 h paid (30 min unpaid)


def load_shop(company: str, cashier: str) -> frappe._dict:
	shop = ensure_shop(company)
	profile = frappe.get_doc("POS Profile", shop.profile)
	if not any(row.user == cashier for row in profile.applicable_for_users):
		profile.append("applicable_for_users", {"user": cashier, "default": 1})
		profile.save(ignore_permissions=True)
	ensure_item(*DONATED, stock=True)
	ensure_item(*SUPPLIES, stock=False, purchase=True)
	ensure_item(*CUPS, stock=False, purchase=True)
	set_up_sales_taxes(company)
	if not frappe.db.exists("Supplier", SUPPLIER):
		frappe.get_doc(
			{
				"doctype": "Supplier",
				"supplier_name": SUPPLIER,
				"supplier_group": frappe.db.get_value("Supplier Group", {"is_group": 0}),
			}
		).insert(ignore_permissions=True)
	if frappe.db.exists("POS Opening Entry", {"pos_profile": shop.profile, "docstatus": 1}):
		return shop
	today = getdate(nowdate())
	first = add_months(today.replace(day=1), -11)
	# The session still open: from the Monday of last week (one to two weeks of receipts).
	last_monday = add_days(today, -7 - today.weekday())
	month = first
	while month <= today:
		# Month by month, in the order of the days: no stock moved before an earlier one.
		receive_donations(company, month)
		buy_supplies(company, add_days(month, 4))
		pay_rent(company, add_days(month, 1))
		pay_bills(company, add_days(month, 9))
		next_month = add_months(month, 1)
		if month < last_monday:
			with as_user(cashier):
				sell_the_weeks(shop, Period(month, min(add_days(next_month, -1), add_days(last_monday, -1))))
		month = next_month
	with as_user(cashier):
		open_session(shop, cashier, str(last_monday), datetime.combine(last_monday, OPENING))
		sell_receipts(shop, Period(last_monday, add_days(today, -1)))
	return shop


@contextmanager
def as_user(user: str):
	"""The till's work done as the cashier, as she does it (her sessions, her receipts)."""
	before = frappe.session.user
	frappe.set_user(user)
	try:
		yield
	finally:
		frappe.set_user(before)


def set_up_sales_taxes(company: str) -> None:
	"""The shop's taxes as a Quebec enterprise keeps them: its GST and QST numbers, coffee beans
	zero-rated, donated goods in their own group, taxable (the Settings' default, see README)."""
	settings = frappe.get_single(SETTINGS)
	if not frappe.db.exists("Item Group", DONATED_GROUP):
		frappe.get_doc(
			{
				"doctype": "Item Group",
				"item_group_name": DONATED_GROUP,
				"parent_item_group": frappe.db.get_value("Item", "CAFE-FILTRE", "item_group"),
			}
		).insert(ignore_permissions=True)
	for code in (DONATED[0], "VETEMENT-USAGE"):
		frappe.db.set_value("Item", code, "item_group", DONATED_GROUP)
	zero_rated = template_name(ZERO_RATED, company)
	beans = frappe.get_doc("Item", SUPPLIES[0])
	if not any(row.item_tax_template == zero_rated for row in beans.taxes):
		beans.append("taxes", {"item_tax_template": zero_rated})
		beans.save(ignore_permissions=True)
	settings.update(
		{
			"gst_number": settings.gst_number or GST_NUMBER,
			"qst_number": settings.qst_number or QST_NUMBER,
			"donated_goods_item_group": DONATED_GROUP,
			"donated_goods_supply": settings.donated_goods_supply or TAXABLE,
		}
	)
	settings.flags.ignore_permissions = True
	settings.save()


def ensure_item(code: str, name: str, price: float, stock: bool, purchase: bool = False) -> None:
	if frappe.db.exists("Item", code):
		return
	frappe.get_doc(
		{
			"doctype": "Item",
			"item_code": code,
			"item_name": name,
			"item_group": frappe.db.get_value("Item", "CAFE-FILTRE", "item_group"),
			"stock_uom": frappe.db.get_value("Item", "CAFE-FILTRE", "stock_uom"),
			"is_stock_item": int(stock),
			"is_purchase_item": int(purchase),
			"is_sales_item": int(not purchase),
			"valuation_rate": 0,
			"include_item_in_manufacturing": 0,
			"standard_rate": price if not purchase else 0,
		}
	).insert(ignore_permissions=True)


def receive_donations(company: str, day) -> None:
	"""Donated clothes into stock, at zero valuation (nothing was paid for them)."""
	entry = frappe.get_doc(
		{
			"doctype": "Stock Entry",
			"stock_entry_type": "Material Receipt",
			"company": company,
			"posting_date": day,
			"set_posting_time": 1,
			"remarks": "Dons de vêtements du mois",
			"items": [
				{
					"item_code": DONATED[0],
					"qty": DONATED_KG_A_MONTH,
					"t_warehouse": frappe.db.get_value("Warehouse", {"company": company, "is_group": 0}),
					"allow_zero_valuation_rate": 1,
					"basic_rate": 0,
				}
			],
		}
	)
	entry.insert(ignore_permissions=True).submit()


def buy_supplies(company: str, day) -> None:
	invoice = frappe.get_doc(
		{
			"doctype": "Purchase Invoice",
			"company": company,
			"supplier": SUPPLIER,
			"posting_date": day,
			"set_posting_time": 1,
			"bill_date": day,
			"due_date": add_days(day, 30),
			"items": [
				{"item_code": SUPPLIES[0], "qty": 4, "rate": SUPPLIES[2]},
				{"item_code": CUPS[0], "qty": 4, "rate": CUPS[2]},
			],
		}
	)
	invoice.set_missing_values()
	# The company's purchase template, as the desk's form sets it: GST and QST on the cups only.
	invoice.taxes_and_charges = frappe.db.get_value(
		"Purchase Taxes and Charges Template", {"company": company, "is_default": 1}
	)
	invoice.append_taxes_from_master()
	invoice.insert(ignore_permissions=True).submit()


def pay_rent(company: str, day) -> None:
	rent = ensure_account(company, "Loyer de la boutique", "Expense")
	cash = frappe.db.get_value("Account", {"company": company, "account_type": "Cash", "is_group": 0})
	cost_center = frappe.get_cached_value("Company", company, "cost_center")
	frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": company,
			"posting_date": day,
			"user_remark": "Loyer de la boutique",
			"accounts": [
				{"account": rent, "debit_in_account_currency": RENT, "cost_center": cost_center},
				{"account": cash, "credit_in_account_currency": RENT, "cost_center": cost_center},
			],
		}
	).insert(ignore_permissions=True).submit()


def pay_bills(company: str, day) -> None:
	cash = frappe.db.get_value("Account", {"company": company, "account_type": "Cash", "is_group": 0})
	cost_center = frappe.get_cached_value("Company", company, "cost_center")
	for account_name, remark, amount in BILLS:
		account = ensure_account(company, account_name, "Expense")
		frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"company": company,
				"posting_date": day,
				"user_remark": remark,
				"accounts": [
					{"account": account, "debit_in_account_currency": amount, "cost_center": cost_center},
					{"account": cash, "credit_in_account_currency": amount, "cost_center": cost_center},
				],
			}
		).insert(ignore_permissions=True).submit()


def sell_the_weeks(shop: frappe._dict, period: Period) -> None:
	"""Each week whose Friday falls in the period: the session opened on Monday morning, the
	week's sales rung (its quantities at the month's share of the year, `SEASON`), the session
	closed on Friday evening, which merges the week into one Sales Invoice dated that Friday."""
	friday = add_days(period.start, (4 - getdate(period.start).weekday()) % 7)
	while friday <= getdate(period.end):
		monday = add_days(friday, 1 - OPEN_DAYS)
		opening = open_session(shop, frappe.session.user, str(monday), datetime.combine(monday, OPENING))
		share = SEASON[friday.month]
		basket = [(code, round(quantity * share)) for code, quantity in TILL_WEEK]
		sell(shop, friday, basket, None, remarks="Reçus de la semaine")
		close_session(opening, datetime.combine(friday, CLOSING))
		friday = add_days(friday, 7)


def close_session(opening: str, at: datetime) -> None:
	"""The cashier's closing of her session, as the till's menu makes it, at `at`."""
	closing = make_closing_entry_from_opening(frappe.get_doc("POS Opening Entry", opening))
	closing.update({"period_end_date": at, "posting_date": at.date(), "posting_time": at.time()})
	closing.insert().submit()


def sell_receipts(shop: frappe._dict, period: Period) -> None:
	"""Receipts each open day (clothes, café), each served by an active trainee when one was
	on their parcours that day."""
	active = frappe.get_all(
		"Parcours",
		filters={"company": shop.company, "status": "Active", "employee": ("is", "set")},
		fields=["employee", "start_date"],
		order_by="start_date",
	)
	baskets = (
		((DONATED[0], 3), ("CAFE-FILTRE", 2)),
		(("MUFFIN", 4), ("CAFE-FILTRE", 4)),
		((DONATED[0], 5), ("VETEMENT-USAGE", 2)),
	)
	day, turn = getdate(period.start), 0
	while day <= getdate(period.end):
		if day.weekday() < OPEN_DAYS:
			serving = [p.employee for p in active if getdate(p.start_date) <= day]
			for n, basket in enumerate(baskets):
				served_by = serving[(turn + n) % len(serving)] if serving else None
				sell(shop, day, basket, served_by)
			turn += 1
		day = add_days(day, 1)


def sell(shop: frappe._dict, day, basket, served_by: str | None, remarks: str | None = None) -> None:
	"""A paid POS Invoice of the open session at the till's prices, whatever the price list."""
	invoice = pos_sale(
		shop,
		basket,
		posting_date=day,
		posting_time=time(12, 0),
		insertion_served_by=served_by,
		remarks=remarks,
	)
	for row, (code, _qty) in zip(invoice.items, basket, strict=True):
		row.rate = row.price_list_rate = PRICES[code]
		# The donated clothes cost nothing: their zero valuation is allowed.
		row.allow_zero_valuation_rate = int(code == DONATED[0])
	invoice.calculate_taxes_and_totals()
	invoice.payments[0].amount = invoice.rounded_total or invoice.grand_total
	invoice.calculate_taxes_and_totals()
	invoice.insert().submit()


def check_in_on_workdays(
	employee: str, period: Period, now: datetime | None = None, days_off: set | frozenset = frozenset()
) -> None:
	"""IN and OUT on each weekday of the period not already checked in (nor a holiday of
	`days_off`); today: IN only, never later than now (a demo loaded at night has its trainees
	in since a time already past)."""
	now = now or now_datetime()
	today = now.date()
	day = period.start
	while day <= period.end:
		if (
			day.weekday() < 5
			and day not in days_off
			and not frappe.db.exists(
				"Employee Checkin",
				{
					"employee": employee,
					"time": ("between", (datetime.combine(day, time.min), datetime.combine(day, time.max))),
				},
			)
		):
			if day == today:
				punches = [("IN", in_today(now))]
			else:
				punches = [("IN", datetime.combine(day, SHIFT[0])), ("OUT", datetime.combine(day, SHIFT[1]))]
			for log_type, at in punches:
				frappe.get_doc(
					{
						"doctype": "Employee Checkin",
						"employee": employee,
						"log_type": log_type,
						"time": at,
						"device_id": "Shop floor",
					}
				).insert(ignore_permissions=True)
		day = day + timedelta(days=1)


def in_today(now: datetime) -> datetime:
	"""Today's IN: the shift's start, or a shift's length before now once the shift is over,
	and a minute before now when the shift has not started yet (a demo loaded at 00:30)."""
	start = datetime.combine(now.date(), SHIFT[0])
	length = datetime.combine(now.date(), SHIFT[1]) - start
	at = max(start, now - length)
	return max(min(at, now - timedelta(minutes=1)), datetime.combine(now.date(), time.min))
