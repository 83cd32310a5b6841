"""The network's figures, entered once: the enterprise exports its activity as a file, the
network's site imports the files of many enterprises and adds them up."""

import csv
import io
import json

import frappe
from frappe import _
from frappe.utils import cint, now_datetime

from insertion_erp.constants import MANAGER, SETTINGS
from insertion_erp.controllers import arguments
from insertion_erp.controllers.arguments import require
from insertion_erp.core.periods import Period
from insertion_erp.core.privacy.consent import NETWORK
from insertion_erp.core.results import network_file, outcomes
from insertion_erp.permissions import check_role
from insertion_erp.privacy.consent import consented_trainees
from insertion_erp.results import activity

FILE_DOCTYPE = "Network Indicator File"


def small_count_threshold() -> int:
	return cint(frappe.get_cached_doc(SETTINGS).small_count_threshold) or outcomes.DEFAULT_SMALL_COUNT


def exported(company: str, period: Period) -> dict:
	"""The file's document: the activity of the trainees who consent, today, to Network Statistics.

	A trainee who never gave that consent, or withdrew it, is left out of every count, also
	for periods before the withdrawal: the file is shared today."""
	return network_file.document(
		company,
		period.start,
		period.end,
		activity.activity(period, {"company": company}, consent_purpose=NETWORK),
		small_count_threshold(),
		now_datetime().isoformat(timespec="seconds"),
	)


def left_out(company: str, period: Period) -> tuple[int, int]:
	"""(people served in the period, those of them the network's file leaves out: no consent
	to Network Statistics in force today)."""
	served = sorted({p.trainee for p in activity.served_parcours(period, {"company": company})})
	return len(served), len(served) - len(consented_trainees(served, NETWORK))


def what_the_file_leaves_out(company: str, period: Period) -> str:
	"""Said next to the export: why the file's figures are lower than the report's."""
	served, without_consent = left_out(company, period)
	return _(
		"The network's file (Export for the Network) counts only the people who consent to Network Statistics today: {0} of the {1} people served in the period are left out of all its figures, hours included. Every count under {2} is left empty in it, and any count that would give one back by subtraction, so that nobody can be recognised. Its figures are therefore lower than this report's."
	).format(without_consent, served, small_count_threshold())


@frappe.whitelist(methods=["GET"])
def export(
	company: str | None = None,
	from_date: str | None = None,
	to_date: str | None = None,
	file_format: str = "json",
) -> None:
	"""Download the company's activity indicators for the period, as JSON or CSV."""
	check_role((MANAGER, "System Manager"))
	require(company=company)
	period = arguments.period(from_date, to_date)
	if file_format not in ("json", "csv"):
		frappe.throw(
			_("{0} must be one of {1}.").format(frappe.bold("file_format"), "json, csv"),
			title=_("Invalid Value"),
		)
	if not frappe.db.exists("Company", company):
		frappe.throw(_("Could not find {0}").format(f"{_('Company')}: {company}"))
	arguments.check_company(company)
	doc = exported(company, period)
	stem = f"activity-indicators-{frappe.scrub(company)}-{period.start.isoformat()}-{period.end.isoformat()}"
	if file_format == "csv":
		out = io.StringIO()
		csv.writer(out).writerows(network_file.csv_rows(doc))
		content = out.getvalue()
	else:
		content = network_file.dumps(doc)
	frappe.response["filename"] = f"{stem}.{file_format}"
	frappe.response["filecontent"] = content
	frappe.response["type"] = "download"


@frappe.whitelist(methods=["POST"])
def import_files(file_urls: list | str | None = None) -> dict:
	"""Import uploaded files, each on its own: one refused file does not stop the others.

	Returns {"imported": [names], "refused": [{"file", "message"}]}."""
	frappe.has_permission(FILE_DOCTYPE, "create", throw=True)
	if file_urls in (None, "", []):
		frappe.throw(_("Choose the files to import."), title=_("Files Missing"))
	if isinstance(file_urls, str):
		try:
			file_urls = json.loads(file_urls)
		except ValueError:
			file_urls = None
	if not isinstance(file_urls, list) or not all(isinstance(url, str) and url for url in file_urls):
		frappe.throw(
			_("{0} must be a list of file URLs.").format(frappe.bold("file_urls")), title=_("Invalid Value")
		)
	imported, refused = [], []
	for url in file_urls:
		frappe.db.savepoint("network_file")
		try:
			doc = frappe.get_doc({"doctype": FILE_DOCTYPE, "file": url}).insert()
			imported.append(doc.name)
		except frappe.ValidationError as error:
			frappe.db.rollback(save_point="network_file")
			frappe.clear_last_message()
			refused.append({"file": url, "message": str(error)})
	return {"imported": imported, "refused": refused}


def totals(period: Period) -> tuple[outcomes.Activity, int]:
	"""The sum of the imported files whose period lies within `period`, and how many there are."""
	contents = frappe.get_all(
		FILE_DOCTYPE,
		filters={"from_date": (">=", period.start), "to_date": ("<=", period.end)},
		pluck="content",
	)
	return outcomes.merge(network_file.read(text)[1] for text in contents), len(contents)
