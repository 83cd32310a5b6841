"""Quebec labour standards on pay: statutory holidays, holiday indemnity, vacation pay.

Act respecting labour standards (Loi sur les normes du travail, LNT, chapter N-1.1)
and the National Holiday Act (Loi sur la fête nationale, chapter F-1.1):

- general holidays (LNT s. 60; F-1.1 s. 2 for June 24): eight a year;
- the holiday indemnity (LNT s. 62; F-1.1 s. 4): 1/20 of the wages earned in the four
  complete pay weeks before the week of the holiday, overtime excluded;
- vacation pay (LNT ss. 66-69 and 74): 4 % of the reference year's gross wages, 6 % once
  the employee has three years of uninterrupted service at the end of the reference year.

Whether vacation pay is paid with each pay or accrued and paid before the leave (or at the
end of the contract, LNT s. 76) is the caller's setting: these functions only compute the
amounts. LNT s. 75 requires one payment before the leave unless a collective agreement or
a decree provides otherwise (or for a farm worker hired by the day).
"""

from datetime import date, timedelta
from decimal import Decimal

from insertion_erp.core.money import HUNDRED, round_money, to_decimal

GOOD_FRIDAY = "Good Friday"
EASTER_MONDAY = "Easter Monday"
EASTER_CHOICES = (GOOD_FRIDAY, EASTER_MONDAY)

SUNDAY = 6  # Python's weekday number
MONDAY = 0
REFERENCE_WEEKS = 4  # LNT s. 62: "quatre semaines complètes de paie"
HOLIDAY_INDEMNITY_DIVISOR = Decimal("20")  # LNT s. 62: 1/20


def easter_sunday(year: int) -> date:
	"""Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
	if year < 1583:
		raise ValueError("the Gregorian computus applies from 1583")
	a = year % 19
	b, c = divmod(year, 100)
	d, e = divmod(b, 4)
	f = (b + 8) // 25
	g = (b - f + 1) // 3
	h = (19 * a + b - d - g + 15) % 30
	i, k = divmod(c, 4)
	l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
	m = (a + 11 * h + 22 * l) // 451
	month, day = divmod(h + l - 7 * m + 114, 31)
	return date(year, month, day + 1)


def _nth_monday(year: int, month: int, n: int) -> date:
	first = date(year, month, 1)
	return first + timedelta(days=(MONDAY - first.weekday()) % 7 + 7 * (n - 1))


def _monday_before(day: date) -> date:
	"""The Monday strictly before `day` (May 25 a Monday gives May 18)."""
	return day - timedelta(days=(day.weekday() - MONDAY - 1) % 7 + 1)


def quebec_general_holidays(
	year: int, easter: str = GOOD_FRIDAY, *, sunday_is_workday: bool = False
) -> list[tuple[date, str]]:
	"""The eight general holidays of a year (LNT s. 60; National Holiday Act s. 2), sorted by date.

	easter: the employer's choice of "Good Friday" or "Easter Monday" (LNT s. 60).
	July 1 falling on a Sunday moves to July 2 for everyone (LNT s. 60). June 24 falling on a
	Sunday moves to June 25 only for an employee for whom Sunday is not normally a working day
	(National Holiday Act s. 2): `sunday_is_workday` True keeps it on the Sunday.
	"""
	if easter not in EASTER_CHOICES:
		raise ValueError(f"easter must be one of {EASTER_CHOICES}, not {easter!r}")
	easter_day = easter_sunday(year)
	if easter == GOOD_FRIDAY:
		easter_holiday = (easter_day - timedelta(days=2), "Vendredi saint")
	else:
		easter_holiday = (easter_day + timedelta(days=1), "Lundi de Pâques")

	fete_nationale = date(year, 6, 24)
	if fete_nationale.weekday() == SUNDAY and not sunday_is_workday:
		fete_nationale = date(year, 6, 25)
	canada_day = date(year, 7, 1)
	if canada_day.weekday() == SUNDAY:
		canada_day = date(year, 7, 2)

	holidays = [
		(date(year, 1, 1), "Jour de l'An"),
		easter_holiday,
		(_monday_before(date(year, 5, 25)), "Journée nationale des patriotes"),
		(fete_nationale, "Fête nationale du Québec"),
		(canada_day, "Fête du Canada"),
		(_nth_monday(year, 9, 1), "Fête du Travail"),
		(_nth_monday(year, 10, 2), "Action de grâce"),
		(date(year, 12, 25), "Noël"),
	]
	return sorted(holidays)


def _anniversary(start: date, years: int) -> date:
	"""The day `years` years of service after `start` are complete (a February 29 start: March 1)."""
	year = start.year + years
	if start.month == 2 and start.day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
		return date(year, 3, 1)
	return start.replace(year=year)


def vacation_pay_rate(
	continuous_service_start: date,
	on: date,
	rates: tuple[Decimal, Decimal] = (Decimal("4"), Decimal("6")),
	years_for_higher: int = 3,
) -> Decimal:
	"""Vacation pay rate in percent for the service reached at the end of day `on` (LNT ss. 68-69, 74).

	`on` is normally the last day of the reference year (April 30 unless the employer sets
	another, LNT s. 66): service from 2023-05-01 through 2026-04-30 is three full years, so 6 %.
	"""
	if on < continuous_service_start:
		raise ValueError("the date precedes the start of continuous service")
	if years_for_higher < 0:
		raise ValueError("years_for_higher must not be negative")
	base, higher = rates
	service_end = on + timedelta(days=1)  # service counts the whole of day `on`
	if service_end >= _anniversary(continuous_service_start, years_for_higher):
		return to_decimal(higher)
	return to_decimal(base)


def vacation_pay(gross: Decimal, rate_percent: Decimal) -> Decimal:
	"""Vacation pay: gross wages x rate / 100, rounded to the cent (LNT s. 74; s. 76 at the contract's end)."""
	return round_money(to_decimal(gross) * to_decimal(rate_percent) / HUNDRED)


def holiday_reference_weeks(holiday: date, week_starts_on: int = SUNDAY) -> tuple[date, date]:
	"""First and last day of the four complete pay weeks before the holiday's week (LNT s. 62).

	week_starts_on is a Python weekday number (0 = Monday, 6 = Sunday), the first day of
	the employer's pay week.
	"""
	if not 0 <= week_starts_on <= 6:
		raise ValueError("week_starts_on is a weekday number from 0 (Monday) to 6 (Sunday)")
	week_start = holiday - timedelta(days=(holiday.weekday() - week_starts_on) % 7)
	return week_start - timedelta(weeks=REFERENCE_WEEKS), week_start - timedelta(days=1)


def holiday_indemnity(wages_in_reference_weeks: Decimal) -> Decimal:
	"""Holiday indemnity: 1/20 of the reference weeks' wages, overtime excluded, rounded (LNT s. 62).

	The caller leaves overtime out of the wages. (An employee paid wholly or partly by
	commission gets 1/60 of twelve weeks instead: not computed here.)
	"""
	return round_money(to_decimal(wages_in_reference_weeks) / HOLIDAY_INDEMNITY_DIVISOR)


def holidays_in(period_start: date, period_end: date, holidays: list[date]) -> list[date]:
	"""The holidays falling in a pay period, both ends included, sorted and without repeats (LNT s. 60)."""
	if period_end < period_start:
		raise ValueError("the period ends before it starts")
	return sorted({day for day in holidays if period_start <= day <= period_end})
