frappe.ui.form.on("Support Intervention", {
	refresh(frm) {
		render_notes(frm);
		// No public comment beside confidential notes: what a counsellor writes goes in the notes.
		$(frm.wrapper).find(".comment-box").hide();
	},
	// One Save button, the form's: notes opened and changed are saved with it.
	before_save(frm) {
		const $text = frm.fields_dict.notes_html.$wrapper.find("textarea.confidential-notes");
		frm.notes_to_save = $text.length && $text.data("changed") ? $text.val() : null;
	},
	after_save(frm) {
		const notes = frm.notes_to_save;
		frm.notes_to_save = null;
		if (notes === null || notes === undefined) return;
		frappe
			.call({ method: `${NOTES_API}.set_notes`, args: { name: frm.doc.name, notes } })
			.then(() => frappe.show_alert({ message: __("Notes saved"), indicator: "green" }));
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
			const $text = $('<textarea class="form-control confidential-notes" rows="8"></textarea>').val(
				message || ""
			);
			$wrapper.append($text);
			// A change makes the form unsaved: its own Save button (or Ctrl+S) saves the notes.
			$text.on("input", () => {
				$text.data("changed", true);
				frm.dirty();
			});
		});
	});
}
