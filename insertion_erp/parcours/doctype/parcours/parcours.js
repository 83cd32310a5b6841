frappe.ui.form.on("Parcours", {
	refresh(frm) {
		if (frm.is_new()) return;
		const closed = frm.doc.__onload && frm.doc.__onload.is_closed;
		if (closed) {
			// frappe's set_read_only() takes no argument: called at all, it drops the write
			// right (set_read_only(false) locked every open parcours).
			frm.set_read_only();
			frm.set_intro(__("This parcours is closed. Record what became of the trainee in the follow-ups."));
			return;
		}
		if (!frm.doc.start_date && frm.doc.approval_date) {
			frm.add_custom_button(__("Start Parcours"), () => start_dialog(frm)).addClass("btn-primary");
		}
		if (frm.doc.start_date) {
			const suspended = (frm.doc.suspensions || []).some((row) => !row.to_date);
			if (suspended) {
				frm.add_custom_button(__("Resume Parcours"), () => resume_dialog(frm)).addClass("btn-primary");
			} else {
				frm.add_custom_button(__("Suspend Parcours"), () => suspend_dialog(frm));
			}
			frm.add_custom_button(__("Close Parcours"), () => close_dialog(frm));
		}
	},
});

function action_dialog(frm, { title, method, fields, label, done }) {
	const dialog = new frappe.ui.Dialog({
		title,
		fields,
		primary_action_label: label,
		primary_action(values) {
			frm.call(method, values).then(() => {
				dialog.hide();
				frm.reload_doc();
				frappe.show_alert({ message: done, indicator: "green" });
			});
		},
	});
	dialog.show();
}

function suspend_dialog(frm) {
	action_dialog(frm, {
		title: __("Suspend Parcours"),
		method: "suspend",
		label: __("Suspend"),
		done: __("Parcours suspended"),
		fields: [
			{
				fieldname: "from_date",
				fieldtype: "Date",
				label: __("From"),
				reqd: 1,
				default: frappe.datetime.get_today(),
			},
			{
				fieldname: "reason",
				fieldtype: "Select",
				label: __("Reason"),
				reqd: 1,
				options: frappe.meta.get_docfield("Parcours Suspension", "reason").options,
			},
		],
	});
}

function resume_dialog(frm) {
	action_dialog(frm, {
		title: __("Resume Parcours"),
		method: "resume",
		label: __("Resume"),
		done: __("Parcours resumed: the planned end has moved"),
		fields: [
			{
				fieldname: "resume_date",
				fieldtype: "Date",
				label: __("Back On"),
				reqd: 1,
				default: frappe.datetime.get_today(),
			},
		],
	});
}

function start_dialog(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Start Parcours"),
		fields: [
			{
				fieldname: "start_date",
				fieldtype: "Date",
				label: __("Start Date"),
				reqd: 1,
				default: frappe.datetime.get_today(),
			},
			{
				fieldname: "planned_weeks",
				fieldtype: "Int",
				label: __("Planned Length (Weeks)"),
				reqd: 1,
				default: frm.doc.planned_weeks,
			},
		],
		primary_action_label: __("Start"),
		primary_action(values) {
			frm.call("start", values).then(() => {
				dialog.hide();
				frm.reload_doc();
				frappe.show_alert({ message: __("Parcours started"), indicator: "green" });
			});
		},
	});
	dialog.show();
}

function close_dialog(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Close Parcours"),
		fields: [
			{
				fieldname: "actual_end_date",
				fieldtype: "Date",
				label: __("Actual End Date"),
				reqd: 1,
				default: frappe.datetime.get_today(),
			},
			{
				fieldname: "exit_reason",
				fieldtype: "Select",
				label: __("Exit Reason"),
				reqd: 1,
				options: frappe.meta.get_docfield("Parcours", "exit_reason").options,
			},
			{
				fieldname: "exit_situation",
				fieldtype: "Select",
				label: __("Situation at Exit"),
				options: frappe.meta.get_docfield("Parcours", "exit_situation").options,
			},
			{ fieldname: "exit_notes", fieldtype: "Small Text", label: __("Exit Notes") },
		],
		primary_action_label: __("Close"),
		primary_action(values) {
			frm.call("close", values).then(() => {
				dialog.hide();
				frm.reload_doc();
				frappe.show_alert({ message: __("Parcours closed, follow-ups scheduled"), indicator: "green" });
			});
		},
	});
	dialog.show();
}
