// Rendered by Jinja before it reaches the guest: the questions in the guest's language
// (frappe sends a web form only its own buttons' translations).
Object.assign(frappe._messages || (frappe._messages = {}), {{ questionnaire_messages }});
