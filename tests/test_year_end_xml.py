"""The T4 return (T619) and the RL-1 file (core/payroll/year_end_xml.py), each validated against the
authority's own schema package shipped in the app (insertion_erp/quebec_payroll/schema/, the
package of the year as layouts.json gives it) through core/payroll/filing_schemas.py."""

import dataclasses
from decimal import Decimal as D
from pathlib import Path

import pytest
from lxml import etree

from insertion_erp.core.payroll import filing_schemas, year_end, year_end_xml

SCHEMAS = Path(__file__).parents[1] / "insertion_erp" / "quebec_payroll" / "schema"
T4_LAYOUT = filing_schemas.layout_of(SCHEMAS, "T4", 2026)
RL1_LAYOUT = filing_schemas.layout_of(SCHEMAS, "RL-1", 2026)
NS = {"rq": "http://www.mrq.gouv.qc.ca/T5"}
MAXIMUMS = year_end.Maximums(ympe=D(74_600), yampe=D(85_000), ei=D(68_900), qpip=D(103_000))


def slip(
	last_name="Relevé", gross="9450.00", qpp="540.12", ei="122.85", number="000000011", qpp2="0", **more
):
	totals = year_end.YearTotals(
		gross=D(gross),
		qpp=D(qpp),
		qpp2=D(qpp2),
		ei=D(ei),
		qpip=D("40.64"),
		federal_tax=D("210.00"),
		quebec_tax=D("310.50"),
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
	dental_benefit_code="1",
)
TRANSMITTER = year_end_xml.Transmitter(
	"YE2026A",
	"NP123456",
	"RQ-26-XX-999",
	"0.7",
	quebec_partner_id="PARTENAIRE000001",
	quebec_product_id="PRODUIT000000001",
)


def valid(content: bytes, layout: filing_schemas.Layout):
	"""The file, parsed, once the official schema of its year finds nothing wrong in it."""
	assert filing_schemas.problems(content, SCHEMAS, layout) == []
	return etree.fromstring(content)


def t4(slips, kind=year_end.ORIGINAL, employer=EMPLOYER, employer_ei=D("344.00")) -> bytes:
	return year_end_xml.t4_return(slips, kind, employer, TRANSMITTER, 2026, employer_ei)


def rl1(slips, kind=year_end.ORIGINAL, transmitter=TRANSMITTER) -> bytes:
	return year_end_xml.rl1_file(slips, kind, EMPLOYER, transmitter, 2026, RL1_LAYOUT.version_schema)


def test_an_address_typed_on_lines_gives_its_street_city_province_and_postal_code():
	address = year_end_xml.Address.parse("123, rue Ontario Est\nMontréal, QC  h2x 1h3")
	assert address == year_end_xml.Address(["123, rue Ontario Est"], "Montréal", "QC", "H2X1H3")
	assert year_end_xml.Address.parse("12 rue X\nApp. 3\nGatineau\nJ8X 1A1") == year_end_xml.Address(
		["12 rue X", "App. 3"], "Gatineau", "QC", "J8X1A1"
	)
	assert year_end_xml.Address.parse("12 rue X") == year_end_xml.Address(["12 rue X"], "", "QC", "")


def test_the_t4_return_validates_and_carries_each_box():
	document = valid(t4([slip(), slip("Second")]), T4_LAYOUT)
	first = document.find("Return/T4/T4Slip")
	assert first.findtext("sin") == "046454286"
	assert first.findtext("rpt_tcd") == "O"
	assert first.findtext("empt_prov_cd") == "QC"
	assert first.findtext("empr_dntl_ben_rpt_cd") == "1"  # box 45
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
	document = valid(t4([slip(qpp="0", ei="0")], employer_ei=D(0)), T4_LAYOUT)
	assert document.findtext("Return/T4/T4Slip/cpp_qpp_xmpt_cd") == "1"
	assert document.findtext("Return/T4/T4Slip/ei_xmpt_cd") == "1"
	assert document.findtext("Return/T4/T4Slip/T4_AMT/ei_insu_ern_amt") == "0.00"
	assert document.findtext("Return/T4/T4Slip/T4_AMT/cpp_qpp_ern_amt") == "0.00"


def test_amended_and_cancelled_t4_slips_are_coded_and_the_return_is_amended():
	for kind, code in ((year_end.AMENDED, "A"), (year_end.CANCELLED, "C")):
		document = valid(t4([slip()], kind, employer_ei=D(0)), T4_LAYOUT)
		assert document.findtext("Return/T4/T4Slip/rpt_tcd") == code
		assert document.findtext("Return/T4/T4Summary/rpt_tcd") == "A"


def test_a_high_earner_past_the_second_ceiling_has_box_17a_and_the_file_validates():
	high = slip("Haut", gross="98000.00", qpp="4339.20", ei="1077.48", qpp2="416.00")
	document = valid(t4([high, slip()]), T4_LAYOUT)
	first = document.find("Return/T4/T4Slip")
	assert first.findtext("T4_AMT/qppe_cntrb_amt") == "416.00" == str(high.t4["17A"])
	assert first.findtext("T4_AMT/cpp_qpp_ern_amt") == "74600.00"


def test_the_rl1_file_validates_and_carries_each_box():
	document = valid(rl1([slip()]), RL1_LAYOUT)
	assert document.get("VersionSchema") == RL1_LAYOUT.version_schema == "2025.1"
	assert document.findtext("rq:P/rq:TypeEnvoi", namespaces=NS) == "1"
	assert document.findtext("rq:P/rq:IdPartenaireReleves", namespaces=NS) == "PARTENAIRE000001"
	assert document.findtext("rq:P/rq:IdProduitReleves", namespaces=NS) == "PRODUIT000000001"
	released = document.find("rq:Groupe01/rq:R", NS)
	assert released.findtext("rq:NoReleve", namespaces=NS) == "000000011"
	assert released.findtext("rq:Identification/rq:Employe/rq:NAS", namespaces=NS) == "046454286"
	amounts = {etree.QName(child).localname: child.text for child in released.find("rq:Montants", NS)}
	assert amounts == {
		"A_RevenuEmploi": "9450.00",
		"BA_CotisationRRQ": "540.12",
		"C_CotisationAssEmploi": "122.85",
		"E_ImpotQue": "310.50",
		"G_SalaireAdmisRRQ": "9450.00",
		"H_CotisationRQAP": "40.64",
		"I_SalaireAdmisRQAP": "9450.00",
	}
	assert document.findtext("rq:Groupe01/rq:T/rq:NbReleves", namespaces=NS) == "1"
	assert document.findtext("rq:Groupe01/rq:T/rq:Employeur/rq:NoDossier", namespaces=NS) == "0001"


def test_a_high_earner_s_rl1_carries_box_b_b_under_its_official_name():
	document = valid(
		rl1([slip("Haut", gross="98000.00", qpp="4339.20", ei="1077.48", qpp2="416.00")]), RL1_LAYOUT
	)
	assert D(document.findtext("rq:Groupe01/rq:R/rq:Montants/rq:BB_CotisationRRQSuppl", namespaces=NS)) > 0


def test_an_amended_rl1_names_the_slip_it_replaces_last_and_a_cancelled_one_only_the_person():
	amended = valid(rl1([slip(number="000000022", rl1_replaces="000000011")], year_end.AMENDED), RL1_LAYOUT)
	assert amended.findtext("rq:P/rq:TypeEnvoi", namespaces=NS) == "4"
	slip_element = amended.find("rq:Groupe01/rq:A", NS)
	assert etree.QName(slip_element[-1]).localname == "NoReleveDerniereTrans"
	assert slip_element[-1].text == "000000011"
	cancelled = valid(rl1([slip()], year_end.CANCELLED), RL1_LAYOUT)
	assert cancelled.findtext("rq:P/rq:TypeEnvoi", namespaces=NS) == "6"
	withdrawn = cancelled.find("rq:Groupe01/rq:D", NS)
	assert [etree.QName(child).localname for child in withdrawn] == ["Annee", "NoReleve", "Identification"]


def test_an_address_without_city_or_postal_code_leaves_those_elements_out():
	bare = slip()
	bare.person.address = year_end_xml.Address(["12 rue X"], "", "QC", "")
	document = valid(rl1([bare]), RL1_LAYOUT)
	address = document.find("rq:Groupe01/rq:R/rq:Adresse", NS)
	assert [etree.QName(child).localname for child in address] == ["Ligne1", "Province"]
	valid(t4([bare]), T4_LAYOUT)


def test_the_software_version_is_cut_to_the_fifteen_characters_revenu_quebec_takes():
	long = dataclasses.replace(TRANSMITTER, software_version="0.1.0+build.2026.12.06")
	document = valid(rl1([slip()], transmitter=long), RL1_LAYOUT)
	assert document.findtext("rq:P/rq:VersionLogiciel", namespaces=NS) == "0.1.0+build.202"


def test_a_file_the_schema_refuses_names_the_employee_and_the_element():
	bad = slip(gross="12345678.00")  # box A: at most seven digits before the decimals
	found = filing_schemas.problems(rl1([bad, slip("Autre")]), SCHEMAS, RL1_LAYOUT)
	assert [(p.who, p.element, p.kind) for p in found][:1] == [
		("Rémi Relevé", "A_RevenuEmploi", filing_schemas.FORMAT)
	]
	no_ids = dataclasses.replace(TRANSMITTER, quebec_partner_id="", quebec_product_id="ABC")
	found = filing_schemas.problems(rl1([slip()], transmitter=no_ids), SCHEMAS, RL1_LAYOUT)
	assert {(p.who, p.element, p.kind) for p in found} == {
		("", "IdPartenaireReleves", filing_schemas.LENGTH),
		("", "IdProduitReleves", filing_schemas.LENGTH),
	}
	huge_qpp = slip(qpp="10000.00")  # box 17: the CRA's width is 9,999.99
	found = filing_schemas.problems(t4([huge_qpp]), SCHEMAS, T4_LAYOUT)
	assert ("Rémi Relevé", "qpp_cntrb_amt") in {(p.who, p.element) for p in found}
	no_email = dataclasses.replace(EMPLOYER, contact_email="")
	found = filing_schemas.problems(t4([slip()], employer=no_email), SCHEMAS, T4_LAYOUT)
	assert [(p.who, p.element, p.kind) for p in found] == [("", "CNTC", filing_schemas.MISSING)]
	assert "cntc_email_area" in found[0].expected
	# The 1.26 package's box 56 stops at 99,999.99: 2026's QPIP maximum (103,000) waits for 1.27.
	past_qpip = slip("Haut", gross="108000.00", qpp="4339.20", ei="1077.48", qpp2="416.00")
	assert past_qpip.t4["56"] == D("103000.00")
	found = filing_schemas.problems(t4([past_qpip]), SCHEMAS, T4_LAYOUT)
	assert [(p.who, p.element) for p in found] == [("Rémi Haut", "prov_insu_ern_amt")]


def test_each_layout_names_a_shipped_package_and_rl1_s_version_is_the_package_s_own():
	for file, years in ((f, y) for f, y in filing_schemas._layouts(str(SCHEMAS)).items() if f != "about"):
		for year in years:
			layout = filing_schemas.layout_of(SCHEMAS, file, year)
			assert (SCHEMAS / layout.package / layout.schema).is_file(), layout
			assert layout.package in (SCHEMAS / "README.md").read_text(encoding="utf-8")
			if file == "RL-1":
				root = etree.parse(str(SCHEMAS / layout.package / layout.schema)).getroot()
				assert root.get("version") == layout.version_schema
	assert filing_schemas.layout_of(SCHEMAS, "ROE", 2031).package == "esdc-roe-v2"
	with pytest.raises(filing_schemas.NoLayout):
		filing_schemas.layout_of(SCHEMAS, "T4", 2027)
