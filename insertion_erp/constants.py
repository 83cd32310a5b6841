"""Names and records the app's code shares, defined once.

Budget kinds and claim line kinds are rules of the pure core: see core/claims.py.
"""

# Doctypes
SETTINGS = "Insertion Settings"
CONTRACT_DOCTYPE = "Insertion Contract"

# Roles
MANAGER = "Insertion Manager"
COUNSELLOR = "Insertion Counsellor"
# Shop staff at the till: with Sales User (items, customers), what ERPNext's point of
# sale needs, which ERPNext grants only to Accounts User (who also sees trainees'
# hours). Nothing of the trainees' files.
CASHIER = "Shop Cashier"
# The shop floor's supervisor: taps trainees In and Out on the Shop Floor page and sees
# their names, shifts and hours; nothing of intake, goals, evaluations or notes.
SUPERVISOR = "Shop Supervisor"
ROLES = (MANAGER, COUNSELLOR, CASHIER, SUPERVISOR)
CASHIER_PERMISSIONS = {
	"POS Invoice": ("read", "write", "create", "submit", "print"),
	"POS Opening Entry": ("read", "write", "create", "submit"),
	"POS Closing Entry": ("read", "write", "create", "submit"),
	"POS Profile": ("read",),
	"Mode of Payment": ("read",),
}

# Records seeded at install (then the user's to edit or delete)
TRAINEE_EMPLOYMENT_TYPE = "Travailleur en formation"
FUNDER_CUSTOMER_NAME = "Emploi-Québec"
DEFAULT_FOLLOW_UP_MONTHS = (3, 6)
EMPLOYMENT_BARRIERS = (
	"No Diploma",
	"No Recent Work History",
	"Addiction",
	"Mental Health",
	"Justice",
	"Immigration",
	"Housing",
	"Other",
)

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

# The trainee behind an Employee, and behind each of its Salary Slips (the
# trainee's form lists them; claims select them).
CUSTOM_FIELDS = {
	"Employee": [
		{
			"fieldname": "insertion_trainee",
			"fieldtype": "Link",
			"label": "Trainee",
			"options": "Trainee",
			"insert_after": "employment_type",
			"read_only": 1,
			"no_copy": 1,
			"search_index": 1,
		},
	],
	"Company": [
		{
			"fieldname": "insertion_cnesst_rate",
			"fieldtype": "Float",
			"label": "CNESST Rate (per $100 of Payroll)",
			"insert_after": "default_currency",
			"precision": "4",
			"description": "Used by reimbursement claims for the employer's CNESST contribution",
		},
	],
	"POS Invoice": [SERVED_BY, SERVED_BY_NAME],
	"Sales Invoice": [
		SERVED_BY,
		SERVED_BY_NAME,
		{
			"fieldname": "insertion_claim",
			"fieldtype": "Link",
			"label": "Reimbursement Claim",
			"options": "Reimbursement Claim",
			"insert_after": "customer",
			"read_only": 1,
			"no_copy": 1,
			"search_index": 1,
		},
	],
	"Salary Slip": [
		{
			"fieldname": "insertion_trainee",
			"fieldtype": "Link",
			"label": "Trainee",
			"options": "Trainee",
			"insert_after": "employee_name",
			"fetch_from": "employee.insertion_trainee",
			"read_only": 1,
			"no_copy": 1,
			"search_index": 1,
		},
	],
}
