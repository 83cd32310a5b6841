"""Names and records the app's code shares, defined once.

Budget kinds and claim line kinds are rules of the pure core: see core/funding/claims.py.
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
# The books' side of the till: the bookkeeper reviews each shift's closing (Accounts User) and
# may close, or cancel, one the cashier left open (Accounts Manager). ERPNext grants the till's
# sessions to Sales Manager only.
BOOKKEEPER_TILL_PERMISSIONS = {
	"Accounts User": {
		"POS Opening Entry": ("read", "report", "print"),
		"POS Closing Entry": ("read", "report", "print"),
	},
	"Accounts Manager": {
		"POS Opening Entry": ("read", "report", "print"),
		"POS Closing Entry": ("read", "write", "create", "submit", "cancel", "report", "print"),
	},
}
# The partners' contacts and addresses (frappe's own Contact and Address) for the insertion
# team, who keep the partners' records.
PARTNER_CONTACT_PERMISSIONS = {
	"Contact": ("read", "write", "create", "email", "print", "report"),
	"Address": ("read", "write", "create", "email", "print", "report"),
}

# Uploads: what an enterprise files (photos and scans, PDF, office documents, CSV for imports,
# JSON for the network's indicator files).
# Never a page a browser would run (HTML, SVG, XML, JavaScript): frappe serves /files from the
# site's own origin, so such a file would run as whoever opens its link.
ALLOWED_FILE_EXTENSIONS = (
	"JPG",
	"JPEG",
	"PNG",
	"GIF",
	"WEBP",
	"HEIC",
	"PDF",
	"DOC",
	"DOCX",
	"ODT",
	"XLS",
	"XLSX",
	"ODS",
	"PPT",
	"PPTX",
	"ODP",
	"CSV",
	"TXT",
	"JSON",
)
ACTIVE_FILE_EXTENSIONS = ("HTML", "HTM", "XHTML", "SHTML", "SVG", "SVGZ", "XML", "XSL", "JS", "MJS", "SWF")

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


# Quebec payroll (module Quebec Payroll): what the slips withhold, as HRMS deduction
# components the app creates, named as a Quebec pay statement names them.
QPP, QPP2, EI, QPIP, FEDERAL_TAX, QUEBEC_TAX = "QPP", "QPP2", "EI", "QPIP", "Federal Tax", "Quebec Tax"
DEDUCTION_COMPONENTS = {
	QPP: ("RRQ", "RRQ"),
	QPP2: ("RRQ2", "RRQ2"),
	EI: ("Assurance-emploi", "AE"),
	QPIP: ("RQAP", "RQAP"),
	FEDERAL_TAX: ("Impôt fédéral", "IMPF"),
	QUEBEC_TAX: ("Impôt du Québec", "IMPQ"),
}
# Who each amount is remitted to: the CRA or Revenu Québec (CNT and CNESST are paid on
# their own schedules, each to its own payable account).
CRA, REVENU_QUEBEC, CNT_AGENCY, CNESST_AGENCY = "CRA", "Revenu Québec", "CNT", "CNESST"
REMITTED_TO = {
	QPP: REVENU_QUEBEC,
	QPP2: REVENU_QUEBEC,
	EI: CRA,
	QPIP: REVENU_QUEBEC,
	FEDERAL_TAX: CRA,
	QUEBEC_TAX: REVENU_QUEBEC,
	"FSS": REVENU_QUEBEC,
	"CNT": CNT_AGENCY,
	"CNESST": CNESST_AGENCY,
}
# Default ledger accounts of a Quebec payroll, made per company (the bookkeeper may change them).
PAYABLE_ACCOUNTS = {
	CRA: "Retenues à la source fédérales à payer",
	REVENU_QUEBEC: "Retenues à la source du Québec à payer",
	CNT_AGENCY: "Cotisation CNT à payer",
	CNESST_AGENCY: "Cotisation CNESST à payer",
}
CONTRIBUTIONS_EXPENSE_ACCOUNT = "Cotisations de l'employeur"
# The Salary Slip's print format (the Quebec pay statement).
PAY_STATEMENT = "Relevé de paie"
# Labour-standards pay of hourly trainees (earnings).
VACATION_PAY_COMPONENT = ("Indemnité de vacances", "VAC")
HOLIDAY_PAY_COMPONENT = ("Indemnité de jour férié", "FER")

# Record of Employment, block 16: the code for each exit reason when the parcours ended before
# its planned end (a parcours run to its end is A00, end of contract). Seeded in Insertion
# Settings; to confirm against Service Canada's ROE guide (shared/quebec-payroll.md s. 4, [3P]).
# Block 15C: how many pay periods an electronic ROE reports, by HRMS's payroll frequency.
# Seeded in Insertion Settings with their source, each to confirm against the ROE guide.
ROE_PERIODS_SOURCE = "[3P] shared/quebec-payroll.md s. 4 (third-party summaries of the ROE guide, block 15C)"
ROE_PERIODS_REPORTED = (("Weekly", 53), ("Fortnightly", 27), ("Bimonthly", 25), ("Monthly", 13))
ROE_REASON_CODES = (
	("Completed", "A00"),
	("Left for a Job", "E00"),
	("Back to School", "E00"),
	("Dropped Out", "E00"),
	("Dismissed", "M00"),
	("Other", "K00"),
)
