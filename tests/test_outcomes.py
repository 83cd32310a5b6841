"""The activity's counts and rates (core/outcomes.py), the network's file (core/network_file.py)."""

import json
from datetime import date
from decimal import Decimal as D

import jsonschema
import pytest

from insertion_erp.core import network_file, outcomes
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
	assert published["trainees"] == {"entered": 7, "active": 12, "completed": 5, "exited_early": None}
	assert published["exit_reasons"] == {"Completed": 5, "Dropped Out": None, "Left for a Job": None}
	assert published["follow_ups"]["3"]["school"] is None
	assert published["follow_ups"]["3"]["due"] == 10
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
	assert activity["trainees"] == {"entered": 7, "active": 12, "completed": 5, "exited_early": None}
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
