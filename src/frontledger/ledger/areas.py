"""Control areas: the land each place's claims speak for, and the claimed front line.

Reads: the place states of one day (`SqlStore.states_on`), the outlines of the regions
they lie in, and each place's size. Adds: an `AreaMap` of `ControlArea`s (one polygon per
populated place with a controller in the chosen view) and `FrontLine`s (where the areas
of two opposing sides touch), as GeoJSON by `areas_geojson`.

A place's area is its Voronoi cell among the places of the view, clipped to its region's
outline and to a radius that grows with its population, so that no claim paints land
nobody spoke of. Geometry is computed in kilometres on a local equirectangular plane
(good to a fraction of a percent over the few hundred kilometres of a front) and handed
back in longitude/latitude.

    areas_on(store, day, view) -> AreaMap        (the day's states, Ukraine's oblasts)
    area_map(states, day, view, outlines, size_of=..., settings=...) -> AreaMap
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import MultiPoint, Point, mapping, shape
from shapely.geometry.base import BaseGeometry

from frontledger.defaults import DEFAULT_THEATER
from frontledger.errors import UsageError
from frontledger.records import PlaceState
from frontledger.theater import load_theater

if TYPE_CHECKING:
    from frontledger.ledger.store import SqlStore

CONSENSUS = "consensus"
"""The view that colours each area by the consensus controller (`PlaceState.controller`)."""

# Radius of the land one place's claims may speak for, by population class: a village
# of a few hundred people is a kilometre or two across with its fields, a town of tens of
# thousands five to ten, a regional city about twenty, a city of a million thirty or more.
# Set from the built-up extents of front-line settlements on the map (Kupiansk, ~27,000
# people: ~6 km across; Pokrovsk, ~60,000: ~9 km; Kharkiv, 1.4 million: ~35 km), with the
# radius a little over half the extent so that the outskirts count. Each pair is
# (smallest population, radius in km); a place of unknown size is a village.
VILLAGE_RADIUS_KM = 3.0
TOWN_MIN_POPULATION, TOWN_RADIUS_KM = 10_000, 6.0
CITY_MIN_POPULATION, CITY_RADIUS_KM = 100_000, 12.0
METROPOLIS_MIN_POPULATION, METROPOLIS_RADIUS_KM = 1_000_000, 20.0
DEFAULT_RADII: tuple[tuple[int, float], ...] = (
    (0, VILLAGE_RADIUS_KM), (TOWN_MIN_POPULATION, TOWN_RADIUS_KM),
    (CITY_MIN_POPULATION, CITY_RADIUS_KM), (METROPOLIS_MIN_POPULATION, METROPOLIS_RADIUS_KM))
# Segments per quarter circle of a radius disc: 8 keeps a 20 km disc within 0.4% of round.
CIRCLE_SEGMENTS = 8
# Kilometres per degree of latitude, and of longitude at the equator (WGS 84 means).
KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON = 111.320
# Decimal places of the GeoJSON coordinates: 1e-4 degree is ~10 m, finer than any radius.
COORD_DIGITS = 4
# Front-line pieces shorter than this (km) are where two discs barely graze the shared
# edge: a point-like sliver, not a line anyone would draw.
MIN_FRONT_KM = 0.05


@dataclass(frozen=True, slots=True)
class PlaceSize:
    """What the gazetteer says of a place's extent."""

    kind: str
    """`populated_place`, `region`, `country`, `river` or `other`: only populated places
    get an area."""
    population: int


SizeOf = Callable[[PlaceState], PlaceSize | None]
"""A place's size, or None when the gazetteer does not know it (taken as a village)."""


@dataclass(frozen=True, slots=True)
class AreaSettings:
    """How large a place's area may grow."""

    radii: tuple[tuple[int, float], ...] = DEFAULT_RADII
    """(smallest population, radius in km), by increasing population."""
    scale: float = 1.0
    """A factor on every radius (`export --radius-scale`)."""

    def radius_km(self, population: int) -> float:
        """The radius of a place of this population."""
        radius = self.radii[0][1]
        for floor, km in self.radii:
            if population >= floor:
                radius = km
        return radius * self.scale


@dataclass(frozen=True, slots=True)
class ControlArea:
    """One place's area in a view: who holds it, on whose word, and its polygon."""

    place_key: str
    name: str
    geonameid: int | None
    controller: str | None
    """The side said to hold it in this view; None when the view finds it contested."""
    status: str
    """The place's consensus status that day: confirmed, contested, claimed."""
    fraction: float | None
    """Share said to be held, when a partial-control claim is the view's last word."""
    claim_ids: tuple[int, ...]
    """The claims the view rests on (their evidence is one `GET /api/claims` away)."""
    radius_km: float
    geometry: BaseGeometry
    """Polygon or MultiPolygon, in longitude/latitude."""


@dataclass(frozen=True, slots=True)
class FrontLine:
    """Where the areas of places held by two different sides touch."""

    sides: tuple[str, str]
    places: tuple[str, str]
    """The place keys on either side of the line."""
    geometry: BaseGeometry
    """LineString or MultiLineString, in longitude/latitude."""


@dataclass(frozen=True, slots=True)
class AreaMap:
    """The areas and front lines of one day in one view."""

    day: date
    view: str
    areas: tuple[ControlArea, ...]
    fronts: tuple[FrontLine, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class _Seed:
    """A place with a state: its facts in the view, and its position in km."""

    state: PlaceState
    in_view: bool
    """The view says who holds it; places outside the view still bound others' cells."""
    controller: str | None
    fraction: float | None
    claim_ids: tuple[int, ...]
    radius_km: float
    x: float
    y: float


def area_map(states: Iterable[PlaceState], day: date, view: str,
             outlines: Mapping[str, BaseGeometry], *, size_of: SizeOf | None = None,
             settings: AreaSettings | None = None) -> AreaMap:
    """The control areas of `states` (one day's) seen from `view` (`consensus` or a side),
    each within its region's outline (`outlines`: ISO 3166-2 code → polygon in lon/lat).

    Cells are drawn among every place with a state, whatever the view: a place one side
    says nothing of still bounds its neighbours' cells, so that silence never lets the
    next place's area grow over it; it just gets no area in that view."""
    settings = settings or AreaSettings()
    chosen = [s for s in states if _has_area(s, size_of)]
    plane = _Plane.around([s.latitude or 0.0 for s in chosen])
    seeds = [_seed(s, view, plane, size_of, settings) for s in chosen]
    if not any(seed.in_view for seed in seeds):
        return AreaMap(day, view, ())
    regions = {code: plane.to_km(outline) for code, outline in outlines.items()}
    cells = _voronoi_cells(seeds)
    discs = [Point(s.x, s.y).buffer(s.radius_km, quad_segs=CIRCLE_SEGMENTS) for s in seeds]
    land = _regions_of(seeds, regions)
    areas = [_area(seed, cell, disc, region, plane)
             for seed, cell, disc, region in zip(seeds, cells, discs, land, strict=True)
             if seed.in_view]
    fronts = _fronts(seeds, cells, discs, land, plane)
    return AreaMap(day, view, tuple(a for a in areas if a is not None), tuple(fronts))


def areas_on(store: SqlStore, day: date, view: str = CONSENSUS, *,
             theater: str = DEFAULT_THEATER, settings: AreaSettings | None = None,
             outlines: Mapping[str, BaseGeometry] | None = None,
             size_of: SizeOf | None = None) -> AreaMap:
    """The control areas of the ledger's places on `day` seen from `view`, within the
    oblast outlines (by default those the map page draws) and sized by the gazetteer."""
    check_view(view, list(side_names(theater)))
    if outlines is None:
        from frontledger.places.outlines import region_outlines

        outlines = outline_shapes(region_outlines())
    return area_map(store.states_on(day), day, view, outlines,
                    size_of=size_of or gazetteer_sizes(), settings=settings)


def side_names(theater: str = DEFAULT_THEATER) -> dict[str, str]:
    """The theater's sides and their names (`{"RU": "Russia", "UA": "Ukraine"}`)."""
    return {code: side.name for code, side in load_theater(theater).sides.items()}


def gazetteer_sizes() -> SizeOf:
    """Sizes from the default gazetteer, by GeoNames id (loads it on first use)."""
    from frontledger.places import IndexedGazetteer, default_gazetteer

    def size_of(state: PlaceState) -> PlaceSize | None:
        gazetteer = default_gazetteer()
        if state.geonameid is None or not isinstance(gazetteer, IndexedGazetteer):
            return None
        entry = gazetteer.by_geonameid(state.geonameid)
        return None if entry is None else PlaceSize(entry.kind, entry.population)

    return size_of


def views_of(sides: Sequence[str]) -> tuple[str, ...]:
    """The views a theater's sides allow: the consensus, then each side's own."""
    return (CONSENSUS, *sides)


def check_view(view: str, sides: Sequence[str]) -> str:
    """`view` when the theater allows it; else a UsageError naming the ones it does."""
    allowed = views_of(sides)
    if view not in allowed:
        raise UsageError(f"unknown view {view!r}: choose one of {', '.join(allowed)}")
    return view


def _has_area(state: PlaceState, size_of: SizeOf | None) -> bool:
    if state.latitude is None or state.longitude is None or state.place_key.startswith("r:"):
        return False
    size = size_of(state) if size_of else None
    return size is None or size.kind == "populated_place"


def _seed(state: PlaceState, view: str, plane: _Plane, size_of: SizeOf | None,
          settings: AreaSettings) -> _Seed:
    if view == CONSENSUS:
        in_view = state.status != "unknown"
        controller = state.controller if state.status != "contested" else None
        chosen = [v for v in state.views if v.controller == controller] or list(state.views)
    else:
        chosen = [v for v in state.views if v.side == view and v.controller is not None]
        in_view = bool(chosen)
        controller = chosen[0].controller if chosen else None
    size = size_of(state) if size_of else None
    x, y = plane.point(state.longitude, state.latitude)  # type: ignore[arg-type]
    fractions = [v.fraction for v in chosen if v.fraction is not None]
    return _Seed(state, in_view, controller,
                 fractions[0] if fractions and controller else None,
                 tuple(sorted({v.claim_id for v in chosen})),
                 settings.radius_km(size.population if size else 0), x, y)


def _voronoi_cells(seeds: list[_Seed]) -> list[BaseGeometry]:
    """Each seed's Voronoi cell among the seeds (seeds at one spot share it whole)."""
    reach = max(s.radius_km for s in seeds) * 2
    xs, ys = [s.x for s in seeds], [s.y for s in seeds]
    frame = shapely.box(min(xs) - reach, min(ys) - reach, max(xs) + reach, max(ys) + reach)
    spots = list(dict.fromkeys((s.x, s.y) for s in seeds))
    if len(spots) < 2:
        return [frame for _ in seeds]
    diagram = shapely.voronoi_polygons(MultiPoint(spots), extend_to=frame, ordered=True)
    cell_at = dict(zip(spots, diagram.geoms, strict=True))
    return [cell_at[(s.x, s.y)] for s in seeds]


def _regions_of(seeds: list[_Seed],
                regions: Mapping[str, BaseGeometry]) -> list[BaseGeometry | None]:
    """The outline each place lies in; its own region's when it falls just outside every
    outline (the outlines are simplified); None when the place is in no known region."""
    xs = [s.x for s in seeds]
    ys = [s.y for s in seeds]
    found: list[BaseGeometry | None] = [None] * len(seeds)
    for outline in regions.values():
        shapely.prepare(outline)
        for index, inside in enumerate(shapely.contains_xy(outline, xs, ys)):
            if inside and found[index] is None:
                found[index] = outline
    for index, seed in enumerate(seeds):
        code = seed.state.iso3166_2
        if found[index] is None and code:
            found[index] = regions.get(code)
    return found


def _area(seed: _Seed, cell: BaseGeometry, disc: BaseGeometry, region: BaseGeometry | None,
          plane: _Plane) -> ControlArea | None:
    shape_km = cell.intersection(disc)
    if region is not None and not region.contains(shape_km):
        shape_km = shape_km.intersection(region)
    polygons = _polygons(shape_km)
    if polygons.is_empty:
        return None
    s = seed.state
    return ControlArea(s.place_key, s.place_name, s.geonameid, seed.controller, s.status,
                       seed.fraction, seed.claim_ids, seed.radius_km,
                       plane.to_degrees(polygons))


def _fronts(seeds: list[_Seed], cells: list[BaseGeometry], discs: list[BaseGeometry],
            land: list[BaseGeometry | None], plane: _Plane) -> list[FrontLine]:
    """The shared edges of neighbouring cells held by different sides, where both areas
    reach them."""
    fronts = []
    for i, j in _neighbours(seeds):
        a, b = seeds[i], seeds[j]
        if not (a.in_view and b.in_view) or a.controller is None or b.controller is None \
                or a.controller == b.controller:
            continue
        if math.dist((a.x, a.y), (b.x, b.y)) / 2 > min(a.radius_km, b.radius_km):
            continue  # the shared edge is the bisector: both discs must reach it
        line = cells[i].intersection(cells[j]).intersection(discs[i]).intersection(discs[j])
        regions = list({id(r): r for r in (land[i], land[j]) if r is not None}.values())
        if regions:
            line = line.intersection(shapely.union_all(regions))
        line = _lines(line)
        if line.is_empty or line.length < MIN_FRONT_KM:
            continue
        pair = sorted([(a.controller, a.state.place_key), (b.controller, b.state.place_key)])
        fronts.append(FrontLine((pair[0][0], pair[1][0]), (pair[0][1], pair[1][1]),
                                plane.to_degrees(line)))
    return fronts


def _neighbours(seeds: list[_Seed]) -> list[tuple[int, int]]:
    """Pairs of seeds whose Voronoi cells share an edge: the Delaunay triangulation's."""
    at: dict[tuple[float, float], list[int]] = {}
    for index, seed in enumerate(seeds):
        at.setdefault((seed.x, seed.y), []).append(index)
    if len(at) < 2:
        return []
    edges = shapely.delaunay_triangles(MultiPoint(list(at)), only_edges=True)
    pairs = set()
    for edge in shapely.get_parts(edges):
        first, last = edge.coords[0], edge.coords[-1]
        for i in at.get((first[0], first[1]), ()):
            for j in at.get((last[0], last[1]), ()):
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _polygons(geometry: BaseGeometry) -> BaseGeometry:
    """Only the polygonal parts of a clipping result (edges it grazed are dropped)."""
    parts = [g for g in getattr(geometry, "geoms", [geometry])
             if g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _lines(geometry: BaseGeometry) -> BaseGeometry:
    """Only the linear parts of an intersection, merged into as few lines as they make."""
    parts = [g for g in getattr(geometry, "geoms", [geometry])
             if g.geom_type in ("LineString", "MultiLineString") and not g.is_empty]
    return shapely.line_merge(shapely.union_all(parts)) if parts else shapely.LineString()


class _Plane:
    """A local equirectangular projection in km around a latitude."""

    def __init__(self, latitude: float) -> None:
        self.kx = KM_PER_DEGREE_LON * math.cos(math.radians(latitude))
        self.ky = KM_PER_DEGREE_LAT

    @classmethod
    def around(cls, latitudes: Sequence[float]) -> _Plane:
        return cls(sum(latitudes) / len(latitudes) if latitudes else 0.0)

    def point(self, longitude: float, latitude: float) -> tuple[float, float]:
        return longitude * self.kx, latitude * self.ky

    def to_km(self, geometry: BaseGeometry) -> BaseGeometry:
        return shapely.transform(geometry, lambda xy: xy * (self.kx, self.ky))

    def to_degrees(self, geometry: BaseGeometry) -> BaseGeometry:
        return shapely.transform(geometry, lambda xy: xy / (self.kx, self.ky))


def outline_shapes(collection: Mapping[str, Any]) -> dict[str, BaseGeometry]:
    """A FeatureCollection of region outlines (`iso3166_2` property) as shapes by code."""
    return {f["properties"]["iso3166_2"]: shapely.make_valid(shape(f["geometry"]))
            for f in collection["features"]}


def areas_geojson(found: AreaMap) -> dict[str, Any]:
    """The areas (Polygon/MultiPolygon features, `layer: area`) then the front lines
    (LineString/MultiLineString, `layer: front`) as one FeatureCollection."""
    features = [_area_feature(a) for a in found.areas]
    features += [_front_feature(f) for f in found.fronts]
    return {"type": "FeatureCollection", "date": found.day.isoformat(), "view": found.view,
            "features": features}


def _area_feature(area: ControlArea) -> dict[str, Any]:
    return {"type": "Feature", "id": area.place_key, "geometry": _rounded(area.geometry),
            "properties": {"layer": "area", "place_key": area.place_key,
                           "name": area.name, "geonameid": area.geonameid,
                           "controller": area.controller, "status": area.status,
                           "fraction": area.fraction, "claim_ids": list(area.claim_ids),
                           "radius_km": area.radius_km}}


def _front_feature(front: FrontLine) -> dict[str, Any]:
    return {"type": "Feature", "id": "front:" + ":".join(front.places),
            "geometry": _rounded(front.geometry),
            "properties": {"layer": "front", "sides": list(front.sides),
                           "places": list(front.places)}}


def _rounded(geometry: BaseGeometry) -> dict[str, Any]:
    return dict(mapping(shapely.set_precision(geometry, 10 ** -COORD_DIGITS)))
