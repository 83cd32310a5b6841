// The till: who serves. Several trainees share one till and one POS session; the cashier
// picks, in one tap, the trainee on shift who serves, and each new sale names them until
// another is picked. The server checks the name (an active trainee).
(function () {
	const page = frappe.pages["point-of-sale"];
	const load = page.on_page_load;
	page.on_page_load = function (wrapper) {
		load(wrapper);
		with_cents_on_item_cards();
		with_server_on_summary();
		with_decimal_comma_on_keypads();
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

	// The sale's summary headlines what the sale costs (ERPNext shows the amount tendered, which
	// is more when the customer pays cash and gets change back) and says which trainee served
	// (ERPNext: "Sold by" and the cashier's login).
	function with_server_on_summary(tries = 600) {
		const summary = window.erpnext && erpnext.PointOfSale && erpnext.PointOfSale.PastOrderSummary;
		if (!summary) {
			if (tries > 0) setTimeout(() => with_server_on_summary(tries - 1), 50);
			return;
		}
		const proto = summary.prototype;
		if (proto.insertion_server) return;
		proto.insertion_server = true;
		const upper_html = proto.get_upper_section_html;
		proto.get_upper_section_html = function (doc) {
			const $html = $(`<div>${upper_html.call(this, doc)}</div>`);
			const total = doc.rounded_total || doc.grand_total;
			$html.find(".paid-amount").text(format_currency(total, doc.currency));
			const server = doc.insertion_served_by_name;
			$html
				.find(".cashier")
				.text(server ? __("Served by {0}", [server]) : __("Served by: nobody"));
			return $html.html();
		};
	}

	// ERPNext's keypads (the cart's and the payment's) label their decimal key "." whatever the
	// number format: the site's own separator ("," in Quebec) is shown. The key still adds "." to
	// the typed figure, which ERPNext reads as the decimal point whatever the format.
	function with_decimal_comma_on_keypads(tries = 600) {
		const pad = window.erpnext && erpnext.PointOfSale && erpnext.PointOfSale.NumberPad;
		if (!pad) {
			if (tries > 0) setTimeout(() => with_decimal_comma_on_keypads(tries - 1), 50);
			return;
		}
		const proto = pad.prototype;
		if (proto.insertion_decimal) return;
		proto.insertion_decimal = true;
		const prepare_dom = proto.prepare_dom;
		proto.prepare_dom = function () {
			prepare_dom.call(this);
			const format = frappe.boot.sysdefaults && frappe.boot.sysdefaults.number_format;
			const decimal = format ? get_number_format_info(format).decimal_str : ".";
			if (decimal && decimal !== ".") {
				this.wrapper.find('.numpad-btn[data-button-value="."]').text(decimal);
			}
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
					const first_expected = choices.find((trainee) => trainee && trainee.expected);
					for (const trainee of choices) {
						if (trainee && trainee === first_expected) {
							$(`<p class="text-muted"></p>`)
								.text(__("On today's schedule, not tapped in yet:"))
								.appendTo($body);
						}
						const style = trainee && !trainee.expected ? "btn-primary" : "btn-default";
						$(`<button class="btn btn-lg ${style} btn-block"></button>`)
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
						$body.prepend(`<p class="text-muted">${__("No trainee is on today's shift.")}</p>`);
					}
					dialog.show();
				});
		}
	}
})();
