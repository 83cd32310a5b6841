"""The ROE Web bulk file (core/roe_xml.py) against the project's schema, written from the
published layout (insertion_erp/quebec_payroll/schema/roe-payroll-extract-2.0.xsd)."""

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from lxml import etree

from insertion_erp.core import roe_xml

SCHEMA = etree.XMLSchema(
	etree.parse(
		str(
			Path(__file__).parents[1]
			/ "insertion_erp"
			/ "quebec_payroll"
			/ "schema"
			/ "roe-payroll-extract-2.0.xsd"
		)
	)
)


def record(**changes) -> roe_xml.RoeRecord:
	values = {
		"payroll_account": "123456789 RP0001",
		"pay_period_type": "W",
		"sin": "046 454 286",
		"person": roe_xml.Person("Rémi", "Relevé", ["123, rue Ontario Est", "Montréal QC"], "H2X1H3"),
		"first_day_worked": date(2026, 3, 2),
		"last_day_paid": date(2026, 4, 10),
		"final_period_end": date(2026, 4, 12),
		"recall_code": "N",
		"insurable_hours": D("203.4"),
		"periods": [(1, D("781.2")), (2, D(630))],
		"reason_code": "M00",
		"contact": roe_xml.Contact("Nadia", "Paie", "+1 (514) 555-0199"),
		"vacation_pay": D("151.2"),
	}
	return roe_xml.RoeRecord(**{**values, **changes})


def parse(content: bytes):
	document = etree.fromstring(content)
	assert SCHEMA.validate(document), SCHEMA.error_log.last_error
	return document


def test_a_file_of_two_roes_follows_the_layout():
	document = parse(roe_xml.document([record(), record(comments="Fin du parcours", reason_code="K00")]))
	assert document.get("FileVersion") == "W-2.0"
	first = document.find("ROE")
	assert first.get("Issue") == "S" and first.get("PrintingLanguage") == "F"
	assert first.findtext("B5") == "123456789RP0001"
	assert first.findtext("B8") == "046454286"
	assert first.findtext("B15A") == "203"
	assert [(pp.get("nbr"), pp.findtext("AMT")) for pp in first.find("B15C")] == [
		("1", "781.20"),
		("2", "630.00"),
	]
	assert (first.findtext("B16/AC"), first.findtext("B16/TEL")) == ("514", "5550199")
	assert (first.findtext("B17A/VP/CD"), first.findtext("B17A/VP/AMT")) == ("2", "151.20")
	assert first.find("B18") is None  # no empty element
	assert document.findall("ROE")[1].findtext("B18") == "Fin du parcours"


def test_an_amendment_names_the_roe_it_replaces_and_no_vacation_pay_no_block_17():
	document = parse(roe_xml.document([record(amends="W12345678", vacation_pay=D(0))]))
	assert document.find("ROE").findtext("B2") == "W12345678"
	assert document.find("ROE/B17A") is None
	assert document.find("ROE/B17B") is None


def test_the_statutory_holidays_after_the_last_day_go_in_block_17b():
	document = parse(roe_xml.document([record(holidays=[(date(2026, 4, 3), D("126"))])]))
	holidays = document.find("ROE/B17B")
	assert [(sh.get("nbr"), sh.findtext("DT"), sh.findtext("AMT")) for sh in holidays] == [
		("1", "2026-04-03", "126.00")
	]


def test_the_schema_refuses_what_roe_web_would():
	for changes in ({"sin": "12345"}, {"reason_code": "A"}, {"payroll_account": "123456789"}):
		document = etree.fromstring(roe_xml.document([record(**changes)]))
		assert not SCHEMA.validate(document), changes


def test_postal_code_and_limits():
	assert roe_xml.postal_code("123 rue X\nMontréal QC h2x 1h3") == "H2X1H3"
	assert roe_xml.postal_code("no code") == ""
	with pytest.raises(roe_xml.FileTooLarge):
		roe_xml.document([record()] * 1201)
