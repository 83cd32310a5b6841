"""The sales taxes' custom field: a journal entry that remits a GST/QST return. Merged at
install and migrate (install/custom_fields.py)."""

CUSTOM_FIELDS = {
	"Journal Entry": [
		{
			"fieldname": "insertion_sales_tax_remittance",
			"fieldtype": "Check",
			"label": "GST/QST Remittance",
			"insert_after": "voucher_type",
			"read_only": 1,
			"description": "Settles a GST/QST return (made from the GST/QST Return report): the return leaves it out",
		},
	],
}
