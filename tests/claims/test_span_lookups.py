"""The analysis's span look-ups answer on a `Sorted` list (its starts kept) what they answer
on a plain list."""

from __future__ import annotations

import random

from frontledger.claims.analysis import Sorted, overlaps_any, starting, within
from frontledger.claims.scan import Hit

SPANS = 40
"""Spans of each random list (some share a start)."""
TRIALS = 25


def _spans(rng: random.Random) -> list[Hit]:
    spans = []
    for _ in range(rng.randrange(SPANS)):
        start = rng.randrange(400)
        spans.append(Hit(start, start + rng.randrange(1, 30), "x"))
    return spans


def _offsets(rng: random.Random) -> list[int]:
    """Offsets to look up: before the text, in it and past every span."""
    return [-250, -1, 0, 1, 429, 430, 431, 2_000, *(rng.randrange(-50, 500) for _ in range(40))]


def test_span_lookups_on_a_sorted_list_equal_those_of_a_plain_list() -> None:
    rng = random.Random(7)
    for _ in range(TRIALS):
        spans = _spans(rng)
        plain = sorted(spans, key=lambda h: h.start)
        kept = Sorted(spans)
        offsets = _offsets(rng)
        for start in offsets:
            for end in offsets:
                assert within(kept, start, end) == within(plain, start, end)
                assert starting(kept, start, end) == starting(plain, start, end)
                hit = Hit(start, end, "probe")
                assert overlaps_any(hit, kept) == overlaps_any(hit, plain)
