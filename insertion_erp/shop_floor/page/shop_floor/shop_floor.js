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
	page.add_button(__("Today"), () => floor.show_today(), { btn_class: "btn-default today-btn" });
	page.add_button(__("Week"), () => floor.show_week(), { btn_class: "btn-default week-btn" });
	setInterval(() => floor.mode === "today" && floor.refresh(), 60 * 1000);
};

class ShopFloor {
	constructor(page) {
		this.page = page;
		this.mode = "today";
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
		if (this.mode === "week") {
			frappe
				.call("insertion_erp.shop_floor.api.week", { day: this.week_of })
				.then((r) => this.render_week(r.message));
			return;
		}
		frappe.call("insertion_erp.shop_floor.api.today").then((r) => this.render(r.message));
	}

	show_today() {
		this.mode = "today";
		this.refresh();
	}

	show_week(day) {
		this.mode = "week";
		this.week_of = day || this.week_of || frappe.datetime.get_today();
		this.refresh();
	}

	// The week, Monday to Sunday: each trainee's hours checked in per day, the week's total
	// against the parcours' plan, and the days to correct.
	render_week(data) {
		const hours = (value) => format_number(value, null, 2);
		const day_label = (day) => `${frappe.datetime.str_to_user(day)}`;
		this.$body.empty();
		const first = data.days[0];
		this.page.set_title(__("Week of {0}", [day_label(first)]));
		const $week = $(`<div class="shop-floor-week" style="grid-column: 1 / -1"></div>`).appendTo(this.$body);
		const $nav = $(`<div class="flex" style="gap: 8px; margin-bottom: 12px"></div>`).appendTo($week);
		$(`<button class="btn btn-default btn-sm previous-week"></button>`)
			.text(__("Previous Week"))
			.on("click", () => this.show_week(frappe.datetime.add_days(first, -7)))
			.appendTo($nav);
		$(`<button class="btn btn-default btn-sm next-week"></button>`)
			.text(__("Next Week"))
			.on("click", () => this.show_week(frappe.datetime.add_days(first, 7)))
			.appendTo($nav);
		if (!data.trainees.length) {
			$week.append(`<div class="empty">${__("No trainee has a parcours under way this week.")}</div>`);
			return;
		}
		const head = data.day_labels
			.map((label) => `<th class="text-right">${frappe.utils.escape_html(label)}</th>`)
			.join("");
		const $table = $(`
			<table class="table table-bordered week-hours">
				<thead><tr><th>${__("Trainee")}</th>${head}
					<th class="text-right">${__("Total")}</th><th class="text-right">${__("Planned Hours")}</th></tr></thead>
				<tbody></tbody>
			</table>`).appendTo($week);
		for (const t of data.trainees) {
			const cells = t.hours
				.map((value, i) =>
					t.in_parcours[i]
						? `<td class="text-right">${value ? hours(value) : "–"}</td>`
						: `<td class="text-right text-muted" title="${__("Outside the parcours")}">·</td>`
				)
				.join("");
			const over = t.planned !== null && t.total > t.planned;
			const $row = $(`
				<tr data-employee="${frappe.utils.escape_html(t.employee)}">
					<td><b>${frappe.utils.escape_html(t.name)}</b>
						<div class="text-muted small">${frappe.utils.escape_html(t.trade || "")}</div></td>
					${cells}
					<td class="text-right ${over ? "over" : ""}"><b>${hours(t.total)} h</b></td>
					<td class="text-right">${t.planned !== null ? `${hours(t.planned)} h` : "–"}</td>
				</tr>`).appendTo($table.find("tbody"));
			for (const problem of t.to_correct) {
				$row.find("td").first().append(
					`<div class="indicator-pill orange small">${frappe.datetime.str_to_user(problem.day)} · ${frappe.utils.escape_html(problem.message)}</div>`
				);
			}
		}
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
