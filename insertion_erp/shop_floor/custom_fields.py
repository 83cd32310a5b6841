"""The custom fields of the shop floor on standard doctypes: the trainee who served a sale, at the
till (POS Invoice) and in the desk (Sales Invoice). Merged at install and migrate
(install/custom_fields.py)."""

# The trainee who served at the till (several share one till and one POS session):
# a trainee's Employee, chosen at the till from those on shift.
SERVED_BY = {
	"fieldname": "insertion_served_by",
	"fieldtype": "Link",
	"label": "Served By (Trainee)",
	"options": "Employee",
	"insert_after": "customer",
	"no_copy": 1,
	"search_index": 1,
	# A cashier's own Employee (HRMS gives each employee's user a User Permission on it)
	# is neither the default nor the only choice here.
	"ignore_user_permissions": 1,
	"description": "The trainee on shift who served this sale",
}
SERVED_BY_NAME = {
	"fieldname": "insertion_served_by_name",
	"fieldtype": "Data",
	"label": "Served By",
	"insert_after": "insertion_served_by",
	"read_only": 1,
	"no_copy": 1,
}

CUSTOM_FIELDS = {
	"POS Invoice": [SERVED_BY, SERVED_BY_NAME],
	"Sales Invoice": [SERVED_BY, SERVED_BY_NAME],
}
