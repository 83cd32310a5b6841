"""T4 and RL-1 boxes from a year's totals (core/payroll/year_end.py)."""

from decimal import Decimal as D

import pytest

from insertion_erp.core.payroll import year_end

MAXIMUMS_2026 = year_end.Maximums(ympe=D(74_600), yampe=D(85_000), ei=D(68_900), qpip=D(103_000))


def test_a_part_year_trainee_below_every_maximum():
	totals = year_end.YearTotals(
		gross=D("9450.00"),
		qpp=D("540.12"),
		ei=D("122.85"),
		qpip=D("40.64"),
		federal_tax=D("210.00"),
		quebec_tax=D("310.50"),
	)
	t4 = year_end.t4(totals, MAXIMUMS_2026)
	rl1 = year_end.rl1(totals, MAXIMUMS_2026)
	assert t4 == {
		"14": D("9450.00"),
		"17": D("540.12"),
		"17A": D("0"),
		"18": D("122.85"),
		"22": D("210.00"),
		"24": D("9450.00"),
		"26": D("9450.00"),
		"55": D("40.64"),
		"56": D("9450.00"),
	}
	assert rl1["A"] == D("9450.00") and rl1["E"] == D("310.50") and rl1["G"] == D("9450.00")
	assert year_end.disagreements(t4, rl1) == []


def test_a_full_year_supervisor_stops_at_the_maximums():
	totals = year_end.YearTotals(
		gross=D(90_000), qpp=D("4479.30"), qpp2=D("416.00"), ei=D("895.70"), qpip=D("442.90")
	)
	t4 = year_end.t4(totals, MAXIMUMS_2026)
	rl1 = year_end.rl1(totals, MAXIMUMS_2026)
	assert (t4["24"], t4["26"], t4["56"]) == (D(68_900), D(74_600), D(90_000))
	assert rl1["G"] == D(85_000)
	assert t4["17"] + t4["17A"] == rl1["B.A"] + rl1["B.B"]


def test_an_exempt_employee_has_no_insurable_or_pensionable_earnings():
	t4 = year_end.t4(year_end.YearTotals(gross=D(5000)), MAXIMUMS_2026)
	assert (t4["24"], t4["26"], t4["56"]) == (D(0), D(0), D(0))


def test_disagreements_name_the_boxes():
	t4 = year_end.t4(year_end.YearTotals(gross=D(100), qpp=D(5)), MAXIMUMS_2026)
	rl1 = dict(year_end.rl1(year_end.YearTotals(gross=D(100), qpp=D(5)), MAXIMUMS_2026), **{"B.A": D(4)})
	assert year_end.disagreements(t4, rl1) == ["T4 17 + 17A = RL-1 B.A + B.B"]


def filed(name, docstatus=1, amended_from=None, sent=False, cancellation_sent=False):
	return year_end.FiledSlip(name, docstatus, amended_from, sent, cancellation_sent)


def test_what_is_still_to_send_an_authority():
	slips = [
		filed("new"),  # never sent: an original
		filed("sent", sent=True),  # nothing to do
		filed("first", docstatus=2, sent=True),  # sent, then amended:
		filed("first-1", amended_from="first"),  # the amendment goes, not a cancellation
		filed("never", docstatus=2),  # cancelled before it was sent: nothing to do
		filed("never-1", amended_from="never"),  # so its amendment is an original
		filed("gone", docstatus=2, sent=True),  # sent, then cancelled for good
		filed("undone", docstatus=2, sent=True, cancellation_sent=True),  # already told
	]
	assert year_end.pending(slips) == {
		year_end.ORIGINAL: ["new", "never-1"],
		year_end.AMENDED: ["first-1"],
		year_end.CANCELLED: ["gone"],
	}


def test_an_amendment_of_an_amendment_still_amends_what_was_sent():
	slips = [
		filed("a", docstatus=2, sent=True),
		filed("a-1", docstatus=2, amended_from="a"),
		filed("a-2", amended_from="a-1"),
	]
	assert year_end.pending(slips)[year_end.AMENDED] == ["a-2"]


def test_rl1_slip_numbers_end_with_their_check_digit():
	assert year_end.rl1_slip_number(1) == "000000011"
	assert year_end.rl1_slip_number(12345678) == "123456782"  # 12345678 = 7 x 1763668 + 2
	assert year_end.rl1_slip_number_is_valid("123456782")
	assert not year_end.rl1_slip_number_is_valid("123456786")
	with pytest.raises(ValueError):
		year_end.rl1_slip_number(0)


def test_the_summaries_add_the_slips_and_the_employers_contributions():
	slips = [
		{
			"14": D("1000.00"),
			"18": D("13.10"),
			"22": D("50.00"),
			"B.A": D("53.00"),
			"B.B": D(0),
			"H": D("4.30"),
			"E": D("60.00"),
		},
		{
			"14": D("2000.00"),
			"18": D("26.20"),
			"22": D("80.00"),
			"B.A": D("110.00"),
			"B.B": D("1.00"),
			"H": D("8.60"),
			"E": D("90.00"),
		},
	]
	t4 = year_end.t4_summary(slips, D("55.02"))
	assert t4 == {
		"88": D(2),
		"14": D("3000.00"),
		"18": D("39.30"),
		"19": D("55.02"),
		"22": D("130.00"),
		"80": D("224.32"),
	}
	rl1 = year_end.rl1_summary(
		slips,
		year_end.EmployerContributions(
			qpp=D("163.00"), qpp2=D("1.00"), qpip=D("18.06"), fss=D("49.50"), cnt=D("2.10")
		),
	)
	assert rl1 == {
		"slips": D(2),
		"qpp": D("328.00"),
		"qpip": D("30.96"),
		"quebec_tax": D("150.00"),
		"fss": D("49.50"),
		"cnt": D("2.10"),
		"total": D("560.56"),
	}


def test_an_issued_slip_names_the_boxes_the_salary_slips_no_longer_add_up_to():
	issued = {"14": D("1000.00"), "17": D("53.00")}
	assert year_end.box_differences(issued, {"14": D("1000.00"), "17": D("5053.00")}) == [
		("17", D("53.00"), D("5053.00"))
	]
	assert year_end.box_differences(issued, dict(issued)) == []
