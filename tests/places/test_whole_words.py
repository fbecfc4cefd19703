"""A name marked once is found again wherever the text writes it as a whole word: the
scan without a pattern per name finds what `(?<!\\w)name(?!\\w)` finds."""

from __future__ import annotations

import re

import pytest

from frontledger.places.mentions import _whole_word_at

CASES = [
    ("Loknia", "Loknia held. Near Loknia, Loknias and XLoknia and Loknia_2 and (Loknia)."),
    ("Лозова", "Лозова, Лозовая і Лозова. Під Лозова-2 та «Лозова»"),
    ("Dovhe", "Dovhe"),
    ("Dovhe", "Dovhe Dovhe"),
    ("ana", "banana ana anana ana"),  # a miss inside a longer word, then whole words
    ("Ivanivka", "Ivanivka2 éIvanivka Ivanivkaé Ivanivka"),
]


@pytest.mark.parametrize(("word", "text"), CASES)
def test_whole_words_are_found_where_a_bounded_search_finds_them(word, text):
    expected = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert list(_whole_word_at(text, word)) == expected
