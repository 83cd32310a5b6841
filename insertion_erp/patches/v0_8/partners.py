"""Partners become records: the insertion team gets the partners' contacts and addresses, and
the names typed in "referred by" and in the follow-ups' employer or school are linked to the
partner whose name agrees; the others are listed by the report Partner Names to Match."""

from insertion_erp.install.install import add_partner_contact_permissions
from insertion_erp.partners.names import link_typed_names


def execute() -> None:
	add_partner_contact_permissions()
	link_typed_names()
