import re

import frappe
from frappe import _

from insertion_erp.controllers.insertion_document import InsertionDocument
from insertion_erp.quebec_sales_taxes.install import apply_donated_goods_choice, apply_registration_numbers

MAX_PARCOURS_WEEKS = 104
MAX_FOLLOW_UP_MONTHS = 60
MAX_RETENTION_YEARS = 50


class InsertionSettings(InsertionDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from insertion_erp.insertion_setup.doctype.insertion_follow_up_offset.insertion_follow_up_offset import (
			InsertionFollowupOffset,
		)
		from insertion_erp.parcours.doctype.parcours_hours_step.parcours_hours_step import ParcoursHoursStep

		break_after_hours: DF.Float
		default_hours_schedule: DF.Table[ParcoursHoursStep]
		evaluation_interval_weeks: DF.Int
		follow_up_offsets: DF.Table[InsertionFollowupOffset]
		funder_customer: DF.Link | None
		parcours_weeks: DF.Int
		retention_years: DF.Int
		small_count_threshold: DF.Int
		trainee_employment_type: DF.Link | None
		unpaid_break_minutes: DF.Int
	# end: auto-generated types

	def validate(self) -> None:
		self.validate_parcours_weeks()
		self.validate_follow_up_offsets()
		self.validate_break()
		self.validate_retention()
		self.validate_year_end()
		if not 1 <= (self.evaluation_interval_weeks or 0) <= 26:
			frappe.throw(
				_("Evaluations must come every 1 to 26 weeks."), title=_("Invalid Evaluation Interval")
			)

	def on_update(self) -> None:
		# The donated goods' item group follows the choice of taxable or exempt sales.
		apply_donated_goods_choice(self)
		# The GST and QST numbers printed on invoices (the companies' Tax ID) and receipts.
		apply_registration_numbers(self)

	def validate_year_end(self) -> None:
		"""The numbers Revenu Québec checks in an RL-1 file, in the shape its schema gives them."""
		shapes = (
			("rq_identification_number", r"\d{10}", _("ten digits")),
			("rq_file_number", r"\d{4}", _("four digits")),
			("rq_transmitter_number", r"NP\d{6}", _("NP and six digits")),
			(
				"rq_certification_number",
				r"RQ-\d{2}-\w{2}-\w{3}",
				_("RQ-, two digits, two characters and three, as RQ-25-01-A1B"),
			),
			("rq_partner_id", r".{16}", _("exactly 16 characters")),
			("rq_product_id", r".{16}", _("exactly 16 characters")),
		)
		for fieldname, pattern, shape in shapes:
			value = (self.get(fieldname) or "").strip()
			if fieldname not in ("rq_partner_id", "rq_product_id"):
				value = value.replace(" ", "").upper()
			if value and not re.fullmatch(pattern, value):
				frappe.throw(
					_("{0} must be {1}.").format(frappe.bold(_(self.meta.get_label(fieldname))), shape),
					title=_("Invalid Number"),
				)
			self.set(fieldname, value)
		if not 0 <= (self.rl1_next_slip_number or 0) < 100_000_000:
			frappe.throw(
				_("{0} has at most eight digits.").format(frappe.bold(_("Next RL-1 Slip Number"))),
				title=_("Invalid Number"),
			)

	def validate_break(self) -> None:
		if not 0 <= (self.unpaid_break_minutes or 0) <= 120:
			frappe.throw(
				_("The unpaid break lasts between 0 and 120 minutes."), title=_("Invalid Unpaid Break")
			)
		if not 0 <= (self.break_after_hours or 0) <= 24:
			frappe.throw(
				_("The unpaid break comes after 0 to 24 hours of work."), title=_("Invalid Unpaid Break")
			)

	def validate_retention(self) -> None:
		if not 0 <= (self.retention_years or 0) <= MAX_RETENTION_YEARS:
			frappe.throw(
				_("{0} must be between 0 and {1} years (0: as soon as the last follow-up is past).").format(
					_(self.meta.get_label("retention_years")), MAX_RETENTION_YEARS
				),
				title=_("Invalid Retention Period"),
			)

	def validate_parcours_weeks(self) -> None:
		if not 1 <= (self.parcours_weeks or 0) <= MAX_PARCOURS_WEEKS:
			frappe.throw(
				_("The default parcours length must be between 1 and {0} weeks.").format(MAX_PARCOURS_WEEKS),
				title=_("Invalid Parcours Length"),
			)

	def validate_follow_up_offsets(self) -> None:
		seen: set[int] = set()
		for row in self.follow_up_offsets:
			if not 1 <= (row.months or 0) <= MAX_FOLLOW_UP_MONTHS:
				frappe.throw(
					_("Row {0}: a follow-up must come between 1 and {1} months after exit.").format(
						row.idx, MAX_FOLLOW_UP_MONTHS
					),
					title=_("Invalid Follow-up"),
				)
			if row.months in seen:
				frappe.throw(
					_("Row {0}: a follow-up at {1} months is already listed.").format(row.idx, row.months),
					title=_("Invalid Follow-up"),
				)
			seen.add(row.months)

		self.follow_up_offsets.sort(key=lambda row: row.months)
		for idx, row in enumerate(self.follow_up_offsets, start=1):
			row.idx = idx
