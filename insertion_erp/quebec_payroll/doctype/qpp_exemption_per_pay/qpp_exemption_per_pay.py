from frappe.model.document import Document


class QPPExemptionperPay(Document):
	pass
