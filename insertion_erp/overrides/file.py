"""File (Frappe): a file attached to a trainee's record stays private (privacy/trainee_files.py)."""

from insertion_erp.privacy.trainee_files import refuse_public


def keep_trainee_files_private(doc, method=None) -> None:
	refuse_public(doc, method)
