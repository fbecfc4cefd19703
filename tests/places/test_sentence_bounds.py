"""A name's sentence is found by looking for each kind of sentence end only inside the
sentence the other kinds left: the same range as looking for every kind in the whole reach."""

from __future__ import annotations

import random

import pytest

from frontledger.places.context import SENTENCE_ENDS, Cues
from frontledger.places.lexicon import lexicon


def _sentence_looked_for_everywhere(text, start, end, reach):
    low = 0 if reach is None else max(0, start - reach)
    high = len(text) if reach is None else min(len(text), end + reach)
    left = max(max(text.rfind(mark, low, start) for mark in SENTENCE_ENDS) + 1, low)
    ends = [i for i in (text.find(mark, end, high) for mark in SENTENCE_ENDS) if i >= 0]
    return left, min(ends, default=high)


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("reach", [None, 3, 12, 400])
def test_sentence_range_is_that_of_a_search_for_every_end_in_the_whole_reach(seed, reach):
    pieces = ["Lyman", " ", ". ", "! ", "? ", "\n", ".", "!", "?", "x"]
    chooser = random.Random(seed)
    text = "".join(chooser.choice(pieces) for _ in range(60))
    cues = Cues(text, lexicon("en"))
    for start in range(len(text)):
        for end in (start, min(len(text), start + 1), min(len(text), start + 5)):
            assert cues.sentence(start, end, reach) == _sentence_looked_for_everywhere(
                text, start, end, reach), (text, start, end)


def test_a_name_between_sentences_gets_its_own():
    text = "Russia shelled Kupiansk. Ukraine held Lyman! Was Siversk taken? No.\nKyiv said."
    cues = Cues(text, lexicon("en"))
    start = text.index("Lyman")
    assert text[slice(*cues.sentence(start, start + 5))].strip() == "Ukraine held Lyman"
    start = text.index("Siversk")
    assert text[slice(*cues.sentence(start, start + 7, 12))].strip() == "Was Siversk taken"
