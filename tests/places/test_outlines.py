"""Oblast outlines projected back from pygal-maps-ua's SVG land where the places are."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from frontledger.places.outlines import path_rings, region_outlines


def contains(feature: dict[str, Any], lon: float, lat: float) -> bool:
    inside = False
    for polygon in feature["geometry"]["coordinates"]:
        for ring in polygon:
            for (x0, y0), (x1, y1) in pairwise(ring):
                if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
                    inside = not inside
    return inside


@pytest.mark.parametrize(("city", "lon", "lat", "iso"), [
    ("Kyiv", 30.5234, 50.4501, "UA-30"), ("Kharkiv", 36.2304, 49.9935, "UA-63"),
    ("Kupiansk", 37.6158, 49.7100, "UA-63"), ("Pokrovsk", 37.1821, 48.2820, "UA-14"),
    ("Lviv", 24.0297, 49.8397, "UA-46"), ("Odesa", 30.7326, 46.4775, "UA-51"),
    ("Simferopol", 34.1024, 44.9521, "UA-43"), ("Uzhhorod", 22.2879, 48.6208, "UA-21"),
])
def test_a_city_falls_inside_its_own_oblast_only(city: str, lon: float, lat: float,
                                                 iso: str) -> None:
    holding = [f["properties"]["iso3166_2"] for f in region_outlines()["features"]
               if contains(f, lon, lat)]
    assert holding == [iso], city


def test_relative_and_absolute_path_commands_make_closed_rings() -> None:
    rings = path_rings("m10 10l5 0v5h-5zm20 0L40 10 40 20z")
    assert rings == [[(10, 10), (15, 10), (15, 15), (10, 15)],
                     [(30, 10), (40, 10), (40, 20)]]
