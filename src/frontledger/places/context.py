"""What the words around a span say about it: region, settlement, river, actor.

Every cue is a pattern of the language's lexicon; this module only knows where to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontledger.places.lexicon import Lexicon
from frontledger.places.recognize import Word
from frontledger.text.scanning import finditer

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
DATELINE_MARKS = ",:(-–—"
"""What follows the place that opens a dateline ("MOSCOW (Reuters)", "Kyiv, 3 May")."""
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

    def __post_init__(self) -> None:
        lowered = self.text.lower()
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

    def region_before(self, start: int) -> bool:
        """"région de X", "the regions of X", "Region X"."""
        return bool(self.lex.region_keyword_before.search(self.near_before(start)))

    def region_after(self, end: int) -> bool:
        """"X region", "X and Y oblasts", "Донецкой области"."""
        return bool(self.lex.region_keyword_after.match(self.after(end)))

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Character range of the sentence around a stretch of text."""
        left = max(self.text.rfind(mark, 0, start) for mark in SENTENCE_ENDS) + 1
        ends = [i for i in (self.text.find(mark, end) for mark in SENTENCE_ENDS) if i >= 0]
        return left, min(ends, default=len(self.text))

    def regions_word_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where the plural word for regions occurs between two offsets."""
        return [m.span() for m in self.lex.regions_word.finditer(self.text, start, end)]

    def linked(self, left_end: int, right_start: int) -> bool:
        """True when the gap between two names is a list separator (", ", " and ", " et de ")."""
        gap = self.text[left_end:right_start]
        return len(gap) < WINDOW and bool(self.lex.list_separator.match(gap))

    def marked_settlement(self, start: int) -> bool:
        """"the village of X", "le village de X", "село X", "у селі X"."""
        return bool(self.lex.place_marker_before.search(self.near_before(start)))

    def marked_after(self, end: int) -> bool:
        """"X, a village near Y", "X and Y -- two settlements"."""
        return bool(self.lex.place_marker_after.match(self.after(end)))

    def marked_village(self, start: int) -> bool:
        """"the village of X", "село X": a small place, whatever town shares its name."""
        return bool(self.lex.village_marker_before.search(self.near_before(start)))

    def organisation(self, start: int, end: int) -> bool:
        """"the Dnipro Operational Strategic Group", "le groupement Dnipro", "угруповання
        «Хортиця»": the name is part of a military unit's or an organisation's name."""
        if start in self.unit_names_at:
            return True
        # "Operational Group", "бригада" right after the name
        return self.lex.organisation_after.match(self.text, self._next_word(end)) is not None

    def _next_word(self, end: int) -> int:
        """Offset of the first character after the spaces that follow `end`."""
        after = self.text[end:end + WINDOW]
        return end + len(after) - len(after.lstrip())

    def river(self, start: int, end: int) -> bool:
        window = self.text[max(0, start - RIVER_WINDOW):end + RIVER_WINDOW]
        return bool(self.lex.river_cue.search(window))

    def actor(self, start: int, end: int, words: list[Word], first: int,
              listed_as_place: bool = False) -> bool:
        """A capital or country used for its government: "Kyiv said", "selon Moscou",
        "the Defense Council of Ukraine", "responded to Moscow's claims", and wherever it
        is not named as a place ("Kyiv rejected", "les troupes de Moscou"); not "in Kyiv"."""
        after = self.after(end)
        if after[:1] in "'’" and self.lex.metonym_verbs_after.match(after):
            return True  # a possessive of a non-place noun: "Moscow's claims"
        before = self.near_before(start)
        if self.lex.place_before.search(before):
            return False  # "the border with Russia": a place relation outranks "with"
        if self.lex.metonym_before.search(before):
            return True
        return not (listed_as_place or self.placed(start, end, words, first))

    def placed(self, start: int, end: int, words: list[Word], first: int) -> bool:
        """A country or capital named as a place: after a locative preposition ("in
        Ukraine", "à Moscou"), a place relation ("the east of", "на территории"), before
        one ("Russia's Kursk region"), or as a dateline. Elsewhere such a name is the
        subject or agent of the news ("Kyiv rejected", "les troupes de Moscou")."""
        return (self.locative(first, words) or self._heads_line(start, end, words, first)
                or bool(self.lex.place_before.search(self.near_before(start)))
                or bool(self.lex.place_after.match(self.after(end))))

    def _heads_line(self, start: int, end: int, words: list[Word], first: int) -> bool:
        """A dateline: "MOSCOW (Reuters) -", "Москва, 25 окт", "Moskau - Nach ..."."""
        # only what precedes on its line, within WINDOW: looking back to the line's start
        # made a long line quadratic (normalised text has no long runs of spaces)
        before = self.text[max(0, start - WINDOW):start]
        if ("\n" not in before and start > WINDOW) or before[before.rfind("\n") + 1:].strip():
            return False
        mark = self.text[end:end + 2].lstrip(" ")[:1]
        return words[first].text.isupper() or (bool(mark) and mark in DATELINE_MARKS)

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
