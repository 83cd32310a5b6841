"""The demo loaded at any hour: nothing it makes for today lies in the future, so the
supervisor's taps and the till work at 00:30 as at 23:30."""

from datetime import date, timedelta

import frappe
from frappe.utils import get_datetime

from insertion_erp.devtools.demo import on_the_floor_this_week
from insertion_erp.devtools.demo_shop import in_today
from insertion_erp.devtools.sample_shop import ensure_shop, open_session
from insertion_erp.tests.factories import started_parcours
from insertion_erp.tests.utils import TEST_COMPANY, InsertionTestCase, make_user

DAY = date(2026, 12, 2)  # a Wednesday


class TestDemoAtAnyHour(InsertionTestCase):
	def test_nothing_today_is_in_the_future(self) -> None:
		parcours = started_parcours(start=str(DAY - timedelta(days=30)), company=TEST_COMPANY)
		shop = ensure_shop(TEST_COMPANY)
		for hour, user in (("00:30:00", "nuit@example.org"), ("23:30:00", "soir@example.org")):
			make_user(user, ["Shop Cashier"])
			frappe.db.delete("Employee Checkin", {"employee": parcours.employee})
			now = get_datetime(f"{DAY} {hour}")
			# The demo's own step: this week's check-ins of the company's trainees under way.
			on_the_floor_this_week(TEST_COMPANY, now=now)
			session = open_session(shop, user=user, now=now)
			times = frappe.get_all(
				"Employee Checkin", filters={"employee": parcours.employee}, pluck="time", order_by="time"
			)
			self.assertEqual(len(times), 5, hour)  # IN and OUT on Monday and Tuesday, IN today
			self.assertTrue(all(get_datetime(t) <= now for t in times), (hour, times))
			self.assertFalse(frappe.db.exists("Employee Checkin", {"time": (">", now)}), hour)
			self.assertEqual(get_datetime(times[-1]).date(), DAY)
			start = frappe.db.get_value("POS Opening Entry", session, "period_start_date")
			self.assertLessEqual(get_datetime(start), now, hour)

	def test_todays_in_is_past_and_a_shift_long_at_most(self) -> None:
		at = get_datetime
		self.assertEqual(in_today(at(f"{DAY} 00:30:00")), at(f"{DAY} 00:29:00"))
		self.assertEqual(in_today(at(f"{DAY} 10:00:00")), at(f"{DAY} 08:30:00"))
		self.assertEqual(in_today(at(f"{DAY} 23:30:00")), at(f"{DAY} 17:00:00"))
		self.assertEqual(in_today(at(f"{DAY} 08:30:00")), at(f"{DAY} 08:29:00"))
