"""Names derived from a town: its district ("Tuapse district", "Покровському районі") or
community ("Юнаківська громада"), and the front direction named after it ("на
добропольском направлении").

The town is found in the gazetteer from the words the language's patterns capture; an
adjective is turned back into the town's name with the lexicon's `adjective_to_name`.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from frontledger.places.context import DIRECTION_HINT, DISTRICT_HINT, Cues
from frontledger.places.gazetteer import OTHER_NAME, REGION_BASE, Gazetteer, GazetteerEntry
from frontledger.places.lexicon import Lexicon, inflected_bases
from frontledger.places.normalize import fold, romanise, skeleton
from frontledger.places.recognize import SKELETON_MIN_SIMILARITY
from frontledger.records import PlaceMention
from frontledger.text.scanning import finditer, search
from frontledger.theater import Theater

DISTRICT_CONFIDENCE = 0.6
"""A district named after a town we found: the town is sure, the district's extent is not."""
DIRECTION_CONFIDENCE = 0.6
MIN_DIRECTION_ADJECTIVE = 6
"""In a list of direction adjectives ("на Покровському та Лиманському напрямках"), words at
least this long are adjectives; the conjunctions between them ("та", "oraz") are shorter.
The shortest town adjective of the theater's directions is 8 letters ("Лиманському")."""


def _town_forms(word: str, lex: Lexicon) -> list[str]:
    key = fold(word)
    forms = [key, *inflected_bases(word, lex)[1:]]
    for ending, replacement in lex.adjective_to_name:
        if key.endswith(ending):
            forms.append(key[: len(key) - len(ending)] + replacement)
    return forms


def find_town(word: str, gaz: Gazetteer, lex: Lexicon, theater: frozenset[str],
              regions: frozenset[str] = frozenset()) -> GazetteerEntry | None:
    """The most populous theater settlement a word (or its adjective) may name, by its own
    name if any does; one in a region the article names (`regions`, ISO codes) first."""
    best: tuple[bool, bool, int] | None = None
    town: GazetteerEntry | None = None
    for form in _town_forms(word, lex):
        for posting in gaz.lookup(form):
            entry = gaz.entry(posting // 4)
            if posting % 4 == REGION_BASE or entry.kind != "populated_place":
                continue
            # a town's own name before another's ("Pokrovsk" is also Engels' former name)
            rank = (entry.iso3166_2 in regions, posting % 4 != OTHER_NAME, entry.population)
            if entry.country in theater and (best is None or rank > best):
                best, town = rank, entry
    return town or _spelt_otherwise(word, gaz, lex, regions)


def _spelt_otherwise(word: str, gaz: Gazetteer, lex: Lexicon,
                     regions: frozenset[str]) -> GazetteerEntry | None:
    """The theater town a word's forms spell another way ("Graivoronsky" is Grayvoron's,
    "Шебекінський" Shebekino's), by transliteration skeleton and close spelling, as the
    recogniser matches names; the most populous, one in the article's regions first."""
    best: tuple[bool, int] | None = None
    town: GazetteerEntry | None = None
    for form in _town_forms(word, lex):
        roman = romanise(form, lex.language)
        for index in gaz.lookup_skeleton(skeleton(form, lex.language)):
            entry = gaz.entry(index)
            rank = (entry.iso3166_2 in regions, entry.population)
            if entry.kind == "populated_place" and (best is None or rank > best) and (
                    fuzz.ratio(roman, romanise(entry.name)) >= SKELETON_MIN_SIMILARITY):
                best, town = rank, entry
    return town


def districts(cues: Cues, gaz: Gazetteer, theater: Theater,
              regions: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """Districts named after a town, as regions of the town's oblast (a town in one of
    the `regions` the article names in full before a namesake elsewhere); a list of them
    ("the Rylsky and Glushkovsky districts") is one district per name."""
    text, lex = cues.text, cues.lex
    if not cues.may_hold(DISTRICT_HINT) or not search(lex.district_hint, text):
        return []
    out = []
    for match in finditer(lex.district_pattern, text):
        groups = match.groupdict()
        # "Юнаківська громада": a community (hromada) named after its town, not a district
        community = bool(groups.get("community") or groups.get("communities"))
        for start, end in _named(match):
            town = find_town(text[start:end], gaz, lex, theater.countries, regions)
            if town is None:
                continue
            word = theater.district_word(town.country, community=community)
            if groups.get("name") is not None:  # one district: the mention is the whole phrase
                start, end = match.start(), match.end()
            out.append(PlaceMention(
                start=start, end=end, surface=text[start:end],
                name=f"{town.name} {word}", kind="region", geonameid=None,
                country=town.country, iso3166_2=town.iso3166_2, latitude=town.latitude,
                longitude=town.longitude, confidence=DISTRICT_CONFIDENCE))
    return out


_CAPITALISED = re.compile(r"[^\W\d_][\w'’-]*")


def _named(match: re.Match[str]) -> list[tuple[int, int]]:
    """The spans of the town words a district match names: its `name` group, or each
    capitalised word of a `names…` group ("the Shebekinsky and Graivoronsky districts",
    "Шебекинский и Грайворонский районы")."""
    groups = match.groupdict()
    if groups.get("name") is not None:
        return [match.span("name")]
    spans = []
    for key, value in groups.items():
        if key.startswith("names") and value is not None:
            offset = match.start(key)
            spans += [(offset + w.start(), offset + w.end()) for w in _CAPITALISED.finditer(value)
                      if w.group()[0].isupper()]
    return spans


def directions(cues: Cues, gaz: Gazetteer, theater: Theater) -> list[PlaceMention]:
    """The towns front directions are named after (the adjective is the mention)."""
    text, lex = cues.text, cues.lex
    if not cues.may_hold(DIRECTION_HINT) or not search(lex.direction_hint, text):
        return []
    out = []
    for match in finditer(lex.direction_pattern, text):
        for start, end in _direction_names(match):
            town = find_town(text[start:end], gaz, lex, theater.countries)
            if town is None:
                continue
            out.append(PlaceMention(
                start=start, end=end, surface=text[start:end], name=town.name,
                kind="populated_place", geonameid=town.geonameid, country=town.country,
                iso3166_2=town.iso3166_2, latitude=town.latitude, longitude=town.longitude,
                confidence=DIRECTION_CONFIDENCE))
    return out


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _direction_names(match: re.Match[str]) -> list[tuple[int, int]]:
    """The town adjectives a direction match names: its `name` group, or each word of its
    `names` group long enough to be one ("на Покровському та Лиманському напрямках": the
    conjunctions between them are shorter)."""
    if match.group("name") is not None:
        return [match.span("name")]
    if match.groupdict().get("names") is None:
        return []
    offset = match.start("names")
    return [(offset + w.start(), offset + w.end()) for w in _WORD.finditer(match.group("names"))
            if len(w.group()) >= MIN_DIRECTION_ADJECTIVE]
