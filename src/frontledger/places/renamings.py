"""Former names of the theater's towns, in any language's letters: "Dserschinsk",
"Krasnoarmiejsk", "Artiomovsk" are Toretsk, Pokrovsk and Bakhmut, as "Dzerzhinsk",
"Krasnoarmeysk" and "Artemovsk" are.

GeoNames keeps each former name in its Russian and Ukrainian romanisations only, so a
German, Polish or French spelling of it finds a Russian namesake as written, or nothing.
Which former names still mean their town is data (data/gazetteer/renamings.toml); a
spelling reaches one through the language's `spelling_to_english` rules and a
transliteration skeleton, checked by similarity, as other spellings of the theater's names
do. The postings it adds are the gazetteer's own (a former name: `OTHER_NAME`), so the
resolver weighs them as it weighs "Dzerzhinsk" written in English.
"""

from __future__ import annotations

import tomllib
from functools import cache

from rapidfuzz import fuzz

from frontledger.places.gazetteer import Gazetteer
from frontledger.places.lexicon import data_dir
from frontledger.places.normalize import fold, romanise, skeleton

RENAMED_MIN_SIMILARITY = 80
"""rapidfuzz ratio between the romanised spelling and a former name: the bar of
recognize.SKELETON_MIN_SIMILARITY, for the same job (German "dsershinsk" against
"dzerzhinsk" scores 80, Polish "krasnoarmieysk" against "krasnoarmeysk" 96)."""


def loose_key(form: str, language: str | None = None) -> str:
    """The transliteration skeleton with z and s merged: German and Polish write the
    voiced s of a Russian name as "s" ("Dserschinsk")."""
    return skeleton(form, language).replace("z", "s")


@cache
def _former_names() -> dict[str, tuple[tuple[str, str, int], ...]]:
    """Loose key -> (former name as given, its romanised letters, the town's geonameid)."""
    raw = tomllib.loads((data_dir() / "renamings.toml").read_text("utf-8"))
    out: dict[str, list[tuple[str, str, int]]] = {}
    for renamed in raw["renamed"]:
        for former in renamed["former"]:
            out.setdefault(loose_key(former), []).append(
                (former, _plain(romanise(former)), int(renamed["geonameid"])))
    return {key: tuple(value) for key, value in out.items()}


@cache
def region_keeps_former_name() -> frozenset[int]:
    """The towns whose region still bears their former name (Dnipro: Dnipropetrovsk Oblast)."""
    raw = tomllib.loads((data_dir() / "renamings.toml").read_text("utf-8"))
    return frozenset(int(r["geonameid"]) for r in raw["renamed"] if r.get("region_keeps_name"))


@cache
def renamed_towns() -> frozenset[int]:
    """The geonameids of the towns whose former names still mean them (the data file's)."""
    raw = tomllib.loads((data_dir() / "renamings.toml").read_text("utf-8"))
    return frozenset(int(r["geonameid"]) for r in raw["renamed"])


@cache
def longest_former_name() -> int:
    """Words in the longest former name ("Krasny Liman": 2): longer spans need no look."""
    return max(len(former.split()) for candidates in _former_names().values()
               for former, _roman, _id in candidates)


def _plain(roman: str) -> str:
    return "".join(ch for ch in roman if ch.isalpha() or ch == " ")


def former_name_postings(gaz: Gazetteer, form: str, language: str | None,
                         known: tuple[int, ...] = ()) -> tuple[int, ...]:
    """The gazetteer's postings of the towns whose former name `form` spells, in the
    letters of `language`, less those in `known`."""
    candidates = _former_names().get(loose_key(form, language))
    if not candidates:
        return ()
    roman = _plain(romanise(form, language))
    found: list[int] = []
    for former, former_roman, geonameid in candidates:
        if fuzz.ratio(roman, former_roman) < RENAMED_MIN_SIMILARITY:
            continue
        for posting in gaz.lookup(fold(former)):
            if gaz.entry(posting // 4).geonameid == geonameid and (
                    posting not in known and posting not in found):
                found.append(posting)
    return tuple(found)
