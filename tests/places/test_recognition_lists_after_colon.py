"""A list of places after a colon ("three villages: A, B and C") is no sentence start:
an unknown two-word name that opens it ("Zhuravlynyi Yar") is a place, whole."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Wojska opuściły trzy miejscowości: Żurawlinyj Jar, Kostiantyniwka i Pokrowsk.", "pl",
     "Żurawlinyj Jar"),
    ("Війська залишили три населені пункти: Журавлиний Яр, Костянтинівка і Покровськ.", "uk",
     "Журавлиний Яр"),
    ("Troops left three places: Zhuravlynyi Yar, Kostiantynivka and Pokrovsk.", "en",
     "Zhuravlynyi Yar"),
])
def test_unknown_name_opening_a_list_after_a_colon_is_a_place(real_gaz, text, language,
                                                              surface):
    places = [m.surface for m in parse(real_gaz, text, language)
              if m.kind == "populated_place"]
    assert places[0] == surface
    assert len(places) == 3


@pytest.mark.parametrize(("text", "language"), [
    ("The result: Zhuravlynyi Yar is still contested.", "en"),
    ("Wynik: Żurawlinyj Jar wciąż jest sporny.", "pl"),
])
def test_unknown_name_after_a_colon_outside_a_list_is_not_guessed(real_gaz, text, language):
    assert [m for m in parse(real_gaz, text, language) if m.geonameid is None] == []
