// The shop floor on a tablet: today's trainees, a large In / Out button each, the
// week's hours against the parcours' schedule and the contract's ceiling, and what
// does not pair (flags). Names, shifts and hours only: nothing of a trainee's file.
frappe.pages["shop-floor"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Shop Floor"),
		single_column: true,
	});
	const floor = new ShopFloor(page);
	floor.refresh();
	page.set_secondary_action(__("Refresh"), () => floor.refresh(), "refresh");
	setInterval(() => floor.refresh(), 60 * 1000);
};

class ShopFloor {
	constructor(page) {
		this.page = page;
		this.$body = $('<div class="shop-floor"></div>').appendTo(page.main);
		frappe.dom.set_style(`
			.shop-floor { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; padding: 8px 0; }
			.shop-floor .trainee { border: 1px solid var(--border-color); border-radius: 12px; padding: 16px; background: var(--card-bg); }
			.shop-floor .trainee.is-in { border-color: var(--green-500); box-shadow: 0 0 0 2px var(--green-100); }
			.shop-floor .name { font-size: 1.3em; font-weight: 600; }
			.shop-floor .trade { color: var(--text-muted); margin-bottom: 8px; }
			.shop-floor .punch { width: 100%; font-size: 1.4em; padding: 14px; margin: 10px 0; border-radius: 10px; }
			.shop-floor .hours { display: flex; justify-content: space-between; gap: 8px; }
			.shop-floor .over { color: var(--orange-600); font-weight: 600; }
			.shop-floor .problems { margin-top: 8px; }
			.shop-floor .empty { grid-column: 1 / -1; text-align: center; color: var(--text-muted); padding: 48px; }
		`);
	}

	refresh() {
		frappe.call("insertion_erp.shop_floor.api.today").then((r) => this.render(r.message));
	}

	render(data) {
		this.$body.empty();
		this.page.set_title(`${__("Shop Floor")} · ${frappe.datetime.str_to_user(data.day)}`);
		if (!data.trainees.length) {
			this.$body.append(`<div class="empty">${__("No trainee has a parcours under way today.")}</div>`);
			return;
		}
		for (const trainee of data.trainees) {
			this.$body.append(this.card(trainee));
		}
	}

	card(t) {
		const is_in = !!t.in_since;
		const hours = (value) => format_number(value, null, 2);
		const week_limit = [t.scheduled_week, t.ceiling_week].filter((v) => v !== null);
		const limit = week_limit.length ? Math.min(...week_limit) : null;
		const over = limit !== null && t.hours_week > limit;
		const $card = $(`
			<div class="trainee ${is_in ? "is-in" : ""}" data-employee="${frappe.utils.escape_html(t.employee)}">
				<div class="name">${frappe.utils.escape_html(t.name)}</div>
				<div class="trade">${frappe.utils.escape_html(t.trade || "")}
					${is_in ? ` · ${__("In since {0}", [String(t.in_since).slice(11, 16)])}` : ""}</div>
				<button class="btn ${is_in ? "btn-danger" : "btn-success"} punch">
					${is_in ? __("Out") : __("In")}
				</button>
				<div class="hours">
					<span>${__("Today")}: <b>${hours(t.hours_today)} h</b></span>
					<span class="${over ? "over" : ""}">${__("Week {0}", [t.week])}: <b>${hours(t.hours_week)}</b>
						${t.scheduled_week !== null ? ` / ${hours(t.scheduled_week)}` : ""} h</span>
				</div>
				${t.ceiling_week !== null ? `<div class="text-muted small">${__("Contract ceiling: {0} h a week", [hours(t.ceiling_week)])}</div>` : ""}
				<div class="problems"></div>
			</div>`);
		for (const problem of t.problems) {
			$card
				.find(".problems")
				.append(
					`<div class="indicator-pill orange" title="${frappe.utils.escape_html(problem.message)}">${frappe.datetime.str_to_user(problem.day)} · ${frappe.utils.escape_html(problem.message)}</div>`
				);
		}
		$card.find(".punch").on("click", (e) => {
			$(e.currentTarget).prop("disabled", true);
			frappe
				.call({
					method: "insertion_erp.shop_floor.api.punch",
					args: { employee: t.employee, log_type: is_in ? "OUT" : "IN" },
				})
				.then(() => {
					frappe.show_alert({ message: is_in ? __("{0} is out", [t.name]) : __("{0} is in", [t.name]), indicator: "green" });
					this.refresh();
				})
				.catch(() => this.refresh());
		});
		return $card;
	}
}
