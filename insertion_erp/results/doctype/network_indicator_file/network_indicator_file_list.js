// The network's site: import the files of many enterprises at once.
frappe.listview_settings["Network Indicator File"] = {
	onload(list) {
		list.page.add_inner_button(__("Import Files"), () => {
			new frappe.ui.FileUploader({
				allow_multiple: true,
				restrictions: { allowed_file_types: [".json"] },
				make_attachments_public: false,
				on_success(file) {
					frappe
						.call("insertion_erp.results.network.import_files", { file_urls: [file.file_url] })
						.then(({ message }) => {
							for (const refused of message.refused) {
								frappe.msgprint({
									title: __("File Refused"),
									message: `${frappe.utils.escape_html(file.file_name)}: ${refused.message}`,
									indicator: "red",
								});
							}
							if (message.imported.length) {
								frappe.show_alert({ message: __("{0} imported", [file.file_name]), indicator: "green" });
								list.refresh();
							}
						});
				},
			});
		});
	},
};
