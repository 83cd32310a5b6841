"""The year-end electronic files: the CRA's T4 return (XML in its T619 envelope) and Revenu
Québec's RL-1 file (its Transmission layout).

Element names, order and widths are the official schemas' (the CRA's T619 package and
Revenu Québec's relevés package, shipped in quebec_payroll/schema/ with their sources): an
optional element is left out when it has no value (both authorities refuse empty elements),
a cancelled RL-1 (D) carries only its year, number and the employee's SIN and names, an
amended one (A) ends with the number of the slip it replaces. Every file is then validated
against its year's package (core/payroll/filing_schemas.py) before it is offered for download.

Pure: the standard library's ElementTree only.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from xml.etree import ElementTree

from insertion_erp.core.money import ZERO, round_money
from insertion_erp.core.payroll import year_end
from insertion_erp.core.payroll.roe_xml import POSTAL_CODE, digits, postal_code

PROVINCE = re.compile(r"\b(QC|ON|NB|NS|PE|NL|MB|SK|AB|BC|YT|NT|NU)\b")
# T4_AMT's children in the schema's order, with the box each carries. Boxes 24 and 26 are
# written even when nil; any other nil amount is left out (the CRA refuses empty elements).
T4_AMOUNTS = (
	("empt_incamt", "14"),
	("qpp_cntrb_amt", "17"),
	("qppe_cntrb_amt", "17A"),
	("empe_eip_amt", "18"),
	("itx_ddct_amt", "22"),
	("ei_insu_ern_amt", "24"),
	("cpp_qpp_ern_amt", "26"),
	("prov_pip_amt", "55"),
	("prov_insu_ern_amt", "56"),
)
T4_REQUIRED = {"24", "26"}
RL1_AMOUNTS = (
	("A_RevenuEmploi", "A"),
	("BA_CotisationRRQ", "B.A"),
	("BB_CotisationRRQSuppl", "B.B"),
	("C_CotisationAssEmploi", "C"),
	("E_ImpotQue", "E"),
	("G_SalaireAdmisRRQ", "G"),
	("H_CotisationRQAP", "H"),
	("I_SalaireAdmisRQAP", "I"),
)
T4_SUMMARY_AMOUNTS = (
	("tot_empt_incamt", "14"),
	("tot_empe_eip_amt", "18"),
	("tot_itx_ddct_amt", "22"),
	("tot_empr_eip_amt", "19"),
)
SOFTWARE = "insertion_erp"
SOFTWARE_VERSION_LIMIT = 15  # VersionLogiciel: Char15Type


@dataclass
class Address:
	lines: list[str]
	city: str
	province: str
	postal_code: str

	@classmethod
	def parse(cls, text: str) -> "Address":
		"""An address typed as lines (street, then "city, QC  H2X 1Y4" or the city alone)."""
		lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
		province = PROVINCE.search(" ".join(lines[1:])) if len(lines) > 1 else None
		rest = [POSTAL_CODE.sub("", PROVINCE.sub("", line)).strip(" ,") for line in lines[1:]]
		rest = [line for line in rest if line]
		street, city = lines[:1] + rest[:-1], (rest[-1] if rest else "")  # the city comes last
		return cls(street, city, province.group(1) if province else "QC", postal_code(text))


@dataclass
class Person:
	employee_number: str
	sin: str
	first_name: str
	last_name: str
	address: Address


@dataclass
class Slip:
	"""One employee's T4 and RL-1 as the files carry them."""

	person: Person
	t4: dict[str, Decimal]
	rl1: dict[str, Decimal]
	rl1_number: str = ""  # this slip's RL-1 number
	rl1_replaces: str = ""  # the number of the RL-1 an amended slip replaces


@dataclass
class Employer:
	name: str
	business_number: str  # 123456789RP0001: the payroll account
	address: Address
	contact_name: str
	contact_phone: str
	contact_email: str = ""
	quebec_id: str = ""  # Revenu Québec identification number (10 digits)
	quebec_file: str = "0001"  # the RS file number (4 digits)
	dental_benefit_code: str = ""  # T4 box 45, 1 to 5: the dental care the employer offers


@dataclass
class Transmitter:
	submission_reference: str  # at most 8 letters and digits
	quebec_number: str = ""  # NP and six digits
	quebec_certification: str = ""  # the software's certification number (RQ-00-00-000)
	software_version: str = ""
	language: str = "F"
	quebec_partner_id: str = ""  # IdPartenaireReleves: 16 characters, from Revenu Québec
	quebec_product_id: str = ""  # IdProduitReleves: 16 characters, from Revenu Québec


def _add(parent: ElementTree.Element, tag: str, text: str | None = None) -> ElementTree.Element:
	element = ElementTree.SubElement(parent, tag)
	if text is not None:
		element.text = text
	return element


def _text(parent: ElementTree.Element, tag: str, text: str, limit: int) -> None:
	"""An optional element, left out when empty."""
	if text and text.strip():
		_add(parent, tag, text.strip()[:limit])


def _amount(value: Decimal) -> str:
	return str(round_money(value))


def _phone(text: str) -> tuple[str, str]:
	number = digits(text)[-10:]
	return number[:3], f"{number[3:6]}-{number[6:]}"


def _cra_address(parent: ElementTree.Element, tag: str, address: Address) -> None:
	element = _add(parent, tag)
	_text(element, "addr_l1_txt", address.lines[0] if address.lines else "", 30)
	_text(element, "addr_l2_txt", address.lines[1] if len(address.lines) > 1 else "", 30)
	_text(element, "cty_nm", address.city, 28)
	_add(element, "prov_cd", address.province)
	_add(element, "cntry_cd", "CAN")
	_text(element, "pstl_cd", address.postal_code, 10)


def t4_return(
	slips: list[Slip],
	kind: str,
	employer: Employer,
	transmitter: Transmitter,
	year: int,
	employer_ei: Decimal,
) -> bytes:
	"""The T4 return of `slips`, all of one kind (original, amended or cancelled), for `year`."""
	root = ElementTree.Element(
		"Submission",
		{
			"xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
			"xsi:noNamespaceSchemaLocation": "layout-topologie.xsd",
		},
	)
	envelope = _add(root, "T619")
	_add(
		_add(envelope, "TransmitterAccountNumber"), "bn15", employer.business_number.replace(" ", "").upper()
	)
	_add(envelope, "sbmt_ref_id", transmitter.submission_reference[:8])
	_add(envelope, "summ_cnt", "1")
	_add(envelope, "lang_cd", transmitter.language)
	_add(_add(envelope, "TransmitterName"), "l1_nm", employer.name[:35])
	_add(envelope, "TransmitterCountryCode", "CAN")
	_contact(envelope, employer, with_email=True)
	t4 = _add(_add(root, "Return"), "T4")
	for slip in slips:
		_t4_slip(t4, slip, employer, year_end.T4_SLIP_CODES[kind])
	summary = _add(t4, "T4Summary")
	_add(summary, "bn", employer.business_number.replace(" ", "").upper())
	_add(_add(summary, "EMPR_NM"), "l1_nm", employer.name[:35])
	_cra_address(summary, "EMPR_ADDR", employer.address)
	_contact(summary, employer, with_email=False)
	_add(summary, "tx_yr", str(year))
	_add(summary, "slp_cnt", str(len(slips)))
	_add(summary, "rpt_tcd", year_end.T4_RETURN_CODES[kind])
	totals = year_end.t4_summary(
		[slip.t4 for slip in slips], employer_ei if kind != year_end.CANCELLED else ZERO
	)
	amounts = _add(summary, "T4_TAMT")
	for tag, box in T4_SUMMARY_AMOUNTS:
		_add(amounts, tag, _amount(totals[box]))
	ElementTree.indent(root)
	return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _contact(parent: ElementTree.Element, employer: Employer, with_email: bool) -> None:
	contact = _add(parent, "CNTC")
	_add(contact, "cntc_nm", employer.contact_name[:22])
	area, number = _phone(employer.contact_phone)
	_add(contact, "cntc_area_cd", area)
	_add(contact, "cntc_phn_nbr", number)
	if with_email:
		_text(contact, "cntc_email_area", employer.contact_email, 60)


def _t4_slip(parent: ElementTree.Element, slip: Slip, employer: Employer, code: str) -> None:
	element = _add(parent, "T4Slip")
	name = _add(element, "EMPE_NM")
	_add(name, "snm", slip.person.last_name[:20])
	_text(name, "gvn_nm", slip.person.first_name, 12)
	_cra_address(element, "EMPE_ADDR", slip.person.address)
	_add(element, "sin", digits(slip.person.sin))
	_text(element, "empe_nbr", slip.person.employee_number, 20)
	_add(element, "bn", employer.business_number.replace(" ", "").upper())
	# Exempt (1) where nothing was withheld on earnings: box 28 of the slip.
	_add(element, "cpp_qpp_xmpt_cd", "0" if slip.t4["17"] else "1")
	_add(element, "ei_xmpt_cd", "0" if slip.t4["18"] else "1")
	_add(element, "prov_pip_xmpt_cd", "0" if slip.t4["55"] else "1")
	_add(element, "rpt_tcd", code)
	_add(element, "empt_prov_cd", "QC")
	_text(element, "empr_dntl_ben_rpt_cd", employer.dental_benefit_code, 1)
	amounts = _add(element, "T4_AMT")
	for tag, box in T4_AMOUNTS:
		if slip.t4[box] or box in T4_REQUIRED:
			_add(amounts, tag, _amount(slip.t4[box]))


def rl1_file(
	slips: list[Slip],
	kind: str,
	employer: Employer,
	transmitter: Transmitter,
	year: int,
	version_schema: str,
) -> bytes:
	"""Revenu Québec's RL-1 file of `slips`, all of one kind, for `year`, in the layout whose
	VersionSchema Revenu Québec's package of that year fixes (data, not derived from the year)."""
	root = ElementTree.Element(
		"Transmission", {"VersionSchema": version_schema, "xmlns": "http://www.mrq.gouv.qc.ca/T5"}
	)
	header = _add(root, "P")
	_add(header, "Annee", str(year))
	_add(header, "TypeEnvoi", year_end.RL1_SENDING_TYPES[kind])
	preparer = _add(header, "Preparateur")
	_add(preparer, "No", transmitter.quebec_number.replace(" ", "").upper())
	_add(preparer, "Type", "1")  # the employer prepares its own slips
	_add(preparer, "Nom1", employer.name[:30])
	_quebec_address(preparer, employer.address)
	computing = _add(header, "Informatique")
	_add(computing, "Nom", employer.contact_name[:30])
	area, number = _phone(employer.contact_phone)
	_add(computing, "IndRegional", area)
	_add(computing, "Tel", number)
	_add(header, "NoCertification", transmitter.quebec_certification)
	_add(header, "NomLogiciel", SOFTWARE)
	_text(header, "VersionLogiciel", transmitter.software_version, SOFTWARE_VERSION_LIMIT)
	_text(header, "CourrielResponsable", employer.contact_email, 60)
	_add(header, "IdPartenaireReleves", transmitter.quebec_partner_id.strip())
	_add(header, "IdProduitReleves", transmitter.quebec_product_id.strip())
	group = _add(root, "Groupe01")
	element = year_end.RL1_SLIP_ELEMENTS[kind]
	for slip in slips:
		_rl1_slip(group, element, slip, year, with_amounts=kind != year_end.CANCELLED)
	trailer = _add(group, "T")
	_add(trailer, "Annee", str(year))
	_add(trailer, "NbReleves", str(len(slips)))
	who = _add(trailer, "Employeur")
	_add(who, "NoId", digits(employer.quebec_id))
	_add(who, "TypeDossier", "RS")
	_add(who, "NoDossier", digits(employer.quebec_file).zfill(4)[-4:])
	_add(who, "Nom1", employer.name[:30])
	_quebec_address(who, employer.address)
	ElementTree.indent(root)
	return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _quebec_address(parent: ElementTree.Element, address: Address) -> None:
	element = _add(parent, "Adresse")
	_add(element, "Ligne1", (address.lines[0] if address.lines else "")[:30])
	_text(element, "Ligne2", address.lines[1] if len(address.lines) > 1 else "", 30)
	_text(element, "Ville", address.city, 30)
	_text(element, "Province", address.province, 20)
	_text(element, "CodePostal", address.postal_code, 6)


def _rl1_slip(parent: ElementTree.Element, tag: str, slip: Slip, year: int, with_amounts: bool) -> None:
	"""A slip: R (original), A (amended, naming the slip it replaces last) or D (cancelled: its
	year, number and the employee's SIN and names, nothing else)."""
	element = _add(parent, tag)
	_add(element, "Annee", str(year))
	_add(element, "NoReleve", slip.rl1_number)
	person = _add(_add(element, "Identification"), "Employe")
	_add(person, "NAS", digits(slip.person.sin))
	_add(person, "NomFamille", slip.person.last_name[:30])
	_add(person, "Prenom", (slip.person.first_name or slip.person.last_name)[:30])
	if not with_amounts:
		return
	_quebec_address(element, slip.person.address)
	amounts = _add(element, "Montants")
	for name, box in RL1_AMOUNTS:
		if slip.rl1[box]:
			_add(amounts, name, _amount(slip.rl1[box]))
	if tag == "A":
		_add(element, "NoReleveDerniereTrans", slip.rl1_replaces)
