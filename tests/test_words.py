"""Amounts in words as a Quebec cheque reads them (core/words.py)."""

from decimal import Decimal

import pytest

from insertion_erp.core.words import cheque_words, number_in_words


@pytest.mark.parametrize(
	("number", "words"),
	[
		(0, "zéro"),
		(1, "un"),
		(16, "seize"),
		(17, "dix-sept"),
		(21, "vingt et un"),
		(35, "trente-cinq"),
		(70, "soixante-dix"),
		(71, "soixante et onze"),
		(72, "soixante-douze"),
		(80, "quatre-vingts"),
		(81, "quatre-vingt-un"),
		(91, "quatre-vingt-onze"),
		(99, "quatre-vingt-dix-neuf"),
		(100, "cent"),
		(101, "cent un"),
		(200, "deux cents"),
		(201, "deux cent un"),
		(280, "deux cent quatre-vingts"),
		(1000, "mille"),
		(1835, "mille huit cent trente-cinq"),
		(2000, "deux mille"),
		(80_000, "quatre-vingt mille"),
		(200_000, "deux cent mille"),
		(1_000_000, "un million"),
		(2_300_001, "deux millions trois cent mille un"),
	],
)
def test_numbers_in_french_words(number: int, words: str):
	assert number_in_words(number) == words


def test_a_net_pay_reads_as_a_quebec_cheque():
	# Frappe wrote "... Trente Cinq et Sept Cent seulement": seven hundred for seven cents.
	assert cheque_words(Decimal("1835.07")) == "Mille huit cent trente-cinq dollars et 07/100"
	assert cheque_words("1.00") == "Un dollar et 00/100"
	assert cheque_words(0.5) == "Zéro dollar et 50/100"
	assert cheque_words("21.999") == "Vingt-deux dollars et 00/100"  # rounded once, to the cent
	assert cheque_words("-12.30") == "Moins douze dollars et 30/100"


def test_every_number_below_a_million_has_words_and_no_double_space():
	for number in range(0, 1_000_000, 997):
		words = number_in_words(number)
		assert words and "  " not in words and not words.endswith(" ")
