from frappe.model.document import Document


class ROEStatutoryHoliday(Document):
	pass
