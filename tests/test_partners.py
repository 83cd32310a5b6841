from datetime import date, datetime, timedelta
from decimal import Decimal

from insertion_erp.core.parcours import partners
from insertion_erp.core.periods import Period


def test_names_agree_aside_from_case_accents_punctuation_and_spaces() -> None:
	assert partners.name_key("  CLSC  du Plateau-Mont-Royal ") == "clsc du plateau mont royal"
	assert partners.name_key("Café Étoile inc.") == partners.name_key("cafe etoile INC")
	assert partners.name_key(None) == partners.name_key("  ") == ""


def test_match_names_links_what_agrees_and_leaves_the_rest() -> None:
	found = partners.match_names(
		["clsc du plateau", "Boulangerie X", "", "Friperie"],
		["CLSC du Plateau", "Resto Y", "Friperie", "FRIPERIE"],
	)
	assert found == {"clsc du plateau": "CLSC du Plateau", "Boulangerie X": None, "Friperie": None}


def test_tokens_are_long_random_and_kept_as_their_hash() -> None:
	first, second = partners.new_token(), partners.new_token()
	assert first != second and len(first) >= 40
	assert partners.looks_like_token(first)
	assert partners.token_hash(first) != first and len(partners.token_hash(first)) == 64
	assert partners.token_hash(first) == partners.token_hash(first)
	for made_up in ("", None, "abc", "x" * 101, "a" * 30 + "<script>", "a" * 30 + "'or 1=1"):
		assert not partners.looks_like_token(made_up)


def test_an_invitation_expires_once_its_time_is_past() -> None:
	now = datetime(2026, 12, 2, 12)
	assert partners.invitation_state("Sent", now + timedelta(seconds=1), now) == "Sent"
	assert partners.invitation_state("Sent", now, now) == "Expired"
	assert partners.invitation_state("Answered", now - timedelta(days=1), now) == "Answered"
	assert partners.invitation_state("Withdrawn", None, now) == "Withdrawn"


def fields(problems) -> set[str]:
	return {problem.field for problem in problems}


def test_a_follow_up_answer_within_bounds_has_no_problem() -> None:
	answer = {
		"situation": "Employed Full Time",
		"employer_or_school": "Resto Y",
		"job_type": "Fixed Term",
		"job_months": "6",
		"weekly_hours": 35,
		"hourly_wage": "17.50",
		"comment": "Merci!",
	}
	assert partners.follow_up_answer_problems(answer) == []
	assert partners.follow_up_answer_problems({"situation": "Looking for Work"}) == []


def test_a_follow_up_answer_out_of_bounds_names_each_field() -> None:
	assert fields(partners.follow_up_answer_problems({"situation": "Astronaut"})) == {"situation"}
	assert fields(
		partners.follow_up_answer_problems(
			{"situation": "Employed Part Time", "weekly_hours": "81", "hourly_wage": "abc", "job_months": -1}
		)
	) == {"weekly_hours", "hourly_wage", "job_months"}
	assert fields(
		partners.follow_up_answer_problems(
			{"situation": "Looking for Work", "weekly_hours": 20, "job_type": "Permanent"}
		)
	) == {"weekly_hours", "job_type"}
	assert fields(
		partners.follow_up_answer_problems(
			{"situation": "Other", "employer_or_school": "x" * 141, "comment": ["list"]}
		)
	) == {"employer_or_school", "comment"}
	assert fields(
		partners.follow_up_answer_problems(
			{"situation": "Employed Full Time", "job_type": "Permanent", "job_months": 3}
		)
	) == {"job_months"}
	assert fields(partners.follow_up_answer_problems({"situation": "Other", "hourly_wage": "Infinity"})) == {
		"hourly_wage"
	}


def test_a_satisfaction_answer_takes_ratings_from_1_to_5_only() -> None:
	good = {name: "4" for name in partners.SATISFACTION_QUESTIONS}
	assert partners.satisfaction_answer_problems(good) == []
	assert fields(partners.satisfaction_answer_problems({**good, "overall": "6", "quality": ""})) == {
		"overall",
		"quality",
	}
	assert fields(partners.satisfaction_answer_problems({**good, "comment": "x" * 2001})) == {"comment"}


def test_satisfaction_counts_means_and_distributes_the_overall_ratings() -> None:
	result = partners.satisfaction(["5", 5, "4", "2", None, "9"])
	assert result.answers == 4
	assert result.mean == Decimal("4.0")
	assert result.distribution == {1: 0, 2: 1, 3: 0, 4: 1, 5: 2}
	assert result.text() == "5: 2 · 4: 1 · 2: 1"
	assert partners.satisfaction([]).mean is None and partners.satisfaction([]).text() == ""


def test_a_placements_hours_spread_evenly_over_its_days() -> None:
	placement = Period(date(2026, 3, 25), date(2026, 4, 3))  # 10 days
	assert partners.placement_hours_in(70, placement, Period(date(2026, 3, 1), date(2026, 3, 31))) == Decimal(
		"49.00"
	)
	assert partners.placement_hours_in(70, placement, Period(date(2026, 4, 1), date(2026, 4, 30))) == Decimal(
		"21.00"
	)
	assert partners.placement_hours_in(70, placement, Period(date(2026, 5, 1), date(2026, 5, 31))) == 0
	assert partners.placement_hours_in(None, placement, placement) == 0


def test_a_placement_lies_within_its_parcours_at_12_hours_a_day_at_most() -> None:
	held = Period(date(2026, 1, 5), date(2026, 7, 3))
	assert partners.placement_problems(date(2026, 3, 2), date(2026, 3, 6), 35, held) == []
	assert fields(partners.placement_problems(date(2026, 3, 6), date(2026, 3, 2), 35, held)) == {"end_date"}
	assert fields(partners.placement_problems(date(2026, 1, 1), date(2026, 1, 9), 35, held)) == {"start_date"}
	assert fields(partners.placement_problems(date(2026, 3, 2), date(2026, 3, 2), 13, held)) == {"hours"}
	assert fields(partners.placement_problems(date(2026, 3, 2), date(2026, 3, 2), 0, held)) == {"hours"}
