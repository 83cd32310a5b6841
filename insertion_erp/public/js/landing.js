// The shop staff's home is their page (insertion_erp/landing.py chooses it by role): the
// floor supervisor's is the Shop Floor, the cashier's the till. Whenever the desk goes to its
// home (opening the desk, the logo, the breadcrumbs' first link), they are taken to their page;
// a link to a document or a report still opens that document or report. Everyone else's home
// is the desk's, as usual.
//
// The desk routes to its home asynchronously, and its home page may route again once its
// workspace has loaded: each route change is looked at.
$(document).on("app_ready", () => {
	const page = frappe.boot.insertion_landing;
	if (!page) return;
	const look = () => {
		const route = frappe.get_route() || [];
		if (!route.length || !route[0] || route[0] === "Workspaces") {
			frappe.set_route(page); // the desk's home: go where the work is
		}
	};
	frappe.router.on("change", look);
	if (frappe.get_route()) look();
});
