"""One document, analysed once: its sentences and every lexicon and theater hit.

The claims stage reads a sentence through these hits (see `extract`). Every pattern runs
once over the whole text; hits are kept sorted by offset and looked up by bisection.
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from frontledger.claims.anchors import Scan
from frontledger.claims.resources import Lexicon, Theater, load_lexicon
from frontledger.claims.scan import (
    Hit,
    drop_overlaps,
    find_fractions,
    find_pattern,
    find_persons,
    find_ranked,
    find_sides,
    find_triggers,
    lexicon_scan,
)
from frontledger.records import Document, Evidence, PlaceMention
from frontledger.text import detect_language
from frontledger.text.dates import DateMention, find_dates
from frontledger.text.sentences import Sentence, split_sentences

METONYM_REACH = 30
"""How far after a capital's name a reporting verb makes it a speaker ("Kyiv has said")."""
MAX_SPAN = 200
"""No name, trigger or place mention is longer than this (bounds overlap searches)."""
# Set, like attribution's distances, by reading the constructions of the fixtures.
OWNER_GAP = 4
"""A side named right next to a claim noun is that claim's author ("the Kremlin's claims"),
not the speaker."""
LOCATIVE_REACH = 16
"""How far before a country's name its preposition is looked for ("nella", "in der ")."""
OWNER_WINDOW = 45
"""The author of a denied claim is named at most this far from the claim noun."""
CHANNEL_SIDE = "channel side"
"""`Analysis.kept` key of the side whose own channel the outlet is, or None
(`attribution.channel_side`)."""


@dataclass(slots=True)
class Analysis:
    """A document with every hit the rules need, found once."""

    document: Document
    lexicon: Lexicon
    theater: Theater
    published: date | None
    sentences: list[Sentence]
    places: list[PlaceMention]
    triggers: list[Hit]
    sides: list[Hit]
    speaker_sides: list[Hit]
    """Side names that may name a speaker: not "our troops", nor the author of a claim."""
    persons: list[Hit]
    """Capitalised names that may name a speaker: not in a place name, nor holding a claim noun."""
    cues: list[Hit]
    negations: list[Hit]
    denials: list[Hit]
    claim_nouns: list[Hit]
    earlier: list[Hit]
    place_anaphors: list[Hit]
    settlement_nouns: list[Hit]
    list_intros: list[Hit]
    fractions: list[Hit]
    dates: list[DateMention]
    outlet: str
    speaker_anaphors: list[Hit]
    source: str
    """The document's text as written (`text` is it with plain apostrophes): evidence."""
    text: str
    """The text the rules read: `document.text`, kept as a field (the rules read it ~800
    times an article; a property cost a call each time)."""
    kept: dict[Any, Any] = field(default_factory=dict)
    """What rules that read the text alone worked out, kept for when they are asked again
    (keyed by the rule's name and its spans; see `attribution._cue_candidates`); "scan" is
    the document's `anchors.Scan` of the lexicon's patterns, for rules that ask whether one
    of them is anywhere in the text."""
    begins: dict[int, list[int] | None] = field(default_factory=dict)
    """Where a match of a scanned pattern may begin, by `id` of the pattern (`may_begin`;
    None: anywhere): a dict of its own, read without building a key."""


# Typographic apostrophes read as the ASCII one, character for character (spans stay
# valid): the press writes "s’est emparée", "l’armée", "Russia’s" where lexicons write "'".
# (`str.replace`, not `str.translate`: translate costs ~0.15 ms on a 3 KB article, the two
# replaces a few microseconds.)
_APOSTROPHES = ("\u2019", "\u02bc")


def _plain_apostrophes(text: str) -> str:
    for apostrophe in _APOSTROPHES:
        if apostrophe in text:
            text = text.replace(apostrophe, "'")
    return text


def analyse(document: Document, places: list[PlaceMention], theater: Theater) -> Analysis:
    """Every hit the rules need, found once over the whole document text (the text the
    rules read has plain apostrophes; evidence quotes the document's own)."""
    source = document.text
    text = _plain_apostrophes(source)
    if text != source:
        document = replace(document, text=text)
    low = text.lower()
    lexicon = load_lexicon(document.language or detect_language(text))
    published = _as_date(document.published)
    sorted_places = Sorted(places)
    scan = lexicon_scan(text, lexicon, theater, low)
    # (`_country_as_location` looks at countries only: a side's name is asked of them alone)
    countries = Sorted([p for p in sorted_places if p.kind == "country"])
    sides = Sorted([s for s in find_sides(text, theater, lexicon.language, scan=scan)
                    if not _country_as_location(text, s, countries, lexicon)])
    spreads = find_pattern(text, lexicon.spread, "claim", scan=scan)
    claim_nouns = Sorted(find_pattern(text, lexicon.claim_noun, "claim", scan=scan) + spreads)
    found = find_persons(text)
    ranked = find_ranked(text, lexicon.rank, scan)
    persons = [p for p in (drop_overlaps(found + ranked) if ranked else found)
               if not overlaps_any(p, sorted_places) and not within(claim_nouns, p.start, p.end)]
    # A place of kind "other" in no country (a continent, the "Europa" of an outlet's name) is
    # no front line; requiring a country of every place instead lost dev recall (0.826 → 0.801).
    usable = [p for p in sorted_places if not (p.kind == "other" and p.country is None)
              and not p.metonym and not _speaks(text, p, sides, lexicon)]
    blocked = Sorted(sides + [Hit(p.start, p.end, "place") for p in usable])
    no_claims = Sorted(find_pattern(text, lexicon.not_claim, "not_claim", scan=scan))
    sentences = Sorted(split_sentences(text))
    cues = [c for c in _cues(scan, lexicon, sides) if not overlaps_any(c, spreads)]
    persons = _after_leading_cue(text, persons, cues)
    dates = Sorted(find_dates(text, published, lexicon.language, scan.plain))
    # "On Wednesday it said": a capitalised run that holds a date names no one
    persons = [p for p in persons if not overlaps_any(p, dates)]
    triggers = Sorted([t for t in find_triggers(
                           text, lexicon, scan=scan,
                           usable=lambda t: (not overlaps_any(t, blocked) or _is_patient(t)
                                             or _names_its_side(t, sides, usable)))
                       if not overlaps_any(t, no_claims)])
    cues += _heading_colons(text, sentences, [h for h in sides + persons
                                              if _colon_after(text, h)
                                              and not _topic_place(h, sorted_places)], cues)
    return Analysis(
        document=document,
        lexicon=lexicon,
        theater=theater,
        published=published,
        sentences=sentences,
        places=Sorted(usable),
        triggers=triggers,
        sides=sides,
        speaker_sides=Sorted([s for s in sides if s.label != "own"
                              and (not _owner_of_claim(text, s, claim_nouns)
                                   or _says(text, s, lexicon, claim_nouns))
                              and not overlaps_any(s, triggers)]),
        persons=Sorted(persons),
        cues=Sorted(cues),
        negations=Sorted(find_pattern(text, lexicon.negation, "negation", scan=scan)),
        # a denial inside a not-claim ("a demand Kyiv has rejected") denies no claim
        denials=Sorted([d for d in find_pattern(text, lexicon.denial, "denial", scan=scan)
                         if not overlaps_any(d, sides) and not overlaps_any(d, no_claims)]),
        claim_nouns=claim_nouns,
        earlier=Sorted(find_pattern(text, lexicon.earlier, "earlier", scan=scan)),
        place_anaphors=Sorted(find_pattern(text, lexicon.place_anaphor, "anaphor", scan=scan)
                              + find_pattern(text, lexicon.region_anaphor, "region", scan=scan)
                              + find_pattern(text, lexicon.there, "there", scan=scan)
                              + find_pattern(text, lexicon.pair, "pair", scan=scan)),
        settlement_nouns=Sorted(find_pattern(text, lexicon.settlement, "settlement", scan=scan)),
        list_intros=Sorted(find_pattern(text, lexicon.list_intro, "list", scan=scan)),
        fractions=Sorted(find_fractions(text, lexicon, scan)),
        dates=dates,
        outlet=document.outlet or "the outlet",
        speaker_anaphors=Sorted(find_pattern(text, lexicon.speaker_anaphor, "anaphor", scan=scan)),
        source=source,
        text=text,
        kept={"scan": scan},
    )


ELIDED_ARTICLE = 5
"""Longest elided article a side's name may carry before a country's ("l'", "dell'")."""


def _country_as_location(
    text: str, side: Hit, places: list[PlaceMention], lexicon: Lexicon
) -> bool:
    """A country's name after a locative preposition ("in Ucraina", "w Rosji") says where,
    not who acts; adjectives ("in ukrainischer Hand") are no country mention and stay sides."""
    if lexicon.locative is None:
        return False
    # the side's name may carry an elided article the place's does not ("l'Ukraine")
    country = [p for p in within(places, side.start - MAX_SPAN, side.end)
               if p.kind == "country" and p.start - ELIDED_ARTICLE <= side.start
               and side.end <= p.end]
    if not country:
        return False
    before = text[max(0, country[0].start - LOCATIVE_REACH):country[0].start].lower()
    return lexicon.locative.search(before) is not None


def _is_patient(trigger: Hit) -> bool:
    """A passive frame ("seien ukrainische Einheiten bei X eingekesselt") holds its patient
    and place, a separable verb's frame ("nahmen … X … ein") its object: the names inside
    it are what it is about, not what blocks it."""
    return trigger.trigger is not None and (trigger.trigger.role == "patient"
                                            or trigger.trigger.frame)


def _names_its_side(trigger: Hit, sides: list[Hit], places: list[PlaceMention]) -> bool:
    """"under Russian control", "sous contrôle russe": a trigger that holds a side's name
    whole (and no place) names the holder itself."""
    inside = within(sides, trigger.start, trigger.end)
    return bool(inside) and not overlaps_any(trigger, places) and not any(
        s.start < trigger.end and trigger.start < s.end and s not in inside
        for s in within(sides, trigger.start - MAX_SPAN, trigger.end + MAX_SPAN))


def _speaks(text: str, place: PlaceMention, sides: Sorted, lexicon: Lexicon) -> bool:
    """A capital named as a side that owns or says something ("Moscow's claims",
    "Kyiv said"): an actor, not a place, even when the places stage did not flag it."""
    if place.kind != "populated_place" or not overlaps_any(place, sides):
        return False
    after = text[place.end:place.end + METONYM_REACH]
    postposition = lexicon.speech_postposition
    return (after.startswith(("'s", "’s")) or bool(lexicon.speech_verb.match(after.lstrip()))
            or (postposition is not None and bool(postposition.match(after.lstrip()))))


_ADVERB = re.compile(r"[^\W\d_]+ ")
"""One word between a name and its verb: an adverb ("a claim Kyiv swiftly denied")."""


def _says(text: str, hit: Hit, lexicon: Lexicon, claim_nouns: list[Hit]) -> bool:
    """"a claim Kyiv rejected", "a claim Kyiv swiftly denied": a name right before a
    reporting verb, or one word before it, is its subject, even next to a claim noun ("the
    Russian reports" is a noun, not a verb)."""
    if text[hit.end:hit.end + 1] != " ":
        return False
    verb = lexicon.speech_verb.match(text, hit.end + 1)
    if verb is None and (word := _ADVERB.match(text, hit.end + 1)) is not None:
        verb = lexicon.speech_verb.match(text, word.end())
    if verb is None:
        return False
    return not overlaps_any(Hit(verb.start(), verb.end(), "verb"), claim_nouns) or _alone(
        text, hit.start, verb.end())


_CLAUSE_OPEN = frozenset(",;:—–-\n")
_CLAUSE_CLOSE = frozenset(".;:!?")


def _alone(text: str, start: int, end: int) -> bool:
    """Whether a name and the word after it make a clause of their own ("..., DeepState
    reports.", "DeepState reports:"): the word is its verb, not a noun it heads."""
    before = text[max(0, start - 3):start].rstrip()
    after = text[end:end + 3].lstrip()
    return ((not before or before[-1] in _CLAUSE_OPEN)
            and (not after or after[0] in _CLAUSE_CLOSE))


def _owner_of_claim(text: str, hit: Hit, claim_nouns: list[Hit]) -> bool:
    """"the Kremlin's claims" / "твердження Кремля": the author of a reported claim (not
    "Report: the Kremlin said", where punctuation parts the noun from the name)."""
    nouns = within(claim_nouns, hit.start - OWNER_WINDOW, hit.end + OWNER_WINDOW)
    return any((0 <= hit.start - n.end <= OWNER_GAP and _joined(text[n.end:hit.start]))
               or (0 <= n.start - hit.end <= OWNER_GAP
                   and _POSSESSIVE_GAP.fullmatch(text, hit.end, n.start) is not None)
               for n in nouns)


# Between an author and its claim noun: nothing but a possessive ("Russian claims", "the
# Kremlin's claims"); a word there ("командуванні «Схід» ці повідомлення", "these") parts them.
_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?[\s»”\"]*")


def _joined(gap: str) -> bool:
    """Whether the characters between two words leave them in one phrase."""
    return not any(mark in gap for mark in _PHRASE_BREAKS)


_PHRASE_BREAKS = frozenset(":;,.!?()[]«»\"“”—–")


def _cues(scan: Scan, lexicon: Lexicon, sides: list[Hit]) -> list[Hit]:
    text = scan.text
    cues = (
        find_pattern(text, lexicon.speech_verb, "verb", scan=scan)
        + find_pattern(text, lexicon.speech_preposition, "preposition", scan=scan)
        + find_pattern(text, lexicon.speech_postposition, "postposition", scan=scan)
        + find_pattern(text, lexicon.impersonal, "impersonal", scan=scan)
        + find_pattern(text, lexicon.backward, "backward", scan=scan)
        + find_pattern(text, lexicon.anaphoric_preposition, "anaphoric", scan=scan)
    )
    cues = drop_overlaps(cues)
    cues = [c for c in cues if not overlaps_any(c, sides)]
    return sorted(cues, key=lambda h: h.start)


def _after_leading_cue(text: str, persons: list[Hit], cues: list[Hit]) -> list[Hit]:
    """"Según Iván Petrenko, ...", "Selon Kovaliov, ...": a capitalised reporting word that
    opens a sentence is the cue naming the person, not the first word of the person's name;
    the name is what follows it (a capitalised run, so one word is enough)."""
    cue_ends = {cue.start: cue.end for cue in cues}
    kept = []
    for person in persons:
        end = cue_ends.get(person.start)
        if end is not None:
            start = end + len(text[end:person.end]) - len(text[end:person.end].lstrip())
            if start >= person.end or not text[start].isupper():
                continue
            person = Hit(start, person.end, person.label)
        kept.append(person)
    return kept


def _heading_colons(text: str, sentences: list[Sentence], names: list[Hit],
                    cues: list[Hit]) -> list[Hit]:
    """"Минобороны России: …", "Zelensky: …": a sentence that opens with a name and a
    colon, and has no reporting verb of its own, is that name's statement; the colon is
    read as a reporting verb after the name. (Not "Ukraine: …", a heading's topic: names
    that are only a country or a region are left out by the caller; a capital is its
    government, "Moskau: …".)"""
    found = []
    for name in sorted(names, key=lambda h: h.start):
        if name.label in ("own", "enemy") or not _colon_after(text, name):
            continue
        gap = text[name.end:name.end + 2]
        colon = name.end + len(gap) - len(gap.lstrip(" "))
        at = bisect.bisect_right(starts_of(sentences), name.start) - 1
        if at < 0:
            continue
        stamp = TIME_STAMP.match(text, sentences[at].start, name.start)  # "+++ 16:05 +++ Moskau:"
        before = text[stamp.end() if stamp else sentences[at].start:name.start]
        if not _MARKS_ONLY.fullmatch(before) and not _TITLE_BEFORE.fullmatch(before):
            continue
        sentence = sentences[at]
        if not any(sentence.start <= c.start < sentence.end for c in cues):
            found.append(Hit(colon, colon + 1, "verb"))
    return found


_MARKS_ONLY = re.compile(r"[^\w\n]*")
"""What may open a heading's line before its name: quotes, dashes, a post's bullets and
emoji ("▪️ DeepState: ...", "🔴 Минобороны: ..."), no word."""
_TITLE_BEFORE = re.compile(r"[^\w\n]*(?:[^\W\d][\w’'.-]*\s+){1,4}")
"""A speaker's title before the name of a heading ("Sumy regional governor Oleh Hryhorov:",
"Ukraine's foreign minister X:"): a few words, with no punctuation that would make them a
clause of their own ("In a statement, X:")."""
TIME_STAMP = re.compile(r"[^\w\n]{0,6}(?:[^\W\d]{1,4}\.?\s+)?[0-2]?\d[:.h][0-5]\d(?!\d)")
"""A live blog's or ticker's entry opening its line: "14:32", "+++ 09:12 +++", "ore 18:20 -",
"08:05 GMT" (a word of at most four letters may stand before the time: "ore", "um", "à")."""


def _colon_after(text: str, name: Hit) -> bool:
    """Whether a colon follows the name, after at most two spaces ("Zelensky: ..."): asked
    before whether the name is inside a place's, which costs more."""
    return text[name.end:name.end + 3].lstrip(" ").startswith(":")


def _topic_place(hit: Hit, places: list[PlaceMention]) -> bool:
    """Whether a name before a heading's colon is inside a country's or region's name, the
    heading's topic ("Ukraine: ..."); a city that names a side, a capital ("Moskau: ...",
    "Kyjiw: ...", "Москва: ..."), stands for its government, the line's speaker."""
    return any(p.start <= hit.start and hit.end <= p.end and p.kind != "populated_place"
               for p in within(places, hit.start - MAX_SPAN, hit.end))


def _as_date(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def overlaps_any(hit: Hit | PlaceMention, others: list[Any]) -> bool:
    """Whether `hit` overlaps any of `others` (sorted by start, none longer than MAX_SPAN)."""
    try:
        starts = others.starts  # type: ignore[attr-defined]
    except AttributeError:  # a plain list
        starts = [o.start for o in others]
    begin = hit.start
    lo = bisect_left(starts, begin - MAX_SPAN)
    end = hit.end
    if lo == len(starts) or starts[lo] >= end:  # none starts near: one bisection, not two
        return False
    hi = bisect_left(starts, end, lo + 1)
    # each of these starts before `hit` ends (bisection): does one end after it starts?
    # (a loop, not `any` over a generator: ~50k calls per 200 articles)
    for index in range(lo, hi):  # noqa: SIM110
        if others[index].end > begin:
            return True
    return False


_START = attrgetter("start")


class Sorted(list[Any]):
    """A list of spans sorted by start, with their start offsets kept for bisection."""

    __slots__ = ("starts",)  # read ~2,500 times an article (`within`): a slot reads fastest

    def __init__(self, items: list[Any]) -> None:
        super().__init__(sorted(items, key=_START))
        self.starts = [i.start for i in self]


def paragraphs(doc: Analysis) -> dict[int, list[Sentence]]:
    """The document's sentences by paragraph number, in order (kept with the document)."""
    grouped: dict[int, list[Sentence]] | None = doc.kept.get("paragraphs")
    if grouped is None:
        grouped = doc.kept["paragraphs"] = {}
        for sentence in doc.sentences:
            grouped.setdefault(sentence.paragraph, []).append(sentence)
    return grouped


def starts_of(items: list[Any]) -> list[int]:
    """Start offsets of a list of spans sorted by start."""
    if type(items) is Sorted:
        return items.starts
    return [i.start for i in items]


# The look-ups below run ~900 times per article: `Sorted`'s own offsets are read inline
# (an attribute read, not a type test: every caller but a few passes a `Sorted`) rather
# than through `starts_of`, and a one-item range is not filtered by comprehension.
def within(items: list[Any], start: int, end: int) -> list[Any]:
    """Items (sorted by start) whose span lies in [start, end)."""
    try:
        starts = items.starts  # type: ignore[attr-defined]
    except AttributeError:  # a plain list
        starts = [i.start for i in items]
    lo = bisect_left(starts, start)
    # two asks in three find nothing: the first start from `start` on is past `end` already
    # (a look at it spares the second bisection)
    if lo == len(starts) or starts[lo] >= end:
        return []
    hi = bisect_left(starts, end, lo + 1)
    if hi == lo + 1:
        item = items[lo]
        return [item] if item.end <= end else []
    return [i for i in items[lo:hi] if i.end <= end]


def starting(items: list[Any], start: int, end: int) -> list[Any]:
    """Items (sorted by start) that start in [start, end)."""
    try:
        starts = items.starts  # type: ignore[attr-defined]
    except AttributeError:  # a plain list
        starts = [i.start for i in items]
    lo = bisect_left(starts, start)
    if lo == len(starts) or starts[lo] >= end:  # as in `within`: mostly none
        return []
    return items[lo:bisect_left(starts, end, lo + 1)]


def may_begin(doc: Analysis, pattern: re.Pattern[str], start: int, end: int) -> bool:
    """False only when no match of `pattern` can begin in [start, end): none of its prefixes
    is there (the lexicon's patterns that rules search in windows are scanned with the
    document, `scan._SCANNED`; their prefixes' offsets are kept with it). A rule asks this
    before its regex search: most windows hold no candidate, and a bisection costs less."""
    begins = doc.begins.get(id(pattern), _UNPLANNED)
    if begins is _UNPLANNED:
        scan: Scan | None = doc.kept.get("scan")
        begins = doc.begins[id(pattern)] = scan.begins(pattern) if scan is not None else None
    if begins is None:
        return True
    index = bisect_left(begins, start)
    return index < len(begins) and begins[index] < end


_UNPLANNED: list[int] = []
"""`may_begin`'s mark of a pattern not looked up yet in a document."""


def distance(a: Hit, b: Hit) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(b.start - a.end, a.start - b.end, 0)


def date_near(doc: Analysis, sentence: Sentence, position: int) -> DateMention | None:
    """The date written in the sentence closest to `position`."""
    mentions = within(doc.dates, sentence.start, sentence.end)
    if not mentions:
        return None
    return min(mentions, key=lambda m: abs(m.start - position))


def evidence_of(doc: Analysis, sentence: Sentence) -> Evidence:
    """The evidence span of a sentence of the analysed document."""
    return Evidence(doc.document.id, sentence.start, sentence.end,
                    doc.source[sentence.start:sentence.end])
