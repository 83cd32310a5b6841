"""Quebec employer rates shipped with the app (the user edits them in "Quebec Payroll Rates").

Taken from public sources: Revenu Québec's QPP and FSS pages, canada.ca's 2026 EI
maximum insurable earnings, compben.com's 2026 EI and QPIP figures, rcgt.com on
labour standards. SOURCES below gives each year's sources and notes the figures
not yet confirmed; installing the app copies them onto each year's record.
"""

from decimal import Decimal as D

from insertion_erp.core.contributions import Rates

_FSS = dict(
	fss_low_rate=D("1.65"),
	fss_high_rate=D("4.26"),
	fss_low_payroll=D(1_000_000),
	fss_high_payroll=D(7_800_000),
	fss_base_rate=D("1.2662"),
	fss_factor=D("0.3838"),
)

SHIPPED_RATES = {
	2025: Rates(
		year=2025,
		qpp_rate=D("6.40"),
		qpp_max_earnings=D(71300),
		qpp_exemption=D(3500),
		qpp2_rate=D("4.00"),
		qpp2_max_earnings=D(81200),
		ei_rate=D("1.834"),
		ei_max_earnings=D(65700),
		qpip_rate=D("0.692"),
		qpip_max_earnings=D(98000),
		cnt_rate=D("0.06"),
		cnt_max_earnings=D(98000),
		**_FSS,
	),
	2026: Rates(
		year=2026,
		qpp_rate=D("6.30"),
		qpp_max_earnings=D(74600),
		qpp_exemption=D(3500),
		qpp2_rate=D("4.00"),
		qpp2_max_earnings=D(85000),
		ei_rate=D("1.82"),
		ei_max_earnings=D(68900),
		qpip_rate=D("0.602"),
		qpip_max_earnings=D(103000),
		cnt_rate=D("0.06"),
		cnt_max_earnings=D(103000),
		**_FSS,
	),
}

SOURCES = {
	2025: "Revenu Québec (RRQ, FSS), canada.ca (AE), rcgt.com (CNT). Plafond CNT pris égal au maximum de la "
	"rémunération assurable du RQAP : à confirmer (94 000 $ en 2024).",
	2026: "Revenu Québec (RRQ), canada.ca et compben.com (AE, RQAP : une seule source pour le RQAP), rcgt.com (CNT). "
	"À confirmer : second plafond RRQ (85 000 $, déduit), taux RQAP, plafond CNT (pris égal au maximum RQAP), "
	"barème FSS (repris de 2025).",
}
