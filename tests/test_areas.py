"""Control areas: cells within their radius and their region, front lines between sides.

Places and regions here are invented squares and points (plus the real outline of
Kharkiv Oblast for the store-level question), so that every expected shape is known.
"""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from frontledger.cli import app
from frontledger.errors import UsageError
from frontledger.ledger import SqlStore
from frontledger.ledger.areas import (
    CITY_RADIUS_KM,
    KM_PER_DEGREE_LAT,
    KM_PER_DEGREE_LON,
    VILLAGE_RADIUS_KM,
    AreaSettings,
    PlaceSize,
    area_map,
    areas_geojson,
    areas_on,
)
from frontledger.records import PlaceState, SideView
from tests.test_cli import runner

DAY = date(2025, 11, 20)
# An invented square region around 49.5–50.0 N, 37.0–38.0 E, coded like an oblast.
REGION = {"UA-63": shapely.box(37.0, 49.5, 38.0, 50.0)}
# Kilometres per degree of longitude near 49.75 N (the areas' own plane is close to it).
KX = KM_PER_DEGREE_LON * math.cos(math.radians(49.75))


def place(key: str, lat: float, lon: float, *views: tuple[str, str | None],
          status: str = "claimed", controller: str | None = None,
          fraction: float | None = None) -> PlaceState:
    """A place state with each (claimant side, controller) view, claim ids 1, 2…"""
    said = tuple(SideView(side, held, fraction, DAY, n)
                 for n, (side, held) in enumerate(views, start=1))
    consensus = controller if controller is not None or status == "contested" \
        else (said[0].controller if said else None)
    return PlaceState(key, key.removeprefix("g:"), None, "UA-63", lat, lon, DAY, said,
                      status, consensus)  # type: ignore[arg-type]


def km_between(geometry: BaseGeometry, lat: float, lon: float) -> float:
    """The farthest vertex of `geometry` from (lat, lon), in km."""
    return max(math.hypot((x - lon) * KX, (y - lat) * KM_PER_DEGREE_LAT)
               for x, y in shapely.get_coordinates(geometry))


def test_a_lone_village_is_a_disc_of_the_village_radius_around_it() -> None:
    found = area_map([place("g:1", 49.75, 37.5, ("RU", "RU"))], DAY, "consensus", REGION)
    (area,) = found.areas
    assert area.controller == "RU" and area.radius_km == VILLAGE_RADIUS_KM
    assert km_between(area.geometry, 49.75, 37.5) <= VILLAGE_RADIUS_KM * 1.01
    expected = math.pi * VILLAGE_RADIUS_KM ** 2
    assert area.geometry.area * KX * KM_PER_DEGREE_LAT == pytest.approx(expected, rel=0.05)


def test_a_city_gets_a_larger_radius_than_a_village() -> None:
    def size(state: PlaceState) -> PlaceSize:
        return PlaceSize("populated_place", 250_000 if state.place_key == "g:2" else 300)

    found = area_map([place("g:1", 49.6, 37.2, ("RU", "RU")),
                      place("g:2", 49.9, 37.8, ("UA", "UA"))], DAY, "consensus", REGION,
                     size_of=size)
    radii = {a.place_key: a.radius_km for a in found.areas}
    assert radii == {"g:1": VILLAGE_RADIUS_KM, "g:2": CITY_RADIUS_KM}
    city = next(a for a in found.areas if a.place_key == "g:2")
    assert km_between(city.geometry, 49.9, 37.8) <= CITY_RADIUS_KM * 1.01
    assert km_between(city.geometry, 49.9, 37.8) > VILLAGE_RADIUS_KM * 2


def test_radius_scale_multiplies_every_radius() -> None:
    found = area_map([place("g:1", 49.75, 37.5, ("RU", "RU"))], DAY, "consensus", REGION,
                     settings=AreaSettings(scale=2.0))
    assert found.areas[0].radius_km == 2 * VILLAGE_RADIUS_KM
    assert km_between(found.areas[0].geometry, 49.75, 37.5) > VILLAGE_RADIUS_KM * 1.5


def test_cells_never_reach_past_their_region_outline() -> None:
    near_edge = place("g:1", 49.51, 37.5, ("UA", "UA"))  # ~1 km inside the southern edge
    (area,) = area_map([near_edge], DAY, "consensus", REGION).areas
    assert area.geometry.difference(REGION["UA-63"]).area < 1e-9
    assert area.geometry.bounds[1] >= 49.5 - 1e-6


def test_neighbouring_cells_split_the_land_between_them_without_overlap() -> None:
    found = area_map([place("g:1", 49.75, 37.50, ("RU", "RU")),
                      place("g:2", 49.75, 37.55, ("RU", "RU"))], DAY, "consensus", REGION)
    a, b = (x.geometry for x in found.areas)
    assert a.intersection(b).area < 1e-9
    assert a.contains(Point(37.50, 49.75)) and b.contains(Point(37.55, 49.75))
    assert found.fronts == ()  # one side on both: no front between them


def test_front_line_runs_between_touching_cells_of_opposing_sides() -> None:
    found = area_map([place("g:1", 49.75, 37.50, ("RU", "RU")),
                      place("g:2", 49.75, 37.55, ("UA", "UA"))], DAY, "consensus", REGION)
    (front,) = found.fronts
    assert front.sides == ("RU", "UA") and front.places == ("g:1", "g:2")
    assert front.geometry.geom_type in ("LineString", "MultiLineString")
    # the line is the perpendicular bisector: every point is as far from both places
    for lon, lat in shapely.get_coordinates(front.geometry):
        assert lon == pytest.approx(37.525, abs=1e-6)
        assert abs(lat - 49.75) * KM_PER_DEGREE_LAT <= VILLAGE_RADIUS_KM


def test_no_front_line_between_opposing_places_whose_discs_do_not_meet() -> None:
    found = area_map([place("g:1", 49.6, 37.2, ("RU", "RU")),
                      place("g:2", 49.9, 37.8, ("UA", "UA"))], DAY, "consensus", REGION)
    assert len(found.areas) == 2 and found.fronts == ()


def test_each_side_s_view_colours_by_what_that_side_claims() -> None:
    disputed = place("g:1", 49.75, 37.5, ("RU", "RU"), ("UA", "UA"), status="contested")
    only_russia = place("g:2", 49.75, 37.9, ("RU", "RU"))
    states = [disputed, only_russia]
    russia = {a.place_key: a.controller for a in area_map(states, DAY, "RU", REGION).areas}
    ukraine = {a.place_key: a.controller for a in area_map(states, DAY, "UA", REGION).areas}
    consensus = area_map(states, DAY, "consensus", REGION).areas
    assert russia == {"g:1": "RU", "g:2": "RU"}
    assert ukraine == {"g:1": "UA"}  # Ukraine said nothing of g:2
    assert {a.place_key: (a.controller, a.status) for a in consensus} == {
        "g:1": (None, "contested"), "g:2": ("RU", "claimed")}
    assert next(a for a in consensus if a.place_key == "g:2").claim_ids == (1,)


def test_a_place_the_view_is_silent_on_still_bounds_its_neighbour_s_cell() -> None:
    russian = place("g:1", 49.75, 37.50, ("RU", "RU"))
    ukrainian = place("g:2", 49.75, 37.55, ("UA", "UA"))
    (area,) = area_map([russian, ukrainian], DAY, "RU", REGION).areas
    assert area.place_key == "g:1"
    assert area.geometry.bounds[2] == pytest.approx(37.525, abs=1e-6)  # the bisector
    assert not area.geometry.contains(Point(37.54, 49.75))


def test_regions_and_places_that_are_not_settlements_get_no_area() -> None:
    oblast = place("r:UA-63", 49.75, 37.5, ("RU", "RU"))
    river = place("g:9", 49.7, 37.6, ("RU", "RU"))
    found = area_map([oblast, river], DAY, "consensus", REGION,
                     size_of=lambda s: PlaceSize("river", 0))
    assert found.areas == ()


def test_areas_geojson_has_polygons_then_front_lines_with_their_places() -> None:
    found = area_map([place("g:1", 49.75, 37.50, ("RU", "RU"), fraction=0.7),
                      place("g:2", 49.75, 37.55, ("UA", "UA"))], DAY, "RU", REGION)
    russia_view = areas_geojson(found)
    assert russia_view["view"] == "RU" and russia_view["date"] == "2025-11-20"
    layers = [f["properties"]["layer"] for f in russia_view["features"]]
    assert layers == ["area"]  # Russia claims nothing of g:2
    consensus = areas_geojson(area_map([place("g:1", 49.75, 37.50, ("RU", "RU")),
                                        place("g:2", 49.75, 37.55, ("UA", "UA"))],
                                       DAY, "consensus", REGION))
    shapes = [(f["properties"]["layer"], shape(f["geometry"]).geom_type)
              for f in consensus["features"]]
    assert shapes == [("area", "Polygon"), ("area", "Polygon"), ("front", "LineString")]
    assert consensus["features"][2]["properties"]["places"] == ["g:1", "g:2"]
    json.dumps(consensus)  # plain JSON all the way down
    assert found.areas[0].fraction == 0.7


def test_an_unknown_view_is_a_usage_error_naming_the_views(store: SqlStore) -> None:
    with pytest.raises(UsageError, match="consensus, RU, UA"):
        areas_on(store, DAY, "NATO")


def test_export_areas_writes_kupiansk_s_area_in_kharkiv_oblast(db_url: str) -> None:
    from tests.test_ledger_cli import KUPIANSK, KUPIANSK_ID

    assert runner.invoke(app, ["run", KUPIANSK, "--db", db_url]).exit_code == 0
    result = runner.invoke(app, ["export", "--format", "areas", "--as-of", "2025-11-20",
                                 "--view", "RU", "--db", db_url])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (area,) = [f for f in data["features"] if f["properties"]["geonameid"] == KUPIANSK_ID]
    assert area["properties"]["controller"] == "RU" and data["view"] == "RU"
    assert shape(area["geometry"]).contains(Point(37.6158, 49.7100))
    bad = runner.invoke(app, ["export", "--format", "areas", "--view", "NATO", "--db",
                              db_url])
    assert bad.exit_code == 2
