"""A capital or country that is the agent of a participle ("von Russland besetzte Gebiete",
"i territori occupati dalla Russia") stands for its government, though the preposition
before it also places names elsewhere ("von Russland aus", "arrivate dalla Russia")
(de, it)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Zwei Boote erreichten nachts das von Russland kontrollierte Ufer.", "de", "Russland"),
    ("Der von Moskau eingesetzte Verwaltungschef sprach von Erfolgen.", "de", "Moskau"),
    ("Nei territori occupati dalla Russia si vota di nuovo.", "it", "Russia"),
    ("Il governatore nominato da Mosca ha parlato di nuovi attacchi.", "it", "Mosca"),
])
def test_the_agent_of_a_participle_is_an_actor(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].metonym


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Die Drohnen wurden von Russland aus gestartet, hieß es in Kiew.", "de", "Russland"),
    ("Das Dorf im Osten der Ukraine erobert zu haben, meldete das Ministerium.", "de",
     "Ukraine"),
    ("I rifornimenti sono arrivati dalla Russia via mare.", "it", "Russia"),
])
def test_a_name_the_preposition_places_stays_a_place(real_gaz, text, language, surface):
    assert not found(real_gaz, text, language)[surface].metonym
