"""The ROE Web bulk file (core/payroll/roe_xml.py), validated against Service Canada's own schema
(PayrollExtractXmlV2.xsd, shipped in insertion_erp/quebec_payroll/schema/esdc-roe-v2)."""

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from lxml import etree

from insertion_erp.core.payroll import filing_schemas, roe, roe_xml

SCHEMAS = Path(__file__).parents[1] / "insertion_erp" / "quebec_payroll" / "schema"
LAYOUT = filing_schemas.layout_of(SCHEMAS, "ROE", 2026)


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
	assert filing_schemas.problems(content, SCHEMAS, LAYOUT) == []
	return etree.fromstring(content)


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


def test_a_one_line_address_and_no_postal_code_still_make_a_valid_roe():
	one_line = roe_xml.Person("Rémi", "Relevé", ["123, rue Ontario Est"], "")
	document = parse(roe_xml.document([record(person=one_line)]))
	person = document.find("ROE/B9")
	assert (person.findtext("A1"), person.findtext("A2"), person.findtext("PC")) == (
		"123, rue Ontario Est",
		"",
		"",
	)
	assert person.find("A3") is None


def test_block_15a_is_capped_at_the_8904_hours_the_form_takes():
	document = parse(roe_xml.document([record(insurable_hours=D("9120.5"))]))
	assert document.findtext("ROE/B15A") == "8904" == str(roe.MAX_INSURABLE_HOURS)


def test_the_schema_refuses_what_roe_web_would_and_names_the_employee():
	for changes, element in (
		({"sin": "12345"}, "B8"),
		({"pay_period_type": "X"}, "B6"),
		({"payroll_account": "123456789"}, "B5"),
	):
		found = filing_schemas.problems(roe_xml.document([record(**changes)]), SCHEMAS, LAYOUT)
		assert ("Rémi Relevé", element) in {(p.who, p.element) for p in found}, changes


def test_postal_code_and_limits():
	assert roe_xml.postal_code("123 rue X\nMontréal QC h2x 1h3") == "H2X1H3"
	assert roe_xml.postal_code("no code") == ""
	with pytest.raises(roe_xml.FileTooLarge):
		roe_xml.document([record()] * 1201)
