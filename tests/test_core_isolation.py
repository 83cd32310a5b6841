"""The domain core imports without frappe, erpnext or hrms, even where they are installed."""

import subprocess
import sys
from pathlib import Path

from tests.app_meta import REPO

BLOCKER = """
import sys

class Forbidden:
	def find_spec(self, name, path=None, target=None):
		if name.split(".")[0] in {"frappe", "erpnext", "hrms"}:
			raise ImportError(f"the core must not import {name}")
		return None

sys.meta_path.insert(0, Forbidden())
import pkgutil, importlib
import insertion_erp.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "insertion_erp.core.") if not m.ispkg]
for name in names:
	importlib.import_module(name)
print(",".join(sorted(names)))
"""


def test_core_imports_without_frappe():
	result = subprocess.run(
		[sys.executable, "-c", BLOCKER], cwd=REPO, capture_output=True, text=True, check=False
	)
	assert result.returncode == 0, result.stderr
	imported = set(result.stdout.strip().split(","))
	core = REPO / "insertion_erp" / "core"
	expected = {
		"insertion_erp." + ".".join(p.relative_to(REPO / "insertion_erp").with_suffix("").parts)
		for p in core.rglob("*.py")
		if p.stem != "__init__"
	}
	assert imported == expected


def test_core_source_never_names_frappe():
	for path in Path(REPO, "insertion_erp", "core").rglob("*.py"):
		source = path.read_text(encoding="utf-8")
		assert "import frappe" not in source and "from frappe" not in source, path
