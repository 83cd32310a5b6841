"""Sales served per trainee and week: receipts, net sales, returns. Names and sums only."""

import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.core.periods import Period
from insertion_erp.shop_floor.sales import served


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	if not filters.from_date or not filters.to_date:
		frappe.throw(_("Choose the period."), title=_("Period Missing"))
	period = Period(getdate(filters.from_date), getdate(filters.to_date))
	employees = [filters.employee] if filters.employee else None
	return columns(), served(period, filters.company, employees)


def columns() -> list[dict]:
	return [
		{"fieldname": "week", "label": _("Week of"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "employee",
			"label": _("Employee"),
			"fieldtype": "Link",
			"options": "Employee",
			"width": 130,
		},
		{"fieldname": "employee_name", "label": _("Served By"), "fieldtype": "Data", "width": 180},
		{"fieldname": "receipts", "label": _("Receipts"), "fieldtype": "Int", "width": 90},
		{"fieldname": "sales", "label": _("Net Sales"), "fieldtype": "Currency", "width": 120},
		{"fieldname": "returns", "label": _("Returns"), "fieldtype": "Int", "width": 90},
		{"fieldname": "returned", "label": _("Returned Amount"), "fieldtype": "Currency", "width": 130},
	]
