"""Quality gate on the bundled general-news paragraphs (tests/fixtures/places/
world_news.jsonl: world cities, countries, US states, rivers and hard negatives, in en,
fr, es and de): floors pinned just under today's figures (see benchmarks/places_world.py,
which also scores a naive gazetteer lookup there), raised when the code improves."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontledger import evaluation as ev
from frontledger.places import geoparse

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent.parent / "fixtures" / "places" / "world_news.jsonl"
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
"""Today: precision .97, recall .97 (the naive lookup's recall is .96, its precision .76)."""


def test_world_places_in_general_news_are_found_with_pinned_precision_and_recall(real_gaz):
    total = ev.Counts()
    for record in ev.read_jsonl(CORPUS):
        predicted = [{"name": m.name, "kind": m.kind, "geonameid": m.geonameid,
                      "iso3166_2": m.iso3166_2}
                     for m in geoparse(record["text"], record["language"], gazetteer=real_gaz)
                     if not m.metonym]
        total.add(ev.score_places(record["places"], predicted))
    assert total.precision >= PRECISION_FLOOR
    assert total.recall >= RECALL_FLOOR
