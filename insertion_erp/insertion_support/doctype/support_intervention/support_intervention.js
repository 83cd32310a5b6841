frappe.ui.form.on("Support Intervention", {
	refresh(frm) {
		render_notes(frm);
		// No public comment beside confidential notes: what a counsellor writes goes in the notes.
		$(frm.wrapper).find(".comment-box").hide();
	},
});

const NOTES_API = "insertion_erp.insertion_support.doctype.support_intervention.support_intervention";

// Notes stay on the server until someone asks for them; every reading is logged.
function render_notes(frm) {
	const $wrapper = frm.fields_dict.notes_html.$wrapper.empty();
	const allowed = frappe.user.has_role(["Insertion Manager", "Insertion Counsellor"]);
	if (!allowed) {
		$wrapper.html(`<p class="text-muted">${__("Confidential notes are reserved to counsellors.")}</p>`);
		return;
	}
	if (frm.is_new()) {
		$wrapper.html(`<p class="text-muted">${__("Save the intervention to add confidential notes.")}</p>`);
		return;
	}
	const $show = $(`<button class="btn btn-default btn-sm">${__("Show Confidential Notes")}</button>`);
	$wrapper.append(
		$(`<p class="text-muted small">${__("Opening the notes is recorded in the access log.")}</p>`)
	);
	$wrapper.append($show);
	$show.on("click", () => {
		frappe.call({ method: `${NOTES_API}.get_notes`, args: { name: frm.doc.name } }).then(({ message }) => {
			$wrapper.empty();
			const $text = $('<textarea class="form-control" rows="8"></textarea>').val(message || "");
			const $save = $(`<button class="btn btn-primary btn-sm mt-2">${__("Save Notes")}</button>`);
			$wrapper.append($text, $save);
			$save.on("click", () => {
				frappe
					.call({ method: `${NOTES_API}.set_notes`, args: { name: frm.doc.name, notes: $text.val() } })
					.then(() => frappe.show_alert({ message: __("Notes saved"), indicator: "green" }));
			});
		});
	});
}
