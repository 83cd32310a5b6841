"""The T4 return (T619) and the RL-1 file (core/year_end_xml.py) against the project's schemas
(insertion_erp/quebec_payroll/schema/t4-return.xsd and rl1-transmission.xsd)."""

from decimal import Decimal as D
from pathlib import Path

import pytest
from lxml import etree

from insertion_erp.core import year_end, year_end_xml

SCHEMAS = Path(__file__).parents[1] / "insertion_erp" / "quebec_payroll" / "schema"
T4_SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMAS / "t4-return.xsd")))
RL1_SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMAS / "rl1-transmission.xsd")))
NS = {"rq": "http://www.mrq.gouv.qc.ca/T5"}
MAXIMUMS = year_end.Maximums(ympe=D(74_600), yampe=D(85_000), ei=D(68_900), qpip=D(103_000))


def slip(last_name="Relevé", gross="9450.00", qpp="540.12", ei="122.85", number="000000011", **more):
	totals = year_end.YearTotals(
		gross=D(gross), qpp=D(qpp), ei=D(ei), qpip=D("40.64"), federal_tax=D("210.00"), quebec_tax=D("310.50")
	)
	person = year_end_xml.Person(
		"HR-EMP-00012",
		"046 454 286",
		"Rémi",
		last_name,
		year_end_xml.Address.parse("123, rue Ontario Est\nMontréal, QC  h2x 1h3"),
	)
	return year_end_xml.Slip(
		person, year_end.t4(totals, MAXIMUMS), year_end.rl1(totals, MAXIMUMS), number, **more
	)


EMPLOYER = year_end_xml.Employer(
	"Friperie du Quartier",
	"123456789 RP0001",
	year_end_xml.Address.parse("2000, rue Sainte-Catherine\nMontréal QC H3H 2T3"),
	"Nadia Paie",
	"+1 (514) 555-0199",
	"paie@example.org",
	quebec_id="1234567890",
	quebec_file="RS0001",
)
TRANSMITTER = year_end_xml.Transmitter("YE2026A", "NP123456", "RQ-26-01-999", "0.7")


def test_an_address_typed_on_lines_gives_its_street_city_province_and_postal_code():
	address = year_end_xml.Address.parse("123, rue Ontario Est\nMontréal, QC  h2x 1h3")
	assert address == year_end_xml.Address(["123, rue Ontario Est"], "Montréal", "QC", "H2X1H3")
	assert year_end_xml.Address.parse("12 rue X\nApp. 3\nGatineau\nJ8X 1A1").lines == ["12 rue X", "Gatineau"]
	assert year_end_xml.Address.parse("12 rue X").missing()


def test_the_t4_return_validates_and_carries_each_box():
	content = year_end_xml.t4_return(
		[slip(), slip("Second")], year_end.ORIGINAL, EMPLOYER, TRANSMITTER, 2026, D("344.00")
	)
	document = etree.fromstring(content)
	T4_SCHEMA.assertValid(document)
	first = document.find("Return/T4/T4Slip")
	assert first.findtext("sin") == "046454286"
	assert first.findtext("rpt_tcd") == "O"
	assert first.findtext("empt_prov_cd") == "QC"
	amounts = {child.tag: child.text for child in first.find("T4_AMT")}
	assert amounts == {
		"empt_incamt": "9450.00",
		"qpp_cntrb_amt": "540.12",
		"empe_eip_amt": "122.85",
		"itx_ddct_amt": "210.00",
		"ei_insu_ern_amt": "9450.00",
		"cpp_qpp_ern_amt": "9450.00",
		"prov_pip_amt": "40.64",
		"prov_insu_ern_amt": "9450.00",
	}  # 17A is nil: left out, as the CRA refuses empty elements
	summary = document.find("Return/T4/T4Summary")
	assert summary.findtext("slp_cnt") == "2"
	assert summary.findtext("T4_TAMT/tot_empt_incamt") == "18900.00"
	assert summary.findtext("T4_TAMT/tot_empr_eip_amt") == "344.00"
	assert document.findtext("T619/TransmitterAccountNumber/bn15") == "123456789RP0001"
	assert document.findtext("T619/CNTC/cntc_phn_nbr") == "555-0199"


def test_an_exempt_employee_is_marked_exempt_and_keeps_boxes_24_and_26():
	content = year_end_xml.t4_return(
		[slip(qpp="0", ei="0")], year_end.ORIGINAL, EMPLOYER, TRANSMITTER, 2026, D(0)
	)
	document = etree.fromstring(content)
	T4_SCHEMA.assertValid(document)
	assert document.findtext("Return/T4/T4Slip/cpp_qpp_xmpt_cd") == "1"
	assert document.findtext("Return/T4/T4Slip/ei_xmpt_cd") == "1"
	assert document.findtext("Return/T4/T4Slip/T4_AMT/ei_insu_ern_amt") == "0.00"
	assert document.findtext("Return/T4/T4Slip/T4_AMT/cpp_qpp_ern_amt") == "0.00"


def test_amended_and_cancelled_t4_slips_are_coded_and_the_return_is_amended():
	for kind, code in ((year_end.AMENDED, "A"), (year_end.CANCELLED, "C")):
		document = etree.fromstring(year_end_xml.t4_return([slip()], kind, EMPLOYER, TRANSMITTER, 2026, D(0)))
		T4_SCHEMA.assertValid(document)
		assert document.findtext("Return/T4/T4Slip/rpt_tcd") == code
		assert document.findtext("Return/T4/T4Summary/rpt_tcd") == "A"


def test_the_rl1_file_validates_and_carries_each_box():
	content = year_end_xml.rl1_file([slip()], year_end.ORIGINAL, EMPLOYER, TRANSMITTER, 2026)
	document = etree.fromstring(content)
	RL1_SCHEMA.assertValid(document)
	assert document.findtext("rq:P/rq:TypeEnvoi", namespaces=NS) == "1"
	released = document.find("rq:Groupe01/rq:R", NS)
	assert released.findtext("rq:NoReleve", namespaces=NS) == "000000011"
	assert released.findtext("rq:Identification/rq:Employe/rq:NAS", namespaces=NS) == "046454286"
	amounts = {etree.QName(child).localname: child.text for child in released.find("rq:Montants", NS)}
	assert amounts == {
		"A_RevenuEmploi": "9450.00",
		"B_CotisationRRQ": "540.12",
		"C_CotisationAssEmploi": "122.85",
		"E_ImpotQue": "310.50",
		"G_SalaireAdmisRRQ": "9450.00",
		"H_CotisationRQAP": "40.64",
		"I_SalaireAdmisRQAP": "9450.00",
	}
	assert document.findtext("rq:Groupe01/rq:T/rq:NbReleves", namespaces=NS) == "1"
	assert document.findtext("rq:Groupe01/rq:T/rq:Employeur/rq:NoDossier", namespaces=NS) == "0001"


def test_an_amended_rl1_names_the_slip_it_replaces_and_a_cancelled_one_has_no_amounts():
	amended = etree.fromstring(
		year_end_xml.rl1_file(
			[slip(number="000000022", rl1_replaces="000000011")],
			year_end.AMENDED,
			EMPLOYER,
			TRANSMITTER,
			2026,
		)
	)
	RL1_SCHEMA.assertValid(amended)
	assert amended.findtext("rq:P/rq:TypeEnvoi", namespaces=NS) == "4"
	assert amended.findtext("rq:Groupe01/rq:A/rq:NoReleveDerniereTrans", namespaces=NS) == "000000011"
	cancelled = etree.fromstring(
		year_end_xml.rl1_file([slip()], year_end.CANCELLED, EMPLOYER, TRANSMITTER, 2026)
	)
	RL1_SCHEMA.assertValid(cancelled)
	assert cancelled.findtext("rq:P/rq:TypeEnvoi", namespaces=NS) == "6"
	assert cancelled.find("rq:Groupe01/rq:D/rq:Montants", NS) is None


def test_the_schemas_refuse_what_the_authorities_would():
	bad = slip()
	bad.person.sin = "123"
	with pytest.raises(etree.DocumentInvalid):
		T4_SCHEMA.assertValid(
			etree.fromstring(
				year_end_xml.t4_return([bad], year_end.ORIGINAL, EMPLOYER, TRANSMITTER, 2026, D(0))
			)
		)
	with pytest.raises(etree.DocumentInvalid):
		RL1_SCHEMA.assertValid(
			etree.fromstring(
				year_end_xml.rl1_file([slip(number="")], year_end.ORIGINAL, EMPLOYER, TRANSMITTER, 2026)
			)
		)
