"""A town named in the genitive between an official's title and the official's whole name
("Mer Charkowa Ihor Terechow", "Bürgermeister Charkiws Ihor Terechow") is the town the
title heads, not a first name; a transliteration guess in the same shape ("Światowego
Forum Ekonomicznego") stays no place."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

pytestmark = pytest.mark.slow


def _places(gaz, text: str, language: str) -> dict[str, str]:
    return {m.surface: m.name for m in parse(gaz, text, language) if not m.metonym}


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Mer Charkowa Ihor Terechow przekazał, że w nocy Rosjanie zaatakowali miasto.", "pl",
     "Charkowa"),
    ("Burmistrz Chersonia Roman Mrochko poinformował o nocnym ostrzale.", "pl", "Chersonia"),
    ("Bürgermeister Charkiws Ihor Terechow berichtete von neuen Angriffen.", "de", "Charkiws"),
])
def test_town_between_a_title_and_a_whole_name_is_a_place(real_gaz, text, language, surface):
    assert surface in _places(real_gaz, text, language)


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Trump spotkał się z Zełenskim przy okazji Światowego Forum Ekonomicznego w Davos.", "pl",
     "Światowego"),
    ("Prezydent Wołodymyr Zełenski spotkał się z dowódcami.", "pl", "Wołodymyr"),
])
def test_a_name_or_a_guess_in_that_shape_stays_no_place(real_gaz, text, language, word):
    assert word not in _places(real_gaz, text, language)
