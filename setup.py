from pathlib import Path

from setuptools import find_namespace_packages, setup

from insertion_erp import __version__ as version

with open(Path(__file__).parent / "README.md", encoding="utf-8") as f:
	long_description = f.read()

setup(
	name="insertion_erp",
	version=version,
	description="Insertion enterprises on ERPNext: trainees, parcours, Emploi-Québec contracts and claims",
	long_description=long_description,
	long_description_content_type="text/markdown",
	author="insertion_erp contributors",
	license="GPL-3.0-or-later",
	python_requires=">=3.10",
	packages=find_namespace_packages(include=["insertion_erp", "insertion_erp.*"]),
	include_package_data=True,
	zip_safe=False,
	# frappe, erpnext and hrms are installed and managed by bench; lxml (which frappe brings in
	# through premailer) checks the ROE Web file against its schema.
	install_requires=["lxml>=4.9"],
)
