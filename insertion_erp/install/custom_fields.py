"""The app's custom fields on standard doctypes, each declared by its wing and merged here in
one order (the trainee first, the payroll's, the till's, the claim's, the sales taxes'), which every field's
insert_after relies on. Created at install, kept at every migration (install/install.py and the
patch v0_10.custom_fields_first), removed at uninstall."""

from insertion_erp.funding.custom_fields import CUSTOM_FIELDS as FUNDING
from insertion_erp.parcours.custom_fields import CUSTOM_FIELDS as PARCOURS
from insertion_erp.quebec_payroll.custom_fields import CUSTOM_FIELDS as QUEBEC_PAYROLL
from insertion_erp.quebec_sales_taxes.custom_fields import CUSTOM_FIELDS as QUEBEC_SALES_TAXES
from insertion_erp.shop_floor.custom_fields import CUSTOM_FIELDS as SHOP_FLOOR

WINGS = (PARCOURS, QUEBEC_PAYROLL, SHOP_FLOOR, FUNDING, QUEBEC_SALES_TAXES)


def merged(*wings: dict[str, list[dict]]) -> dict[str, list[dict]]:
	"""Each doctype's fields, the wings' in the order given."""
	fields: dict[str, list[dict]] = {}
	for wing in wings:
		for doctype, rows in wing.items():
			fields.setdefault(doctype, []).extend(rows)
	return fields


CUSTOM_FIELDS = merged(*WINGS)
