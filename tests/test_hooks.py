"""Where the app hooks into standard doctypes: overrides/<doctype>.py, and nowhere else."""

from insertion_erp import hooks


def scrub(name: str) -> str:
	return name.replace(" ", "_").replace("-", "_").lower()


def test_handlers_on_standard_doctypes_live_in_overrides():
	for doctype, events in hooks.doc_events.items():
		for event, handlers in events.items():
			for handler in [handlers] if isinstance(handlers, str) else handlers:
				assert handler.startswith(f"insertion_erp.overrides.{scrub(doctype)}."), (
					f"{doctype}.{event}: {handler} is not in overrides/{scrub(doctype)}.py"
				)
