"""Is this page in French? The text a user sees (visible text and placeholders), read from the
page itself, and the lines of it that hold English words. Tooltips are left out: the report
tables' own ("Filter based on ...") come untranslatable from Frappe's DataTable library.

No list of known strings: a line is English when it holds a word of ENGLISH, common words
of the desk's English that French does not use ("the", "order", "search", "items"...).
Words French shares with English ("total", "date", "section", "type", "note") are not in
it. Names and data typed by the users are French here, so they do not trip it.
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
	checkout hold recent held subtotal taxes tax charges select choose upload download export import
	messages owner tomorrow week month year last next previous first show hide more less close open
	apply clear reset value values field fields details detail employee employees salary slip slips
	payroll deduction deductions earnings gross loading records found empty start update updated
	like likes follow followed following followers begin typing results navigate
	main content click phone cart serial number barcode screen partly discounted
	""".split()
)
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# Visible text nodes and visible inputs' placeholders, one per line.
VISIBLE_TEXT = """() => {
	const out = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	while (walker.nextNode()) {
		const node = walker.currentNode;
		const text = node.textContent.trim();
		const parent = node.parentElement;
		if (!text || !parent || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
		if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
		const box = parent.getBoundingClientRect();
		if (box.width < 2 || box.height < 2) continue;
		if (parent.closest(".sr-only, .visually-hidden")) continue;
		out.push(text);
	}
	for (const el of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
		if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
		out.push(el.getAttribute("placeholder"));
	}
	return out.filter(Boolean);
}"""


def english_words(line: str) -> list[str]:
	# A field's name (from_date, trainee_name) is code, not a label: skipped.
	return [word for word in WORD.findall(line) if word.lower() in ENGLISH and "_" not in line]


def english_lines(page) -> list[str]:
	"""The lines of what the page shows that hold English words."""
	return sorted({line for line in page.evaluate(VISIBLE_TEXT) if english_words(line)})


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


def off_format(line: str) -> list[str]:
	"""What in `line` breaks the Quebec convention: amounts "1 304,50 $" (cents included),
	rates "54,5 %", quantities without a useless ".0"."""
	found = [f"{why}: {match.group(0)!r}" for pattern, why in OFF_QUEBEC for match in pattern.finditer(line)]
	amount_format = PROSE_AMOUNT if len(line) > PROSE else QUEBEC_AMOUNT
	for match in MONEY.finditer(line):
		amount = match.group(1).strip()
		if not amount_format.fullmatch(amount):
			found.append(f"an amount off the Quebec format: {match.group(0)!r}")
	return found


def assert_quebec_formats(page, where: str = "") -> None:
	lines = page.evaluate(VISIBLE_TEXT)
	off = sorted({f"{line} ({', '.join(problems)})" for line in lines if (problems := off_format(line))})
	assert not off, f"Off the Quebec formats on {where or page.url}: {off}"


def assert_french_and_quebec(page, where: str = "") -> None:
	assert_french(page, where)
	assert_quebec_formats(page, where)
