"""The analysis's span look-ups answer from a table of offsets what bisection answers."""

from __future__ import annotations

import random
from bisect import bisect_left

from frontledger.claims.analysis import (
    Sorted,
    counts_before,
    overlaps_any,
    starting,
    within,
)
from frontledger.claims.scan import Hit

SPANS = 40
"""Spans of each random list (some share a start; a few lie past the table's reach)."""
TRIALS = 25


def _spans(rng: random.Random) -> list[Hit]:
    spans = []
    for _ in range(rng.randrange(SPANS)):
        start = rng.randrange(400)
        spans.append(Hit(start, start + rng.randrange(1, 30), "x"))
    return spans


def _offsets(rng: random.Random) -> list[int]:
    """Offsets to look up: before the text, in it, past the table and past every span."""
    return [-250, -1, 0, 1, 429, 430, 431, 2_000, *(rng.randrange(-50, 500) for _ in range(40))]


def test_span_lookups_through_the_table_equal_those_of_a_plain_list() -> None:
    rng = random.Random(7)
    for _ in range(TRIALS):
        spans = _spans(rng)
        plain = sorted(spans, key=lambda h: h.start)
        for reach in (0, 150, 430):  # a table shorter than the spans' reach, and longer
            table = Sorted(spans, reach=reach)
            offsets = _offsets(rng)
            for start in offsets:
                for end in offsets:
                    assert within(table, start, end) == within(plain, start, end)
                    assert starting(table, start, end) == starting(plain, start, end)
                    hit = Hit(start, end, "probe")
                    assert overlaps_any(hit, table) == overlaps_any(hit, plain)


def test_a_table_counts_what_bisection_counts_inside_and_past_its_starts() -> None:
    rng = random.Random(11)
    for _ in range(TRIALS):
        starts = sorted(rng.randrange(300) for _ in range(rng.randrange(20)))
        reach = rng.randrange(0, 400)
        table = counts_before(starts, reach)
        assert len(table) == reach
        assert list(table) == [bisect_left(starts, offset) for offset in range(reach)]


def test_a_table_of_more_starts_than_a_byte_counts_counts_them_all() -> None:
    starts = sorted(3 * i // 2 for i in range(600))
    assert list(counts_before(starts, 1_000)) == [bisect_left(starts, offset)
                                                  for offset in range(1_000)]
