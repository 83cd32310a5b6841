from insertion_erp.controllers.insertion_document import InsertionDocument


class QuebecPayrollRates(InsertionDocument):
	pass
