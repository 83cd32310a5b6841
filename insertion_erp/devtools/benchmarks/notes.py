"""Benchmark: reading an intervention's notes through the logged path, sealed against clear.

    bench --site SITE execute insertion_erp.devtools.benchmarks.notes.run --kwargs "{'reads': 1000}"

It writes `reads` interventions with a note of a counsellor's usual length, then reads each
one's notes with `get_notes` (permission check, access log entry, the note) twice: once as
stored before v0.7 (clear) and once sealed with the site's key, the order of the two
changing every round. It prints one JSON object: milliseconds per read of each, their
difference and ratio, and the time of the decryption alone; the target is a difference
under 10 ms per read.
Everything is rolled back at the end: the site keeps no benchmark data.
"""

import json
import time

import frappe

from insertion_erp.insertion_support.doctype.support_intervention.support_intervention import get_notes
from insertion_erp.privacy import sealed_notes
from insertion_erp.tests.factories import make_intervention, make_trainee

NOTE = (
	"Rencontre de suivi. Inquiète pour son logement : le propriétaire veut reprendre l'appartement "
	"en juillet. Démarches auprès de l'OMH expliquées, rendez-vous au CLSC mardi avec sa "
	"travailleuse sociale. Sommeil difficile, consommation stable. À revoir dans deux semaines. "
) * 3
TARGET_MS = 10
ROUNDS = 5


def run(reads: int = 1000) -> dict:
	frappe.set_user("Administrator")
	trainee = make_trainee(last_name="Banc-Notes").name
	names = [make_intervention(trainee).name for _ in range(reads)]
	clear = {name: NOTE for name in names}
	sealed = {name: sealed_notes.seal(NOTE, name) for name in names}
	try:
		times = {"clear": 0.0, "sealed": 0.0}
		kinds = [("clear", clear), ("sealed", sealed)]
		for round_ in range(ROUNDS):
			# Each reading adds a log entry: the kind read second meets a larger log, so the
			# order changes every round.
			for kind, stored in kinds if round_ % 2 == 0 else kinds[::-1]:
				store(stored)
				started = time.perf_counter()
				for name in names:
					if get_notes(name) != NOTE:
						raise AssertionError(f"the {kind} note of {name} did not come back whole")
				times[kind] += time.perf_counter() - started
		per_read = {kind: seconds * 1000 / (reads * ROUNDS) for kind, seconds in times.items()}
		started = time.perf_counter()
		for name, stored in sealed.items():
			sealed_notes.unseal(stored, name)
		unseal_ms = (time.perf_counter() - started) * 1000 / reads
		result = {
			"reads": reads * ROUNDS,
			"clear_ms_per_read": round(per_read["clear"], 3),
			"sealed_ms_per_read": round(per_read["sealed"], 3),
			"difference_ms": round(per_read["sealed"] - per_read["clear"], 3),
			"ratio": round(per_read["sealed"] / per_read["clear"], 3),
			"unseal_ms": round(unseal_ms, 3),
			"target": f"difference < {TARGET_MS} ms",
		}
	finally:
		frappe.db.rollback()
	print(json.dumps(result))
	if result["difference_ms"] >= TARGET_MS:
		print("target missed")
	return result


def store(notes: dict[str, str]) -> None:
	for name, stored in notes.items():
		frappe.db.set_value("Support Intervention", name, "notes", stored, update_modified=False)
