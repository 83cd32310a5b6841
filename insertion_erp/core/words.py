"""Amounts in words as a Quebec cheque writes them: "Mille huit cent trente-cinq dollars et 07/100".

Frappe spells the cents of a Canadian amount in French as "Sept Cent" (seven *hundred*): the
cents here are written as a fraction of a hundred, the way a cheque reads. Numbers follow the
traditional spelling (Office québécois de la langue française): hyphens between tens and units
below one hundred, "et" before "un" and "onze" after vingt to soixante-dix ("vingt et un",
"soixante et onze", but "quatre-vingt-un"), "cents" and "quatre-vingts" plural only when nothing
follows them, "mille" invariable.
"""

from insertion_erp.core.money import MoneyLike, round_money

UNITS = (
	"zéro",
	"un",
	"deux",
	"trois",
	"quatre",
	"cinq",
	"six",
	"sept",
	"huit",
	"neuf",
	"dix",
	"onze",
	"douze",
	"treize",
	"quatorze",
	"quinze",
	"seize",
	"dix-sept",
	"dix-huit",
	"dix-neuf",
)
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
SCALES = ((1_000_000_000, "milliard"), (1_000_000, "million"))


def below_hundred(n: int) -> str:
	if n < 20:
		return UNITS[n]
	tens, unit = divmod(n, 10)
	if tens in (7, 9):  # soixante-dix..., quatre-vingt-dix...: the base and ten to nineteen
		base = "soixante" if tens == 7 else "quatre-vingt"
		rest = UNITS[10 + unit]
		return f"{base} et {rest}" if n == 71 else f"{base}-{rest}"
	if tens == 8:
		return "quatre-vingts" if unit == 0 else f"quatre-vingt-{UNITS[unit]}"
	if unit == 0:
		return TENS[tens]
	if unit == 1:
		return f"{TENS[tens]} et un"
	return f"{TENS[tens]}-{UNITS[unit]}"


def below_thousand(n: int) -> str:
	hundreds, rest = divmod(n, 100)
	if hundreds == 0:
		return below_hundred(rest)
	head = "cent" if hundreds == 1 else f"{UNITS[hundreds]} cent" + ("s" if rest == 0 else "")
	return head if rest == 0 else f"{head} {below_hundred(rest)}"


def number_in_words(n: int) -> str:
	"""A whole number of zero or more in French words."""
	if n < 0:
		raise ValueError("a negative number has no words here")
	if n < 1000:
		return below_thousand(n)
	words = []
	for scale, name in SCALES:
		count, n = divmod(n, scale)
		if count:
			words.append(f"{number_in_words(count)} {name}{'s' if count > 1 else ''}")
	thousands, n = divmod(n, 1000)
	if thousands:
		# "quatre-vingts" and "deux cents" lose their s before mille: "deux cent mille".
		words.append("mille" if thousands == 1 else f"{below_thousand(thousands).removesuffix('s')} mille")
	if n:
		words.append(below_thousand(n))
	return " ".join(words)


def cheque_words(amount: MoneyLike, currency_word: str = "dollar") -> str:
	"""An amount as a Quebec cheque reads: its whole dollars in words, its cents over 100."""
	money = round_money(amount)
	sign, money = ("moins ", -money) if money < 0 else ("", money)
	whole = int(money)
	cents = int((money - whole) * 100)
	unit = currency_word + ("s" if whole >= 2 else "")
	text = f"{sign}{number_in_words(whole)} {unit} et {cents:02d}/100"
	return text[0].upper() + text[1:]
