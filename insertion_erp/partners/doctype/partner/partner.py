import frappe
from frappe.contacts.address_and_contact import load_address_and_contact

from insertion_erp.controllers.insertion_document import InsertionDocument
from insertion_erp.partners.names import link_typed_names


class Partner(InsertionDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		address_html: DF.HTML | None
		contact_html: DF.HTML | None
		description: DF.TextEditor | None
		disabled: DF.Check
		partner_name: DF.Data
		partner_type: DF.Literal[
			"Referring Organization",
			"Employer",
			"School or Training Centre",
			"Public Service",
			"Funder",
			"Other",
		]
		sector: DF.Data | None
		website: DF.Data | None
	# end: auto-generated types

	def onload(self) -> None:
		"""Its addresses and contacts (frappe's own), for the form."""
		load_address_and_contact(self)

	def before_insert(self) -> None:
		if isinstance(self.partner_name, str):  # another kind is refused at validate, by name
			self.partner_name = " ".join(self.partner_name.split())

	def after_insert(self) -> None:
		"""The names typed before this partner existed, where they agree with its name."""
		link_typed_names([self.name])

	def after_rename(self, old: str, new: str, merge: bool = False) -> None:
		frappe.db.set_value("Partner", new, "partner_name", new, update_modified=False)
