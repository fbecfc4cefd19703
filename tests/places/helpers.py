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
