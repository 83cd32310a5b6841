"""GST and QST at the till and in the books: the company's templates, a session's sales
closed into the ledger, and the GST/QST Return against ERPNext's own General Ledger."""

import frappe
from frappe.desk.query_report import run as run_report
from frappe.tests.utils import change_settings
from frappe.utils import flt, format_time, today

from insertion_erp.devtools.sample_shop import ensure_shop, open_session, pos_sale
from insertion_erp.quebec_sales_taxes.install import (
	EXEMPT,
	RECEIPT,
	TEMPLATE_TITLE,
	ZERO_RATED,
	account_names,
	template_name,
)
from insertion_erp.quebec_sales_taxes.remittance import make_remittance
from insertion_erp.quebec_sales_taxes.report.gst_qst_return.gst_qst_return import execute, tax_return
from insertion_erp.tests.utils import TEST_COMPANY, InsertionTestCase, make_user

# (code, name, price, item tax template title or None)
TEST_ITEMS = (
	("TEST-TAXABLE-10", "Lampe usagée", 10.00, None),
	("TEST-TAXABLE-350", "Tasse usagée", 3.50, None),
	("TEST-TAXABLE-250", "Soucoupe usagée", 2.50, None),
	("TEST-ZERO-RATED", "Pain de ménage", 4.00, ZERO_RATED),
	("TEST-EXEMPT", "Chandail donné", 6.00, EXEMPT),
)


class TestQuebecSalesTaxes(InsertionTestCase):
	def setUp(self) -> None:
		self.shop = ensure_shop(TEST_COMPANY)
		for code, name, price, template in TEST_ITEMS:
			if frappe.db.exists("Item", code):
				continue
			frappe.get_doc(
				{
					"doctype": "Item",
					"item_code": code,
					"item_name": name,
					"item_group": frappe.db.get_value("Item", "CAFE-FILTRE", "item_group"),
					"stock_uom": frappe.db.get_value("Item", "CAFE-FILTRE", "stock_uom"),
					"is_stock_item": 0,
					"taxes": [{"item_tax_template": template_name(template, TEST_COMPANY)}]
					if template
					else [],
				}
			).insert(ignore_permissions=True)
			frappe.get_doc(
				{
					"doctype": "Item Price",
					"item_code": code,
					"price_list": self.shop.price_list,
					"price_list_rate": price,
				}
			).insert(ignore_permissions=True)

	def sale(self, code: str):
		invoice = pos_sale(self.shop, [(code, 1)])
		invoice.insert(ignore_permissions=True)
		invoice.submit()
		return invoice

	@staticmethod
	def taxes(invoice) -> dict[str, float]:
		return {row.description.split()[0]: flt(row.tax_amount) for row in invoice.taxes}

	def test_the_company_charges_both_taxes_by_default(self) -> None:
		sales = template_name(TEMPLATE_TITLE, TEST_COMPANY)
		self.assertEqual(
			frappe.db.get_value(
				"Sales Taxes and Charges Template", {"company": TEST_COMPANY, "is_default": 1}
			),
			sales,
		)
		self.assertEqual(frappe.db.get_value("POS Profile", self.shop.profile, "taxes_and_charges"), sales)
		rows = frappe.get_all(
			"Sales Taxes and Charges",
			filters={"parent": sales},
			fields=["charge_type", "rate", "description"],
			order_by="idx",
		)
		# The QST on the price alone, not on the price and the GST.
		self.assertEqual(
			[(r.charge_type, r.rate, r.description) for r in rows],
			[("On Net Total", 5.0, "TPS (5\u00a0%)"), ("On Net Total", 9.975, "TVQ (9,975\u00a0%)")],
		)
		self.assertTrue(
			frappe.db.get_value(
				"Purchase Taxes and Charges Template", {"company": TEST_COMPANY, "is_default": 1}
			)
		)

	def test_the_till_charges_gst_and_qst_on_the_price(self) -> None:
		open_session(self.shop)
		ten = self.sale("TEST-TAXABLE-10")
		self.assertEqual(self.taxes(ten), {"TPS": 0.50, "TVQ": 1.00})
		self.assertEqual(flt(ten.grand_total), 11.50)
		small = self.sale("TEST-TAXABLE-350")
		# 9,975 % of 3,50 is 0,349125: 0,35 to the cent; 5 % is 0,175: 0,18.
		self.assertEqual(self.taxes(small), {"TPS": 0.18, "TVQ": 0.35})
		self.assertEqual(flt(small.grand_total), 4.03)
		# 5 % of 12,50 is 0,625: half a cent rounds up, 0,63 (not the banker's 0,62).
		twelve_fifty = pos_sale(self.shop, [("TEST-TAXABLE-10", 1), ("TEST-TAXABLE-250", 1)])
		twelve_fifty.insert(ignore_permissions=True)
		self.assertEqual(flt(twelve_fifty.net_total), 12.50)
		self.assertEqual(self.taxes(twelve_fifty), {"TPS": 0.63, "TVQ": 1.25})  # 1,246875
		bread = self.sale("TEST-ZERO-RATED")
		self.assertEqual(sum(self.taxes(bread).values()), 0)
		self.assertEqual(flt(bread.grand_total), 4.00)

	def booked_sale(self, code: str):
		"""A sale of the till's profile booked at once (a Sales Invoice paid at the till, as a
		closed session's sales are booked; closing a session here would commit, as ERPNext's
		consolidation does, and break the test's rollback)."""
		invoice = frappe.get_doc(
			{
				"doctype": "Sales Invoice",
				"company": TEST_COMPANY,
				"customer": self.shop.customer,
				"is_pos": 1,
				"pos_profile": self.shop.profile,
				"items": [{"item_code": code, "qty": 1}],
			}
		)
		invoice.set_missing_values()
		invoice.calculate_taxes_and_totals()
		invoice.append("payments", {"mode_of_payment": self.shop.cash_mode, "amount": invoice.grand_total})
		invoice.insert(ignore_permissions=True)
		invoice.submit()
		return invoice

	def test_an_invoice_total_reads_in_words_as_a_quebec_cheque(self) -> None:
		# ERPNext wrote the cents of a Canadian amount in French as "Cent": 0,50 read "Cinquante
		# Cent" (fifty hundred). On a French site, the invoice reads as a cheque does.
		with change_settings("System Settings", {"language": "fr"}):
			invoice = self.booked_sale("TEST-TAXABLE-10")  # 10,00 + 0,50 + 1,00
		self.assertEqual(invoice.in_words, "Onze dollars et 50/100")
		self.assertEqual(invoice.base_in_words, "Onze dollars et 50/100")
		english = self.booked_sale("TEST-TAXABLE-10")  # an English site keeps ERPNext's words
		self.assertNotIn("/100", english.in_words)

	def test_the_return_equals_the_general_ledger(self) -> None:
		before = {line.key: line.amount for line in tax_return(TEST_COMPANY, today(), today())}
		for code in ("TEST-TAXABLE-10", "TEST-TAXABLE-350", "TEST-ZERO-RATED", "TEST-EXEMPT"):
			self.booked_sale(code)
		# A purchase of taxable goods: its GST and QST are input tax credits and refunds.
		purchase = frappe.get_doc(
			{
				"doctype": "Purchase Invoice",
				"company": TEST_COMPANY,
				"supplier": ensure_supplier(),
				"items": [{"item_code": "TEST-TAXABLE-10", "qty": 2, "rate": 20}],
			}
		)
		purchase.set_missing_values()
		# The company's default purchase template, as the desk's form sets it.
		purchase.taxes_and_charges = frappe.db.get_value(
			"Purchase Taxes and Charges Template", {"company": TEST_COMPANY, "is_default": 1}
		)
		purchase.append_taxes_from_master()
		purchase.insert(ignore_permissions=True)
		purchase.submit()
		self.assertEqual(
			{row.description.split()[0]: flt(row.tax_amount) for row in purchase.taxes},
			{"TPS": 2.00, "TVQ": 3.99},
		)
		lines = {line.key: line.amount for line in tax_return(TEST_COMPANY, today(), today())}
		gained = {key: lines[key] - before[key] for key in lines}
		self.assertEqual(flt(gained["gst_collected"]), 0.68)  # 0,50 + 0,18
		self.assertEqual(flt(gained["qst_collected"]), 1.35)  # 1,00 + 0,35
		# Taxable and zero-rated sales are supplies; the exempt sweater is not.
		self.assertEqual(flt(gained["supplies"]), 17.50)
		self.assertEqual(flt(gained["gst_itc"]), 2.00)
		self.assertEqual(flt(gained["qst_itr"]), 3.99)  # 9,975 % of 40,00

		accounts = account_names(TEST_COMPANY)
		for key, collected in (("gst_collected", True), ("qst_collected", True), ("gst_paid", False)):
			account = accounts[key]
			ledger = general_ledger_movement(account)
			expected = lines[key] if collected else -lines["gst_itc"]
			self.assertEqual(flt(expected, 2), flt(ledger, 2), account)
		self.assertEqual(
			flt(lines["balance"], 2),
			flt(
				sum(general_ledger_movement(account) for account in accounts.values()),
				2,
			),
		)

	def test_a_return_remitted_settles_its_accounts_and_stays_the_same(self) -> None:
		for code in ("TEST-TAXABLE-10", "TEST-TAXABLE-350"):
			self.booked_sale(code)
		lines = {line.key: line.amount for line in tax_return(TEST_COMPANY, today(), today())}
		make_user("remise-tps@example.org", ["Accounts User"])
		frappe.set_user("remise-tps@example.org")
		name = make_remittance(TEST_COMPANY, today(), today())["name"]
		frappe.set_user("Administrator")
		entry = frappe.get_doc("Journal Entry", name)
		self.assertEqual((entry.docstatus, entry.insertion_sales_tax_remittance), (0, 1))
		by_account = {row.account: flt(row.debit) - flt(row.credit) for row in entry.accounts}
		accounts = account_names(TEST_COMPANY)
		# The collected taxes debited, the credits and refunds credited, the balance paid.
		self.assertEqual(by_account[accounts["gst_collected"]], flt(lines["gst_collected"], 2))
		self.assertEqual(by_account[accounts["qst_collected"]], flt(lines["qst_collected"], 2))
		if lines["gst_itc"]:
			self.assertEqual(by_account[accounts["gst_paid"]], -flt(lines["gst_itc"], 2))
		bank = [amount for account, amount in by_account.items() if account not in accounts.values()]
		self.assertEqual(bank, [-flt(lines["balance"], 2)])
		entry.submit()
		# The return still reads the period's taxes: the remittance is left out.
		after = {line.key: line.amount for line in tax_return(TEST_COMPANY, today(), today())}
		self.assertEqual(after, lines)
		# Nothing left to remit, a message; a cashier may not remit.
		with self.assertRaisesRegex(frappe.ValidationError, "nothing to remit"):
			make_remittance(TEST_COMPANY, "2001-01-01", "2001-01-31")
		make_user("caisse-remise@example.org", ["Shop Cashier"])
		frappe.set_user("caisse-remise@example.org")
		with self.assertRaises(frappe.PermissionError):
			make_remittance(TEST_COMPANY, today(), today())

	def test_the_receipt_and_the_invoice_carry_the_registration_numbers(self) -> None:
		settings = frappe.get_single("Insertion Settings")
		settings.gst_number, settings.qst_number = "123456789 RT0001", "1234567890 TQ0001"
		settings.save()
		self.assertEqual(
			frappe.db.get_value("Company", TEST_COMPANY, "tax_id"),
			"TPS 123456789 RT0001 · TVQ 1234567890 TQ0001",
		)
		self.assertEqual(frappe.db.get_value("POS Profile", self.shop.profile, "print_format"), RECEIPT)
		open_session(self.shop)
		invoice = pos_sale(self.shop, [("TEST-TAXABLE-350", 2)])
		invoice.insert(ignore_permissions=True)
		invoice.submit()
		frappe.local.lang = "fr"
		html = frappe.get_print("POS Invoice", invoice.name, print_format=RECEIPT)
		for text in (
			"123456789 RT0001",
			"1234567890 TQ0001",
			"Reçu",
			"TPS (5\u00a0%)",
			"TVQ (9,975\u00a0%)",
			invoice.taxes[1].get_formatted("tax_amount", invoice),  # 0,70 $
			invoice.get_formatted("grand_total"),
		):
			self.assertIn(text, html)
		self.assertRegex(invoice.get_formatted("grand_total"), r"^\d+,\d\d\s?\$$")
		self.assertNotIn("2.0", html)  # two mugs, not 2.0
		# The time as the till shows it, "09:57", where the receipt printed "9:57:".
		self.assertIn(f"{format_time(invoice.posting_time, 'HH:mm')}<br>", html)
		self.assertNotRegex(html, r"\d:\d\d:<")
		self.assertNotIn("Thank you", html)

	def test_the_report_for_the_bookkeeper(self) -> None:
		make_user("tps@example.org", ["Accounts User"])
		frappe.set_user("tps@example.org")
		result = run_report(
			"GST QST Return", filters={"company": TEST_COMPANY, "from_date": today(), "to_date": today()}
		)
		self.assertEqual(
			[row["line"] for row in result["result"]],
			["101", "103", "105", "106", "108", "109", "203", "205", "206", "208", "209", ""],
		)
		frappe.set_user("Administrator")
		make_user("caisse-tps@example.org", ["Shop Cashier"])
		frappe.set_user("caisse-tps@example.org")
		with self.assertRaises(frappe.PermissionError):
			run_report(
				"GST QST Return", filters={"company": TEST_COMPANY, "from_date": today(), "to_date": today()}
			)

	def test_bad_period_is_a_message(self) -> None:
		with self.assertRaisesRegex(frappe.ValidationError, "to_date"):
			execute({"company": TEST_COMPANY, "from_date": today(), "to_date": "not a date"})


def ensure_supplier() -> str:
	name = "Fournisseur Taxes Test"
	if not frappe.db.exists("Supplier", name):
		frappe.get_doc(
			{
				"doctype": "Supplier",
				"supplier_name": name,
				"supplier_group": frappe.db.get_value("Supplier Group", {"is_group": 0}),
			}
		).insert(ignore_permissions=True)
	return name


def general_ledger_movement(account: str) -> float:
	"""Credit less debit of the account today, as ERPNext's General Ledger totals it."""
	result = run_report(
		"General Ledger",
		filters={
			"company": TEST_COMPANY,
			"from_date": today(),
			"to_date": today(),
			"account": [account],
			"categorize_by": "Categorize by Voucher (Consolidated)",
		},
	)
	total = next(row for row in result["result"] if isinstance(row, dict) and row.get("account") == "'Total'")
	return flt(total["credit"]) - flt(total["debit"])
