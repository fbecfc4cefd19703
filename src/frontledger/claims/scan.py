"""Finding the pieces a claim is built from: triggers, side names, speakers, quantities.

Every pattern runs once over the whole document text; hits are then grouped by sentence.
A `Scan` of the language's whole pattern set (`lexicon_scan`) finds the candidates of all
of them in one pass; without one, each pattern scans the text on its own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import msgspec

from frontledger.claims.anchors import AnchoredSet, Scan
from frontledger.claims.resources import Lexicon, Theater, Trigger
from frontledger.text.scanning import finditer

# A person named in Latin or Cyrillic script: two or three capitalised words.
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐŁŚŻŹĆŃŠŽČŘ"
_LOWER = "a-zß-öø-ÿа-яёіїєґłśżźćńąęšžčřěů'’ʼ-"
# Latin letters with diacritics too: "Iván Petrenko", "José Müller", "Łukasz Wójcik"; an
# elided French word ("D'après", "L'armée") opens no name
_PERSON = re.compile(
    rf"\b(?!(?:[DLJNSC]|Qu)['’])[{_UPPER}][{_LOWER}]+(?:\s+[{_UPPER}][{_LOWER}]+){{1,2}}\b"
)


# A title and a capitalised surname ("M. Petrenko", "Mr Syrskyi", "Herr Selenskyj").
_TITLED = re.compile(r"\b(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Herr|Frau|г-н|г-жа|пан|пані)\s+"
                     r"[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’ʼ-]+")
MIN_SURNAME = 5
"""A surname shorter than this is not looked for alone (too many false matches)."""
SURNAME_ENDING = 2
"""Letters a repeated surname may differ in at its end (Russian and Ukrainian case endings:
Петренко → Петренка, Савчук → Савчука); kept within the MIN_SURNAME stem."""


class Hit(msgspec.Struct, frozen=True, gc=False):
    """A span of the text matched by a pattern, with what it means.

    (A frozen msgspec Struct rather than a dataclass: an article makes hundreds, one per
    match of every pattern, and a Struct is made ~20 times faster; see records.py.)"""

    start: int
    end: int
    label: str
    """Trigger kind, side code ("RU", "other", "enemy", "own"), cue type, ..."""
    trigger: Trigger | None = None
    value: float | None = None


_SETS: dict[tuple[int, int], tuple[Lexicon, tuple[Any, ...], AnchoredSet]] = {}


def lexicon_scan(text: str, lexicon: Lexicon, theater: Theater,
                 lowered: str | None = None) -> Scan:
    """Every pattern of `lexicon` and of the theater's names in its language, scanned over
    `text` in one pass (the set is built once per lexicon and theater)."""
    names = theater.side_names(lexicon.language)
    key = (id(lexicon), id(names))
    kept = _SETS.get(key)
    if kept is None or kept[0] is not lexicon or kept[1] is not names:
        kept = _SETS[key] = (lexicon, names, AnchoredSet(_patterns(lexicon, names)))
    elif (grown := kept[2].grown()) is not kept[2]:
        kept = _SETS[key] = (lexicon, names, grown)
    return kept[2].scan(text, text.lower() if lowered is None else lowered)


_SCANNED = ("spread", "claim_noun", "not_claim", "negation", "denial", "earlier",
            "place_anaphor", "settlement", "list_intro", "speaker_anaphor", "speech_verb",
            "speech_preposition", "speech_postposition", "impersonal", "backward",
            "anaphoric_preposition", "outage", "outage_after", "outage_word", "there",
            "bearing", "origin", "source", "opposed", "direction_before", "near", "river",
            "plan", "intent", "hypothesis_after", "conditional", "attempt", "background",
            "narration", "addressee", "not_speaker", "present", "pair", "forecast", "rank")
"""The lexicon's single patterns that `analysis.analyse` scans the whole text with (and
the outage patterns, which `binding` asks of every document: each alone cost ~0.1-0.3 ms
an article in the regex engine, ~7 % of an article's claims work, benchmarks/claims.py);
and those that rules search in windows next to a place or a trigger, whose prefixes'
offsets let `analysis.may_begin` skip the windows that cannot match."""


def _patterns(lexicon: Lexicon, names: tuple[Any, ...]) -> list[re.Pattern[str]]:
    single = [getattr(lexicon, field) for field in _SCANNED]
    return ([t.pattern for t in lexicon.triggers] + [p for p, _side in names]
            + [p for p, _value in lexicon.fraction_words] + [p for p in single if p is not None])


def _scan(text: str, lowered: str | None, scan: Scan | None) -> Scan:
    return scan if scan is not None else Scan(text, text.lower() if lowered is None else lowered)


_START = attrgetter("start")


def find_triggers(text: str, lexicon: Lexicon, lowered: str | None = None,
                  scan: Scan | None = None,
                  usable: Callable[[Hit], bool] | None = None) -> list[Hit]:
    """Trigger hits in text order; of overlapping hits the longest wins. `usable` drops
    hits before that contest, so a long phrase the caller cannot use (one that swallowed
    a place's name) does not silence the shorter triggers inside it."""
    found = _scan(text, lowered, scan)
    hits = [
        Hit(m.start(), m.end(), trigger.kind, trigger)
        for trigger in lexicon.triggers
        for m in found.finditer(trigger.pattern)
        if m.end() > m.start()
    ]
    return drop_overlaps(hits if usable is None else [h for h in hits if usable(h)])


def find_sides(
    text: str, theater: Theater, language: str, lowered: str | None = None,
    scan: Scan | None = None,
) -> list[Hit]:
    """Names of sides (and of enemy/own/other voices) in text order, longest first."""
    found = _scan(text, lowered, scan)
    hits = [
        Hit(m.start(), m.end(), side)
        for pattern, side in theater.side_names(language)
        for m in found.finditer(pattern)
        if m.end() > m.start()
    ]
    return drop_overlaps(hits)


def find_persons(text: str) -> list[Hit]:
    """Runs of capitalised words that may name a person or body; a title and a surname
    ("M. Petrenko", "Mr Syrskyi"); and a surname alone where the full name came earlier
    ("Petro Savchuk ... Savchuk said", "Петро Савчук ... Савчука")."""
    full = [Hit(m.start(), m.end(), "person") for m in finditer(_PERSON, text)]
    titled = [Hit(m.start(), m.end(), "person") for m in finditer(_TITLED, text)]
    found = drop_overlaps(full + titled)
    surnames = {text[h.start:h.end].split()[-1] for h in full}
    stems = {n[:max(len(n) - SURNAME_ENDING, MIN_SURNAME)] for n in surnames
             if len(n) >= MIN_SURNAME}
    if not stems:
        return found
    repeated = [Hit(start, end, "person") for start, end in _surnames_alone(text, stems)]
    return drop_overlaps(found + repeated)


# A capitalised word right after a rank, maybe quoted as a call sign ("«Бард»", "\"Lis\""),
# and the surname after it where there is one ("général Mark Rutte": the whole name)
_RANKED_NAME = re.compile(
    rf"[ \t]+[«\"„“]?[{_UPPER}][{_LOWER}]+[»\"”“]?(?:[ \t]+[{_UPPER}][{_LOWER}]+){{0,2}}"
    rf"(?![{_UPPER}{_LOWER}])")


def find_ranked(text: str, rank: re.Pattern[str] | None, scan: Scan | None = None) -> list[Hit]:
    """A rank and the one capitalised word after it, a first name or a call sign ("le
    capitaine Andriï", "il maggiore Andriy", "kapitan Ołeh", "командир с позывным «Бард»"):
    a person whose surname the report leaves out (with the surname where it follows)."""
    if rank is None:
        return []
    found = []
    for match in _scan(text, None, scan).finditer(rank):
        name = _RANKED_NAME.match(text, match.end())
        if name is not None:
            found.append(Hit(match.start(), name.end(), "person"))
    return found


ENDING_LETTERS = 3
"""Word characters a repeated surname may add to its stem (a case ending: "Петренка")."""
_WORD_EDGE = re.compile(r"\b")
_ENDING = re.compile(rf"\w{{0,{ENDING_LETTERS}}}\b")


def _surnames_alone(text: str, stems: set[str]) -> list[tuple[int, int]]:
    """The spans `re.finditer(r"\\b(?:STEMS)\\w{0,3}\\b", text)` finds, STEMS the sorted
    stems: each stem is looked for with `str.find` (a regex of a document's own names was
    compiled afresh for every document, then tried at every offset of its text)."""
    ends: dict[int, int] = {}
    for stem in sorted(stems):  # of two stems at one offset, the regex's first alternative wins
        start = text.find(stem)
        while start >= 0:
            if start not in ends and _WORD_EDGE.match(text, start):
                ending = _ENDING.match(text, start + len(stem))
                if ending is not None:
                    ends[start] = ending.end()
            start = text.find(stem, start + 1)
    spans: list[tuple[int, int]] = []
    reached = 0
    for start in sorted(ends):  # leftmost first, none overlapping (what finditer keeps)
        if start >= reached:
            spans.append((start, ends[start]))
            reached = ends[start]
    return spans


def find_pattern(
    text: str, pattern: re.Pattern[str] | None, label: str, lowered: str | None = None,
    scan: Scan | None = None,
) -> list[Hit]:
    """All non-empty matches of one pattern."""
    if pattern is None:
        return []
    return [Hit(m.start(), m.end(), label)
            for m in _scan(text, lowered, scan).finditer(pattern) if m.end() > m.start()]


def find_fractions(text: str, lexicon: Lexicon, scan: Scan | None = None) -> list[Hit]:
    """Partial quantities; value -1 marks a share given without a number ("most of")."""
    hits = [Hit(m.start(), m.end(), "fraction", value=v) for m, v in _numeric(text, lexicon)]
    found = _scan(text, None, scan)
    for pattern, value in lexicon.fraction_words:
        hits.extend(
            Hit(m.start(), m.end(), "fraction", value=value)
            for m in found.finditer(pattern)
            if m.end() > m.start()
        )
    return drop_overlaps(hits)


def _numeric(text: str, lexicon: Lexicon) -> list[tuple[re.Match[str], float]]:
    found: list[tuple[re.Match[str], float]] = []
    # through their `Scanner`s, which let the engine skip to where a number may begin (the
    # percentages: ~35 µs a 3 KB article → ~20 µs)
    for m in finditer(lexicon.percent, text):
        value = _number(m.group(1))
        if value is not None and 0 < value <= 100:
            found.append((m, round(value / 100, 2)))
    for m in finditer(lexicon.ratio, text):
        part, whole = _number(m.group(1)), _number(m.group(2))
        if part is not None and whole and 0 < part < whole:
            found.append((m, round(part / whole, 2)))
    return found


def _number(text: str) -> float | None:
    """A number as news writes it: "1,376", "5.667" (thousands), "180,8" (decimal)."""
    cleaned = re.sub(r"\s", "", text).rstrip(".,")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", cleaned):
        cleaned = re.sub(r"[.,]", "", cleaned)
    try:
        return float(cleaned.replace(",", "."))
    except ValueError:
        return None


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep, among overlapping hits, the longest (then the earliest); return in text order."""
    ordered = sorted(hits, key=_START)
    end = -1
    for hit in ordered:  # mostly none overlaps: all are kept, in text order
        if hit.start < end or hit.start >= hit.end:
            break
        end = hit.end
    else:
        return ordered
    kept: list[Hit] = []
    # the kept spans, in text order: disjoint, so their ends are in order too (two lists of
    # offsets bisect faster than one of pairs, and no pair is built a hit)
    starts: list[int] = []
    ends: list[int] = []
    # longest first, then earliest: `ordered` is in text order and the sort is stable
    for hit in sorted(ordered, key=_length, reverse=True):
        start, end = hit.start, hit.end
        index = bisect.bisect_left(starts, start)
        if ((index == 0 or ends[index - 1] <= start)
                and (index == len(starts) or starts[index] >= end)):
            kept.append(hit)
            starts.insert(index, start)
            ends.insert(index, end)
    return sorted(kept, key=_START)


def _length(hit: Hit) -> int:
    return hit.end - hit.start
