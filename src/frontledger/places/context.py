"""What the words around a span say about it: region, settlement, river, actor.

Every cue is a pattern of the language's lexicon; this module only knows where to look.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field

from ahocorasick_rs import AhoCorasick

from frontledger.places.lexicon import Lexicon
from frontledger.places.recognize import Word
from frontledger.text.scanning import finditer, literal_prefixes, spaced

WINDOW = 80
"""Characters of text looked at on each side of a span for a cue (a clause, roughly)."""
MARKER_WINDOW = 48
"""Characters before a name searched for a marker ("les régions ukrainiennes de ", "the
village of ", "населённого пункта "): the longest markers are about 35 characters."""
RIVER_WINDOW = 40
"""Characters around a river name in which a river word must occur ("left bank of the")."""
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
"""A preposition across a sentence end ("... Gruppen auf.\n\nUkraine schafft") is not the
name's: a particle or the last word of the sentence before."""
SENTENCE_ENDS = (". ", "! ", "? ", "\n")
"""What ends a sentence, for cues that hold within one (a full stop then a space: not the
point of "2.5" or of an initial)."""
SENTENCE_REACH = 400
"""Characters looked at on each side of a name for its sentence's ends by `sentence`
(a sentence of wire copy rarely runs longer; past it, the window is the sentence)."""
DATELINE_MARKS = ",:(-–—/"
"""What follows the place that opens a dateline ("MOSCOW (Reuters)", "Kyiv, 3 May", the
first of two places a report is filed from: "Moskau/Kiew (dpa)")."""
_FILED_FROM = re.compile(r"\s*(?:[(/]"  # "Moskwa (PAP) -", "Moskau/Kiew"
                         r"|,\s*(?:[^\W\d_][\w'’.-]*\s*,\s*)?\d"  # "Kiev, 15 oct", "X, Ukraine, 3"
                         r"|,\s*[^\W\d_][\w'’.-]*\s*[(\-–—])")  # "Kiev, Ukraine (AP)"
"""What follows the town a wire report is filed from, in a dateline: the agency in
brackets, a second town after a slash, a date or the country after a comma. Not a comma
alone ("Dnipropetrovsk, a major industrial region, ..." opens a paragraph on the region),
nor a colon or a dash, which also follow a headline's topic ("Zaporizhzhia: ...")."""
_DATELINE_LEAD = re.compile(r"\([^()\n]{1,30}\)\s*[-–—]?\s*"  # "(ANSA) - ROMA, 28 OTT"
                            r"|(?:[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*)?\s*/\s*)+"  # "Kiew/"
                            r"|(?P<town>[^\W\d_][\w'’ .-]{0,30}),\s*")  # "KYIV, Ukraine (AP)"
"""What may stand before a dateline's place on its line: the agency ahead of it, the first
of two towns, the town in capitals (`town`) before its country."""
METONYM_LOOKBACK_WORDS = 1
"""Words before a name checked for a locative preposition ("in Kyiv", "à Moscou"), not
counting articles: further back, the preposition belongs to another phrase."""


@dataclass(frozen=True, slots=True)
class Cues:
    """The text around one span, and the lexicon to read it with."""

    text: str
    lex: Lexicon
    unit_names_at: frozenset[int] = field(init=False, default=frozenset())
    """Where the words that open a unit's name end ("groupement ", "угруповання «"), found
    in one pass over the text: a name starting there is part of the unit's name."""

    sites: Mapping[int, list[int]] = field(init=False, default_factory=dict, compare=False)
    """Where the literal prefixes of each of the SITE_CUES begin in the text, sorted (by
    the cue's index; a cue without prefixes is not there): found in one pass over the text
    for all of them, so that a name whose window holds none is not searched, nor a text
    that holds none."""

    def __post_init__(self) -> None:
        lowered = self.text.lower()
        object.__setattr__(self, "sites", _marker_sites(self.lex, self.text, lowered))
        if any(stem in lowered for stem in self.lex.organisation_stems):
            # the scanner skips to where a unit's word may begin: the pattern opens with a
            # lookbehind, which the engine would otherwise try at every character
            object.__setattr__(self, "unit_names_at", frozenset(
                m.end() for m in finditer(self.lex.organisation_before, self.text)))

    def before(self, start: int) -> str:
        return self.text[max(0, start - WINDOW):start]

    def after(self, end: int) -> str:
        return self.text[end:end + WINDOW]

    def near_before(self, start: int) -> str:
        return self.text[max(0, start - MARKER_WINDOW):start]

    def line_before(self, start: int) -> str:
        """The MARKER_WINDOW before `start`, from its line's start: a headline's last word
        ("... в Харьковской области") does not mark the dateline's town below it."""
        before = self.near_before(start)
        return before[before.rfind("\n") + 1:]

    def region_before(self, start: int) -> bool:
        """"région de X", "the regions of X", "Region X"."""
        return self._may_mark(REGION_KEYWORD, start) and self._marks(
            REGION_KEYWORD, self.lex.region_keyword_before, self.line_before(start), start)

    def region_preposition_before(self, start: int) -> bool:
        """"на Запорожье": a preposition that puts the name after it in a region."""
        return self._may_mark(REGION_PREPOSITION, start) and self._marks(
            REGION_PREPOSITION, self.lex.region_preposition, self.line_before(start), start)

    def _may_mark(self, cue: int, start: int) -> bool:
        """False when no match of MARKER_CUES[cue] can begin in the MARKER_WINDOW before
        `start`: none of its literal prefixes begins there (every match begins with one)."""
        sites = self.sites.get(cue)
        if sites is None:
            return True  # no prefixes known, or a text whose lower case changes its length
        at = bisect_left(sites, start - MARKER_WINDOW)
        return at < len(sites) and sites[at] < start

    def _marks(self, cue: int, pattern: re.Pattern[str], before: str, start: int) -> bool:
        """Whether `pattern` (MARKER_CUES[cue]) matches in `before`, the text that ends at
        `start`: what `pattern.search(before)` tells, asked only where one of its literal
        prefixes begins (every match begins at one), not at every character of the window
        (a search of the window cost 1-4 µs, a match at a prefix a fraction of that)."""
        sites = self.sites.get(cue)
        if sites is None:
            return pattern.search(before) is not None
        offset = start - len(before)
        at = bisect_left(sites, offset)
        while at < len(sites) and sites[at] < start:
            if pattern.match(before, sites[at] - offset) is not None:
                return True
            at += 1
        return False

    def may_hold(self, cue: int) -> bool:
        """False when the text holds no match of SITE_CUES[cue] (one of TEXT_CUES): none of
        its literal prefixes begins anywhere."""
        sites = self.sites.get(cue)
        return sites is None or bool(sites)

    def region_after(self, end: int) -> bool:
        """"X region", "X and Y oblasts", "Донецкой области"."""
        return bool(self.lex.region_keyword_after.match(self.after(end)))

    def sentence(self, start: int, end: int, reach: int | None = None) -> tuple[int, int]:
        """Character range of the sentence around a stretch of text; with `reach`, looked
        for at most that many characters on each side (a cheap one for cues asked of many
        names)."""
        text = self.text
        left = 0 if reach is None else max(0, start - reach)
        high = len(text) if reach is None else min(len(text), end + reach)
        right = high
        # each kind of end is looked for only inside the sentence the others left: a kind
        # the text lacks ("! ") is not looked for back to the text's start
        for mark in SENTENCE_ENDS:
            found = text.rfind(mark, left, start)
            if found >= 0:
                left = found + 1
        for mark in SENTENCE_ENDS:  # one that starts before `right` ends by right - 1 + len
            found = text.find(mark, end, min(high, right - 1 + len(mark)))
            if found >= 0:
                right = found
        return left, right

    def regions_word_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where the plural word for regions occurs between two offsets."""
        return [m.span() for m in self.lex.regions_word.finditer(self.text, start, end)]

    def linked(self, left_end: int, right_start: int) -> bool:
        """True when the gap between two names is a list separator (", ", " and ", " et de ")."""
        if min(right_start, len(self.text)) - left_end >= WINDOW:
            return False  # too far apart (asked first: names far apart are most pairs)
        gap = self.text[left_end:right_start]
        return len(gap) < WINDOW and bool(self.lex.list_separator.match(gap))

    def marked_settlement(self, start: int) -> bool:
        """"the village of X", "le village de X", "село X", "у селі X"."""
        return self._may_mark(PLACE_MARKER, start) and self._marks(
            PLACE_MARKER, self.lex.place_marker_before, self.near_before(start), start)

    def marked_after(self, end: int) -> bool:
        """"X, a village near Y", "X and Y -- two settlements"."""
        return bool(self.lex.place_marker_after.match(self.after(end)))

    def city_after(self, end: int) -> bool:
        """"Kharkiv, the country's second-largest city", "Харьков, второй по величине город":
        a city in apposition (the lexicon's `city_apposition`), never the region."""
        return self.text.startswith(",", end) and bool(
            self.lex.city_apposition.match(self.after(end)))

    def marked_settlement_after(self, end: int) -> bool:
        """"X e il vicino villaggio di Y", "X et le village voisin de Y": the name is joined
        to a settlement noun's phrase (the lexicon's `settlement_joined`)."""
        return self.lex.settlement_joined.match(self.text, end, end + WINDOW) is not None

    def marked_village(self, start: int) -> bool:
        """"the village of X", "село X": a small place, whatever town shares its name."""
        return self._may_mark(VILLAGE_MARKER, start) and self._marks(
            VILLAGE_MARKER, self.lex.village_marker_before, self.near_before(start), start)

    def organisation(self, start: int, end: int) -> bool:
        """"the Dnipro Operational Strategic Group", "le groupement Dnipro", "угруповання
        «Хортиця»": the name is part of a military unit's or an organisation's name."""
        if start in self.unit_names_at:
            return True
        # "Operational Group", "бригада" right after the name
        return self._may_follow(ORGANISATION_AFTER, end) and self.lex.organisation_after.match(
            self.text, self._next_word(end)) is not None

    def _may_follow(self, cue: int, end: int) -> bool:
        """False when no match of SITE_CUES[cue] can begin in the WINDOW after `end` (where
        `_next_word` may reach): none of its literal prefixes begins there."""
        sites = self.sites.get(cue)
        if sites is None:
            return True
        at = bisect_left(sites, end)
        return at < len(sites) and sites[at] <= end + WINDOW

    def _next_word(self, end: int) -> int:
        """Offset of the first character after the spaces that follow `end`."""
        after = self.text[end:end + WINDOW]
        return end + len(after) - len(after.lstrip())

    def river(self, start: int, end: int) -> bool:
        window = self.text[max(0, start - RIVER_WINDOW):end + RIVER_WINDOW]
        return bool(self.lex.river_cue.search(window))

    def river_before(self, start: int) -> bool:
        """"on the Dnipro", "sur le Dniepr", "am Oskil": a word right before the name
        that only a river's name takes (the lexicon's `river_before`)."""
        return bool(self.lex.river_before.search(self.near_before(start)))

    def actor(self, start: int, end: int, words: list[Word], first: int,
              listed_as_place: bool = False) -> bool:
        """A capital or country used for its government: "Kyiv said", "selon Moscou",
        "the Defense Council of Ukraine", "responded to Moscow's claims", and wherever it
        is not named as a place ("Kyiv rejected", "les troupes de Moscou"); not "in Kyiv"."""
        after = self.after(end)
        if after[:1] in "'’" and self.lex.metonym_verbs_after.match(after):
            return True  # a possessive of a non-place noun: "Moscow's claims"
        if self.lex.agent_after.match(after) and self.lex.agent_before.search(
                self.near_before(start)):
            return True  # the agent of a participle: "von Russland besetzte Gebiete"
        before = self.near_before(start)
        if self._may_mark(PLACE_RELATION, start) and self._marks(
                PLACE_RELATION, self.lex.place_before, before, start):
            return False  # "the border with Russia": a place relation outranks "with"
        if self._may_mark(METONYM, start) and self._marks(
                METONYM, self.lex.metonym_before, before, start):
            return True
        return not (listed_as_place or self.placed(start, end, words, first))

    def marked_actor(self, start: int, end: int, words: list[Word], first: int,
                     listed_as_place: bool = False) -> bool:
        """A capital or country that the words around mark as an actor: not named as a
        place (`placed`), and the subject of a verb of saying or doing ("Washington
        imposed", "Paris a annoncé") or after an actor's preposition ("according to
        Beijing"). Outside war news that is the only way a country is an actor (see
        `actor`): "officials in Wellington said" names a place."""
        if listed_as_place or self.placed(start, end, words, first):
            return False  # "farmers in Hungary and Austria say"
        return bool(self.lex.metonym_verbs_after.match(self.after(end))) or (
            self._may_mark(METONYM, start)
            and self._marks(METONYM, self.lex.metonym_before, self.near_before(start), start))

    def placed(self, start: int, end: int, words: list[Word], first: int) -> bool:
        """A country or capital named as a place: after a locative preposition ("in
        Ukraine", "à Moscou"), a place relation ("the east of", "на территории"), before
        one ("Russia's Kursk region"), or as a dateline. Elsewhere such a name is the
        subject or agent of the news ("Kyiv rejected", "les troupes de Moscou")."""
        return (self.locative(first, words) or self._heads_line(start, end, words, first)
                or (self._may_mark(PLACE_RELATION, start)
                    and self._marks(PLACE_RELATION, self.lex.place_before,
                                    self.near_before(start), start))
                or bool(self.lex.place_after.match(self.after(end))))

    def _heads_line(self, start: int, end: int, words: list[Word], first: int) -> bool:
        """A dateline: "MOSCOW (Reuters) -", "Москва, 25 окт", "Moskau - Nach ...", also
        after what may lead it (`_DATELINE_LEAD`): "(AGI) - Mosca, 8 gen.", "Moskau/Kiew",
        "KYIV, Ukraine (AP)"."""
        if not self._line_opens_with(start):
            return False
        mark = self.text[end:end + 2].lstrip(" ")[:1]
        # the later city of a joint dateline may close it with a full stop: "Zürich/Kiew. Wer"
        joint = self.text[max(0, start - WINDOW):start].rstrip().endswith("/")
        marks = DATELINE_MARKS + "." if joint else DATELINE_MARKS
        return words[first].text.isupper() or (bool(mark) and mark in marks)

    def filed_from(self, start: int, end: int) -> bool:
        """The town a wire report is filed from, opening its dateline ("SUMY, Ukraine,
        March 12 (Wire) -", "(AGI) - Mosca, 8 gen. -", "МОСКВА, 22 января."): a town,
        whatever region of that name the article speaks of."""
        if not self._line_opens_with(start):
            return False
        if self.text[start:end].isupper():  # "SUMY, Ukraine", "KHERSON —", "МОСКВА."
            mark = self.text[end:end + 2].lstrip(" ")[:1]
            return bool(mark) and mark in DATELINE_MARKS + "."
        return _FILED_FROM.match(self.text, end, end + WINDOW) is not None

    def _line_opens_with(self, start: int) -> bool:
        """Whether only what may lead a dateline stands before `start` on its line."""
        # only what precedes on its line, within WINDOW: looking back to the line's start
        # made a long line quadratic (normalised text has no long runs of spaces)
        before = self.text[max(0, start - WINDOW):start]
        if "\n" not in before and start > WINDOW:
            return False
        lead = before[before.rfind("\n") + 1:].lstrip()
        if not lead:
            return True
        found = _DATELINE_LEAD.fullmatch(lead)
        return found is not None and (found["town"] is None or found["town"].isupper())

    def locative(self, first: int, words: list[Word]) -> bool:
        """A locative preposition before the word, articles skipped ("in the", "à la")."""
        # the last METONYM_LOOKBACK_WORDS of the four words before that are no articles,
        # nearest first (asked of every name: no list built)
        articles, left = self.lex.articles, METONYM_LOOKBACK_WORDS
        for k in range(first - 1, max(0, first - 4) - 1, -1):
            w = words[k]
            if w.key in articles:
                continue
            if w.key in self.lex.locative_before and not _SENTENCE_BREAK.search(
                    self.text, w.end, words[first].start):
                return True
            left -= 1
            if not left:
                break
        return False


MARKER_CUES = ("place_marker_before", "village_marker_before", "region_keyword_before",
               "region_preposition", "place_before", "metonym_before")
"""The lexicon's patterns searched in the MARKER_WINDOW before a name, whose literal
prefixes (`text.scanning.literal_prefixes`) are found in the whole text at once."""
(PLACE_MARKER, VILLAGE_MARKER, REGION_KEYWORD, REGION_PREPOSITION, PLACE_RELATION,
 METONYM) = range(len(MARKER_CUES))
TEXT_CUES = ("district_hint", "direction_hint")
"""The lexicon's patterns searched in the whole text (`Cues.may_hold`), whose prefixes the
same pass finds: a text without them (most texts) is not searched for them."""
FOLLOWING_CUES = ("organisation_after",)
"""The lexicon's patterns matched at the word after a name, whose prefixes the same pass
finds: a name with none in the WINDOW after it is not matched."""
SITE_CUES = MARKER_CUES + TEXT_CUES + FOLLOWING_CUES
DISTRICT_HINT, DIRECTION_HINT, ORGANISATION_AFTER = range(len(MARKER_CUES), len(SITE_CUES))
MIN_SITE_PREFIX = 2
"""Cues with a shorter prefix (a lone letter or space) are searched at every name: their
prefixes would be found almost everywhere."""

_site_plans: dict[int, tuple[Lexicon, AhoCorasick | None, tuple[tuple[int, ...], ...],
                             tuple[int, ...]]] = {}
"""By `id` of a lexicon (kept, so that the id stays its own): the automaton of the prefixes
of its SITE_CUES, the cues of each prefix, and the cues that have prefixes."""


def _site_plan(lex: Lexicon) -> tuple[AhoCorasick | None, tuple[tuple[int, ...], ...],
                                      tuple[int, ...]]:
    kept = _site_plans.get(id(lex))
    if kept is None or kept[0] is not lex:
        cues_of: dict[str, list[int]] = {}
        planned = []
        for cue, name in enumerate(SITE_CUES):
            prefixes = literal_prefixes(getattr(lex, name))
            if prefixes is None or min(map(len, prefixes)) < MIN_SITE_PREFIX:
                continue
            planned.append(cue)
            for prefix in sorted(prefixes):
                cues_of.setdefault(prefix, []).append(cue)
        keywords = list(cues_of)
        kept = (lex, AhoCorasick(keywords) if keywords else None,
                tuple(tuple(cues_of[k]) for k in keywords), tuple(planned))
        _site_plans[id(lex)] = kept
    return kept[1], kept[2], kept[3]


def _marker_sites(lex: Lexicon, text: str, lowered: str) -> dict[int, list[int]]:
    """Where each planned cue's prefixes begin in `text` (`lowered`: its lower case)."""
    automaton, cues_of, planned = _site_plan(lex)
    if automaton is None or len(lowered) != len(text):
        return {}  # offsets of the two texts differ: every name is searched
    sites: dict[int, list[int]] = {cue: [] for cue in planned}
    for keyword, start, _end in automaton.find_matches_as_indexes(spaced(lowered),
                                                                   overlapping=True):
        for cue in cues_of[keyword]:
            sites[cue].append(start)
    for found in sites.values():
        found.sort()
    return sites
