"""Defect 4 of issue 10: the indexes that made geoparsing linear answer exactly what the
quadratic scans they replace answered (property-based, fixed seed)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontledger.places.build import distance_km
from frontledger.places.mentions import Occupied
from frontledger.places.resolve import NEAR_OTHERS_KM, Points
from frontledger.records import PlaceMention

FIXED = settings(derandomize=True, max_examples=150, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow])

spans = st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda t: (t[0], t[0] + t[1]))


def mention(start: int, end: int) -> PlaceMention:
    return PlaceMention(start, end, "x" * (end - start), "X", "populated_place")


@FIXED
@given(st.lists(spans, max_size=30), spans)
def test_occupied_finds_an_overlap_exactly_when_a_scan_would(
        taken: list[tuple[int, int]], probe: tuple[int, int]) -> None:
    occupied = Occupied([mention(s, e) for s, e in taken])
    expected = any(s < probe[1] and probe[0] < e for s, e in taken)
    assert occupied.overlaps(*probe) == expected


points = st.tuples(st.integers(0, 5), st.floats(44.0, 53.0), st.floats(22.0, 40.0))


@FIXED
@given(st.lists(points, max_size=25), st.floats(44.0, 53.0), st.floats(22.0, 40.0),
       st.integers(0, 5))
def test_points_near_agrees_with_a_scan_of_every_other_reading(
        named: list[tuple[int, float, float]], lat: float, lon: float, current: int) -> None:
    index = Points()
    for reading, plat, plon in named:
        index.add(reading, plat, plon)
    # another reading's point at the very same coordinates is the place itself named again:
    # it vouches for nothing (see `Points.nearest_km`)
    others = [distance_km(lat, lon, plat, plon) for reading, plat, plon in named
              if reading != current and (plat, plon) != (lat, lon)]
    expected = any(km <= NEAR_OTHERS_KM for km in others)
    assert index.near(lat, lon, current) == expected
    nearest = index.nearest_km(lat, lon, current)
    assert nearest == (min(km for km in others if km <= NEAR_OTHERS_KM) if expected else None)
    assert index.besides(current) == any(reading != current for reading, _a, _b in named)
