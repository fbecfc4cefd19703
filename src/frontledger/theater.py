"""One war, as a typed record: who fights, where, and how the news names them.

A theater is a data file, `<id>.toml`: its sides (the land each governs, its opponent, the
name patterns of each side per language, its ACLED actor name and map colour), the
independent voices (monitors), the words
for "the enemy" and "our forces", the persons the news names (not places), the countries
and front-line box the places stage prefers, and the words for a district or community
named after a town. `data/theaters/ru-ua.toml` documents every field.

Files are looked for in the folders of `FRONTLEDGER_THEATER_PATH` (separated like PATH)
first, then among the ones frontledger ships: a folder there can add a war or replace a
shipped one. `FRONTLEDGER_THEATER` names the theater used when none is given (`ru-ua`
otherwise; see `frontledger.defaults`). Each file is read once per process.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Protocol

from frontledger.defaults import DEFAULT_THEATER
from frontledger.errors import UsageError
from frontledger.text import compiled

THEATER_PATH_ENV = "FRONTLEDGER_THEATER_PATH"
"""Folders searched for `<id>.toml` theater files before the shipped ones."""

NAMES_FALLBACK_LANGUAGE = "en"
"""Whose side names a language the theater lacks is read with: English is the language
every theater file is expected to cover (and the one news agencies write most)."""

_THEATER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")

OTHER = "other"
"""The label of an independent voice (a monitor, a foreign government): no side's."""

DEFAULT_PLACE_WORD = "default"
"""The key of `district_word` / `community_word` used for a country not listed."""


class Located(Protocol):
    """Anything with coordinates (a gazetteer entry, a place mention)."""

    @property
    def latitude(self) -> float | None: ...

    @property
    def longitude(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class Front:
    """The box around the fighting: places in it rank above places far behind it."""

    lat_min: float
    lat_max: float
    lon_min: float
    lon_max: float


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a war, as exports and maps name and draw it."""

    code: str
    name: str
    acled_actor: str | None = None
    """ACLED's actor name for the side's forces ("Military Forces of Russia (2000-)")."""
    colour: str | None = None
    """CSS #rrggbb of the places it holds, in KML exports."""


@dataclass(frozen=True, slots=True)
class Theater:
    """One conflict: its sides and how the news names them (claims), and where it is
    fought (places)."""

    id: str
    name: str
    sides: Mapping[str, Side]
    """Side code → the side ("RU" → Russia)."""
    territory: Mapping[str, str]
    """Country code → side code governing it."""
    opponents: Mapping[str, str]
    """Side code → the side it fights."""
    names: Mapping[str, tuple[tuple[str, str], ...]]
    """Language → (pattern source, side) where side is a side code, "other" (monitors and
    other independent voices), "enemy" or "own"; compiled by `side_names`, for the
    languages a run reads only."""
    persons: Mapping[str, tuple[str, ...]]
    """Language → the theater's persons as the news writes them: names that are no place."""
    media: tuple[str, ...]
    """Words of the theater's news outlets' names ("Ukrainska Pravda"), written the same in
    every Latin-script language: cited as sources, never places, whatever village bears them."""
    countries: frozenset[str]
    """Countries where the war is fought: their places are preferred among homonyms and
    may be matched by transliteration skeleton."""
    front: Front | None
    """The box around the fighting, if the file draws one."""
    district_words: Mapping[str, str]
    """Country code (or "default") → the word naming a district after its town."""
    community_words: Mapping[str, str]
    """Country code (or "default") → the word naming a community after its town."""
    source: Path | Traversable
    """The file it was read from."""

    @property
    def speaker_sides(self) -> frozenset[str]:
        """The labels a speaker's name may give it: a side code, or "other" (a monitor)."""
        return frozenset(self.opponents) | {OTHER}

    def side_names(self, language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
        """Name patterns of `language`, or of English when the theater lacks that language."""
        return _compiled_names(
            self.names.get(language) or self.names.get(NAMES_FALLBACK_LANGUAGE, ()))

    def opponent(self, side: str | None) -> str | None:
        """The side `side` fights, or None for other/unknown."""
        return self.opponents.get(side or "")

    def on_front(self, place: Located) -> bool:
        """True when the place lies in the front's box."""
        lat, lon, front = place.latitude, place.longitude, self.front
        if lat is None or lon is None or front is None:
            return False
        return front.lat_min <= lat <= front.lat_max and front.lon_min <= lon <= front.lon_max

    def district_word(self, country: str | None, *, community: bool = False) -> str:
        """"Raion", "District", "Hromada": what a district (or community) named after a
        town of `country` is called."""
        words = self.community_words if community else self.district_words
        return words.get(country or "", words[DEFAULT_PLACE_WORD])


def theater_folders() -> tuple[Path | Traversable, ...]:
    """Where theater files are looked for, in order."""
    return _folders(os.environ.get(THEATER_PATH_ENV, ""))


def _folders(path_setting: str) -> tuple[Path | Traversable, ...]:
    own = resources.files("frontledger") / "data" / "theaters"
    return (*(Path(p) for p in path_setting.split(os.pathsep) if p), own)


def theater_file(theater_id: str = DEFAULT_THEATER) -> Path | Traversable:
    """The file `theater_id` is read from; UsageError naming the ones that exist."""
    return _find(theater_id, os.environ.get(THEATER_PATH_ENV, ""))


def _find(theater_id: str, path_setting: str) -> Path | Traversable:
    if not _THEATER_ID.fullmatch(theater_id):
        raise UsageError(f"a theater id is letters, digits and '-' ({theater_id!r} is not)")
    for folder in _folders(path_setting):
        path = folder / f"{theater_id}.toml"
        if path.is_file():
            return path
    raise UsageError(
        f"unknown theater {theater_id!r}; available: {', '.join(available_theaters())} "
        f"(add a folder of <id>.toml files to {THEATER_PATH_ENV})"
    )


def load_theater(theater_id: str = DEFAULT_THEATER) -> Theater:
    """The theater `theater_id`, read once; UsageError naming the ones that exist."""
    return _load(theater_id, os.environ.get(THEATER_PATH_ENV, ""))


def available_theaters() -> list[str]:
    """Ids of the theater files found (FRONTLEDGER_THEATER_PATH and the shipped ones)."""
    found = {p.name.removesuffix(".toml") for folder in theater_folders() if folder.is_dir()
             for p in folder.iterdir() if p.name.endswith(".toml")}
    return sorted(found)


@cache
def _load(theater_id: str, path_setting: str) -> Theater:
    # cached by the setting's value too: extract asks once per document, and a dictionary
    # look-up is cheaper than a stat per folder
    path = _find(theater_id, path_setting)
    data = compiled.parsed_toml(path.read_bytes())
    sides = data["sides"]
    names: dict[str, list[tuple[str, str]]] = {}
    for code, side in sides.items():
        _add_names(names, side.get("names", {}), code)
    _add_names(names, data.get("other", {}).get("names", {}), OTHER)
    for relation in ("enemy", "own"):
        _add_names(names, data.get("relative", {}).get(relation, {}), relation)
    places = data.get("places", {})
    return Theater(
        id=data["id"],
        name=data.get("name", data["id"]),
        sides={code: Side(code, side.get("name", code), side.get("acled_actor"),
                          side.get("colour")) for code, side in sides.items()},
        territory={country: code for code, side in sides.items()
                   for country in side["territory"]},
        opponents={code: side["opponent"] for code, side in sides.items()},
        names={language: tuple(patterns) for language, patterns in names.items()},
        persons={language: tuple(words) for language, words in data.get("persons", {}).items()},
        media=tuple(data.get("media", ())),
        countries=frozenset(places.get("countries", ())),
        front=_front(places.get("front")),
        district_words=_place_words(places.get("district_word"), "District"),
        community_words=_place_words(places.get("community_word"), "Community"),
        source=path,
    )


def _front(box: dict[str, float] | None) -> Front | None:
    return Front(**{key: float(value) for key, value in box.items()}) if box else None


def _place_words(words: dict[str, str] | None, default: str) -> dict[str, str]:
    return {DEFAULT_PLACE_WORD: default, **(words or {})}


def _add_names(names: dict[str, list[tuple[str, str]]], by_language: dict[str, Any],
               side: str) -> None:
    for language, patterns in by_language.items():
        names.setdefault(language, []).extend((p, side) for p in patterns)


@cache
def _compiled_names(
    names: tuple[tuple[str, str], ...],
) -> tuple[tuple[re.Pattern[str], str], ...]:
    # Compiled per language on first use: one article needs its own language's names
    # (and English), not the ~250 patterns of every language (~40 ms at start).
    return tuple((compiled.compile(source), side) for source, side in names)
