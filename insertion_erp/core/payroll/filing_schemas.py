"""The governments' own schemas the year-end and exit files are checked against before they
are offered for download: the CRA's T619 package for the T4 return, Revenu Québec's relevés
package for the RL-1 file, Service Canada's payroll extract for the ROE Web file.

Which package checks which file of which tax year is data (quebec_payroll/schema/layouts.json,
beside the packages, each with its source and a to-confirm flag): the files' code never
derives a package or a version from the year. A file that fails says which slip (the
employee's name) and which element, so the bookkeeper knows what to correct.

Pure: lxml and the standard library.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

LAYOUTS_FILE = "layouts.json"
EVERY_YEAR = "all"
# What went wrong, from the kinds of error libxml2 reports.
MISSING, UNEXPECTED, LENGTH, FORMAT, RANGE, OTHER = (
	"missing",
	"unexpected",
	"length",
	"format",
	"range",
	"other",
)
KINDS = {
	"SCHEMAV_CVC_MAXLENGTH_VALID": LENGTH,
	"SCHEMAV_CVC_MINLENGTH_VALID": LENGTH,
	"SCHEMAV_CVC_LENGTH_VALID": LENGTH,
	"SCHEMAV_CVC_PATTERN_VALID": FORMAT,
	"SCHEMAV_CVC_ENUMERATION_VALID": FORMAT,
	"SCHEMAV_CVC_DATATYPE_VALID_1_2_1": FORMAT,
	"SCHEMAV_CVC_AU": FORMAT,
	"SCHEMAV_CVC_ELT_5_2_2": FORMAT,
	"SCHEMAV_CVC_MAXINCLUSIVE_VALID": RANGE,
	"SCHEMAV_CVC_MININCLUSIVE_VALID": RANGE,
	"SCHEMAV_CVC_TOTALDIGITS_VALID": RANGE,
}
# A slip's element and where its employee's last and first names sit in it.
SLIPS = {
	"T4Slip": (("EMPE_NM", "gvn_nm"), ("EMPE_NM", "snm")),
	"R": (("Identification", "Employe", "Prenom"), ("Identification", "Employe", "NomFamille")),
	"A": (("Identification", "Employe", "Prenom"), ("Identification", "Employe", "NomFamille")),
	"D": (("Identification", "Employe", "Prenom"), ("Identification", "Employe", "NomFamille")),
	"ROE": (("B9", "FN"), ("B9", "LN")),
}
EXPECTED = re.compile(r"Expected is (?:one of )?\(([^)]*)\)")


class NoLayout(LookupError):
	"""No package checks this file for this year: the app must ship the year's entry first."""


@dataclass(frozen=True)
class Layout:
	file: str  # T4, RL-1 or ROE
	year: str
	package: str  # the folder of the authority's package
	schema: str  # the package's file that checks the whole file
	source: str
	to_confirm: bool
	version_schema: str = ""  # RL-1: the Transmission's VersionSchema, fixed by the package
	note: str = ""


@dataclass(frozen=True)
class Problem:
	line: int
	element: str  # the element at fault; for a missing child, the element that lacks it
	kind: str
	who: str  # the employee of the slip that holds it, "" in the file's header or summary
	detail: str  # the schema's own words, for the developer
	expected: tuple[str, ...] = ()  # a missing child: the elements the schema expected there


@lru_cache(maxsize=8)
def _layouts(folder: str) -> dict:
	return json.loads((Path(folder) / LAYOUTS_FILE).read_text(encoding="utf-8"))


def layout_of(folder: Path, file: str, year: int | str) -> Layout:
	"""The package that checks `file` of tax `year` (the ROE's for every year)."""
	entries = _layouts(str(folder)).get(file, {})
	entry = entries.get(str(year)) or entries.get(EVERY_YEAR)
	if not entry:
		raise NoLayout(file, str(year))
	return Layout(
		file,
		str(year),
		entry["package"],
		entry["schema"],
		entry["source"],
		bool(entry.get("to_confirm")),
		entry.get("version_schema", ""),
		entry.get("note", ""),
	)


@lru_cache(maxsize=8)
def _checker(path: str) -> etree.XMLSchema:
	return etree.XMLSchema(etree.parse(path))


def problems(content: bytes, folder: Path, layout: Layout) -> list[Problem]:
	"""What the official schema finds wrong in the file, one problem per element, in order."""
	checker = _checker(str(Path(folder) / layout.package / layout.schema))
	document = etree.fromstring(content)
	if checker.validate(document):
		return []
	tree = document.getroottree()
	found, seen = [], set()
	for error in checker.error_log:
		element = _element_at(tree, error.path)
		name = etree.QName(element).localname if element is not None else ""
		kind, expected = KINDS.get(error.type_name, OTHER), ()
		if error.type_name == "SCHEMAV_ELEMENT_CONTENT":
			listed = EXPECTED.search(error.message)
			names = tuple(n.strip().rpartition("}")[2] for n in listed.group(1).split(",")) if listed else ()
			kind, expected = (MISSING, names) if "Missing child" in error.message else (UNEXPECTED, ())
		if (error.line, name) in seen:
			continue  # libxml2 says it twice (the facet, then the type)
		seen.add((error.line, name))
		found.append(Problem(error.line, name, kind, _employee_of(element), error.message, expected))
	return found


def _element_at(tree, path: str | None):
	hits = tree.xpath(path) if path else []
	return hits[0] if hits and isinstance(hits[0], etree._Element) else None


def _employee_of(element) -> str:
	while element is not None:
		paths = SLIPS.get(etree.QName(element).localname)
		if paths:
			return " ".join(filter(None, (_text_at(element, path) for path in paths)))
		element = element.getparent()
	return ""


def _text_at(element, path: tuple[str, ...]) -> str:
	for name in path:
		element = next((child for child in element if etree.QName(child).localname == name), None)
		if element is None:
			return ""
	return (element.text or "").strip()
