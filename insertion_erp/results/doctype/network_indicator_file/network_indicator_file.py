import frappe
from frappe import _
from frappe.utils import getdate

from insertion_erp.controllers.insertion_document import InsertionDocument
from insertion_erp.core.results import network_file


class NetworkIndicatorFile(InsertionDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		checksum: DF.Data | None
		content: DF.Code | None
		enterprise: DF.Data | None
		file: DF.Attach
		from_date: DF.Date | None
		small_count_threshold: DF.Int
		to_date: DF.Date | None
	# end: auto-generated types

	def validate(self) -> None:
		if not self.is_new() and self.has_value_changed("file"):
			frappe.throw(_("An imported file cannot be replaced: delete it and import the new one."))
		if not self.is_new():
			return
		text = file_text(self.file)
		try:
			header, _activity = network_file.read(text)
		except network_file.FileError as error:
			frappe.throw(_(error.template).format(*error.args_), title=_("File Refused"))
		self.checksum = network_file.checksum(text)
		self.content = text.decode("utf-8") if isinstance(text, bytes) else text
		self.enterprise = header["enterprise"]
		self.from_date, self.to_date = header["from"], header["to"]
		self.small_count_threshold = header["threshold"]
		self.refuse_twice()

	def refuse_twice(self) -> None:
		same = frappe.db.get_value("Network Indicator File", {"checksum": self.checksum}, "name")
		if same:
			frappe.throw(_("This file was already imported: {0}.").format(same), title=_("Already Imported"))
		same = frappe.db.get_value(
			"Network Indicator File",
			{"enterprise": self.enterprise, "from_date": self.from_date, "to_date": self.to_date},
			"name",
		)
		if same:
			frappe.throw(
				_("{0} already sent a file for {1} to {2}: {3}. Delete it first to import a new one.").format(
					self.enterprise,
					frappe.format(getdate(self.from_date), "Date"),
					frappe.format(getdate(self.to_date), "Date"),
					same,
				),
				title=_("Already Imported"),
			)


def file_text(file_url: str) -> bytes:
	name = frappe.db.get_value("File", {"file_url": file_url}, "name")
	if not name:
		frappe.throw(_("Could not find the file {0}.").format(file_url), title=_("File Missing"))
	return frappe.get_doc("File", name).get_content()
