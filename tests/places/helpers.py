"""Small helpers shared by the places tests."""

from __future__ import annotations

from frontledger.places import geoparse
from frontledger.places.gazetteer import Gazetteer
from frontledger.records import PlaceMention


def parse(gaz: Gazetteer, text: str, language: str) -> list[PlaceMention]:
    mentions = geoparse(text, language, gazetteer=gaz)
    for m in mentions:
        assert text[m.start:m.end] == m.surface
    return mentions


def found(gaz: Gazetteer, text: str, language: str) -> dict[str, PlaceMention]:
    """Mentions by surface."""
    return {m.surface: m for m in parse(gaz, text, language)}


def in_second_sentence(gaz: Gazetteer, text: str, language: str) -> PlaceMention:
    """The first mention after the text's first sentence (". " ends it)."""
    second = text.index(". ") + 2
    return next(m for m in parse(gaz, text, language) if m.start >= second)
