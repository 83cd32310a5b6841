"""The custom fields of the Parcours wing on standard doctypes: the trainee behind an Employee,
and behind each of its Salary Slips (the trainee's form lists them; claims select them).
Merged with the other wings' at install and migrate (install/custom_fields.py)."""

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
