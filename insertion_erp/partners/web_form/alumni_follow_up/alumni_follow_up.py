from insertion_erp.partners.questionnaires import FOLLOW_UP, page_context


def get_context(context) -> None:
	page_context(context, FOLLOW_UP)
