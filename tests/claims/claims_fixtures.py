"""Helpers for the claims tests: a tiny gazetteer and hand-written articles (no network,
no real gazetteer, no /work/shared)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from frontledger.records import Document, PlaceMention
from frontledger.text import text_hash

FIXTURES = Path(__file__).parent.parent / "fixtures" / "claims"


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


PLACES = _load("places.json")
CASES = _load("constructions.json")


def fixture_geoparse(text: str, language: str | None = None) -> list[PlaceMention]:
    """Place mentions from the fixture gazetteer: every match of every entry's pattern."""
    found: list[PlaceMention] = []
    for entry in PLACES:
        for match in re.finditer(rf"(?<!\w)(?:{entry['pattern']})(?!\w)", text):
            found.append(PlaceMention(
                start=match.start(), end=match.end(), surface=match.group(),
                name=entry["name"], kind=entry["kind"], geonameid=entry["geonameid"],
                country=entry["country"], iso3166_2=entry["iso3166_2"],
            ))
    return sorted(found, key=lambda p: p.start)


def make_document(text: str, language: str, published: str | None = "2025-11-20",
                  outlet: str = "example.com") -> Document:
    """A Document as ingest would make it from a JSON record."""
    return Document(
        id=text_hash(text), text=text, source="test", outlet=outlet, language=language,
        published=datetime.fromisoformat(published) if published else None,
    )
