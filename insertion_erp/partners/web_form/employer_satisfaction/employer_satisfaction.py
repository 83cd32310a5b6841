from insertion_erp.partners.questionnaires import SATISFACTION, page_context


def get_context(context) -> None:
	page_context(context, SATISFACTION)
