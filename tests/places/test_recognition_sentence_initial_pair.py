"""A two-word name spelt another way ("Tschassiw Jar", "Tchassiv Iar" for Chasiv Yar) names
its place at the start of a sentence as anywhere else, rather than leaving its second word
to a namesake ("Jar", a village in Russia); ordinary capitalised words opening a sentence
stay no place."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

pytestmark = pytest.mark.slow


def _places(gaz, text: str, language: str) -> dict[str, str]:
    return {m.surface: m.name for m in parse(gaz, text, language) if not m.metonym}


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Die Front ist ruhig. Tschassiw Jar war im Juli 2025 eingenommen worden.", "de",
     "Tschassiw Jar"),
    ("Le front est calme. Tchassiv Iar a été prise en juillet 2025.", "fr", "Tchassiv Iar"),
])
def test_two_word_name_spelt_another_way_opens_a_sentence(real_gaz, text, language, surface):
    assert _places(real_gaz, text, language).get(surface) == "Chasiv Yar"


@pytest.mark.parametrize(("text", "language"), [
    ("Russische Truppen griffen an. Kremlsprecher Dmitri sprach von Erfolgen.", "de"),
    ("Ukrainische Soldaten halten die Linie.", "de"),
])
def test_capitalised_words_opening_a_sentence_stay_no_place(real_gaz, text, language):
    assert not _places(real_gaz, text, language)
