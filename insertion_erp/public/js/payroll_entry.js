// A new Payroll Entry finds the trainees: when the company's trainees are paid from their
// timesheets (quebec_payroll/coverage.py), Salary Slip Based on Timesheet is ticked for them,
// and the form says that the staff paid by the period have an entry of their own.
frappe.ui.form.on("Payroll Entry", {
	onload(frm) {
		tick_for_trainees(frm);
	},
	company(frm) {
		tick_for_trainees(frm);
	},
});

function tick_for_trainees(frm) {
	if (!frm.is_new() || !frm.doc.company || frm.doc.salary_slip_based_on_timesheet) return;
	frappe
		.xcall("insertion_erp.quebec_payroll.coverage.trainees_paid_from_timesheets", { company: frm.doc.company })
		.then((paid_from_timesheets) => {
			if (!paid_from_timesheets || !frm.is_new() || frm.doc.salary_slip_based_on_timesheet) return;
			frm.set_value("salary_slip_based_on_timesheet", 1);
			frm.set_intro(
				__(
					"The trainees are paid from their timesheets: Salary Slip Based on Timesheet is ticked for them. The staff paid by the period have a Payroll Entry of their own (untick it)."
				),
				"blue"
			);
		});
}
