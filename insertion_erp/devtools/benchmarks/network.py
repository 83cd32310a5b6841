"""Benchmark: a network's site imports the files of its enterprises and adds them up.

    bench --site SITE execute insertion_erp.devtools.benchmarks.network.run \\
        --kwargs "{'enterprises': 50}"

It writes one year's file per enterprise, generated (the Collectif counts about 50
enterprises and 3,100 people trained a year: about 60 trainees each, with follow-ups
at 3 and 6 months), uploads them, imports them with `network.import_files` as the
list view's button does, then runs the Activity Report on the network's files. It
prints one JSON object: the time and queries of the import and of the report, and
the totals the report found, which must equal the sum of what was generated.
Everything is rolled back at the end: the site keeps no benchmark data.
"""

import json
import os
import random
import time
from datetime import date

import frappe

from insertion_erp.core.results import network_file, outcomes
from insertion_erp.results import network
from insertion_erp.results.report.activity_report import activity_report

YEAR = (date(2025, 1, 1), date(2025, 12, 31))
BARRIERS = ("No Diploma", "Housing", "Justice", "Health", "Addiction", "Language")


def enterprise_activity(rng: random.Random) -> outcomes.Activity:
	a = outcomes.new_activity((3, 6))
	active = rng.randint(30, 90)
	left = rng.randint(active // 3, active // 2)
	completed = rng.randint(left // 2, left)
	a["trainees"].update(
		entered=rng.randint(left, active), active=active, completed=completed, exited_early=left - completed
	)
	a["exit_reasons"].update({"Completed": completed, "Dropped Out": left - completed})
	a["parcours_weeks"].update(
		total=outcomes.parcours_weeks(YEAR[0], date(2025, 6, 30)) * left, parcours=left
	)
	a["hours"].update(paid=active * 700, workshop=active * 30, support=active * 12)
	young = rng.randint(active // 2, active)
	a["age_bands"].update({"16-24": young // 2, "25-35": young - young // 2, "36-54": active - young})
	women = rng.randint(0, active)
	a["genders"].update({"Female": women, "Male": active - women})
	for barrier in BARRIERS:
		a["barriers"][barrier] = rng.randint(0, active)
	on_welfare = rng.randint(active // 2, active)
	a["income_sources"].update({"Social Assistance": on_welfare, "No Public Income": active - on_welfare})
	employed = rng.randint(0, left)
	a["exit_situations"].update(employed=employed, job_search=left - employed)
	for months in ("3", "6"):
		counts = a["follow_ups"][months]
		due = left
		split = sorted(rng.randint(0, due) for _ in range(3))
		counts.update(
			due=due,
			employed=split[0],
			school=split[1] - split[0],
			job_search=split[2] - split[1],
			unknown=due - split[2],
			durable=split[0] // 2,
			job_unknown=0,
		)
	return a


def questions() -> int:
	"""Statements this connection sent to MariaDB so far (this one included)."""
	return int(frappe.db.sql("show session status like 'Questions'")[0][1])


def timed(function):
	before = questions()
	started = time.perf_counter()
	result = function()
	seconds = round(time.perf_counter() - started, 3)
	return result, seconds, questions() - before - 1


def run(enterprises: int = 50, seed: int = 2025) -> dict:
	rng = random.Random(seed)
	threshold = network.small_count_threshold()
	generated = [enterprise_activity(rng) for _ in range(enterprises)]
	files = []
	for number, activity in enumerate(generated, 1):
		doc = network_file.document(
			f"Entreprise {number:02d}", *YEAR, activity, threshold, "2026-01-15T09:00:00"
		)
		files.append(
			frappe.get_doc(
				{
					"doctype": "File",
					"file_name": f"bench-network-{number:02d}.json",
					"content": network_file.dumps(doc),
					"is_private": 1,
				}
			).insert(ignore_permissions=True)
		)
	urls = [file.file_url for file in files]
	expected = outcomes.merge(outcomes.suppress(a, threshold) for a in generated)
	try:
		imported, import_seconds, import_queries = timed(lambda: network.import_files(urls))
		filters = {"source": activity_report.NETWORK, "from_date": str(YEAR[0]), "to_date": str(YEAR[1])}
		report, report_seconds, report_queries = timed(lambda: activity_report.execute(filters))
		lines = {(row["section"], row["indicator"]): row for row in report[1]}
		result = {
			"enterprises": enterprises,
			"imported": len(imported["imported"]),
			"refused": len(imported["refused"]),
			"import": {"seconds": import_seconds, "queries": import_queries},
			"report": {"seconds": report_seconds, "queries": report_queries},
			"active_trainees": lines[("Trainees", "Active")]["count"],
			"expected_active_trainees": expected["trainees"]["active"],
			"integration_rate_3_months": str(lines[("Follow-up at 3 Months", "Integration Rate")]["share"]),
			"expected_integration_rate_3_months": str(outcomes.rate(expected, 3)),
		}
	finally:
		frappe.db.rollback()
		for file in files:  # the rollback leaves them on disk
			path = file.get_full_path()
			if os.path.exists(path):
				os.remove(path)
	print(json.dumps(result))
	if result["refused"] or result["active_trainees"] != result["expected_active_trainees"]:
		raise AssertionError("the network's totals differ from what was generated")
	return result
