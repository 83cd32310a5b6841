"""A payroll year's figures, read from the year's shipped data file
(quebec_payroll/data/payroll_years/<year>.json): every source-deduction parameter with its
source and whether it is still to confirm (third-party [3P], derived [DER] or not found), the
employer-only figures (the Health Services Fund's schedule, the CNT rate), and a note. The
slips' employer table reads the same figures, never typed twice: its QPP, QPP2, EI and QPIP
are the source deductions', the CNT applies up to the QPIP maximum.

Shipping a year is one file: the app creates each missing year's record "Quebec Payroll
Rates" at install and after every migration, and never overwrites one the bookkeeper edited.

Pure: json and the standard library.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from insertion_erp.core.payroll.contributions import Rates
from insertion_erp.core.payroll.source_deductions import Bracket, PayrollYear, TaxTable

TABLES = ("federal_tables", "quebec_tables")
EMPLOYER_ONLY = (
	"fss_low_rate",
	"fss_high_rate",
	"fss_low_payroll",
	"fss_high_payroll",
	"fss_base_rate",
	"fss_factor",
	"cnt_rate",
)


def shipped(folder: Path) -> dict[int, dict]:
	"""Each shipped year's data file in `folder`, by year."""
	years = {}
	for path in sorted(Path(folder).glob("*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		if str(data.get("year")) != path.stem:
			raise ValueError(f"{path.name} holds the year {data.get('year')}")
		years[int(data["year"])] = data
	return years


def _value(entry):
	return entry["value"]


def _table(value: dict) -> TaxTable:
	return TaxTable(
		valid_from=date.fromisoformat(value["valid_from"]),
		brackets=tuple(
			Bracket(threshold=Decimal(t), rate=Decimal(r), constant=Decimal(k))
			for t, r, k in value["brackets"]
		),
		credit_rate=Decimal(value["credit_rate"]),
	)


def payroll_year(data: dict) -> PayrollYear:
	"""The year's source-deduction parameters."""
	values = {}
	for name, entry in data["figures"].items():
		value = _value(entry)
		if name in TABLES:
			values[name] = tuple(_table(table) for table in value)
		elif name == "qpp_exemption_per_pay":
			values[name] = {int(pays): Decimal(amount) for pays, amount in value.items()}
		else:
			values[name] = Decimal(value)
	return PayrollYear(year=int(data["year"]), **values)


def employer_rates(data: dict) -> Rates:
	"""The year's employer-only rates (FSS, CNT), the CNT on the QPIP maximum. The employer's
	QPP, QPP2, EI and QPIP are the source deductions' (`payroll_year`)."""
	year = payroll_year(data)
	employer = {name: Decimal(_value(data["employer"][name])) for name in EMPLOYER_ONLY}
	return Rates(year=year.year, cnt_max_earnings=year.qpip_max_earnings, **employer)


def figure_sources(data: dict) -> dict[str, tuple[str, bool]]:
	"""Each source-deduction parameter's source and whether it is still to confirm (the
	record's "Source of Each Figure"; the employer-only figures' sources stay in the file and
	its note)."""
	return {name: (entry["source"], bool(entry["to_confirm"])) for name, entry in data["figures"].items()}


def to_confirm(data: dict) -> list[str]:
	"""The parameters of a year still to confirm."""
	return [name for name, (_source, unconfirmed) in figure_sources(data).items() if unconfirmed]
