"""Quebec payroll on a site installed before it: the shipped years' source-deduction
parameters with their sources, the settings' labour-standards choices, and each Canadian
company's components and accounts (its slips withhold from then on)."""

import frappe

from insertion_erp.constants import SETTINGS
from insertion_erp.quebec_payroll.install import ensure_parameters, set_up_canadian_companies

DEFAULTS = {
	"vacation_pay_mode": "Accrued, Paid at the End of the Contract",
	"vacation_pay_rate": 4,
	"vacation_pay_rate_after": 6,
	"holiday_indemnity": 1,
}


def execute() -> None:
	ensure_parameters()
	settings = frappe.get_single(SETTINGS)
	for field, value in DEFAULTS.items():
		if frappe.db.get_single_value(SETTINGS, field) in (None, ""):
			settings.set(field, value)
	set_up_canadian_companies(settings)
	settings.flags.ignore_permissions = True
	settings.save()
