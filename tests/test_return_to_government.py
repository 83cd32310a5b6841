from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from insertion_erp.core.payroll import payroll_parameters
from insertion_erp.core.results.return_to_government import (
	EMPLOYMENT_INSURANCE,
	LACKING_DATA,
	NO_FOLLOW_UP,
	NO_INCOME_SOURCE,
	NO_PUBLIC_INCOME,
	NO_RATES,
	NO_WAGE_OR_HOURS,
	NOT_EMPLOYED,
	NOT_ON_BENEFITS,
	OTHER,
	RETURN_SOURCES,
	SHIPPED_RETURN_RATES,
	SOCIAL_ASSISTANCE,
	Bracket,
	ClaimLine,
	ClaimOutlay,
	Member,
	Outlay,
	YearlyGain,
	benefits_avoided,
	check_brackets,
	claim_outlays,
	cohort_outlays,
	cohort_return,
	contributions,
	figures_to_confirm,
	follow_up_used,
	income_tax,
	member,
	member_at_follow_up,
	member_of_line,
	months_to_pay_back,
	rates_from_values,
	record_values,
	shares_by_hours,
	yearly_gain,
	yearly_income,
)
from tests.app_meta import APP

SHIPPED_YEARS = {
	year: payroll_parameters.payroll_year(data)
	for year, data in payroll_parameters.shipped(APP / "quebec_payroll" / "data" / "payroll_years").items()
}

RATES_2025 = SHIPPED_RETURN_RATES[2025]
RATES_2026 = SHIPPED_RETURN_RATES[2026]


def test_a_year_of_work_after_social_assistance_worked_by_hand():
	# $18.00 x 35 h x 52 weeks = $32,760 a year.
	assert yearly_income(D("18"), D("35"), 52) == D("32760")
	gain = yearly_gain(RATES_2025, SOCIAL_ASSISTANCE, D("18.00"), D("35"))
	assert gain == YearlyGain(
		benefits=D("9948.00"),  # 829 x 12
		quebec_tax=D("1986.46"),  # 32760 x 14 % = 4586.40, less 18571 x 14 % = 2599.94
		# 32760 x 14.5 % = 4750.20, less 16129 x 14.5 % = 2338.705: 2411.495,
		# less the 16.5 % abatement: x 0.835 = 2013.598325
		federal_tax=D("2013.60"),
		# QPP (32760 - 3500) x 6.40 % x 2 = 3745.28; EI 32760 x (1.31 + 1.834) % = 1029.9744;
		# QPIP 32760 x (0.494 + 0.692) % = 388.5336; 5163.788 in all
		contributions=D("5163.79"),
		total=D("19111.85"),  # 9948.00 + 1986.46 + 2013.60 + 5163.79
	)


def test_a_year_of_work_after_employment_insurance_worked_by_hand():
	# $20 x 30 h x 52 = $31,200.
	gain = yearly_gain(RATES_2025, EMPLOYMENT_INSURANCE, 20, 30)
	assert gain == YearlyGain(
		benefits=D("10260.00"),  # 570 x 18 weeks
		quebec_tax=D("1768.06"),  # 31200 x 14 % = 4368, less 2599.94
		federal_tax=D("1824.72"),  # (31200 x 14.5 % = 4524, less 2338.705) x 0.835 = 1824.721325
		contributions=D("4896.56"),  # 27700 x 12.8 % = 3545.60 + 980.928 + 370.032
		total=D("18749.34"),
	)


def test_no_income_no_tax_no_contributions():
	assert income_tax(0, RATES_2025.quebec_brackets, RATES_2025.quebec_basic_amount) == 0
	assert income_tax(D("-500"), RATES_2025.federal_brackets, RATES_2025.federal_basic_amount) == 0
	assert contributions(RATES_2025, 0) == 0
	gain = yearly_gain(RATES_2025, SOCIAL_ASSISTANCE, 0, 0)
	assert gain == YearlyGain(benefits=D("9948.00"), total=D("9948.00"))


def test_an_income_under_the_basic_amount_pays_no_tax_but_contributes():
	# $10,000: 1400 of Quebec tax less a 2599.94 credit; QPP on 6500 only.
	assert income_tax(10000, RATES_2025.quebec_brackets, RATES_2025.quebec_basic_amount) == 0
	assert contributions(RATES_2025, 10000) == D("832") + D("314.40") + D("118.60")


def test_an_income_in_the_second_bracket():
	# $60,000 in 2025. Quebec: 53255 x 14 % = 7455.70 + 6745 x 19 % = 1281.55, less 2599.94.
	assert income_tax(60000, RATES_2025.quebec_brackets, RATES_2025.quebec_basic_amount) == D("6137.31")
	# Federal: 57375 x 14.5 % = 8319.375 + 2625 x 20.5 % = 538.125, less 2338.705.
	assert income_tax(60000, RATES_2025.federal_brackets, RATES_2025.federal_basic_amount) == D("6518.795")
	# QPP 56500 x 12.8 % = 7232; EI 60000 x 3.144 % = 1886.40; QPIP 60000 x 1.186 % = 711.60.
	assert contributions(RATES_2025, 60000) == D("9830.00")


def test_2026_taxes_at_14_percent_federally():
	# 30000 x 14 % = 4200, less 16452 x 14 % = 2303.28.
	assert income_tax(30000, RATES_2026.federal_brackets, RATES_2026.federal_basic_amount) == D("1896.72")
	# 30000 x 14 % = 4200, less 18952 x 14 % = 2653.28.
	assert income_tax(30000, RATES_2026.quebec_brackets, RATES_2026.quebec_basic_amount) == D("1546.72")


def test_contributions_stop_at_their_maximums():
	# $100,000: QPP (71300 - 3500) x 12.8 % = 8678.40; EI 65700 x 3.144 % = 2065.608;
	# QPIP 98000 x 1.186 % = 1162.28.
	assert contributions(RATES_2025, 100000) == D("11906.288")


def test_brackets_start_at_zero_and_increase():
	with pytest.raises(ValueError):
		check_brackets([])
	with pytest.raises(ValueError):
		check_brackets([Bracket(D(100), D(14))])
	with pytest.raises(ValueError):
		check_brackets([Bracket(D(0), D(14)), Bracket(D(5000), D(19)), Bracket(D(5000), D(24))])
	with pytest.raises(ValueError):
		income_tax(1000, [Bracket(D(0), D(14)), Bracket(D(0), D(19))], 0)


def test_benefits_by_income_source():
	assert benefits_avoided(RATES_2025, SOCIAL_ASSISTANCE) == D("9948")  # 829 x 12
	assert benefits_avoided(RATES_2026, SOCIAL_ASSISTANCE) == D("10140")  # 845 x 12
	assert benefits_avoided(RATES_2025, EMPLOYMENT_INSURANCE) == D("10260")  # 570 x 18
	assert benefits_avoided(RATES_2025, NO_PUBLIC_INCOME) == 0
	assert benefits_avoided(RATES_2025, OTHER) == 0
	with pytest.raises(ValueError):
		benefits_avoided(RATES_2025, "")
	# Without benefits, the gain is the tax and contributions alone.
	on_assistance = yearly_gain(RATES_2025, SOCIAL_ASSISTANCE, 18, 35)
	without = yearly_gain(RATES_2025, OTHER, 18, 35)
	assert without.benefits == 0
	assert without.total == on_assistance.total - D("9948.00") == D("9163.85")


def test_weeks_worked_come_from_the_rates():
	gain = yearly_gain(replace(RATES_2025, weeks_per_year=26), NO_PUBLIC_INCOME, 20, 30)
	# 15600 a year: Quebec 2184 - 2599.94 and federal 2262 - 2338.705 are both below 0;
	# QPP 12100 x 12.8 % = 1548.80, EI 490.464, QPIP 185.016.
	assert gain == YearlyGain(contributions=D("2224.28"), total=D("2224.28"))


def test_months_to_pay_back():
	assert months_to_pay_back(20000, D("19111.85")) == D("12.6")  # 240000 / 19111.85 = 12.557...
	assert months_to_pay_back(12000, 24000) == D("6.0")
	assert months_to_pay_back(1050, 12000) == D("1.1")  # 1.05, half up
	assert months_to_pay_back(1049, 12000) == D("1.0")  # 1.049
	assert months_to_pay_back(20000, 0) is None
	assert months_to_pay_back(20000, D("-5")) is None
	assert months_to_pay_back(0, 12000) is None  # no outlay recorded: unknown, not 0 months


def test_a_member_has_a_gain_or_a_reason():
	with pytest.raises(ValueError):
		Member(D(100))
	with pytest.raises(ValueError):
		Member(D(100), gain=YearlyGain(), missing=NO_FOLLOW_UP)
	with pytest.raises(ValueError):
		Member(D(100), missing="guessed")


def test_members_without_data_are_counted_and_never_invented():
	def m(outlay, employed=True, source=SOCIAL_ASSISTANCE, wage=None, hours=None, rates=RATES_2025):
		return member(
			outlay, rates, employed=employed, income_source=source, hourly_wage=wage, weekly_hours=hours
		)

	members = [
		m(20000, wage="18.00", hours=35),  # 19111.85
		m(20000, source=EMPLOYMENT_INSURANCE, wage=20, hours=30),  # 18749.34
		m(18000, source=EMPLOYMENT_INSURANCE),  # employed, no wage nor hours
		m(18000, wage=18, hours=0),  # hours 0: no data, not a zero wage
		m(18000, wage=0, hours=35),
		m(18000, employed=None),  # no follow-up
		m(15000, employed=False, wage=18, hours=35),  # not employed: a wage recorded changes nothing
		m(16000, source=NO_PUBLIC_INCOME, wage=18, hours=35),
		m(17000, source=None, wage=18, hours=35),
		m(16000, wage=18, hours=35, rates=None),
	]
	assert [x.missing for x in members] == [
		None,
		None,
		NO_WAGE_OR_HOURS,
		NO_WAGE_OR_HOURS,
		NO_WAGE_OR_HOURS,
		NO_FOLLOW_UP,
		NOT_EMPLOYED,
		NOT_ON_BENEFITS,
		NO_INCOME_SOURCE,
		NO_RATES,
	]
	result = cohort_return(members)
	assert result.members == 10
	assert result.outlay == D("176000.00")
	assert result.employed_with_data == 2
	assert result.gain == YearlyGain(
		benefits=D("20208.00"),
		quebec_tax=D("3754.52"),
		federal_tax=D("3838.32"),
		contributions=D("10060.35"),
		total=D("37861.19"),  # 19111.85 + 18749.34, and nothing for the others
	)
	# 176000 x 12 / 37861.19 = 55.78...
	assert result.months_to_pay_back == D("55.8")
	assert result.lacking_data == {NO_FOLLOW_UP: 1, NO_INCOME_SOURCE: 1, NO_WAGE_OR_HOURS: 3, NO_RATES: 1}
	assert result.lacking_data_count == 6
	assert result.no_gain == {NOT_EMPLOYED: 1, NOT_ON_BENEFITS: 1}


def test_a_cohort_without_data_has_no_pay_back():
	result = cohort_return([member(D("12345.675"), RATES_2025, employed=None, income_source=None)])
	assert result.outlay == D("12345.68")
	assert result.gain == YearlyGain()
	assert result.months_to_pay_back is None
	assert result.lacking_data_count == 1
	empty = cohort_return([])
	assert (empty.members, empty.outlay, empty.months_to_pay_back) == (0, 0, None)
	assert set(empty.lacking_data) == set(LACKING_DATA)


def test_a_record_gives_back_its_rates():
	for rates in SHIPPED_RETURN_RATES.values():
		values = record_values(rates)
		assert "quebec_brackets" not in values and len(values["brackets"]) == 9
		# Rows in any order; numbers as a form sends them.
		rows = [
			{**row, "threshold": float(row["threshold"]), "rate": float(row["rate"])}
			for row in values["brackets"]
		]
		assert rates_from_values(values, reversed(rows)) == rates

		class Row:  # a frappe child row: get(), no subscript
			def __init__(self, values: dict) -> None:
				self.values = values

			def get(self, key: str):
				return self.values.get(key)

		assert rates_from_values(values, [Row(row) for row in rows]) == rates
	with pytest.raises(ValueError):
		rates_from_values(values, [{"jurisdiction": "Ontario", "threshold": 0, "rate": 5}])


def test_shipped_years_are_consistent():
	assert set(SHIPPED_RETURN_RATES) == set(RETURN_SOURCES) == {2025, 2026}
	for year, rates in SHIPPED_RETURN_RATES.items():
		assert rates.year == year
		check_brackets(rates.quebec_brackets)
		check_brackets(rates.federal_brackets)
		assert "À confirmer" in RETURN_SOURCES[year]
		# The contributions are the payroll table's: the employer's side is the same.
		payroll = SHIPPED_YEARS[year]
		assert rates.qpp_rate == payroll.qpp_base_rate + payroll.qpp_first_additional_rate
		assert (rates.qpp_exemption, rates.qpp_max_earnings) == (payroll.qpp_exemption, payroll.ympe)
		assert (rates.ei_employer_rate, rates.ei_max_earnings) == (
			payroll.ei_rate * payroll.ei_employer_factor,
			payroll.ei_max_earnings,
		)
		assert (rates.qpip_employer_rate, rates.qpip_max_earnings) == (
			payroll.qpip_employer_rate,
			payroll.qpip_max_earnings,
		)
	assert RATES_2025.federal_brackets[0].rate == D("14.5")
	assert RATES_2026.federal_brackets[0].rate == D("14")


def follow_up(months, situation, status="Done", contact=None, wage=None, hours=None):
	return {
		"months_after_exit": months,
		"status": status,
		"situation": situation,
		"contact_date": contact,
		"hourly_wage": wage,
		"weekly_hours": hours,
	}


def test_the_follow_up_used_is_the_latest_done_and_reached():
	three = follow_up(3, "Employed Full Time", contact=date(2026, 7, 2), wage=19, hours=35)
	six_unreachable = follow_up(6, "Unreachable", contact=date(2026, 10, 1))
	twelve_planned = follow_up(12, None, status="Planned")
	assert follow_up_used([three, six_unreachable, twelve_planned]) is three
	six = follow_up(6, "Looking for Work", contact=date(2026, 10, 1))
	assert follow_up_used([three, six, twelve_planned]) is six
	assert follow_up_used([six_unreachable, twelve_planned]) is None
	assert follow_up_used([]) is None
	# Two follow-ups at the same offset: the later contact.
	again = follow_up(3, "Employed Part Time", contact=date(2026, 7, 20))
	assert follow_up_used([again, three]) is again


def test_a_member_read_from_the_follow_up_used():
	employed = follow_up(3, "Employed Part Time", wage="18.00", hours=35)
	assert member_at_follow_up(100, RATES_2025, SOCIAL_ASSISTANCE, employed).gain == yearly_gain(
		RATES_2025, SOCIAL_ASSISTANCE, D("18.00"), 35
	)
	assert member_at_follow_up(100, RATES_2025, SOCIAL_ASSISTANCE, None).missing == NO_FOLLOW_UP
	school = follow_up(3, "In School or Training")
	assert member_at_follow_up(100, RATES_2025, SOCIAL_ASSISTANCE, school).missing == NOT_EMPLOYED
	no_wage = follow_up(3, "Employed Full Time", hours=35)
	assert member_at_follow_up(100, RATES_2025, SOCIAL_ASSISTANCE, no_wage).missing == NO_WAGE_OR_HOURS
	assert member_at_follow_up(100, None, EMPLOYMENT_INSURANCE, employed).missing == NO_RATES
	assert member_at_follow_up(100, RATES_2025, NO_PUBLIC_INCOME, employed).missing == NOT_ON_BENEFITS


def test_a_line_belongs_to_the_parcours_its_dates_overlap():
	first = ("P1", date(2025, 2, 3), date(2025, 8, 1))
	second = ("P2", date(2026, 2, 2), date(2026, 3, 31))
	assert member_of_line([first, second], date(2026, 3, 1), date(2026, 3, 31)) == "P2"
	assert member_of_line([first, second], date(2025, 8, 1), date(2025, 8, 31)) == "P1"
	assert member_of_line([first, second], date(2026, 4, 1), date(2026, 4, 30)) is None
	assert member_of_line([second], None, None) == "P2"
	assert member_of_line([first, second], None, None) is None
	assert member_of_line([], date(2026, 3, 1), date(2026, 3, 31)) is None


def test_shares_by_hours_add_up_to_the_cent():
	assert shares_by_hours(D("2529.46"), {"B": 80, "A": 120}) == {"A": D("1517.68"), "B": D("1011.78")}
	thirds = shares_by_hours(100, {"A": 1, "B": 1, "C": 1})
	assert thirds == {"A": D("33.34"), "B": D("33.33"), "C": D("33.33")}
	assert shares_by_hours(100, {"A": 0, "B": 0}) == {"A": 0, "B": 0}
	assert shares_by_hours(100, {}) == {}


def test_a_claim_spends_its_lines_and_a_share_of_supervision_by_hours():
	claim = ClaimOutlay(
		lines=(
			ClaimLine("T-A", D(120), D("2100.00"), "P-A"),
			ClaimLine("T-B", D(80), D("1400.00"), "P-B"),
			ClaimLine("T-C", D(100), D("1750.00")),  # not in the cohort: still counts in the hours
		),
		shared=D("3000.00"),
		paid_share=D("0.5"),
	)
	# 3000 x 120 / 300 = 1200; 3000 x 80 / 300 = 800.
	assert claim_outlays(claim) == {"P-A": D("3300.00"), "P-B": D("2200.00")}
	# Two slips of one trainee in the claim: their hours add up.
	split = ClaimOutlay(
		lines=(
			ClaimLine("T-A", D(60), D("1000.00"), "P-A"),
			ClaimLine("T-A", D(60), D("1100.00"), "P-A"),
			ClaimLine("T-B", D(80), D("1400.00"), "P-B"),
		),
		shared=D("1000.00"),
	)
	assert claim_outlays(split) == {"P-A": D("2700.00"), "P-B": D("1800.00")}
	# A trainee whose lines belong to two parcours: the trainee's share divided by hours.
	two = ClaimOutlay(
		lines=(ClaimLine("T-A", D(30), D("500.00"), "P-1"), ClaimLine("T-A", D(10), D("100.00"), "P-2")),
		shared=D("100.00"),
	)
	assert claim_outlays(two) == {"P-1": D("575.00"), "P-2": D("125.00")}
	# Nothing paid by hours when no trainee has hours: only the lines' own amounts.
	no_hours = ClaimOutlay(lines=(ClaimLine("T-A", D(0), D("10.00"), "P-A"),), shared=D("50.00"))
	assert claim_outlays(no_hours) == {"P-A": D("10.00")}


def test_the_cohort_outlay_claimed_and_paid():
	march = ClaimOutlay(
		lines=(ClaimLine("T-A", D(120), D("2100.00"), "P-A"), ClaimLine("T-B", D(80), D("1400.00"), "P-B")),
		shared=D("1000.00"),
		paid_share=D(1),
	)
	april = ClaimOutlay(
		lines=(ClaimLine("T-A", D(100), D("1750.01"), "P-A"),),
		shared=D(0),
		paid_share=D("0.333333"),
	)
	assert cohort_outlays([march, april]) == {
		# 2100 + 600 of March, paid in full; 1750.01 x 0.333333 = 583.336... of April: 3283.336...
		"P-A": Outlay(claimed=D("4450.01"), paid=D("3283.34")),
		"P-B": Outlay(claimed=D("1800.00"), paid=D("1800.00")),
	}
	assert cohort_outlays([]) == {}


def test_the_figures_still_to_confirm_come_from_the_sources():
	assert figures_to_confirm(RETURN_SOURCES[2025]).startswith("paliers d'impôt du Québec (14 %")
	assert figures_to_confirm(RETURN_SOURCES[2026]).startswith("taux du RQAP (une seule source)")
	assert "Cotisations" not in figures_to_confirm(RETURN_SOURCES[2026])
	assert figures_to_confirm("Benefits: MESS. To confirm: the EI weeks.") == "the EI weeks."
	assert figures_to_confirm("À CONFIRMER\u00a0: tout.") == "tout."
	assert figures_to_confirm("Tout est confirmé par Revenu Québec.") == ""
	assert figures_to_confirm(None) == ""
