"""Trainees saved before the consents table: their consent to the collection of their
information (consent_given, consent_date) becomes a row "Intake Information", signed form
(the old field said the person agreed in writing).

Only that purpose: the old consent did not cover the funder, the referring organisation,
the network's statistics or photos, which each need their own consent from now on.
A trainee marked as consenting without a date (rows written straight to the database)
takes the day the record was created. Trainees who already have an intake row are left
as they are, so the patch may run again."""

import frappe
from frappe.utils import getdate

from insertion_erp.core.privacy.consent import GIVEN, INTAKE, SIGNED_FORM


def execute() -> None:
	trainees = frappe.db.sql(
		"""select t.name, t.consent_date, t.creation from `tabTrainee` t
		where t.consent_given = 1 and not exists (
			select 1 from `tabTrainee Consent` c
			where c.parenttype = 'Trainee' and c.parentfield = 'consents' and c.parent = t.name
				and c.purpose = %s)""",
		(INTAKE,),
		as_dict=True,
	)
	for trainee in trainees:
		given_on = getdate(trainee.consent_date or trainee.creation)
		rows = frappe.db.count("Trainee Consent", {"parenttype": "Trainee", "parent": trainee.name})
		row = frappe.get_doc(
			{
				"doctype": "Trainee Consent",
				"parenttype": "Trainee",
				"parentfield": "consents",
				"parent": trainee.name,
				"idx": rows + 1,
				"purpose": INTAKE,
				"given_on": given_on,
				"means": SIGNED_FORM,
				"status": GIVEN,
			}
		)
		row.db_insert()
		frappe.db.set_value("Trainee", trainee.name, "consent_date", given_on, update_modified=False)
