"""A country named in a place relation ("the border with Russia", "la frontera con Rusia",
"w regionie Ukrainy") is a place, though a bare "with"/"con" before a country's name
usually makes it an actor ("talks with Russia")."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

pytestmark = pytest.mark.slow


def _countries(gaz, text: str, language: str) -> list[tuple[str, bool]]:
    return [(m.name, m.metonym) for m in parse(gaz, text, language) if m.kind == "country"]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Shelling went on along the border with Russia.", "en", "Russia"),
    ("Los bombardeos siguen en la franja fronteriza con Rusia.", "es", "Russia"),
    ("I bombardamenti continuano lungo il confine con la Russia.", "it", "Russia"),
    ("Les frappes continuent le long de la frontière avec la Russie.", "fr", "Russia"),
    ("To pierwsza wieś zajęta w kolejnym regionie Ukrainy.", "pl", "Ukraine"),
    ("Es ist das erste Dorf in diesem Teil der Ukraine.", "de", "Ukraine"),
])
def test_country_in_a_place_relation_is_a_place(real_gaz, text, language, name):
    assert _countries(real_gaz, text, language) == [(name, False)]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Washington held talks with Russia on Monday.", "en", "Russia"),
    ("Washington mantuvo conversaciones con Rusia el lunes.", "es", "Russia"),
])
def test_country_after_with_outside_a_place_relation_stays_an_actor(real_gaz, text, language,
                                                                   name):
    assert (name, True) in _countries(real_gaz, text, language)

