app_name = "insertion_erp"
app_title = "Insertion ERP"
app_publisher = "insertion_erp contributors"
app_description = "Insertion enterprises on ERPNext: trainees, parcours, Emploi-Québec contracts and claims"
app_email = "insertion-erp@example.org"
app_license = "GPL-3.0-or-later"

# Organisation-qualified: bare names make install-app ask GitHub, which fails offline.
required_apps = ["frappe/erpnext", "frappe/hrms"]

# Installation
# ------------
after_install = "insertion_erp.install.install.after_install"
after_migrate = "insertion_erp.install.install.after_migrate"
before_uninstall = "insertion_erp.install.uninstall.before_uninstall"

# Tests
# -----
# `run-tests --app insertion_erp` runs only this app's before_tests.
before_tests = "insertion_erp.tests.utils.before_tests"

# The funder customer needs a company (and its customer groups): create it
# once the setup wizard has made them.
setup_wizard_complete = "insertion_erp.install.install.after_setup_wizard"
# The wizard's last step turns ERPNext's onboarding cards on (in English): off again.
setup_wizard_success = "insertion_erp.install.install.hide_onboarding"

# Desk
# ----
# The floor supervisor opens on the Shop Floor page, the cashier at the till (landing.py);
# rates as Quebec writes them ("54,5 %") and fields' labels in French everywhere in the desk.
app_include_js = [
	"/assets/insertion_erp/js/landing.js",
	"/assets/insertion_erp/js/quebec_desk.js",
	"/assets/insertion_erp/js/questionnaire_link.js",
]
boot_session = "insertion_erp.landing.boot_session"
# The till's "served by" choice, on ERPNext's Point of Sale page.
page_js = {"point-of-sale": "public/js/point_of_sale.js"}
# The payroll user reads which figures of the year's Quebec rates are still to confirm.
doctype_js = {
	"Salary Slip": "public/js/quebec_payroll_warning.js",
	"Payroll Entry": ["public/js/quebec_payroll_warning.js", "public/js/payroll_entry.js"],
	"Holiday List": "public/js/holiday_list.js",
}

# The public questionnaires (partners/questionnaires.py) read in French unless the guest chose English.
before_request = ["insertion_erp.partners.questionnaires.questionnaire_language"]
# Each download of a private file attached to a trainee's record is logged.
after_request = ["insertion_erp.privacy.trainee_files.log_download"]

# Documents
# ---------
# Handlers on standard doctypes: one module per doctype in overrides/.
doc_events = {
	"Salary Slip": {
		"before_validate": "insertion_erp.overrides.salary_slip.set_aside_source_deductions",
		"validate": "insertion_erp.overrides.salary_slip.apply_source_deductions",
		"on_submit": "insertion_erp.overrides.salary_slip.refresh_records_of_employment",
		"on_cancel": "insertion_erp.overrides.salary_slip.refresh_records_of_employment",
		"before_cancel": "insertion_erp.overrides.salary_slip.guard_claimed_slip",
		"on_trash": "insertion_erp.overrides.salary_slip.guard_claimed_slip",
	},
	"Sales Invoice": {
		"validate": [
			"insertion_erp.overrides.sales_invoice.check_served_by",
			"insertion_erp.overrides.sales_invoice.total_in_words",
		],
		"before_cancel": "insertion_erp.overrides.sales_invoice.guard_claim_invoice",
	},
	"POS Profile": {
		"before_validate": "insertion_erp.overrides.pos_profile.default_sales_taxes",
	},
	"POS Invoice": {
		"validate": "insertion_erp.overrides.pos_invoice.check_served_by",
	},
	# The shop staff's desk: their module profile and workspace (landing.py).
	"User": {"before_validate": "insertion_erp.overrides.user.fit_shop_staff_desk"},
	"Employee": {
		"on_update": "insertion_erp.overrides.employee.draft_record_of_employment",
	},
	"Comment": {
		"before_insert": "insertion_erp.overrides.comment.refuse_on_confidential_records",
	},
	"File": {
		"validate": "insertion_erp.overrides.file.keep_trainee_files_private",
	},
	"Payroll Entry": {
		"validate": "insertion_erp.overrides.payroll_entry.name_trainees_left_out",
	},
	"Journal Entry": {
		"before_validate": "insertion_erp.overrides.journal_entry.add_employer_contributions",
	},
}

# Permissions
# -----------
# A counsellor sees the support interventions of the trainees they counsel.
permission_query_conditions = {
	"Support Intervention": "insertion_erp.insertion_support.access.permission_query_conditions",
}
has_permission = {
	"Support Intervention": "insertion_erp.insertion_support.access.has_permission",
}

# The till's closing merges the session's sales into the books' invoice with the rights it
# needs, not the cashier's (overrides/pos_invoice_merge_log.py).
override_doctype_class = {
	"POS Invoice Merge Log": "insertion_erp.overrides.pos_invoice_merge_log.ShopClosingMergeLog",
}

# The access log outlives what it traces: deleting a trainee's record keeps its entries.
ignore_links_on_delete = ["Confidential Access Log"]

# Link titles of trainee records only for those who may read them; frappe's generic endpoints
# that read without a permission check, closed (privacy/generic_endpoints.py).
override_whitelisted_methods = {
	"frappe.desk.search.get_link_title": "insertion_erp.permissions.get_link_title",
	# A page or a record refused in plain French ("this file is confidential"), not as frappe's
	# refusal of "le document Page" (privacy/refused_pages.py).
	"frappe.desk.desk_page.getpage": "insertion_erp.privacy.refused_pages.getpage",
	# A report's export named in French ("Rapport d'activité_Cette entreprise.xlsx"): report_exports.py.
	"frappe.desk.query_report.export_query": "insertion_erp.report_exports.export_query",
	**{
		method: f"insertion_erp.privacy.generic_endpoints.{wrapper}"
		for method, wrapper in (
			("frappe.client.get_count", "get_count"),
			("frappe.client.get", "get"),
			("frappe.desk.listview.get_group_by_count", "get_group_by_count"),
			("frappe.desk.search.search_link", "search_link"),
			("frappe.desk.query_report.run", "run_report"),
			("frappe.desk.form.document_follow.follow_document", "follow_document"),
			("frappe.desk.doctype.dashboard_chart.dashboard_chart.get", "get_chart"),
			("frappe.utils.file_manager.add_attachments", "add_attachments"),
			(
				"frappe.core.doctype.prepared_report.prepared_report.make_prepared_report",
				"make_prepared_report",
			),
			(
				"frappe.core.doctype.prepared_report.prepared_report.enqueue_json_to_csv_conversion",
				"enqueue_json_to_csv_conversion",
			),
			("frappe.website.doctype.web_form.web_form.get_form_data", "get_form_data"),
			("hrms.api.roster.get_values", "get_values"),
			("hrms.hr.utils.get_employee_field_property", "get_employee_field_property"),
		)
	},
	**{
		name: "insertion_erp.privacy.generic_endpoints.run_doc_method"
		for name in (
			"run_doc_method",
			"runserverobj",
			"frappe.handler.run_doc_method",
			"frappe.handler.runserverobj",
		)
	},
}

# A Training Plan is picked by its trainee's name and its parcours' period and status: a trainee
# who came back has two plans of the same name (training/plan_search.py).
standard_queries = {"Training Plan": "insertion_erp.training.plan_search.search_plans"}

# Trainees are found by name in the search bar, by those who may read them.
global_search_doctypes = {"Default": [{"doctype": "Trainee"}]}

# Print formats
# -------------
jinja = {
	"methods": [
		"insertion_erp.training.attestation.attestation_data",
		"insertion_erp.funding.exports.names_for_funder",
	],
}

# Scheduled jobs
# --------------
scheduler_events = {
	"daily": [
		"insertion_erp.parcours.doctype.parcours_follow_up.parcours_follow_up.assign_due_follow_ups",
		"insertion_erp.shop_floor.api.build_yesterday",
		"insertion_erp.privacy.anonymisation.assign_due_anonymisations",
		"insertion_erp.quebec_payroll.roe.remind_due",
	],
}
