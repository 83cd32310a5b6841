"""Read the app's doctype JSON, modules and translations as plain files (no frappe)."""

import ast
import csv
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "insertion_erp"

# Doctypes of frappe, erpnext and hrms that this app links to. Keep it to the
# ones really used: test_upstream_doctypes_exist checks each against a bench.
UPSTREAM_DOCTYPES = {
	"Item",
	"Item Group",
	"Account",
	"Currency",
	"Company",
	"Salary Component",
	"Salary Slip",
	"Salary Structure",
	"Sales Invoice",
	"Customer",
	"Employee",
	"Employment Type",
	"DocType",
	"Gender",
	"Skill",
	"Role",
	"User",
	"Contact",
}

# Field types whose options are not a doctype name or a list of choices.
LINKING_FIELDTYPES = {"Link", "Table", "Table MultiSelect"}
LAYOUT_FIELDTYPES = {"Section Break", "Column Break", "Tab Break"}


def scrub(name: str) -> str:
	"""frappe.scrub without frappe."""
	return name.replace(" ", "_").replace("-", "_").lower()


def modules() -> list[str]:
	return [line.strip() for line in (APP / "modules.txt").read_text().splitlines() if line.strip()]


def doctype_files() -> list[Path]:
	return sorted(APP.glob("*/doctype/*/*.json"))


def load_doctypes() -> dict[str, dict]:
	doctypes = {}
	for path in doctype_files():
		data = json.loads(path.read_text(encoding="utf-8"))
		if data.get("doctype") == "DocType":
			doctypes[data["name"]] = {**data, "_path": path}
	return doctypes


def load_translations(lang: str = "fr") -> dict[str, str]:
	path = APP / "translations" / f"{lang}.csv"
	with path.open(encoding="utf-8", newline="") as f:
		return {row[0]: row[1] for row in csv.reader(f) if row and not row[0].startswith("#")}


def user_facing_strings_of_doctype(doctype: dict) -> set[str]:
	"""The texts a user reads on the doctype's form and list."""
	strings = {doctype["name"]}
	if doctype.get("description"):
		strings.add(doctype["description"])
	for field in doctype.get("fields", []):
		for key in ("label", "description"):
			if field.get(key):
				strings.add(field[key])
		if field.get("fieldtype") == "Select" and field.get("options"):
			strings.update(opt for opt in field["options"].split("\n") if opt.strip())
	return strings


# _("...") or __("...") with a plain string literal (single or double quotes).
TRANSLATED_CALL = re.compile(r"""(?<![\w.])_{1,2}\(\s*(?P<q>["'])(?P<text>(?:\\.|(?!(?P=q)).)*)(?P=q)""")


def translated_strings_in_code() -> dict[str, Path]:
	found = {}
	for path in sorted([*APP.rglob("*.py"), *APP.rglob("*.js")]):
		if "/tests/" in str(path) or path.name.startswith("test_"):
			continue
		for match in TRANSLATED_CALL.finditer(path.read_text(encoding="utf-8")):
			text = match.group("text").replace('\\"', '"').replace("\\'", "'")
			found.setdefault(text, path)
	for path in sorted(APP.glob("*/print_format/*/*.json")):
		html = json.loads(path.read_text(encoding="utf-8")).get("html") or ""
		for match in TRANSLATED_CALL.finditer(html):
			found.setdefault(match.group("text"), path)
	return found


def module_constant(relative_path: str, name: str):
	"""The literal value assigned to `name` in one of the app's modules, read without importing
	it; a literal may name a constant assigned before it in the module."""
	tree = ast.parse((APP / relative_path).read_text(encoding="utf-8"))
	known: dict[str, ast.expr] = {}

	class Inline(ast.NodeTransformer):
		def visit_Name(self, node: ast.Name) -> ast.expr:
			return known.get(node.id, node)

	for node in tree.body:
		if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
			value = Inline().visit(node.value)
			known[node.targets[0].id] = value
			if node.targets[0].id == name:
				return ast.literal_eval(value)
	raise LookupError(f"{name} is not assigned in {relative_path}")
