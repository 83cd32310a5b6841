"""Every label, option and message a user reads has a French translation."""

import csv
import json

import pytest

from tests.app_meta import (
	APP,
	load_doctypes,
	load_translations,
	module_constant,
	modules,
	translated_strings_in_code,
	user_facing_strings_of_doctype,
)

FR = load_translations("fr")


def test_french_file_is_well_formed():
	with (APP / "translations" / "fr.csv").open(encoding="utf-8", newline="") as f:
		rows = [row for row in csv.reader(f) if row]
	sources = [row[0] for row in rows]
	assert len(sources) == len(set(sources)), "a source string is translated twice"
	for row in rows:
		assert len(row) in (2, 3), row
		assert row[1].strip(), f"empty translation for {row[0]!r}"


@pytest.mark.parametrize("name", sorted(load_doctypes()))
def test_doctype_texts_are_translated(name: str):
	missing = sorted(s for s in user_facing_strings_of_doctype(load_doctypes()[name]) if s not in FR)
	assert not missing, f"untranslated in fr.csv: {missing}"


def test_messages_in_code_are_translated():
	missing = {
		text: str(path.relative_to(APP))
		for text, path in translated_strings_in_code().items()
		if text not in FR
	}
	assert not missing, f"untranslated in fr.csv: {missing}"


def test_placeholders_survive_translation():
	for source, target in FR.items():
		for n in range(10):
			assert (f"{{{n}}}" in source) == (f"{{{n}}}" in target), f"placeholder {{{n}}} lost in {target!r}"


def test_app_modules_and_roles_are_translated():
	roles = {
		perm["role"]
		for doctype in load_doctypes().values()
		for perm in doctype.get("permissions", [])
		if perm["role"].startswith("Insertion ")
	}
	names = {"Insertion ERP", *modules(), *roles}
	assert {"Insertion Manager", "Insertion Counsellor"} <= names
	missing = sorted(n for n in names if n not in FR)
	assert not missing, f"untranslated in fr.csv: {missing}"


WINGS_WITH_CUSTOM_FIELDS = ("parcours", "quebec_payroll", "shop_floor", "funding", "quebec_sales_taxes")


def test_records_and_custom_fields_the_install_creates_are_translated():
	barriers = module_constant("constants.py", "EMPLOYMENT_BARRIERS")
	labels = [
		f[key]
		for wing in WINGS_WITH_CUSTOM_FIELDS
		for fields in module_constant(f"{wing}/custom_fields.py", "CUSTOM_FIELDS").values()
		for f in fields
		for key in ("label", "description")
		if f.get(key)
	]
	assert "No Diploma" in barriers and labels
	missing = sorted(text for text in [*barriers, *labels] if text not in FR)
	assert not missing, f"untranslated in fr.csv: {missing}"


def test_workspace_labels_are_translated():
	texts = set()
	for path in APP.glob("*/workspace/*/*.json"):
		workspace = json.loads(path.read_text(encoding="utf-8"))
		texts.add(workspace["label"])
		texts.update(link["label"] for link in workspace["links"])
		texts.update(shortcut["label"] for shortcut in workspace["shortcuts"])
		texts.update(s["format"] for s in workspace["shortcuts"] if s.get("format"))
	assert "Insertion" in texts
	missing = sorted(t for t in texts if t not in FR)
	assert not missing, f"untranslated in fr.csv: {missing}"


def test_report_names_are_translated():
	names = {json.loads(p.read_text(encoding="utf-8"))["name"] for p in APP.glob("*/report/*/*.json")}
	assert "Trainee Hours" in names
	missing = sorted(n for n in names if n not in FR)
	assert not missing, f"untranslated in fr.csv: {missing}"
