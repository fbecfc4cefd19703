"""A capital named as the source of word on the news ("no confirmation from Kyiv", "die
Meldung aus Moskau") or as the seat of the institution that speaks ("the government in
Moscow") stands for its government; the same capital as where people are stays a place."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse


def _metonyms(gaz, text: str, language: str) -> list[tuple[str, bool]]:
    return [(m.surface, m.metonym) for m in parse(gaz, text, language)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("There was no confirmation of the advance from Kyiv; residents in Kyiv heard blasts.",
     "en", [("Kyiv", True), ("Kyiv", False)]),
    ("Eine Bestätigung des Vorstoßes aus Kiew gab es nicht; Bewohner in Kiew hörten "
     "Explosionen.", "de", [("Kiew", True), ("Kiew", False)]),
    ("Aucune confirmation officielle de Kyiv; des habitants à Kyiv ont entendu des explosions.",
     "fr", [("Kyiv", True), ("Kyiv", False)]),
    ("Nessuna conferma della notizia da Kyiv; gli abitanti a Kyiv hanno sentito esplosioni.",
     "it", [("Kyiv", True), ("Kyiv", False)]),
])
def test_capital_as_the_source_of_word_is_its_government(gaz, text, language, expected):
    assert _metonyms(gaz, text, language) == expected


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("The government in Moscow did not comment on the report.", "en", "Moscow"),
    ("Der Generalstab in Moskau äußerte sich nicht zu dem Bericht.", "de", "Moskau"),
    ("Le commandement à Moscou n'a pas commenté.", "fr", "Moscou"),
])
def test_capital_as_the_seat_of_the_institution_that_speaks_is_its_government(
        gaz, text, language, surface):
    assert _metonyms(gaz, text, language) == [(surface, True)]
