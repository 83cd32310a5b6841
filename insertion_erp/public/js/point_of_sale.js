// The till: who serves. Several trainees share one till and one POS session; the cashier
// picks, in one tap, the trainee on shift who serves, and each new sale names them until
// another is picked. The server checks the name (an active trainee).
(function () {
	const page = frappe.pages["point-of-sale"];
	const load = page.on_page_load;
	page.on_page_load = function (wrapper) {
		load(wrapper);
		with_cents_on_item_cards();
		when_ready(wrapper, (pos) => new ServedBy(pos));
	};

	// ERPNext's item cards drop the cents of a whole price ("6 $"): a Quebec price shows them
	// ("6,00 $"). Wrapped once its till's code has loaded, before the first cards are drawn.
	function with_cents_on_item_cards(tries = 600) {
		const selector = window.erpnext && erpnext.PointOfSale && erpnext.PointOfSale.ItemSelector;
		if (!selector) {
			if (tries > 0) setTimeout(() => with_cents_on_item_cards(tries - 1), 50);
			return;
		}
		const proto = selector.prototype;
		if (proto.insertion_cents) return;
		proto.insertion_cents = true;
		const item_html = proto.get_item_html;
		proto.get_item_html = function (item) {
			const html = item_html.call(this, item);
			const rate = item.price_list_rate || 0;
			// As ERPNext wrote it (no cents when whole; no currency on an item without a price)...
			const shown = format_currency(rate, item.currency, flt(rate, 2) % 1 != 0 ? 2 : 0) || 0;
			// ...and as the till's currency writes it.
			const currency = item.currency || frappe.defaults.get_default("currency");
			return html.replace(`>${shown} /`, `>${format_currency(rate, currency, 2)} /`);
		};
	}

	// The till is ready once its shift is open, which waits for the cashier (the opening
	// dialog) as long as it takes: wait for it without a deadline, checking twice a second.
	function when_ready(wrapper, then) {
		if (wrapper.pos && wrapper.pos.frm && wrapper.pos.page) return then(wrapper.pos);
		preselect_profile();
		setTimeout(() => when_ready(wrapper, then), 500);
	}

	// The opening dialog names the cashier's own till: their default POS Profile.
	let profile_asked = false;
	function preselect_profile() {
		const dialog = window.cur_dialog;
		const field = dialog && dialog.fields_dict && dialog.fields_dict.pos_profile;
		if (!field || dialog.get_value("pos_profile") || profile_asked) return;
		profile_asked = true;
		frappe.xcall("insertion_erp.shop_floor.api.default_pos_profile").then((profile) => {
			if (profile && !dialog.get_value("pos_profile")) dialog.set_value("pos_profile", profile);
		});
	}

	class ServedBy {
		constructor(pos) {
			this.pos = pos;
			this.trainee = null;
			this.$button = pos.page.add_button(this.label(), () => this.choose(), {
				btn_class: "btn-default served-by-btn",
			});
			// Each new sale names the trainee chosen.
			const make_new_invoice = pos.make_new_invoice.bind(pos);
			pos.make_new_invoice = (...args) => {
				const made = make_new_invoice(...args);
				Promise.resolve(made).then(() => this.apply());
				return made;
			};
			this.apply();
		}

		label() {
			return this.trainee ? __("Served by {0}", [this.trainee.name]) : __("Served by: nobody");
		}

		apply() {
			const frm = this.pos.frm;
			if (!frm || !frm.doc) return;
			frm.doc.insertion_served_by = this.trainee ? this.trainee.employee : null;
			frm.doc.insertion_served_by_name = this.trainee ? this.trainee.name : null;
			this.$button && this.$button.text(this.label());
		}

		choose() {
			frappe
				.call("insertion_erp.shop_floor.api.on_shift", { company: this.pos.frm.doc.company })
				.then(({ message: trainees }) => {
					const dialog = new frappe.ui.Dialog({ title: __("Who serves?") });
					const $body = $('<div class="served-by-choices"></div>').appendTo(dialog.body);
					const choices = [...(trainees || []), null];
					for (const trainee of choices) {
						$(`<button class="btn btn-lg ${trainee ? "btn-primary" : "btn-default"} btn-block"></button>`)
							.text(trainee ? trainee.name : __("Nobody"))
							.css({ margin: "8px 0", padding: "14px", "font-size": "1.2em" })
							.appendTo($body)
							.on("click", () => {
								this.trainee = trainee;
								this.apply();
								dialog.hide();
							});
					}
					if (!trainees || !trainees.length) {
						$body.prepend(`<p class="text-muted">${__("No trainee is in on the shop floor now.")}</p>`);
					}
					dialog.show();
				});
		}
	}
})();
