"""Static checks of the doctype JSON files: they load, are well formed and link to doctypes that exist."""

import json
import os
from pathlib import Path

import pytest

from tests.app_meta import (
	APP,
	LAYOUT_FIELDTYPES,
	LINKING_FIELDTYPES,
	UPSTREAM_DOCTYPES,
	doctype_files,
	load_doctypes,
	modules,
	scrub,
)

DOCTYPES = load_doctypes()


def test_there_are_doctypes():
	assert "Insertion Settings" in DOCTYPES


@pytest.mark.parametrize("path", doctype_files(), ids=lambda p: p.parent.name)
def test_json_loads_and_sits_where_frappe_looks(path: Path):
	data = json.loads(path.read_text(encoding="utf-8"))
	assert data["doctype"] == "DocType"
	assert path.stem == scrub(data["name"]), "file name must be the scrubbed doctype name"
	assert path.parent.name == path.stem
	assert data["module"] in modules(), f"module {data['module']!r} is not in modules.txt"
	assert path.parent.parent.parent.name == scrub(data["module"]), "doctype is not in its module's folder"
	assert (path.parent / "__init__.py").exists()
	assert (path.parent / f"{path.stem}.py").exists(), "controller missing"


@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_fields_are_well_formed(name: str):
	doctype = DOCTYPES[name]
	fields = doctype.get("fields", [])
	fieldnames = [f["fieldname"] for f in fields]
	duplicates = {f for f in fieldnames if fieldnames.count(f) > 1}
	assert not duplicates, f"duplicate fieldnames: {duplicates}"
	assert doctype.get("field_order") == fieldnames, "field_order must list every field, in order"
	for field in fields:
		assert field["fieldname"] == field["fieldname"].lower().strip(), field["fieldname"]
		if field["fieldtype"] not in LAYOUT_FIELDTYPES:
			assert field.get("label"), f"{field['fieldname']} has no label"
		if field["fieldtype"] == "Select":
			assert field.get("options"), f"{field['fieldname']}: a Select needs options"


@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_links_name_existing_doctypes(name: str):
	known = set(DOCTYPES) | UPSTREAM_DOCTYPES
	for field in DOCTYPES[name].get("fields", []):
		if field["fieldtype"] in LINKING_FIELDTYPES:
			assert field.get("options") in known, (
				f"{name}.{field['fieldname']} links to unknown doctype {field.get('options')!r}"
			)
		if field["fieldtype"] in {"Table", "Table MultiSelect"}:
			assert DOCTYPES[field["options"]].get("istable"), f"{field['options']} is not a child table"


@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_permissions_are_declared(name: str):
	doctype = DOCTYPES[name]
	if doctype.get("istable"):
		assert not doctype.get("permissions"), "child tables take their parent's permissions"
		return
	assert doctype.get("permissions"), "a doctype without permissions is reachable by Administrator only"


def test_every_module_has_doctype_and_report_packages():
	for module in modules():
		folder = APP / scrub(module)
		for sub in ("", "doctype", "report"):
			assert (folder / sub / "__init__.py").exists(), f"{folder / sub} is not a package"


BENCH = Path(os.environ.get("INSERTION_BENCH", "/opt/insertion-bench"))


@pytest.mark.skipif(not (BENCH / "apps" / "frappe").is_dir(), reason=f"no bench at {BENCH} to check against")
def test_upstream_doctypes_exist():
	"""Every upstream doctype the app links to is defined by frappe, erpnext or hrms."""
	upstream = set()
	for app in ("frappe", "erpnext", "hrms"):
		for path in (BENCH / "apps" / app).glob(f"{app}/*/doctype/*/*.json"):
			if path.stem == path.parent.name:
				upstream.add(json.loads(path.read_text(encoding="utf-8")).get("name"))
	assert UPSTREAM_DOCTYPES <= upstream, UPSTREAM_DOCTYPES - upstream
