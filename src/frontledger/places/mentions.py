"""The places stage's entry point: text in, place mentions out."""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from itertools import accumulate, pairwise
from operator import attrgetter

from frontledger.places import index_files, katottg
from frontledger.places.context import Cues
from frontledger.places.districts import directions, districts
from frontledger.places.gazetteer import PRIMARY, REGION_BASE, Gazetteer, GazetteerEntry
from frontledger.places.lexicon import Lexicon, inflected_bases, lexicon, person_title
from frontledger.places.normalize import fold
from frontledger.places.recognize import (
    EXACT,
    INFLECTED,
    SKELETON,
    Recogniser,
    Span,
    Word,
    inside,
    lowercase_keys,
    sentence_initial,
    title_case_lines,
    words_of,
)
from frontledger.places.resolve import Reading, Resolver, named_bare_abroad
from frontledger.places.unknown import (
    MIN_NAME_LENGTH,
    SURNAME_MIN_STEM,
    Group,
    UnknownPlaces,
    nominative,
    settlement_name,
    theater_name,
    toponymic,
)
from frontledger.records import PlaceMention
from frontledger.text import detect_language
from frontledger.theater import Theater, load_theater

PLACED_UNKNOWN_CONFIDENCE = 0.6
"""A name the text places in a region, missing from the gazetteer there: surely a place,
and as sure of its region as of any settlement the text marks."""

DOUBTED_CONFIDENCE = 0.45
"""A settlement's name whose namesakes the gazetteer places elsewhere: as sure as a name
that only a locative preposition marks (see UNKNOWN_CONFIDENCE)."""

_default: Gazetteer | None = None
_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The index built from the default sources, loaded (and built if needed) once."""
    global _default
    with _lock:
        if _default is None:
            _default = index_files.load()
        return _default


def reset_default_gazetteer() -> None:
    """Forget the loaded index (after `gazetteer build` or `import`)."""
    global _default
    with _lock:
        _default = None


def geoparse(text: str, language: str | None = None, *,
             gazetteer: Gazetteer | None = None,
             theater: Theater | None = None) -> list[PlaceMention]:
    """Every place a text names, resolved to the gazetteer where possible, sorted by start.

    Reads: the text (its language is detected when not given), in `theater` (the default
    theater when not given: its countries and front win among homonyms).
    Adds: PlaceMention records whose `surface` is exactly `text[start:end]`; places the
    gazetteer lacks but the text marks as places come with `geonameid` None; capitals used
    for their governments ("Kyiv said") and institutions ("the Kremlin") have metonym True.
    """
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    cues = Cues(text, lexicon(language or detect_language(text)))
    words = words_of(text)
    lowercase = lowercase_keys(words)  # asked by the recogniser and by UnknownPlaces
    titles = title_case_lines(text)
    doubted: list[PlaceMention] = []
    theater = theater or load_theater()
    known = _gazetteer_places(gaz, cues, words, lowercase, titles, doubted, theater)
    covered = sorted((m.start, m.end) for m in known)
    # the optional KATOTTG index (extra `katottg`) gives an unknown village its oblast,
    # in a war fought in Ukraine
    settlements = katottg.default_index() if katottg.COUNTRY in theater.countries else None
    # doubted settlements count as places for lists ("near A and B"), but cover no words
    unknown = [m for m in UnknownPlaces(cues, words, known, covered, settlements,
                                        doubted, lowercase).find()
               if not inside(titles, m.start)]  # a headline's capitals mark no names
    found = Occupied(unknown)
    unknown += [m for m in doubted if not found.overlaps(m.start, m.end)]
    unknown = _same_name_same_place(_one_spelling(unknown))
    unknown += _named_again(text, known + unknown, titles)
    return sorted(known + _known_after_all(unknown, gaz, theater), key=attrgetter("start"))


def _known_after_all(unknown: list[PlaceMention], gaz: Gazetteer, theater: Theater
                     ) -> list[PlaceMention]:
    """A settlement the recogniser did not find, whose theater-style name worked out from
    the text's form ("Мирополья" in the Sumy region: Myropillia; "Ternouvate": Ternuvate) is
    the own name of exactly one place of the region the text puts it in, is that place: the
    name reached it by another road. (Without a region, one namesake found is too little:
    the gazetteer lacks most villages, and their namesakes lie elsewhere.)"""
    found: dict[tuple[str, str], GazetteerEntry | None] = {}
    out = []
    for m in unknown:
        if m.geonameid is None and m.kind == "populated_place" and m.iso3166_2:
            key = (m.name, m.iso3166_2)
            if key not in found:
                found[key] = _only_place_named(gaz, m.name, m.iso3166_2, theater)
            entry = found[key]
            if entry is not None:
                m = replace(m, name=entry.name, geonameid=entry.geonameid,
                            country=entry.country, iso3166_2=entry.iso3166_2,
                            latitude=entry.latitude, longitude=entry.longitude)
        out.append(m)
    return out


def _only_place_named(gaz: Gazetteer, name: str, region: str, theater: Theater
                      ) -> GazetteerEntry | None:
    entries = {gaz.entry(p // 4) for p in gaz.lookup(fold(name)) if p % 4 == PRIMARY}
    places = [e for e in entries if e.kind == "populated_place" and e.geonameid is not None
              and e.country in theater.countries and e.iso3166_2 == region]
    return places[0] if len(places) == 1 else None


def _named_again(text: str, mentions: list[PlaceMention],
                 titles: list[tuple[int, int]]) -> list[PlaceMention]:
    """A village the gazetteer lacks, once marked a place ("the village of Loknia"), is the
    same village wherever else the text writes its name as it wrote it there, marker or not
    ("Loknia remains ours" opening a later sentence, where a capital marks nothing)."""
    names = {m.surface: m for m in mentions
             if m.geonameid is None and m.kind == "populated_place"
             and len(m.surface) >= MIN_NAME_LENGTH and m.surface[:1].isupper()}
    if not names:
        return []
    taken = Occupied(mentions)
    again = []
    for surface, mention in names.items():
        for start in _whole_word_at(text, surface):
            end = start + len(surface)
            if not taken.overlaps(start, end) and not inside(titles, start):
                again.append(replace(mention, start=start, end=end))
    return again


def _whole_word_at(text: str, word: str) -> Iterator[int]:
    r"""Where `word` stands in `text` as a whole word (no character that `\w` matches on
    either side), left to right, not overlapping: what a search for `(?<!\w)word(?!\w)`
    finds, without compiling a pattern for each name (names are many, the `re` module's
    cache of patterns small)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if _word_character(text, at - 1) or _word_character(text, end):
            at = text.find(word, at + 1)
        else:
            yield at
            at = text.find(word, end)


def _word_character(text: str, at: int) -> bool:
    r"""Whether a character of `text` stands at `at` and is one that `\w` matches."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def _sibilant_key(name: str) -> str:
    """A name with "zh" and "sh" made one: German and Dutch write both Ж and Ш "sch"
    ("Schytomyr" is Zhytomyr, "Schostka" is Shostka), so a romanised "sh" may be a "zh"."""
    return fold(name).replace("zh", "sh")


def _one_spelling(unknown: list[PlaceMention]) -> list[PlaceMention]:
    """"Angriffe auf Zhytomyr und ... die Stadt Schytomyr": a place the text also writes
    in English-style spelling takes that spelling's name wherever else it is named."""
    written = {_sibilant_key(m.name): m for m in unknown
               if fold(m.surface) == fold(m.name) and m.geonameid is None}
    if not written:
        return unknown
    found = []
    for m in unknown:
        same = written.get(_sibilant_key(m.name)) if m.geonameid is None else None
        if same is not None and same.name != m.name:
            m = replace(m, name=same.name, country=m.country or same.country,
                        iso3166_2=m.iso3166_2 or same.iso3166_2)
        found.append(m)
    return found


def _same_name_same_place(unknown: list[PlaceMention]) -> list[PlaceMention]:
    """A village named again where no region is near is the one the text placed before."""
    placed = {m.surface: m for m in unknown if m.iso3166_2}
    return [replace(m, name=placed[m.surface].name, country=placed[m.surface].country,
                    iso3166_2=placed[m.surface].iso3166_2)
            if not m.iso3166_2 and m.surface in placed else m for m in unknown]


def _gazetteer_places(gaz: Gazetteer, cues: Cues, words: list[Word],
                      lowercase: frozenset[str], titles: list[tuple[int, int]],
                      doubted: list[PlaceMention], theater: Theater) -> list[PlaceMention]:
    """Mentions resolved to the gazetteer, and districts and directions named after towns;
    `doubted` receives the settlements whose namesakes all lie elsewhere."""
    text, lex = cues.text, cues.lex
    recogniser = Recogniser(gaz, lex, text, words, lowercase)
    found = recogniser.listed_regions(recogniser.spans())
    starts = frozenset(s.start for s in found)
    long_starts = frozenset(s.start for s in found if s.last > s.first)
    inflected = frozenset(s.start for s in found if s.quality == INFLECTED)
    spans = [s for s in found if (inside(titles, s.start)
             or not _part_of_person_name(s, text, words, lex, gaz, starts, long_starts,
                                         inflected))
             and not cues.organisation(s.start, s.end)]
    regions = frozenset(filter(None, (_full_region(s, gaz) for s in spans)))
    derived = districts(cues, gaz, theater, regions) + directions(cues, gaz, theater)
    taken = Occupied(derived)
    spans = [s for s in spans if not taken.overlaps(s.start, s.end)]
    readings = _read(spans, cues, words, gaz)
    _respell_in_region(readings, recogniser, gaz)
    resolver = Resolver(gaz, cues, words, theater, landmarks=derived)
    known = resolver.resolve(readings) + derived
    known += _placed_but_unknown(readings, known, cues, words)
    known = _follow_placed(known, lex)
    doubted.extend(_doubted(resolver.doubted, known, cues, words, gaz))
    return _possessive_places(text, known)


def _placed_but_unknown(readings: list[Reading], known: list[PlaceMention], cues: Cues,
                        words: list[Word]) -> list[PlaceMention]:
    """Names the text puts in a region where the gazetteer has no place of that name."""
    out = []
    taken = Occupied(known)
    for r in readings:
        if r.within and not taken.overlaps(r.span.start, r.span.end) and (
                toponymic(words[r.span.last], cues.lex) or not (
                    cues.lex.capitalised_nouns or sentence_initial(cues.text, r.span.start))):
            # "der eingesetzte Gouverneur in der Region Cherson" names no village
            group = Group(r.span.first, r.span.last, r.span.start, r.span.end)
            out.append(PlaceMention(
                start=r.span.start, end=r.span.end, surface=cues.text[r.span.start:r.span.end],
                name=settlement_name(words, group, cues.lex, r.within.split("-")[0],
                                     as_written=r.span.quality == EXACT),
                kind="populated_place",
                country=r.within.split("-")[0], iso3166_2=r.within,
                confidence=PLACED_UNKNOWN_CONFIDENCE))
    return out


def _follow_placed(known: list[PlaceMention], lex: Lexicon) -> list[PlaceMention]:
    """One place per name per article: where the text puts a name in a region the
    gazetteer has no such place in ("Andriivka, in the Luhansk region"), its other mentions
    name that village too, not a gazetteer namesake in another region; in another case
    too ("село Андреевка в Сумской области" ... "захвате Андреевки")."""
    placed = {m.surface: m for m in known
              if m.geonameid is None and m.kind == "populated_place" and m.iso3166_2
              and m.confidence == PLACED_UNKNOWN_CONFIDENCE}
    if not placed:
        return known
    by_base = {base: m for m in placed.values() if " " not in m.surface
               for base in inflected_bases(m.surface, lex)[:2]}

    def follows(m: PlaceMention) -> PlaceMention | None:
        if m.surface in placed:
            return placed[m.surface]
        if " " in m.surface or not by_base:
            return None
        return next((by_base[b] for b in inflected_bases(m.surface, lex) if b in by_base), None)

    return [replace(m, name=p.name, geonameid=None, country=p.country, iso3166_2=p.iso3166_2,
                    latitude=None, longitude=None, confidence=p.confidence)
            if m.kind == "populated_place" and (p := follows(m)) is not None
            and m.iso3166_2 != p.iso3166_2 else m for m in known]


def _doubted(doubted: list[tuple[Reading, int]], known: list[PlaceMention], cues: Cues,
             words: list[Word], gaz: Gazetteer) -> list[PlaceMention]:
    """Settlements whose gazetteer namesakes all lie away from the article's places: the
    name is a village's, the village is not in the gazetteer. A name counts when one of
    its mentions is marked, listed or located ("near X"); then all of them do. A name
    whose namesakes are Ukrainian villages, written the Russian way ("Andrejewka"), is
    named the way those namesakes are (Andriivka)."""
    cued: dict[int, str] = {}
    for r, entry in doubted:
        if (r.settlement or r.listed or r.locative) and entry not in cued and not (
                _name_goes_on(r.span.last, cues, words)):
            group = Group(r.span.first, r.span.last, r.span.start, r.span.end)
            cued[entry] = theater_name(nominative(words, group, cues.lex),
                                       gaz.entry(entry).country)
    out = []
    taken = Occupied(known)
    for r, entry in doubted:
        if entry not in cued or taken.overlaps(r.span.start, r.span.end):
            continue
        out.append(PlaceMention(
            start=r.span.start, end=r.span.end, surface=cues.text[r.span.start:r.span.end],
            name=cued[entry], kind="populated_place", confidence=DOUBTED_CONFIDENCE))
    return out


def _name_goes_on(last: int, cues: Cues, words: list[Word]) -> bool:
    """"nei pressi di Bila Hora": a capitalised word right after a doubted name continues
    a longer name the gazetteer lacks (not where every noun is capitalised)."""
    after = last + 1
    return (after < len(words) and words[after].capitalised and not cues.lex.capitalised_nouns
            and cues.text[words[last].end:words[after].start] == " "
            and words[after].key not in cues.lex.stopwords)


def _possessive_places(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """"Ukraine's Donetsk region" is a place, though "Ukraine's army" is an actor."""
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        possessive = text[m.end:m.end + 3] in ("'s ", "’s ")
        if m.metonym and m.kind == "country" and possessive and m.end + 3 in starts:
            m = replace(m, metonym=False)
        out.append(m)
    return out


class Occupied:
    """The spans of some mentions, asked whether a span overlaps any of them in
    O(log n): asking each mention in turn made geoparsing quadratic in their number."""

    def __init__(self, mentions: list[PlaceMention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [start for start, _end in spans]
        self.reach = list(accumulate((end for _start, end in spans), max))
        """The furthest end among the spans up to each one (by start)."""

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the spans that start before `end`...
        return before > 0 and self.reach[before - 1] > start  # ...one of them ends after `start`


def _read(spans: list[Span], cues: Cues, words: list[Word], gaz: Gazetteer) -> list[Reading]:
    readings = []
    for span in spans:
        settlement = (cues.marked_settlement(span.start) or cues.marked_after(span.end)
                      or cues.city_after(span.end)
                      or (cues.filed_from(span.start, span.end) and not _may_be_country(span, gaz)))
        village = settlement and cues.marked_village(span.start)
        readings.append(Reading(span, settlement=settlement, village=village,
                                locative=cues.locative(span.first, words)))
    names = [(r.span.start, r.span.end) for r in readings]
    for chain in _chains(readings, cues):
        head, tail = chain[0].span, chain[-1].span
        for reading in chain[1:]:  # "in Davos and Geneva": the preposition covers the list
            reading.locative = reading.locative or chain[0].locative
        for reading in chain:
            reading.listed = len(chain) > 1
            if reading.listed:
                reading.mates = tuple(r.span.postings for r in chain if r is not reading)
        if (cues.region_before(head.start) or (
                cues.region_after(words[tail.first].end) and not _in_compound(tail, cues.text))
                or _regions_listed(chain, cues, names) or _headed_by_region(chain, cues, words)):
            for reading in chain:
                reading.region = True
    for reading in readings:  # "на Запорожье": "на" puts a name in a region, not a city
        if _may_be_region(reading.span) and cues.region_preposition_before(reading.span.start):
            reading.region = True
    _mark_regions_in_apposition(readings, cues)
    _attach_regions(readings, cues, words, gaz)
    return readings


CLAUSE_ENDS = ",.;:)!?\n"
"""What may follow a region's bare name set off after a place ("X, in Kharkiv, on
Monday", "X (Kharkiv)"): the apposition ends there; "X, in Kharkiv city" or "X, in Kharkiv
and Odesa" goes on and is left alone."""


_APPOSITION_OPENERS = (",", "(")
"""What opens a region's name set off after a place's (`region_apposition_gap` of every
language begins with one)."""


def _mark_regions_in_apposition(readings: list[Reading], cues: Cues) -> None:
    """"Kurylivka, in Kharkiv, on Monday", "Kurílovka, en Járkov.", "Курилівка (Харків)":
    a region's bare name set off right after the name of a place that is not itself a
    region's centre locates that place: it is the region, not its capital (which a village
    cannot be in). The evidence is the sentence's own punctuation: the comma or bracket
    before, a clause end right after."""
    text = cues.text
    for left, right in pairwise(readings):
        if right.region or left.region or text[left.span.end:right.span.start].lstrip()[
                :1] not in _APPOSITION_OPENERS:
            continue  # the cheap test first: most names are not set off by a comma or bracket
        if not _may_be_region(right.span) or _may_be_region(left.span):
            continue
        after = text[right.span.end:right.span.end + 2].lstrip(" ")
        if after[:1] not in CLAUSE_ENDS:
            continue
        if cues.lex.region_apposition_gap.fullmatch(text, left.span.end, right.span.start):
            right.region = True


def _respell_in_region(readings: list[Reading], recogniser: Recogniser, gaz: Gazetteer
                       ) -> None:
    """A name the text places in a region, none of whose exact namesakes lie there, names
    the place of that region it is a spelling of; the article's other mentions of the same
    word (same postings) name that place too: one place per name per article."""
    respelt: dict[tuple[int, ...], tuple[int, ...]] = {}
    for r in readings:
        if r.within and r.span.postings not in respelt and not any(
                gaz.entry(p // 4).iso3166_2 == r.within for p in r.span.postings):
            inside = recogniser.in_region(r.span, r.within)
            if inside:
                respelt[r.span.postings] = inside
    for r in readings:
        if r.span.postings in respelt:
            r.span = replace(r.span, postings=respelt[r.span.postings], quality=SKELETON)


def _in_compound(span: Span, text: str) -> bool:
    """"the Moscow-installed governor", "a Kyiv-appointed head": the name opens a compound
    word (a hyphen, then a lower-case letter) that the noun after it belongs to; the noun
    is not the name's own ("the Moscow governor" is the region's)."""
    return text[span.end:span.end + 1] in ("-", "‐") and text[span.end + 1:span.end + 2].islower()


def _regions_listed(chain: list[Reading], cues: Cues, names: list[tuple[int, int]]) -> bool:
    """"Both regions were shelled, in Kharkiv and in Sumy": a list of names that may all
    name regions, in a sentence that speaks of regions without naming them there."""
    if len(chain) < 2 or not all(_may_be_region(r.span) for r in chain):
        return False
    start, end = cues.sentence(chain[0].span.start, chain[-1].span.end)
    return any(not _names_attached(cues, word, names)
               for word in cues.regions_word_in(start, end))


def _headed_by_region(chain: list[Reading], cues: Cues, words: list[Word]) -> bool:
    """"les régions de Kharkiv, de Soumy et de Tchernihiv", "negli oblast di Kharkiv e Sumy":
    a list whose first name is read whole with the word for regions before it ("régions de
    Kharkiv" is a region's name of its own) names regions throughout, where every name after
    it may name one."""
    head = chain[0].span
    return (len(chain) > 1 and head.first != head.last
            and cues.region_before(words[head.last].start)
            and all(_may_be_region(r.span) for r in chain[1:]))


def _names_attached(cues: Cues, word: tuple[int, int], names: list[tuple[int, int]]) -> bool:
    """Whether the word for regions heads names of its own: right after them ("the X and Y
    regions") or right before them ("les régions de X", "regions -- X, Y")."""
    text = cues.text
    if any(end == len(text[:word[0]].rstrip()) or start <= word[0] < end
           for start, end in names):
        return True  # "the X and Y regions", "les régions de X" read as one name
    after = [s for s, _e in names if s >= word[1]]
    if not after:
        return False
    heads = cues.lex.region_keyword_before.search(text, word[0], min(after))
    return heads is not None and heads.start() == word[0]


def _may_be_country(span: Span, gaz: Gazetteer) -> bool:
    """Whether one of the span's readings is a country ("UKRAINE, ..." heads no dateline
    as a town would)."""
    return any(gaz.entry(p // 4).kind == "country" for p in span.postings)


def _may_be_region(span: Span) -> bool:
    """Whether one of the span's readings is a region's bare name."""
    for p in span.postings:  # noqa: SIM110 (a loop, not a generator: asked of every name)
        if p % 4 == REGION_BASE:
            return True
    return False


def _attach_regions(readings: list[Reading], cues: Cues, words: list[Word],
                    gaz: Gazetteer) -> None:
    """"Ivanivka, in the Kharkiv region": the place is in that region, whatever namesakes
    other regions have. (Only the name next to the region: in "X and Y in the Z region" the
    region may be Y's alone; but in "the villages of X, Y and Z in the W region", "сёла X, Y
    и Z W-ской области", a list the text marks as villages, it is the whole list's.)"""
    for i in range(len(readings) - 1, 0, -1):
        region = _full_region(readings[i].span, gaz) or (
            _bare_region(readings[i].span, gaz) if readings[i].region else None)
        if region is None:
            continue
        j = i - 1
        if readings[j].region:
            continue
        gap = cues.text[readings[j].span.end:readings[i].span.start]
        listed = _marked_list_ending(readings, j, cues)
        if cues.lex.attached_region_gap.fullmatch(gap):
            readings[j].within = region
        elif not (listed and _names_then_region(cues, words, readings[j].span.end,
                                                readings[i].span.start)):
            continue  # "the villages of A, B and C in the Z region", C unknown to the gazetteer
        for mate in listed:  # a name of a marked list is a settlement, as its head is
            mate.within, mate.settlement = mate.within or region, True


def _marked_list_ending(readings: list[Reading], last: int, cues: Cues) -> list[Reading]:
    """The names of the list that ends with reading `last`, when the list is marked as
    villages or settlements (a marker before its first name or after its last)."""
    first = last
    while first > 0 and not readings[first - 1].region and cues.linked(
            readings[first - 1].span.end, readings[first].span.start):
        first -= 1
    if readings[first].settlement or readings[last].settlement:
        return readings[first:last + 1]
    return []


def _names_then_region(cues: Cues, words: list[Word], start: int, end: int) -> bool:
    """Whether the text from `start` to `end` continues a list with capitalised names the
    gazetteer does not know (", B and C") and then places it in a region (" in the ")."""
    at = start
    for word in words[bisect_left(words, (start,)):]:
        if word.start >= end:
            break
        if word.capitalised:  # the words between names are the separators' ("and")
            if not cues.linked(at, word.start):
                return False
            at = word.end
    return at > start and bool(cues.lex.attached_region_gap.fullmatch(cues.text[at:end]))


def _full_region(span: Span, gaz: Gazetteer) -> str | None:
    """ISO code of a region named in full ("Kharkiv Oblast", "Донецкой области"), or by a
    word that names nothing else ("ДНР", "Херсонщина", "Crimea")."""
    if span.first == span.last:  # one word: it must name regions only
        for p in span.postings:  # (a loop, not a generator: asked of every name, twice)
            if p % 4 != PRIMARY or gaz.entry(p // 4).kind != "region":
                return None
    for posting in span.postings:
        entry = gaz.entry(posting // 4)
        if posting % 4 == PRIMARY and entry.kind == "region" and entry.iso3166_2:
            return entry.iso3166_2
    return None


def _bare_region(span: Span, gaz: Gazetteer) -> str | None:
    """ISO code of the one region a bare name may name ("Donetsk" in "la regione orientale
    di Donetsk", which the gap before it spells out)."""
    codes = {gaz.entry(p // 4).iso3166_2 for p in span.postings if p % 4 == REGION_BASE}
    return codes.pop() if len(codes) == 1 else None


def _surname(word: Word, lex: Lexicon) -> bool:
    """A capitalised word with a surname's ending ("-enko", "-skyi", "-ов")."""
    return any(word.key.endswith(fold(suffix)) and len(word.key) - len(suffix) >= SURNAME_MIN_STEM
               for suffix in lex.surname_suffixes) and not word.text.isupper()


def _chains(readings: list[Reading], cues: Cues) -> list[list[Reading]]:
    chains: list[list[Reading]] = []
    for reading in readings:
        if chains and cues.linked(chains[-1][-1].span.end, reading.span.start):
            chains[-1].append(reading)
        else:
            chains.append([reading])
    return chains


def _noun_after_locative(span: Span, words: list[Word], lex: Lexicon) -> bool:
    """"bei Pokrowsk Fortschritte": where every noun is capitalised (German), a name after a
    locative preposition followed by a capitalised word is a place before a noun, not a
    first name before a surname."""
    return (lex.capitalised_nouns and span.first > 0
            and words[span.first - 1].key in lex.locative_before)


def _hamlet_abroad(gaz: Gazetteer, key: str) -> bool:
    """Whether a word names only towns abroad that do not count named bare (see
    `named_bare_abroad`): after a name, such a word is a surname ("Paris Hilton", "Jordan
    Fletcher") or a title ("Washington Post"), not a second place."""
    postings = gaz.lookup(key)
    theater = load_theater().countries
    return bool(postings) and not any(
        e.kind != "populated_place" or e.country in theater or named_bare_abroad(e, p % 4)
        for p in postings for e in (gaz.entry(p // 4),))


def _part_of_person_name(span: Span, text: str, words: list[Word], lex: Lexicon,
                         gaz: Gazetteer, place_starts: frozenset[int] = frozenset(),
                         long_starts: frozenset[int] = frozenset(),
                         inflected: frozenset[int] = frozenset()) -> bool:
    """"Vladimir Poutine" (a known person's name follows), "Oleksandr Syrskyj" (a word with
    a surname's ending follows), "Victoria Beckham" (a word that names no place follows),
    "Kirill Dmitriev" (a lone name after a capitalised word inside a sentence: a surname,
    not a place). A follower that begins a longer recognised name ("Купянск Харьковской
    области") is no surname. A settlement's name right after a person's title is a surname
    ("губернатора Гладкова", "у відомстві Балицького"), a region's or country's is not
    ("президента России")."""
    prev = span.first - 1
    if span.first == span.last and prev >= 0 and person_title(
            words[prev].key, text[words[prev].end:span.start], lex) and all(
            gaz.entry(p // 4).kind == "populated_place" for p in span.postings):
        return True
    nxt = span.last + 1
    if nxt < len(words) and words[nxt].capitalised and text[span.end:words[nxt].start] == " ":
        follower = words[nxt]
        if follower.key in lex.persons:
            return True
        if (span.first == span.last and follower.start not in long_starts
                and _surname(follower, lex)):
            return True
        hamlet = _hamlet_abroad(gaz, follower.key)
        unknown_follower = (follower.key not in lex.stopwords and (hamlet or (
            not gaz.lookup(follower.key) and follower.start not in place_starts)))
        if unknown_follower and "-" not in follower.text and not _noun_after_locative(
                span, words, lex):
            return span.first == span.last  # "Victoria Beckham", "Stanislav Bunyatov"
    if lex.capitalised_nouns or span.first != span.last or prev < 0:
        return False
    before = words[prev]
    return (before.capitalised and "-" not in before.text
            and text[before.end:span.start] == " "
            and before.key not in lex.stopwords
            # "Według Kijowa Siwersk": a place in another case than the name is no first name
            and not (before.start in inflected and span.quality != INFLECTED)
            and not sentence_initial(text, before.start) and not before.text.isupper())
