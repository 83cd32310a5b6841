"""The source-deduction parameters shipped for 2025 and 2026, as data, with their sources.

Every figure comes from /work/shared/quebec-payroll.md (§1), which names its source: an
official page (CRA, Revenu Québec, Retraite Québec, ESDC), a third-party page [3P], or
arithmetic from other figures [DER]. FIGURE_SOURCES gives, for each year and each
`PayrollYear` field, that source and whether the figure is still to confirm (third-party,
derived or not found). Installing the app copies both onto each year's record
"Quebec Payroll Rates", where the bookkeeper corrects them; no other code holds these figures.
"""

from datetime import date
from decimal import Decimal as D

from insertion_erp.core.source_deductions import Bracket, PayrollYear, TaxTable

# Sources (quebec-payroll.md §1)
_RQ_QPP = (
	"https://www.revenuquebec.ca/en/businesses/source-deductions-and-employer-contributions/"
	"calculating-source-deductions-and-employer-contributions/quebec-pension-plan-contributions/"
	"maximum-pensionable-salary-or-wages-and-contribution-rate/"
)
_RQ_EXEMPTION = (
	"https://www.revenuquebec.ca/en/businesses/source-deductions-and-employer-contributions/"
	"calculating-source-deductions-and-employer-contributions/quebec-pension-plan-contributions/"
	"basic-qpp-exemption/continuous-employment/"
)
_RETRAITE_QUEBEC_ROLE = "https://retraitequebec.gouv.qc.ca/en/employeur/role_rrq/Pages/role_rrq.aspx"
_RETRAITE_QUEBEC_INDEXATION = "https://www.retraitequebec.gouv.qc.ca/en/landing/indexation"
_SAI = "https://www.saiinc.qc.ca/en/publications/news/quebec-pension-plan-key-data-2026"
_ESDC_EI = (
	"https://www.canada.ca/en/employment-social-development/programs/ei/ei-list/ei-employers/"
	"premium-reduction-program/2026-maximum-insurable-earnings.html"
)
_RQ_QPIP = (
	"https://www.revenuquebec.ca/en/businesses/source-deductions-and-employer-contributions/"
	"calculating-source-deductions-and-employer-contributions/quebec-parental-insurance-plan-premiums/"
	"maximum-insurable-earnings-and-premium-rate/"
)
_COMPBEN = "https://www.compben.com/post/2026-employment-insurance-updates"
_CRA_INDEXATION = (
	"https://www.canada.ca/en/revenue-agency/services/tax/individuals/frequently-asked-questions-individuals/"
	"adjustment-personal-income-tax-benefit-amounts.html"
)
_T4127_JULY = "https://mail.taxinterpretations.com/cra/website/agency/services/forms-publications/publications/t4127-jul"
_ATRIEVE = "https://atrieve.powerschool-docs.com/atrieve-payroll/latest/2025-july-payroll-tax-changes"
_BEANFLOW = "https://github.com/beanflowai/Beanflow-Payroll (docs/t4127-01-26e/)"
_JONES_OCONNELL = "https://blog.jonesoconnell.ca/engage/federal-individual-tax-credits-for-2025-23123"
_T4127_ENGINE = "https://github.com/asterling/T4127-Engine"
_ABATEMENT = "https://www.canada.ca/en/department-finance/programs/federal-transfers/quebec-abatement.html"
_KNIT = "https://help.knitpeople.com/hc/en-us/articles/28676817658775"
_MTLBLOG = "https://www.mtlblog.com/quebec-taxes-income-2026-brackets"
_CALCULATORS_CANADA = "https://calculatorscanada.ca/quebec-income-tax-calculator"
_CFFP = (
	"https://cffp.recherche.usherbrooke.ca/outils-ressources/guide-mesures-fiscales/deduction-travailleurs/"
)
_CALCUL_DE_SALAIRE = "https://www.calculdesalaire.fr/salairenetquebec.htm"

# Revenu Québec's exemption per pay, truncated to the cent, by pays per year [OFF].
_EXEMPTION_PER_PAY = {
	12: D("291.66"),
	24: D("145.83"),
	26: D("134.61"),
	27: D("129.62"),
	52: D("67.30"),
	53: D("66.03"),
}
_FEDERAL_UPPER_RATES = (D("20.5"), D(26), D(29), D(33))
_QUEBEC_RATES = (D(14), D(19), D(24), D("25.75"))


def _table(valid_from: date, thresholds: tuple, rates: tuple, constants: tuple, credit_rate: D) -> TaxTable:
	return TaxTable(
		valid_from=valid_from,
		brackets=tuple(
			Bracket(threshold=D(t), rate=D(r), constant=D(k))
			for t, r, k in zip(thresholds, rates, constants, strict=True)
		),
		credit_rate=credit_rate,
	)


_FEDERAL_2025 = (0, 57_375, 114_750, 177_882, 253_414)
_FEDERAL_2026 = (0, 58_523, 117_045, 181_440, 258_482)
_QUEBEC_2025 = (0, 53_255, 106_495, 129_590)
_QUEBEC_2026 = (0, 54_345, 108_680, 132_245)

SHIPPED_YEARS: dict[int, PayrollYear] = {
	2025: PayrollYear(
		year=2025,
		qpp_base_rate=D("5.40"),
		qpp_first_additional_rate=D("1.00"),
		qpp2_rate=D("4.00"),
		qpp_exemption=D(3500),
		qpp_exemption_per_pay=dict(_EXEMPTION_PER_PAY),
		ympe=D(71_300),
		yampe=D(81_200),
		ei_rate=D("1.31"),
		ei_max_earnings=D(65_700),
		ei_employer_factor=D("1.4"),
		qpip_employee_rate=D("0.494"),
		qpip_employer_rate=D("0.692"),
		qpip_max_earnings=D(98_000),
		federal_tables=(
			_table(
				date(2025, 1, 1),
				_FEDERAL_2025,
				(D(15), *_FEDERAL_UPPER_RATES),
				(0, 3_156, 9_467, 14_803, 24_940),
				D(15),
			),
			_table(
				date(2025, 7, 1),
				_FEDERAL_2025,
				(D(14), *_FEDERAL_UPPER_RATES),
				(0, 3_729, 10_041, 15_377, 25_514),
				D(14),
			),
		),
		federal_bpa_max=D(16_129),
		federal_bpa_min=D(14_538),
		canada_employment_amount=D(1_471),
		quebec_abatement=D("16.5"),
		quebec_tables=(
			_table(date(2025, 1, 1), _QUEBEC_2025, _QUEBEC_RATES, (0, 2_663, 7_988, 10_255), D(14)),
		),
		quebec_basic_amount=D(18_571),
		quebec_worker_deduction_rate=D(6),
		quebec_worker_deduction_max=D(1_420),
	),
	2026: PayrollYear(
		year=2026,
		qpp_base_rate=D("5.30"),
		qpp_first_additional_rate=D("1.00"),
		qpp2_rate=D("4.00"),
		qpp_exemption=D(3500),
		qpp_exemption_per_pay=dict(_EXEMPTION_PER_PAY),
		ympe=D(74_600),
		yampe=D(85_000),
		ei_rate=D("1.30"),
		ei_max_earnings=D(68_900),
		ei_employer_factor=D("1.4"),
		qpip_employee_rate=D("0.430"),
		qpip_employer_rate=D("0.602"),
		qpip_max_earnings=D(103_000),
		federal_tables=(
			_table(
				date(2026, 1, 1),
				_FEDERAL_2026,
				(D(14), *_FEDERAL_UPPER_RATES),
				(0, 3_804, 10_241, 15_685, 26_024),
				D(14),
			),
		),
		federal_bpa_max=D(16_452),
		federal_bpa_min=D(14_829),
		canada_employment_amount=D(1_501),
		quebec_abatement=D("16.5"),
		quebec_tables=(
			_table(date(2026, 1, 1), _QUEBEC_2026, _QUEBEC_RATES, (0, 2_717, 8_151, 10_466), D(14)),
		),
		quebec_basic_amount=D(18_952),
		quebec_worker_deduction_rate=D(6),
		quebec_worker_deduction_max=D(1_450),
	),
}

_OFFICIAL = False
_TO_CONFIRM = True

FIGURE_SOURCES: dict[int, dict[str, tuple[str, bool]]] = {
	2025: {
		"qpp_base_rate": (f"5.40 % base (6.40 % in all): Retraite Québec {_RETRAITE_QUEBEC_ROLE}", _OFFICIAL),
		"qpp_first_additional_rate": (
			f"1.00 % first additional: Retraite Québec {_RETRAITE_QUEBEC_ROLE}",
			_OFFICIAL,
		),
		"qpp2_rate": (f"4 % between the MGA and the MGAP: Revenu Québec {_RQ_QPP}", _OFFICIAL),
		"qpp_exemption": (f"3,500: Revenu Québec {_RQ_QPP}", _OFFICIAL),
		"qpp_exemption_per_pay": (f"Exemption per pay, truncated: Revenu Québec {_RQ_EXEMPTION}", _OFFICIAL),
		"ympe": (f"MGA 71,300: Revenu Québec {_RQ_QPP}", _OFFICIAL),
		"yampe": (f"MGAP 81,200: Revenu Québec {_RQ_QPP}", _OFFICIAL),
		"ei_rate": (f"1.31 % (Quebec rate): ESDC {_ESDC_EI}", _OFFICIAL),
		"ei_max_earnings": (f"65,700: ESDC {_ESDC_EI}", _OFFICIAL),
		"ei_employer_factor": (f"Employer = 1.4 x employee: ESDC {_ESDC_EI}", _OFFICIAL),
		"qpip_employee_rate": (f"0.494 %: Revenu Québec {_RQ_QPIP}", _OFFICIAL),
		"qpip_employer_rate": (f"0.692 %: Revenu Québec {_RQ_QPIP}", _OFFICIAL),
		"qpip_max_earnings": (f"98,000: Revenu Québec {_RQ_QPIP}", _OFFICIAL),
		"federal_tables": (
			f"Thresholds 57,375 / 114,750 / 177,882 / 253,414: CRA {_CRA_INDEXATION}. Lowest rate 15 % "
			f"to June, 14 % from July 1 (T4127 121st ed.) [3P] {_T4127_JULY}. Constants from July "
			f"0 / 3,729 / 10,041 / 15,377 / 25,514 [3P] {_ATRIEVE}; January to June "
			"0 / 3,156 / 9,467 / 14,803 / 24,940 [DER].",
			_TO_CONFIRM,
		),
		"federal_bpa_max": (f"16,129: CRA {_CRA_INDEXATION}", _OFFICIAL),
		"federal_bpa_min": (f"14,538: CRA {_CRA_INDEXATION}", _OFFICIAL),
		"canada_employment_amount": (f"1,471 [3P] {_JONES_OCONNELL}", _TO_CONFIRM),
		"quebec_abatement": (f"16.5 % of basic federal tax: Finance Canada {_ABATEMENT}", _OFFICIAL),
		"quebec_tables": (
			f"Thresholds 53,255 / 106,495 / 129,590 [3P] {_KNIT}; rates 14 / 19 / 24 / 25.75 %; "
			"constants 0 / 2,663 / 7,988 / 10,255 [DER] (7,987.50 rounded up: a guess); "
			f"credit rate 14 % [3P] {_CALCUL_DE_SALAIRE}.",
			_TO_CONFIRM,
		),
		"quebec_basic_amount": (f"18,571 [3P] {_KNIT}", _TO_CONFIRM),
		"quebec_worker_deduction_rate": (f"6 % of salary [3P] {_CFFP}", _TO_CONFIRM),
		"quebec_worker_deduction_max": (f"1,420 [3P] {_KNIT}", _TO_CONFIRM),
	},
	2026: {
		"qpp_base_rate": (f"5.30 % base (6.30 % in all) [3P] {_SAI}", _TO_CONFIRM),
		"qpp_first_additional_rate": (
			f"1.00 % first additional (6.30 % = 5.30 + 1.00) [3P] {_SAI}",
			_TO_CONFIRM,
		),
		"qpp2_rate": (
			f"4 % between the MGA and the MGAP: 2024-2025 rate, Revenu Québec {_RQ_QPP}; "
			"2026 maximum 416 [DER]; no 2026 official source.",
			_TO_CONFIRM,
		),
		"qpp_exemption": (f"3,500: Revenu Québec {_RQ_EXEMPTION}", _OFFICIAL),
		"qpp_exemption_per_pay": (f"Exemption per pay, truncated: Revenu Québec {_RQ_EXEMPTION}", _OFFICIAL),
		"ympe": (f"MGA 74,600: Retraite Québec {_RETRAITE_QUEBEC_INDEXATION}", _OFFICIAL),
		"yampe": (f"MGAP 85,000: Retraite Québec {_RETRAITE_QUEBEC_INDEXATION}", _OFFICIAL),
		"ei_rate": (f"1.30 % (Quebec rate): ESDC {_ESDC_EI}", _OFFICIAL),
		"ei_max_earnings": (f"68,900: ESDC {_ESDC_EI}", _OFFICIAL),
		"ei_employer_factor": (f"Employer = 1.4 x employee: ESDC {_ESDC_EI}", _OFFICIAL),
		"qpip_employee_rate": (f"0.430 % [3P] {_COMPBEN}", _TO_CONFIRM),
		"qpip_employer_rate": (f"0.602 % [3P] {_COMPBEN}", _TO_CONFIRM),
		"qpip_max_earnings": (f"103,000 [3P] {_COMPBEN}", _TO_CONFIRM),
		"federal_tables": (
			f"Thresholds 58,523 / 117,045 / 181,440 / 258,482: CRA {_CRA_INDEXATION}. Lowest rate 14 %. "
			"Constants 0 / 3,804 / 10,241 / 15,685 / 26,024 [3P] transcription of T4127 122nd ed. "
			f"{_BEANFLOW}; the same derived.",
			_TO_CONFIRM,
		),
		"federal_bpa_max": (f"16,452: CRA {_CRA_INDEXATION}", _OFFICIAL),
		"federal_bpa_min": (f"14,829: CRA {_CRA_INDEXATION}", _OFFICIAL),
		"canada_employment_amount": (
			f"1,501 [3P/DER] default of {_T4127_ENGINE}; 1,471 x 1.02",
			_TO_CONFIRM,
		),
		"quebec_abatement": (f"16.5 % of basic federal tax: Finance Canada {_ABATEMENT}", _OFFICIAL),
		"quebec_tables": (
			f"Thresholds 54,345 / 108,680 / 132,245 [3P] {_MTLBLOG} ; {_CALCULATORS_CANADA}; "
			"rates 14 / 19 / 24 / 25.75 %; constants 0 / 2,717 / 8,151 / 10,466 [DER]; "
			f"credit rate 14 % [3P] {_CALCUL_DE_SALAIRE}.",
			_TO_CONFIRM,
		),
		"quebec_basic_amount": (f"18,952 [3P] {_MTLBLOG} ; {_CALCULATORS_CANADA}", _TO_CONFIRM),
		"quebec_worker_deduction_rate": (f"6 % of salary [3P] {_CFFP}", _TO_CONFIRM),
		"quebec_worker_deduction_max": (
			"1,450: not found; 1,420 (2025) indexed by 2.05 % [DER]",
			_TO_CONFIRM,
		),
	},
}


def to_confirm(year: int) -> list[str]:
	"""The figures of a shipped year still to confirm (third-party, derived or not found)."""
	return [figure for figure, (_source, unconfirmed) in FIGURE_SOURCES[year].items() if unconfirmed]
