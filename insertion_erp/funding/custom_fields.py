"""The custom fields of Funding on standard doctypes: the claim a Sales Invoice bills. Merged at
install and migrate (install/custom_fields.py)."""

CUSTOM_FIELDS = {
	"Sales Invoice": [
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
}
