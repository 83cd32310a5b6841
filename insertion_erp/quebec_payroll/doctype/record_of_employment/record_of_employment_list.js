frappe.listview_settings["Record of Employment"] = {
	add_fields: ["deadline", "docstatus"],
	has_indicator_for_draft: 1,
	get_indicator(doc) {
		if (doc.docstatus === 1) return [__("Issued"), "green", "docstatus,=,1"];
		if (doc.docstatus === 2) return [__("Cancelled"), "red", "docstatus,=,2"];
		if (doc.deadline && doc.deadline < frappe.datetime.get_today()) return [__("Late"), "red", "docstatus,=,0"];
		return [__("To Issue"), "orange", "docstatus,=,0"];
	},
	onload(listview) {
		listview.page.add_actions_menu_item(__("Download ROE Web File"), () => {
			const names = listview.get_checked_items(true);
			if (names.length) {
				const method = "insertion_erp.quebec_payroll.roe_file.download_xml";
				const args = { names: JSON.stringify(names) };
				frappe
					.call({ method, args: { ...args, check_only: 1 } })
					.then(() => open_url_post(`/api/method/${method}`, args));
			}
		});
	},
};
