"""Every handler the app registers on a standard doctype lives here, one module per doctype
(`salary_slip.py` for Salary Slip...); hooks.py points here only."""
