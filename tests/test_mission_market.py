from decimal import Decimal as D

from insertion_erp.core.results.mission_market import (
	EXPENSE_KINDS,
	INSERTION,
	MISSION_KINDS,
	MOVED_TO_MISSION,
	PRODUCTION,
	SALES,
	TRAINEE_WAGES,
	Entry,
	PayrollCost,
	accounts_of,
	by_side,
	total,
	trainees_part,
)


def test_trainees_part_is_their_share_of_the_entry_to_the_cent():
	assert trainees_part(D("1000"), PayrollCost(trainees=D("1000"), everyone=D("1000"))) == D("1000.00")
	assert trainees_part(D("100"), PayrollCost(trainees=D("1"), everyone=D("3"))) == D("33.33")
	assert trainees_part(D("100"), PayrollCost(trainees=D("2"), everyone=D("3"))) == D("66.67")
	assert trainees_part(D("100"), None) == D("0")
	assert trainees_part(D("100"), PayrollCost(trainees=D("0"), everyone=D("0"))) == D("0")
	# Never more than the amount booked, whatever the slips say.
	assert trainees_part(D("100"), PayrollCost(trainees=D("120"), everyone=D("100"))) == D("100.00")


def test_the_trainees_wages_move_to_the_mission_and_the_total_stays():
	# The demo's October payroll: one entry, three trainees and one supervisor.
	payroll = {"ACC-JV-1": PayrollCost(trainees=D("6573.60") + D("729.24"), everyone=D("11985.61"))}
	entries = [
		Entry("2026-10", SALES, "Ventes", D("2000")),
		Entry("2026-10", PRODUCTION, "Salaires", D("10773.60"), "ACC-JV-1"),
		Entry("2026-10", PRODUCTION, "Cotisations de l'employeur", D("1212.01"), "ACC-JV-1"),
		Entry("2026-10", PRODUCTION, "Loyer", D("1450")),
		Entry("2026-10", INSERTION, "Frais de formation", D("450")),
	]
	amounts = by_side(entries, payroll)
	assert total(amounts, (TRAINEE_WAGES,)) == D("7302.84")  # 6,573.60 + 729.24, not a cent lost
	assert total(amounts, MISSION_KINDS) == D("7752.84")
	assert total(amounts, (PRODUCTION,)) == D("10773.60") + D("1212.01") + D("1450") - D("7302.84")
	assert total(amounts, EXPENSE_KINDS) == D("10773.60") + D("1212.01") + D("1450") + D("450")
	# The market's side keeps its accounts whole and says what it gave to the mission.
	assert amounts[("2026-10", PRODUCTION, "Salaires")] == D("10773.60")
	assert amounts[("2026-10", PRODUCTION, MOVED_TO_MISSION)] == D("-7302.84")
	assert accounts_of(amounts, PRODUCTION) == ["Cotisations de l'employeur", "Loyer", "Salaires"]
	assert accounts_of(amounts, TRAINEE_WAGES) == ["Cotisations de l'employeur", "Salaires"]
	assert total(amounts, (SALES,), months=["2026-11"]) == D("0")


def test_a_payroll_tagged_with_a_contract_gives_the_trainees_part_from_that_side():
	payroll = {"JV-2": PayrollCost(trainees=D("500"), everyone=D("1500"))}
	amounts = by_side([Entry("2026-03", INSERTION, "Salaires", D("1500"), "JV-2")], payroll)
	assert amounts[("2026-03", TRAINEE_WAGES, "Salaires")] == D("500.00")
	assert amounts[("2026-03", INSERTION, MOVED_TO_MISSION)] == D("-500.00")
	assert total(amounts, EXPENSE_KINDS) == D("1500")


def test_an_entry_without_trainees_moves_nothing():
	amounts = by_side([Entry("2026-03", PRODUCTION, "Salaires", D("4000"), "JV-3")], {})
	assert amounts == {("2026-03", PRODUCTION, "Salaires"): D("4000")}
