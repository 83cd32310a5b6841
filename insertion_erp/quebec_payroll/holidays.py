"""Quebec's statutory general holidays (LNT s. 60) added to a Holiday List, which the slips'
holiday indemnities and HRMS's working days read."""

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.controllers.arguments import require
from insertion_erp.core.payroll.labour_standards import EASTER_CHOICES, quebec_general_holidays


@frappe.whitelist()
def add_quebec_holidays(holiday_list: str | None = None, easter: str | None = "Good Friday") -> int:
	"""Add the general holidays of each year the list covers, within its dates; a day already
	in the list is left as it is. Returns how many were added."""
	require(holiday_list=holiday_list, easter=easter)
	doc = frappe.get_doc("Holiday List", holiday_list)
	doc.check_permission("write")
	if easter not in EASTER_CHOICES:
		frappe.throw(
			_("Easter holiday must be one of {0}.").format(", ".join(_(c) for c in EASTER_CHOICES)),
			title=_("Invalid Value"),
		)
	start, end = getdate(doc.from_date), getdate(doc.to_date)
	present = {getdate(row.holiday_date) for row in doc.holidays}
	added = 0
	for year in range(start.year, end.year + 1):
		for day, description in quebec_general_holidays(year, easter):
			if start <= day <= end and day not in present:
				doc.append("holidays", {"holiday_date": day, "description": description, "weekly_off": 0})
				present.add(day)
				added += 1
	doc.holidays.sort(key=lambda row: getdate(row.holiday_date))
	for idx, row in enumerate(doc.holidays, start=1):
		row.idx = idx
	doc.save()
	return added
