"""What the words around a span say about it: region, settlement, river, actor.

Every cue is a pattern of the language's lexicon; this module only knows where to look.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontledger.places.lexicon import Lexicon
from frontledger.places.recognize import Word

WINDOW = 80
"""Characters of text looked at on each side of a span for a cue (a clause, roughly)."""
MARKER_WINDOW = 48
"""Characters before a name searched for a marker ("les régions ukrainiennes de ", "the
village of ", "населённого пункта "): the longest markers are about 35 characters."""
RIVER_WINDOW = 40
"""Characters around a river name in which a river word must occur ("left bank of the")."""
METONYM_LOOKBACK_WORDS = 1
"""Words before a name checked for a locative preposition ("in Kyiv", "à Moscou"), not
counting articles: further back, the preposition belongs to another phrase."""


@dataclass(frozen=True, slots=True)
class Cues:
    """The text around one span, and the lexicon to read it with."""

    text: str
    lex: Lexicon

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

    def linked(self, left_end: int, right_start: int) -> bool:
        """True when the gap between two names is a list separator (", ", " and ", " et de ")."""
        gap = self.text[left_end:right_start]
        return len(gap) < WINDOW and bool(self.lex.list_separator.match(gap))

    def marked_settlement(self, start: int) -> bool:
        """"the village of X", "le village de X", "село X", "у селі X"."""
        return bool(self.lex.place_marker_before.search(self.near_before(start)))

    def marked_village(self, start: int) -> bool:
        """"the village of X", "село X": a small place, whatever town shares its name."""
        return bool(self.lex.village_marker_before.search(self.near_before(start)))

    def river(self, start: int, end: int) -> bool:
        window = self.text[max(0, start - RIVER_WINDOW):end + RIVER_WINDOW]
        return bool(self.lex.river_cue.search(window))

    def actor(self, start: int, end: int, words: list[Word], first: int) -> bool:
        """A capital or country used for its government: "Kyiv said", "selon Moscou",
        "the Defense Council of Ukraine", "responded to Moscow's claims"; not "in Kyiv"."""
        if self.lex.metonym_before.search(self.near_before(start)):
            return True
        after = self.after(end)
        acts = bool(self.lex.metonym_verbs_after.match(after))
        if acts and after[:1] in "'’":  # a possessive of a non-place noun: "Moscow's claims"
            return True
        return acts and not self._locative(start, words, first)

    def _locative(self, start: int, words: list[Word], first: int) -> bool:
        return self._dateline(start, words, first) or self.locative(first, words)

    def locative(self, first: int, words: list[Word]) -> bool:
        """A locative preposition before the word, articles skipped ("in the", "à la")."""
        before = [w for w in words[max(0, first - 4):first] if w.key not in self.lex.articles]
        lookback = before[-METONYM_LOOKBACK_WORDS:]
        return any(w.key in self.lex.locative_before for w in lookback)

    def _dateline(self, start: int, words: list[Word], first: int) -> bool:
        if not words[first].text.isupper():
            return False
        # only what precedes on its line: looking back to the line's start made a long
        # line quadratic (normalised text has no long runs of spaces)
        before = self.text[max(0, start - WINDOW):start]
        if "\n" not in before and start > WINDOW:
            return False
        return not before[before.rfind("\n") + 1:].strip()
