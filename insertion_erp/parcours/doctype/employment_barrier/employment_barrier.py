from insertion_erp.controllers.insertion_document import InsertionDocument


class EmploymentBarrier(InsertionDocument):
	pass
