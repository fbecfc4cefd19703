"""A joint dateline names every city a wire report is filed from ("Kiew/Moskau (dpa) -",
"Kijów/Moskwa (PAP) –", "Zürich/Kiew. ..."): each is a place, as the single city of a
dateline is, not a government speaking."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

pytestmark = pytest.mark.slow


def _places(gaz, text: str, language: str) -> dict[str, str]:
    return {m.surface: m.name for m in parse(gaz, text, language) if not m.metonym}


@pytest.mark.parametrize(("text", "language", "surfaces"), [
    ("Kiew/Moskau (dpa) – Das Verteidigungsministerium meldete am Montag neue Angriffe.", "de",
     {"Kiew", "Moskau"}),
    ("Zürich/Kiew. Wer in diesen Tagen Telegram liest, hört viel von Erfolgen.", "de",
     {"Zürich", "Kiew"}),
    ("Kijów/Moskwa (PAP) – Rosyjskie ministerstwo obrony poinformowało w środę o atakach.", "pl",
     {"Kijów", "Moskwa"}),
])
def test_every_city_of_a_joint_dateline_is_a_place(real_gaz, text, language, surfaces):
    assert surfaces <= set(_places(real_gaz, text, language))
