// Each user lands where their work is (insertion_erp/landing.py chooses the page by role):
// once per browser session, and only when the desk opens on its home, so a link to a
// document or a report still opens that document or report.
//
// The desk routes to its home asynchronously, and its home page may route again once its
// workspace has loaded: each route change of the first moments is looked at, until the user
// is on their page or has opened something else.
$(document).on("app_ready", () => {
	const page = frappe.boot.insertion_landing;
	if (!page || sessionStorage.getItem("insertion_landed")) return;
	let settled = false;
	const look = () => {
		if (settled) return;
		const route = frappe.get_route() || [];
		if (route[0] === page) {
			settled = true; // arrived
			sessionStorage.setItem("insertion_landed", "1");
		} else if (!route.length || !route[0] || route[0] === "Workspaces") {
			frappe.set_route(page); // the desk's home, now or again: go where the work is
		} else {
			settled = true; // a link to something else: leave it open
			sessionStorage.setItem("insertion_landed", "1");
		}
	};
	frappe.router.on("change", look);
	if (frappe.get_route()) look();
});
