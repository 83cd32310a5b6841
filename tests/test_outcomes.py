"""The activity's counts and rates (core/results/outcomes.py), the network's file (core/results/network_file.py)."""

import json
from datetime import date
from decimal import Decimal as D
from fractions import Fraction

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from insertion_erp.core.results import network_file, outcomes
from tests.app_meta import APP, load_translations

SCHEMA = json.loads((APP / "results" / "schema" / "activity-indicators-2.schema.json").read_text())


def sample(offsets=(3, 6)) -> dict:
	"""Twelve trainees served; eight left; ten follow-ups due at 3 months, four at 6."""
	a = outcomes.new_activity(offsets)
	a["trainees"].update(entered=7, active=12, completed=5, exited_early=3)
	a["exit_reasons"].update({"Completed": 5, "Dropped Out": 2, "Left for a Job": 1})
	a["parcours_weeks"].update(total=D("190.5"), parcours=8)
	a["hours"].update(paid=D("4321.5"), workshop=D("120"), support=D("64.25"))
	a["age_bands"].update({"16-24": 5, "25-35": 4, "36-54": 3})
	a["genders"].update({"Female": 7, "Male": 5})
	a["income_sources"].update({"Social Assistance": 9, "Employment Insurance": 3})
	a["exit_situations"].update(employed=4, school=1, job_search=2, unknown=1)
	for situation, job_type, months in [
		("employed", "Permanent", None),
		("employed", "Fixed Term", 6),
		("employed", "Fixed Term", 3),
		("employed", "Fixed Term", None),
		("employed", None, None),
		("school", None, None),
		("job_search", None, None),
		("other", None, None),
		("unknown", None, None),
		("unknown", None, None),
	]:
		outcomes.add_follow_up(a, 3, situation, job_type, months)
	for situation in ("employed", "employed", "school", "unknown"):
		outcomes.add_follow_up(a, 6, situation, "Permanent", None)
	outcomes.add_follow_up(a, 12, "employed", "Permanent", None)  # not an offset of this activity
	return a


def test_situations_of_follow_ups_and_exits():
	assert outcomes.follow_up_situation("Employed Part Time") == "employed"
	assert outcomes.follow_up_situation("In School or Training") == "school"
	assert outcomes.follow_up_situation("Unreachable") == "unknown"
	assert outcomes.follow_up_situation(None) == "unknown"
	assert outcomes.exit_situation(None, "Left for a Job") == "employed"
	assert outcomes.exit_situation(None, "Completed") == "unknown"
	assert outcomes.exit_situation("Looking for Work", "Left for a Job") == "job_search"


def test_age_bands_at_entry():
	born = date(2000, 6, 15)
	assert outcomes.age_band(born, date(2024, 6, 14)) == "16-24"  # 23
	assert outcomes.age_band(born, date(2025, 6, 15)) == "25-35"  # 25 on the day
	assert outcomes.age_band(born, date(2036, 6, 14)) == "25-35"  # 35
	assert outcomes.age_band(born, date(2036, 6, 15)) == "36-54"
	assert outcomes.age_band(born, date(2055, 6, 15)) == "55+"
	assert outcomes.age_band(born, date(2015, 1, 1)) == "Under 16"


def test_durable_jobs():
	assert outcomes.is_durable("Permanent", None) is True
	assert outcomes.is_durable("Fixed Term", 6) is True
	assert outcomes.is_durable("Fixed Term", 5) is False
	assert outcomes.is_durable("Fixed Term", None) is None
	assert outcomes.is_durable("Seasonal or Occasional", None) is False
	assert outcomes.is_durable(None, None) is None


def test_follow_up_rates_with_and_without_unknowns():
	a = sample()
	three = a["follow_ups"]["3"]
	assert (three["due"], three["employed"], three["school"], three["unknown"]) == (10, 5, 1, 2)
	assert (three["durable"], three["job_unknown"]) == (2, 2)
	assert "12" not in a["follow_ups"]
	# 6 integrated of 8 reached, of 10 due.
	assert outcomes.rate(a, 3) == D("75.0")
	assert outcomes.rate(a, 3, "integration_all") == D("60.0")
	assert outcomes.rate(a, 6) == D("100.0")  # 3 of 3 reached
	assert outcomes.rate(a, 6, "integration_all") == D("75.0")
	assert outcomes.rate(a, 12) is None
	rows = {(r.section, r.section_args, r.indicator): r for r in outcomes.rows(a)}
	durable = rows[(outcomes.FOLLOW_UP_SECTION, ("3",), "Durable Jobs")]
	assert (durable.value, durable.share) == (2, D("25.0"))  # 2 of 8 reached
	assert rows[("Trainees", (), "Average Parcours Length (Weeks)")].value == D("23.8")  # 190.5 / 8
	assert rows[("Situation at Exit", (), "Employed")].share == D("50.0")  # 4 of 8


def test_suppression_hides_small_counts_and_the_sum_says_unknown():
	a = sample()
	published = outcomes.suppress(a, 5)
	# exited_early 3 is small; completed 5 goes with it, or 8 parcours ended - 5 would tell it.
	assert published["trainees"] == {"entered": 7, "active": 12, "completed": None, "exited_early": None}
	assert published["exit_reasons"] == {"Completed": 5, "Dropped Out": None, "Left for a Job": None}
	assert published["follow_ups"]["3"]["school"] is None
	assert published["follow_ups"]["3"]["due"] == 10
	assert published["parcours_weeks"] == {"total": D("190.5"), "parcours": 8}
	assert published["hours"] == a["hours"]  # totals of hours name nobody
	assert outcomes.rate(published, 3) is None  # a part of the numerator is unknown
	total = outcomes.merge([a, published])
	assert total["trainees"]["entered"] == 14
	# The known count, and how many counts it lacks.
	assert total["trainees"]["exited_early"] == 3
	assert total["suppressed"][("trainees", "exited_early")] == 1
	assert total["hours"]["paid"] == D("8643.0")
	# The published 3-month block has a suppressed count: left out whole, the rate stays exact.
	assert total["follow_ups"]["3"]["due"] == 10
	assert total["left_out"] == {"3": 1, "6": 1}
	assert outcomes.rate(total, 3) == D("75.0")
	lines = {(r.section, r.section_args, r.indicator): r for r in outcomes.rows(total)}
	assert lines[("Trainees", (), "Exited Early")].suppressed == 1
	assert lines[(outcomes.FOLLOW_UP_SECTION, ("3",), "Enterprises Left Out")].value == 1


def test_merge_adds_every_count():
	a, b = sample(), sample(offsets=(3,))
	total = outcomes.merge([a, b])
	assert total["trainees"]["active"] == 24
	assert total["age_bands"]["16-24"] == 10
	assert total["follow_ups"]["3"]["employed"] == 10
	assert total["follow_ups"]["6"]["due"] == 4
	assert outcomes.rate(total, 3) == D("75.0")
	assert outcomes.average_weeks(total) == D("23.8")


def test_every_line_of_the_report_is_defined():
	activity = outcomes.new_activity([3, 6])
	activity["trainees"].update(entered=2, active=3, completed=1, exited_early=1)
	activity["exit_reasons"]["Completed"] = 1
	activity["age_bands"]["25-35"] = 3
	lines = outcomes.rows(activity)
	assert lines and [line.indicator for line in lines if not line.definition] == []
	assert all(line.definition in outcomes.DEFINITIONS for line in lines)


def test_every_label_has_a_french_translation():
	fr = load_translations("fr")
	labels = {
		*outcomes.SECTION_LABELS.values(),
		*outcomes.TRAINEE_LABELS.values(),
		*outcomes.HOUR_LABELS.values(),
		*outcomes.SITUATION_LABELS.values(),
		*outcomes.INDICATOR_LABELS.values(),
		*outcomes.DEFINITIONS.values(),
		outcomes.FOLLOW_UP_SECTION,
		*network_file.MESSAGES,
	}
	assert sorted(label for label in labels if label not in fr) == []


# The network's file -------------------------------------------------------------


def exported(activity=None, threshold=5) -> dict:
	return network_file.document(
		"Atelier Solidaire",
		date(2026, 1, 1),
		date(2026, 12, 31),
		activity or sample(),
		threshold,
		"2026-11-29T12:00",
	)


def test_the_file_is_valid_against_its_schema_and_reads_back():
	doc = exported()
	jsonschema.validate(doc, SCHEMA)
	header, activity = network_file.read(network_file.dumps(doc))
	assert header == {
		"enterprise": "Atelier Solidaire",
		"from": date(2026, 1, 1),
		"to": date(2026, 12, 31),
		"threshold": 5,
	}
	assert activity["trainees"] == {"entered": 7, "active": 12, "completed": None, "exited_early": None}
	assert activity["follow_ups"]["6"]["due"] is None  # 4 < 5
	assert activity["hours"]["support"] == D("64.25")
	assert doc["rates"]["3"] == {"integration": None, "integration_all": None}


def test_the_file_names_nobody():
	text = network_file.dumps(exported())
	for forbidden in ("date_of_birth", "first_name", "trainee_name", "notes", "email"):
		assert forbidden not in text


def test_csv_carries_the_same_counts():
	rows = network_file.csv_rows(exported(threshold=1))
	assert ["trainees", "active", 12] in rows
	assert ["follow_ups.3", "durable", 2] in rows
	assert ["rates.3", "integration", 75.0] in rows
	assert ["period", "to", "2026-12-31"] in rows


@pytest.mark.parametrize(
	"change, message",
	[
		(lambda d: d.update(format="something else"), network_file.NOT_THIS_FORMAT),
		(lambda d: d.update(version=3), network_file.UNKNOWN_VERSION),
		(lambda d: d.update(version=1), network_file.OLD_VERSION),
		(lambda d: d.pop("hours"), network_file.MISSING),
		(lambda d: d.update(names=["Ann"]), network_file.UNKNOWN_KEY),
		(lambda d: d["trainees"].update(active=-1), network_file.NOT_A_COUNT),
		(lambda d: d["trainees"].update(active=2.5), network_file.NOT_A_COUNT),
		(lambda d: d["trainees"].update(active=3), network_file.UNSUPPRESSED),
		(lambda d: d["hours"].update(paid="many"), network_file.NOT_AN_AMOUNT),
		(lambda d: d["period"].update(to="31/12/2026"), network_file.BAD_DATE),
		(lambda d: d["period"].update(to="2025-12-31"), network_file.BAD_PERIOD),
		(lambda d: d["exit_situations"].update(prison=5), network_file.UNKNOWN_SITUATION),
		(lambda d: d["follow_ups"]["3"].pop("durable"), network_file.MISSING),
		# A person's name or date of birth has no place in the file.
		(lambda d: d.update(date_of_birth="1998-03-04"), network_file.UNKNOWN_KEY),
		(lambda d: d["trainees"].update(names=["Marie Tremblay"]), network_file.UNKNOWN_KEY),
		(lambda d: d["age_bands"].update({"1998-03-04": 5}), network_file.A_DATE),
		(lambda d: d["age_bands"].update({"27": 5}), network_file.UNKNOWN_KEY),
		(lambda d: d["genders"].update({"née le 04/03/1998": 5}), network_file.A_DATE),
	],
)
def test_a_malformed_file_is_refused_with_its_reason(change, message):
	doc = exported()
	change(doc)
	with pytest.raises(network_file.FileError) as refused:
		network_file.read(json.dumps(doc))
	assert refused.value.template == message
	if message not in (network_file.UNSUPPRESSED, network_file.BAD_PERIOD):  # what a schema cannot say
		with pytest.raises(jsonschema.ValidationError):
			jsonschema.validate(doc, SCHEMA)


def test_not_json_is_refused():
	with pytest.raises(network_file.FileError) as refused:
		network_file.read("{not json")
	assert refused.value.template == network_file.NOT_JSON


# Complementary suppression -------------------------------------------------------

ENDED, ACTIVE = ("parcours_weeks", "parcours"), ("trainees", "active")


def relations(activity: dict) -> list[tuple[tuple, list[tuple]]]:
	"""Every total = sum of its parts the counting makes (results/activity.py), stated here on
	its own: (total, parts), a count named by its path in the activity."""
	out = [
		(ENDED, [("trainees", "completed"), ("trainees", "exited_early")]),
		*(
			(ENDED, [(section, key) for key in activity[section]])
			for section in ("exit_reasons", "exit_situations")
		),
		*(
			(ACTIVE, [(section, key) for key in activity[section]])
			for section in ("genders", "income_sources", "age_bands")
		),
	]
	for months in activity["follow_ups"]:
		out.append(
			(("follow_ups", months, "due"), [("follow_ups", months, key) for key in outcomes.SITUATIONS])
		)
	return out


def at(activity: dict, path: tuple):
	for key in path:
		activity = activity[key]
	return activity


def rank(rows: list[list[Fraction]]) -> int:
	rows = [list(row) for row in rows]
	found = 0
	for column in range(len(rows[0]) if rows else 0):
		pivot = next((i for i in range(found, len(rows)) if rows[i][column]), None)
		if pivot is None:
			continue
		rows[found], rows[pivot] = rows[pivot], rows[found]
		for i in range(len(rows)):
			if i != found and rows[i][column]:
				factor = rows[i][column] / rows[found][column]
				rows[i] = [a - factor * b for a, b in zip(rows[i], rows[found], strict=True)]
		found += 1
	return found


def derivable(published: dict, groups) -> list[tuple]:
	"""The suppressed counts that the relations, taken together (any linear combination),
	give exactly from the published counts."""
	hidden = sorted(
		{cell for total, parts in groups for cell in (total, *parts) if at(published, cell) is None}
	)
	if not hidden:
		return []
	column = {cell: i for i, cell in enumerate(hidden)}
	rows = []
	for total, parts in groups:
		row = [Fraction(0)] * len(hidden)
		for cell, sign in ((total, 1), *((part, -1) for part in parts)):
			if cell in column:
				row[column[cell]] += sign
		if any(row):
			rows.append(row)
	base = rank(rows) if rows else 0
	return [
		cell
		for cell in hidden
		if rank([*rows, [Fraction(int(i == column[cell])) for i in range(len(hidden))]]) == base
	]


OFFSETS = ("3", "6")
ended = st.lists(
	st.tuples(
		st.booleans(),
		st.sampled_from(("Completed", "Left for a Job", "Dropped Out", "Unknown")),
		st.sampled_from(outcomes.SITUATIONS),
	),
	max_size=30,
)
people = st.lists(
	st.tuples(
		st.sampled_from(("Female", "Male", "Non-binary", "Unknown")),
		st.sampled_from(("Social Assistance", "Employment Insurance", "Other")),
		st.sampled_from([label for label, _first, _last in outcomes.AGE_BANDS]),
		st.lists(st.sampled_from(("Housing", "Language", "Record")), unique=True, max_size=2),
	),
	max_size=30,
)
follow_ups = st.lists(
	st.tuples(
		st.sampled_from(OFFSETS), st.sampled_from(outcomes.SITUATIONS), st.sampled_from((True, False, None))
	),
	max_size=30,
)
JOBS = {True: ("Permanent", None), False: ("Seasonal or Occasional", None), None: (None, None)}


@st.composite
def activities(draw) -> dict:
	"""Random people, exits and follow-ups, counted the way results/activity.py counts them:
	every total is the sum of its parts by construction."""
	a = outcomes.new_activity([int(months) for months in OFFSETS])
	for completed, reason, situation in draw(ended):
		a["trainees"]["completed" if completed else "exited_early"] += 1
		outcomes.add(a["exit_reasons"], reason)
		a["exit_situations"][situation] += 1
		a["parcours_weeks"]["total"] += 10
		a["parcours_weeks"]["parcours"] += 1
	served = draw(people)
	for gender, income, band, barriers in served:
		a["trainees"]["active"] += 1
		outcomes.add(a["genders"], gender)
		outcomes.add(a["income_sources"], income)
		outcomes.add(a["age_bands"], band)
		for barrier in barriers:
			outcomes.add(a["barriers"], barrier)
	a["trainees"]["entered"] = draw(st.integers(0, len(served)))
	for months, situation, durable in draw(follow_ups):
		outcomes.add_follow_up(a, int(months), situation, *JOBS[durable])
	return a


@settings(max_examples=400, deadline=None)
@given(activities(), st.integers(1, 8))
def test_no_suppressed_count_is_the_difference_of_published_ones(activity, threshold):
	published = outcomes.suppress(activity, threshold)
	groups = relations(activity)
	for total, parts in groups:
		assert at(activity, total) == sum(at(activity, part) for part in parts)  # the generator's own check
		hidden = [cell for cell in (total, *parts) if at(published, cell) is None]
		# One suppressed count in a relation is the relation's total less the others: none or two or more.
		assert len(hidden) != 1, (total, hidden)
		known = sum(at(published, part) for part in parts if at(published, part) is not None)
		if at(published, total) is None:
			if hidden:
				assert at(activity, total) != known  # the published parts do not add up to it
		else:
			for cell in hidden:
				assert at(activity, cell) != at(published, total) - known, (total, cell)
			# Nor does "each suppressed count is at least 1" pin them (1 + 1 = 2 of two suppressed).
			assert not hidden or at(published, total) - known > len(hidden), (total, hidden)
	# Nor does any combination of the relations give one of them.
	assert derivable(published, groups) == []
	# Small counts are suppressed, a 0 and every published count stay as they are.
	for path, count in counts_of(activity):
		shown = at(published, path)
		assert shown is None if 0 < count < threshold else shown in (count, None)
		assert shown is not None or count > 0
	assert (published["parcours_weeks"]["total"] is None) == (published["parcours_weeks"]["parcours"] is None)


def counts_of(activity: dict):
	for key, count in activity["trainees"].items():
		yield ("trainees", key), count
	yield ENDED, activity["parcours_weeks"]["parcours"]
	for section in outcomes.CATEGORY_SECTIONS:
		for key, count in activity[section].items():
			yield (section, key), count
	for months, counts in activity["follow_ups"].items():
		for key, count in counts.items():
			yield ("follow_ups", months, key), count


def ended_12(completed: int = 8, exited_early: int = 4) -> dict:
	a = outcomes.new_activity()
	a["trainees"].update(entered=12, active=20, completed=completed, exited_early=exited_early)
	a["parcours_weeks"].update(total=D("240"), parcours=12)
	a["exit_reasons"].update({"Completed": 6, "Left for a Job": 6})
	a["exit_situations"].update(employed=6, job_search=6)
	a["genders"].update({"Female": 10, "Male": 10})
	a["income_sources"].update({"Social Assistance": 20})
	a["age_bands"].update({"16-24": 20})
	return a


def test_exited_early_is_not_ended_less_completed():
	"""The issue's file: completed 8 and 12 parcours ended beside an empty exited early (4)."""
	published = outcomes.suppress(ended_12(), 5)
	assert published["trainees"]["exited_early"] is None
	assert published["trainees"]["completed"] is None  # else 12 - 8 = 4
	# The number of parcours ended, the other sections and the average stay.
	assert published["parcours_weeks"] == {"total": D("240"), "parcours": 12}
	assert published["exit_reasons"] == {"Completed": 6, "Left for a Job": 6}
	assert outcomes.average_weeks(published) == D("20.0")


def test_a_small_gender_is_not_active_less_the_others():
	"""Female 5 + Male 9 published beside 16 active: the small Unknown (2) would be 16 - 14."""
	a = ended_12()
	a["trainees"]["active"] = 16
	a["genders"] = {"Female": 5, "Male": 9, "Unknown": 2}
	a["income_sources"] = {"Social Assistance": 10, "Employment Insurance": 6}
	a["age_bands"] = {"16-24": 9, "25-35": 7}
	published = outcomes.suppress(a, 5)
	assert published["genders"] == {"Female": None, "Male": 9, "Unknown": None}  # the smallest other
	assert published["trainees"]["active"] == 16
	assert published["income_sources"] == a["income_sources"]
	# Two small ones of 1 each: 16 - 14 = 2 says both are 1, since an empty count is never 0.
	a["genders"] = {"Female": 5, "Male": 9, "Non-binary": 1, "Unknown": 1}
	published = outcomes.suppress(a, 5)
	assert published["genders"] == {"Female": None, "Male": 9, "Non-binary": None, "Unknown": None}


def test_a_total_suppressed_by_one_relation_is_protected_in_the_others():
	"""Six genders of one person each: only the total can go with them, and active (6), now
	empty, would be the sum of the income sources and of the age bands: one of each goes too."""
	a = ended_12()
	a["trainees"]["active"] = 6
	a["genders"] = {name: 1 for name in ("A", "B", "C", "D", "E", "F")}
	a["income_sources"] = {"Social Assistance": 6, "Other": 0}
	a["age_bands"] = {"16-24": 6}
	published = outcomes.suppress(a, 5)
	assert published["trainees"]["active"] is None
	assert published["income_sources"] == {"Social Assistance": None, "Other": 0}
	assert published["age_bands"] == {"16-24": None}
	assert derivable(published, relations(a)) == []


def test_the_file_reads_back_counts_suppressed_beside_a_small_one():
	"""A count at or above the threshold may be empty too: the file is valid and reads back."""
	doc = exported(ended_12())
	assert doc["trainees"]["completed"] is None  # 8 >= 5
	jsonschema.validate(doc, SCHEMA)
	_header, activity = network_file.read(network_file.dumps(doc))
	assert activity["trainees"] == {"entered": 12, "active": 20, "completed": None, "exited_early": None}


@settings(max_examples=100, deadline=None)
@given(activities(), st.integers(1, 8))
def test_every_file_written_is_valid_and_reads_back_what_was_published(activity, threshold):
	doc = exported(activity, threshold)
	jsonschema.validate(doc, SCHEMA)
	_header, read = network_file.read(network_file.dumps(doc))
	published = outcomes.suppress(activity, threshold)
	for section in ("trainees", *outcomes.CATEGORY_SECTIONS, "follow_ups"):
		assert read[section] == published[section]
	assert read["parcours_weeks"]["parcours"] == published["parcours_weeks"]["parcours"]
