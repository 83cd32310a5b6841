"""How long a trainee's information is kept and what anonymising erases (core/privacy/retention.py)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.privacy import retention
from tests.app_meta import load_doctypes


def due(open_parcours=0, last_exit=None, last_follow_up=None, created=date(2020, 1, 1), years=5):
	return retention.due_date(
		open_parcours=open_parcours,
		last_exit=last_exit,
		last_follow_up=last_follow_up,
		created=created,
		years=years,
	)


def test_add_years_keeps_the_day_and_shortens_february_29():
	assert retention.add_years(date(2026, 4, 30), 5) == date(2031, 4, 30)
	assert retention.add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
	assert retention.add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_the_period_runs_from_the_last_follow_up():
	assert due(last_exit=date(2026, 4, 30), last_follow_up=date(2026, 11, 2)) == date(2031, 11, 2)


def test_without_a_follow_up_it_runs_from_the_exit():
	assert due(last_exit=date(2026, 4, 30)) == date(2031, 4, 30)


def test_a_later_exit_counts_over_an_earlier_follow_up():
	# A second parcours closed after the first one's follow-ups, with no follow-up yet.
	assert due(last_exit=date(2028, 6, 1), last_follow_up=date(2027, 1, 5), years=3) == date(2031, 6, 1)


def test_never_due_while_a_parcours_is_open():
	assert due(open_parcours=1, last_exit=date(2020, 1, 1)) is None


def test_a_file_without_parcours_runs_from_its_creation():
	assert due(created=date(2021, 3, 4)) == date(2026, 3, 4)
	assert due(created=None) is None


def test_last_contact_takes_the_contact_else_the_due_date():
	follow_ups = [(date(2026, 7, 30), date(2026, 8, 4)), (date(2026, 10, 30), None)]
	assert retention.last_contact([date(2026, 4, 30)], follow_ups) == date(2026, 10, 30)
	assert retention.last_contact([None], []) is None


def test_is_due_on_the_day_itself():
	assert retention.is_due(date(2031, 11, 2), date(2031, 11, 2))
	assert not retention.is_due(date(2031, 11, 2), date(2031, 11, 1))
	assert not retention.is_due(None, date(2099, 1, 1))


def test_the_pseudonym_says_nothing_of_the_person():
	names = retention.pseudonym("3f9a1c")
	assert names == {"first_name": "Anonyme", "last_name": "3f9a1c", "trainee_name": "Anonyme 3f9a1c"}
	with pytest.raises(ValueError):
		retention.pseudonym(" ")


@given(
	day=st.dates(min_value=date(1990, 1, 1), max_value=date(2080, 12, 31)),
	years=st.integers(min_value=1, max_value=50),
)
def test_the_due_date_is_never_before_the_period_has_run(day, years):
	result = due(last_exit=day, years=years)
	assert result.year == day.year + years
	assert (result.month, result.day) <= (day.month, day.day)
	assert (result - day).days >= 365 * years


@pytest.mark.parametrize("doctype", retention.RECORDS)
def test_every_free_text_field_is_replaced_erased_or_kept_for_a_reason(doctype):
	meta = load_doctypes()[doctype]
	text_fields = {f["fieldname"] for f in meta["fields"] if f["fieldtype"] in retention.FREE_TEXT_TYPES}
	handled = (
		set(retention.NAME_FIELDS.get(doctype, ()))
		| set(retention.ERASED_FIELDS.get(doctype, ()))
		| {field for dt, field in retention.KEPT if dt == doctype}
	)
	assert not text_fields - handled, f"{doctype}: decide what anonymising does with {text_fields - handled}"
	fieldnames = {f["fieldname"] for f in meta["fields"]}
	assert handled <= fieldnames, f"{doctype}: no such fields {handled - fieldnames}"


def test_the_tables_of_the_records_are_listed():
	doctypes = load_doctypes()
	for doctype in retention.RECORDS:
		for field in doctypes[doctype]["fields"]:
			if field["fieldtype"] in ("Table", "Table MultiSelect") and doctype != "Trainee":
				assert field["options"] in retention.RECORDS, f"{doctype}.{field['fieldname']}"
