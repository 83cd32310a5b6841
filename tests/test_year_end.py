"""T4 and RL-1 boxes from a year's totals (core/year_end.py)."""

from decimal import Decimal as D

from insertion_erp.core import year_end

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
