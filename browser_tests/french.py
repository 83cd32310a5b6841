"""Is this page in French? The text a user sees (visible text and placeholders), read from the
page itself, and the lines of it that hold English words. Tooltips are left out: the report
tables' own ("Filter based on ...") come untranslatable from Frappe's DataTable library.

No list of known strings: a line is English when it holds a word of ENGLISH, common words
of the desk's English that French does not use ("the", "order", "search", "items"...).
Words French shares with English ("total", "date", "section", "type", "note") are not in
it. Names and data typed by the users are French here, so they do not trip it.

What is read: the visible text, the visible inputs' placeholders, the options of the visible
drop-downs (a Select's "Prefer not to say" shows only once opened), the labels of the charts
(SVG text: the months of an axis, "Dec 2025" where French reads "déc. 2025"), and so the
onboarding cards and the open dialogs (.modal) of the page; `dialog_lines` reads an open dialog
alone, and `english_file_name` the name of an exported file.
"""

import re

ENGLISH = frozenset(
	"""
	the and please again order orders complete new all items item add row rows reply comment comments
	save submit cancel search receipt thank you visit customer customers payment payments paid change
	amount discount quantity price invoice invoices draft submitted cancelled status name filter filters
	sort list view settings print email edit delete duplicate refresh menu help home logout notifications
	assign assigned share attachments attachment tags activity created modified ago hours days
	today yesterday yes of to from for with by your this that opening closing entry entries profile cash
	checkout hold recent held subtotal tax charges select choose upload download export import
	messages owner tomorrow week month year last next previous first show hide more less close open
	apply clear reset value values field fields details detail employee employees salary slip slips
	payroll deduction deductions earnings gross loading records found empty start update updated
	like likes follow followed following followers begin typing results navigate
	main content click phone cart serial number barcode screen partly discounted
	journey let's setup powered connections assignment withheld period prefer say referring
	organization include get summary
	january february april june july august september october november december
	jan feb apr jun jul aug sep dec
	""".split()
)
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# Visible text nodes, visible inputs' placeholders, the options of visible drop-downs and the
# charts' SVG labels, one per line: of the whole page, or of the element `root` selects.
READ_TEXT = """(root) => {
	const out = [];
	const scope = (root && document.querySelector(root)) || document.body;
	const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
	while (walker.nextNode()) {
		const node = walker.currentNode;
		const text = node.textContent.trim();
		const parent = node.parentElement;
		if (!text || !parent || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
		if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
		const box = parent.getBoundingClientRect();
		if (box.width < 2 || box.height < 2) continue;
		if (parent.closest(".sr-only, .visually-hidden")) continue;
		if (parent.closest(".frappe-chart, .chart-container")) continue; // read below, as labels
		out.push(text);
	}
	for (const el of scope.querySelectorAll("input[placeholder], textarea[placeholder]")) {
		if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
		out.push(el.getAttribute("placeholder"));
	}
	for (const select of scope.querySelectorAll("select")) {
		if (!select.checkVisibility({ checkVisibilityCSS: true })) continue;
		for (const option of select.options) out.push(option.textContent.trim());
	}
	out.push(...chart_labels(scope));
	return out.filter(Boolean);
}"""
# A chart's labels (its axes, legend and title), read whatever their opacity: a chart draws them
# faded in.
CHART_LABELS = """function chart_labels(scope) {
	const out = [];
	for (const label of scope.querySelectorAll(".frappe-chart text, .chart-container svg text")) {
		if (label.closest(".frappe-chart, .chart-container").checkVisibility()) out.push(label.textContent.trim());
	}
	return out.filter(Boolean);
}"""
VISIBLE_TEXT = f"() => {{ {CHART_LABELS}; return ({READ_TEXT})(null); }}"
CHART_TEXT = f"() => {{ {CHART_LABELS}; return chart_labels(document.body); }}"
DIALOG_TEXT = f"(root) => {{ {CHART_LABELS}; return ({READ_TEXT})(root); }}"


def english_words(line: str) -> list[str]:
	# A field's name (from_date, trainee_name) is code, not a label: skipped; so is a web
	# address (a questionnaire's link ends in ".../new?token=...").
	line = URL.sub("", line)
	return [word for word in WORD.findall(line) if word.lower() in ENGLISH and "_" not in line]


def english_lines(page) -> list[str]:
	"""The lines of what the page shows that hold English words."""
	return sorted({line for line in page.evaluate(VISIBLE_TEXT) if english_words(line)})


def dialog_lines(page) -> list[str]:
	"""What the open dialog shows (its title, labels, options, buttons), one line each."""
	return page.evaluate(DIALOG_TEXT, ".modal.show")


def assert_dialog_french(page, where: str = "") -> None:
	leaked = sorted({line for line in dialog_lines(page) if english_words(line)})
	assert not leaked, f"English in the dialog {where or page.url}: {leaked}"


def english_file_name(name: str) -> list[str]:
	"""The English words of a downloaded file's name ("Activity Report_This Enterprise.xlsx"):
	its underscores and dashes read as spaces, its extension left out."""
	stem = name.rsplit(".", 1)[0]
	return english_words(re.sub(r"[_\-]+", " ", stem))


def assert_french(page, where: str = "") -> None:
	leaked = english_lines(page)
	assert not leaked, f"English on a French page {where or page.url}: {leaked}"


SPACE = "[ \u00a0\u202f]"
# An amount before its sign, as Quebec writes it: "1 304,50 $".
MONEY = re.compile(rf"(\d[\d \u00a0\u202f.,]*?){SPACE}?\$")
QUEBEC_AMOUNT = re.compile(rf"\d{{1,3}}({SPACE}\d{{3}})*,\d\d")
# A sum quoted in a sentence (a bracket's threshold in a paragraph on the sources) may be
# whole, as French prose writes it ("jusqu'à 54 345 $"); an amount shown by itself, in a cell,
# a card or a total, carries its cents.
PROSE_AMOUNT = re.compile(rf"\d{{1,3}}({SPACE}\d{{3}})*(,\d\d)?")
PROSE = 120  # characters: a line this long is a sentence, not a cell
OFF_QUEBEC = (
	(re.compile(rf"\${SPACE}?\d"), "the sign before the amount"),
	(re.compile(r"\d%"), "no space before %"),
	(re.compile(rf"\d\.\d+{SPACE}?%"), "a decimal point in a rate"),
	(re.compile(r"(?<![\d.,])\d+\.0(?!\d)"), "a useless decimal"),
)


URL = re.compile(r"https?://\S+")


def off_format(line: str, axis: bool = False) -> list[str]:
	"""What in `line` breaks the Quebec convention: amounts "1 304,50 $" (cents included; a
	chart's axis, `axis`, marks round amounts without them: "2 000 $"), rates "54,5 %",
	quantities without a useless ".0". A web address is an address, not a number."""
	line = URL.sub("", line)
	found = [f"{why}: {match.group(0)!r}" for pattern, why in OFF_QUEBEC for match in pattern.finditer(line)]
	amount_format = PROSE_AMOUNT if axis or len(line) > PROSE else QUEBEC_AMOUNT
	for match in MONEY.finditer(line):
		amount = match.group(1).strip()
		if not amount_format.fullmatch(amount):
			found.append(f"an amount off the Quebec format: {match.group(0)!r}")
	return found


def assert_quebec_formats(page, where: str = "") -> None:
	lines = page.evaluate(VISIBLE_TEXT)
	axes = set(page.evaluate(CHART_TEXT))
	off = sorted(
		{f"{line} ({', '.join(problems)})" for line in lines if (problems := off_format(line, line in axes))}
	)
	assert not off, f"Off the Quebec formats on {where or page.url}: {off}"


def assert_french_and_quebec(page, where: str = "") -> None:
	assert_french(page, where)
	assert_quebec_formats(page, where)
