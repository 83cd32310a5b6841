"""The pay's rules: source deductions and employer contributions, the payroll year's figures, labour standards, the ROE and the year-end slips and their files.

Pure, as the whole core: no frappe import."""
