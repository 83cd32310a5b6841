// The desk as a Quebec user reads it.
//
// A rate as Quebec writes it: "54,5 %" (the site's decimal comma, a no-break space before the
// sign, no useless zero), on every form, list and report of a site whose numbers use the
// decimal comma. Frappe's own formatter writes "54.5%".
(function () {
	const percent = frappe.form.formatters.Percent;
	frappe.form.formatters.Percent = function (value, docfield, options) {
		const format = frappe.boot.sysdefaults && frappe.boot.sysdefaults.number_format;
		if (!format || get_number_format_info(format).decimal_str !== ",") {
			return percent.call(this, value, docfield, options);
		}
		if (value === null || value === undefined || value === "") return "";
		const precision =
			(docfield && docfield.precision) || cint(frappe.boot.sysdefaults.float_precision) || 2;
		const rounded = flt(value, precision);
		const decimals = (String(rounded).split(".")[1] || "").length;
		return frappe.form.formatters._right(`${format_number(rounded, null, decimals)}\u00a0%`, options);
	};
})();

// A field's label in the user's language wherever Frappe names a field by its label: the
// form's history ("Heures payées de 0 à 150 à la ligne 2"), where Frappe shows it untranslated.
(function () {
	const get_label = frappe.meta.get_label;
	frappe.meta.get_label = function (doctype, fieldname, docname) {
		const label = get_label.call(this, doctype, fieldname, docname);
		return typeof label === "string" ? __(label, null, doctype) : label;
	};
})();
