// Each user lands where their work is (insertion_erp/landing.py chooses the page by role):
// once per browser session, and only when the desk opens on its home, so a link to a
// document or a report still opens that document or report.
$(document).on("app_ready", () => {
	const page = frappe.boot.insertion_landing;
	if (!page || sessionStorage.getItem("insertion_landed")) return;
	sessionStorage.setItem("insertion_landed", "1");
	const go = () => {
		const route = frappe.get_route() || [];
		if (!route.length || !route[0] || route[0] === "Workspaces") frappe.set_route(page);
	};
	// The desk may still be routing to its home: look once it has.
	if (frappe.get_route()) go();
	else frappe.router.once("change", go);
});
