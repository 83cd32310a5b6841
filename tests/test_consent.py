from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insertion_erp.core.privacy.consent import (
	FUNDER,
	INTAKE,
	NETWORK,
	NEW,
	PHOTOS,
	PURPOSES,
	REMOVED,
	TAKEN_BACK,
	ChangedAfterWithdrawal,
	Consent,
	InFuture,
	Overlaps,
	RemovedAfterWithdrawal,
	Unwithdrawn,
	WithdrawnBeforeGiven,
	changes,
	check,
	consented,
	in_force,
	intake_consent,
	overlap,
)

TODAY = date(2026, 11, 30)
dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def c(purpose=NETWORK, given_on=date(2026, 1, 5), withdrawn_on=None, key=None, row=1, means="Signed Form"):
	return Consent(purpose, given_on, means, withdrawn_on, key, row)


# In force on a day -----------------------------------------------------------


def test_a_consent_is_in_force_from_its_day_until_the_day_before_its_withdrawal():
	consent = c(given_on=date(2026, 1, 5), withdrawn_on=date(2026, 6, 1))
	assert not in_force(consent, date(2026, 1, 4))
	assert in_force(consent, date(2026, 1, 5))
	assert in_force(consent, date(2026, 5, 31))
	assert not in_force(consent, date(2026, 6, 1))
	assert not in_force(consent, TODAY)
	assert in_force(c(), TODAY)
	assert consent.status == "Withdrawn" and c().status == "Given"


def test_consented_is_per_purpose_and_nothing_is_implied():
	rows = [c(INTAKE), c(FUNDER, withdrawn_on=date(2026, 3, 1))]
	assert consented(rows, INTAKE, TODAY)
	assert consented(rows, FUNDER, date(2026, 2, 1))
	assert not consented(rows, FUNDER, TODAY)  # withdrawn
	assert not consented(rows, NETWORK, TODAY)  # never given: the intake's consent does not cover it
	assert not consented([], INTAKE, TODAY)


def test_a_new_consent_after_a_withdrawal_is_in_force_again():
	rows = [
		c(PHOTOS, date(2025, 1, 1), date(2025, 6, 1), row=1),
		c(PHOTOS, date(2026, 2, 1), row=2),
	]
	check(rows, {}, TODAY)
	assert not consented(rows, PHOTOS, date(2025, 12, 1))
	assert consented(rows, PHOTOS, TODAY)


def test_the_intake_consent_gives_the_legacy_fields():
	assert intake_consent([c(NETWORK), c(INTAKE, date(2026, 2, 2))], TODAY).given_on == date(2026, 2, 2)
	assert intake_consent([c(INTAKE, withdrawn_on=date(2026, 3, 1))], TODAY) is None


@given(dates, dates, st.one_of(st.none(), dates))
def test_in_force_is_the_half_open_interval(day, given_on, withdrawn_on):
	consent = c(given_on=given_on, withdrawn_on=withdrawn_on)
	expected = given_on <= day and (withdrawn_on is None or day < withdrawn_on)
	assert in_force(consent, day) == expected
	assert consented([consent], NETWORK, day) == expected
	assert not consented([consent], PHOTOS, day)


@given(dates, dates, st.one_of(st.none(), dates), st.one_of(st.none(), dates))
def test_overlap_means_a_common_day_in_force(a_given, b_given, a_end, b_end):
	a, b = c(given_on=a_given, withdrawn_on=a_end), c(given_on=b_given, withdrawn_on=b_end)
	assert overlap(a, b) == overlap(b, a)
	if overlap(a, b):
		day = max(a_given, b_given)
		assert in_force(a, day) and in_force(b, day)
	else:
		for day in (a_given, b_given):
			assert not (in_force(a, day) and in_force(b, day))


# The rows' rules -------------------------------------------------------------


def test_valid_rows_pass():
	check([c(p, date(2026, 1, 5), row=i) for i, p in enumerate(PURPOSES, 1)], {}, TODAY)
	check([c(given_on=TODAY, withdrawn_on=TODAY)], {}, TODAY)


@pytest.mark.parametrize(
	("row", "error", "field"),
	[
		(c(given_on=TODAY + timedelta(days=1)), InFuture, "given_on"),
		(c(withdrawn_on=TODAY + timedelta(days=1)), InFuture, "withdrawn_on"),
		(c(given_on=date(2026, 3, 1), withdrawn_on=date(2026, 2, 28)), WithdrawnBeforeGiven, "withdrawn_on"),
	],
)
def test_dates_are_checked(row, error, field):
	with pytest.raises(error) as raised:
		check([row], {}, TODAY)
	assert raised.value.field == field


def test_one_consent_in_force_per_purpose():
	first = c(NETWORK, date(2026, 1, 5), row=1)
	second = c(NETWORK, date(2026, 3, 1), row=2)
	with pytest.raises(Overlaps) as raised:
		check([first, second], {}, TODAY)
	assert (raised.value.consent.row, raised.value.other.row) == (2, 1)
	# Given before the first one's withdrawal: still two in force on common days.
	with pytest.raises(Overlaps):
		check([c(NETWORK, date(2026, 1, 5), date(2026, 4, 1), row=1), second], {}, TODAY)
	check([c(NETWORK, date(2026, 1, 5), date(2026, 3, 1), row=1), second], {}, TODAY)


def test_a_withdrawal_cannot_be_undone_changed_or_removed():
	saved = c(PHOTOS, date(2026, 1, 5), date(2026, 6, 1), key="r1")
	before = {"r1": saved}
	check([saved], before, TODAY)
	with pytest.raises(Unwithdrawn):
		check([c(PHOTOS, date(2026, 1, 5), None, key="r1")], before, TODAY)
	for changed, field in (
		(c(PHOTOS, date(2026, 1, 6), date(2026, 6, 1), key="r1"), "given_on"),
		(c(PHOTOS, date(2026, 1, 5), date(2026, 6, 1), key="r1", means="Electronic"), "means"),
		(c(PHOTOS, date(2026, 1, 5), date(2026, 6, 2), key="r1"), "withdrawn_on"),
		(c(FUNDER, date(2026, 1, 5), date(2026, 6, 1), key="r1"), "purpose"),
	):
		with pytest.raises(ChangedAfterWithdrawal) as raised:
			check([changed], before, TODAY)
		assert raised.value.field == field
	with pytest.raises(RemovedAfterWithdrawal):
		check([], before, TODAY)


def test_a_consent_in_force_may_be_corrected_or_removed():
	before = {"r1": c(PHOTOS, date(2026, 1, 5), key="r1")}
	check([c(PHOTOS, date(2026, 1, 4), key="r1", means="Electronic")], before, TODAY)
	check([], before, TODAY)


# What the access log records -------------------------------------------------


def test_changes_are_new_consents_withdrawals_and_removals():
	kept = c(INTAKE, key="r1")
	photos = c(PHOTOS, key="r2")
	before = {"r1": kept, "r2": photos, "r3": c(FUNDER, key="r3")}
	network = c(NETWORK, row=4)
	withdrawn = c(PHOTOS, key="r2", withdrawn_on=date(2026, 6, 1))
	found = changes([kept, withdrawn, network], before)
	assert [(consent.purpose, what) for consent, what in found] == [
		(PHOTOS, TAKEN_BACK),
		(NETWORK, NEW),
		(FUNDER, REMOVED),
	]
	assert changes([kept], {"r1": kept}) == []
	recorded_late = c(NETWORK, withdrawn_on=date(2026, 6, 1))
	assert [what for _c, what in changes([recorded_late], {})] == [NEW, TAKEN_BACK]
