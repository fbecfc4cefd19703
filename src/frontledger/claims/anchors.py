"""Fast lexicon scans: skip patterns that cannot match, and avoid case-folding when possible.

Most theater names and many lexicon patterns cannot match a given article at all. Before
running a pattern, we look for the literal words one of which every match must contain
("putin" for `\\b(?:Vladimir\\s+)?Putin\\b`) in the lower-cased text — a substring test is
far cheaper than a regex scan. Patterns we cannot analyse are always run.

Case-insensitive patterns written in lower case run without the IGNORECASE flag over the
lower-cased text (same offsets), which Python's regex engine does about 2.5 times faster.

Each pattern then runs through `frontledger.text.scanning`, which lets the engine skip
ahead to where a match can start.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ahocorasick_rs import AhoCorasick

from frontledger.text import compiled
from frontledger.text.scanning import (
    WORD_HELD,
    Scanner,
    finditer,
    literal_prefixes,
    opens_with_boundary,
    scanner,
    squeezed,
)
from frontledger.text.scanning import sre as _sre

MIN_ANCHOR = 3
"""Literal runs shorter than this are not selective enough to be worth checking."""


@dataclass(frozen=True, slots=True)
class Anchored:
    """A compiled pattern with the anchor words one of which its matches contain."""

    pattern: Scanner
    anchors: tuple[str, ...] | None
    folded: Scanner | None = None
    """The same pattern without IGNORECASE, for lower-cased text (None when not possible)."""

    def may_match(self, lowered: str) -> bool:
        """False only when no match is possible in a text whose lower-case form is given."""
        return self.anchors is None or any(a in lowered for a in self.anchors)

    def finditer(self, text: str, lowered: str) -> list[re.Match[str]]:
        """All matches in `text` (an empty list when the anchors rule them out)."""
        if not self.may_match(lowered):
            return []
        if self.folded is not None and len(lowered) == len(text):
            return self.folded.finditer(lowered)
        return self.pattern.finditer(text)


@cache
def anchored(pattern: re.Pattern[str]) -> Anchored:
    """`pattern` with its anchors computed once."""
    folded = _folded(pattern)
    return Anchored(scanner(pattern), anchors_of(pattern.pattern),
                    scanner(folded) if folded is not None else None)


_UPPER_LITERAL = re.compile(r"(?<!\\)[^\W\d_a-z]")


def _folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` without IGNORECASE, when it is case-insensitive (by flag, or wholly wrapped
    in `(?i:...)`) and has no upper-case letter."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE:
        inner = _wholly_insensitive(source)
        if inner is None:
            return None
        source = inner
    if any(ch != ch.lower() for ch in _UPPER_LITERAL.findall(source)):
        return None
    return compiled.compile(source, pattern.flags & ~re.IGNORECASE)


def _wholly_insensitive(source: str) -> str | None:
    """The inside of a pattern that is one `(?i:...)` group, else None."""
    if not (source.startswith("(?i:") and source.endswith(")")):
        return None
    depth, escaped = 0, False
    for index, char in enumerate(source):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and index != len(source) - 1:
                return None
    return source[4:-1]


@compiled.remembered  # a parse per pattern: kept between processes
def anchors_of(source: str) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of `source` contains, or None."""
    if _sre is None:
        return None
    try:
        parsed = _sre.parse(source)
    except Exception:
        return None
    found = _required(list(parsed))
    return tuple(sorted(found)) if found else None


def _required(items: list[Any]) -> set[str] | None:
    """Best anchor set of a sequence of parsed items (None when there is none)."""
    best: set[str] | None = None
    run = ""
    for op, arg in [*items, (None, None)]:
        if op is not None and str(op) == "LITERAL":
            run += chr(arg).lower()
            continue
        if len(run) >= MIN_ANCHOR:
            best = _better(best, {run})
        run = ""
        if op is not None:
            best = _better(best, _item(op, arg))
    return best


def _item(op: Any, arg: Any) -> set[str] | None:
    name = str(op)
    if name == "SUBPATTERN":
        return _required(list(arg[-1]))
    if name == "BRANCH":
        branches = [_required(list(b)) for b in arg[1]]
        if any(b is None for b in branches):
            return None
        return set().union(*[b for b in branches if b])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
        return _required(list(arg[2]))
    return None


def _better(current: set[str] | None, candidate: set[str] | None) -> set[str] | None:
    """The more selective of two anchor sets: the one whose shortest word is longer."""
    if not candidate:
        return current
    if not current:
        return candidate
    return candidate if min(map(len, candidate)) > min(map(len, current)) else current


@dataclass(frozen=True, slots=True)
class _Plan:
    """How one pattern of a set is matched once its candidates are known."""

    source: re.Pattern[str]
    pattern: re.Pattern[str]
    """What runs: the case-folded pattern (over the lower-cased text) or the pattern itself."""
    on_lowered: bool
    prefixes: tuple[int, ...]
    """Keywords (indexes) one of which begins every match."""
    anchors: frozenset[int] | None
    """Keywords one of which the text must hold; None: no such words known."""
    spaced_anchors: bool
    """Whether the anchors are found in the spaced text as in the text (none holds a
    space); else `Anchored.may_match` looks for them."""
    word_start: bool
    """Every match begins at a word's first character (a leading `\\b` and word prefixes):
    a candidate inside a word is skipped."""
    held: tuple[int, ...] = ()
    """Keywords (indexes) a match may begin the word of, not with (`\\b\\w*kämpf`:
    `scanning.WORD_HELD`): where one is found, the word that holds it is a candidate."""


MAX_PLAIN = 64
"""Patterns run as they are that one set learns (a language's date patterns: ~15)."""


class AnchoredSet:
    """Many anchored patterns found together: one Aho-Corasick pass over the lower-cased
    text (`scanning.squeezed`) finds every literal prefix (`scanning.literal_prefixes`) and
    every anchor word of every pattern at once; each pattern is then matched only where one
    of its prefixes begins, when one of its anchors is there. Same matches as each
    `anchored(p).finditer` (patterns without known prefixes run that way). The text is
    squeezed (a run of whitespace one space) so that a prefix goes on past `\\s+`: "le f"
    instead of "le " for `(?:le\\s+)?forze` (candidates tried an article on
    benchmarks/claims.py: ~1,040 → ~560, for ~190 matches; `scanning.SQUEEZED_PREFIX_LENGTH`)."""

    def __init__(self, patterns: Iterable[re.Pattern[str]],
                 plain: Iterable[re.Pattern[str]] = ()) -> None:
        keywords: dict[str, int] = {}
        self.plans: dict[int, _Plan] = {}
        """By `id` of the pattern (hashing a pattern hashes its whole source)."""
        self.plain: dict[int, _Plan] = {}
        """Patterns run as they are (`Scan.plain`), by `id`."""
        self.asked: dict[int, re.Pattern[str]] = {}
        """Patterns asked of `Scan.plain` that are not in the set yet (see `grown`)."""
        for pattern in dict.fromkeys(patterns):
            plan = _plan(pattern, keywords)
            if plan is not None:
                self.plans[id(pattern)] = plan
        self.known_plain = tuple(dict.fromkeys(plain))
        self.known = frozenset(map(id, self.known_plain))
        """The plain patterns the set was built with, planned or not (by `id`)."""
        for pattern in self.known_plain:
            plan = _plain_plan(pattern, keywords)
            if plan is not None:
                self.plain[id(pattern)] = plan
        self.automaton = AhoCorasick(list(keywords)) if keywords else None
        self.spaced_keywords = frozenset(i for word, i in keywords.items() if word[0] == " ")
        """Keywords that begin with a space (where a run of spaces is one in the squeezed
        text, a match of their pattern may begin at any of the run's characters)."""
        self.patterns = tuple(dict.fromkeys(patterns))

    def grown(self) -> AnchoredSet:
        """This set, or a new one that also holds the patterns asked of `Scan.plain` (the
        date patterns of a language, asked for on its first article)."""
        if not self.asked or len(self.known_plain) >= MAX_PLAIN:
            return self
        asked = self.asked.copy()  # (one step: another thread may be asking meanwhile)
        return AnchoredSet(self.patterns, [*self.known_plain, *asked.values()])

    def scan(self, text: str, lowered: str) -> Scan:
        """Where the keywords of every pattern of the set are in `text` (lower-cased:
        `lowered`)."""
        if self.automaton is None or len(lowered) != len(text):
            return Scan(text, lowered, self)  # offsets of the two texts differ: one by one
        starts: dict[int, list[int]] = {}
        plain = squeezed(lowered)
        matches = self.automaton.find_matches_as_indexes(plain.text, overlapping=True)
        shift, runs, spaced_keywords = plain.shift, plain.runs, self.spaced_keywords
        for keyword, start, _end in matches:
            if shift is not None:  # back to the text's offsets
                if runs and keyword in spaced_keywords and start in runs:
                    _at_run(starts, keyword, runs[start])
                    continue
                start += shift[start]
            found = starts.get(keyword)
            if found is None:
                starts[keyword] = [start]
            else:
                found.append(start)
        return Scan(text, lowered, self, starts)


class Scan:
    """One text's matches of the patterns of an `AnchoredSet` (or of any pattern)."""

    def __init__(self, text: str, lowered: str, patterns: AnchoredSet | None = None,
                 starts: dict[int, list[int]] | None = None) -> None:
        self.text = text
        self.lowered = lowered
        self.set = patterns
        self.scanned = starts is not None
        self.plans = patterns.plans if patterns is not None and starts is not None else {}
        self.starts = starts or {}
        """Where each keyword found in the text begins."""
        self.folds_oddly: bool | None = None
        """Whether the text holds a letter that a pattern ignoring case matches beside its
        lower case (`_ODD_CASES`); worked out when `begins` is first asked."""
        self.word_starts: dict[tuple[int, bool], list[int]] = {}
        """By keyword and text (lower-cased or not), where the words that hold the
        keyword's finds begin (`_Plan.held`), worked out when first asked."""

    def plain(self, pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
        """What `list(pattern.finditer(text))` finds, `text` being this scan's text or its
        lower case (a `dates.Finditer`); a pattern the set lacks is scanned alone, and
        asked for (`AnchoredSet.grown`)."""
        plan = self.set.plain.get(id(pattern)) if self.set is not None else None
        same = text is self.text or text is self.lowered or text == self.lowered
        if plan is None or plan.source is not pattern or not same or not self.scanned:
            if (self.set is not None and same and id(pattern) not in self.set.known
                    and len(self.set.asked) < MAX_PLAIN):
                self.set.asked.setdefault(id(pattern), pattern)
            return finditer(pattern, text)
        starts = self.starts
        candidates = [start for key in plan.prefixes if key in starts for start in starts[key]]
        if not candidates:
            return []
        candidates.sort()
        return _confirmed(plan, text, candidates)

    def begins(self, pattern: re.Pattern[str]) -> list[int] | None:
        """Where a match of `pattern` (a pattern of the set) may begin, in text order: at
        one of its prefixes (also for a search bounded to a window, whose matches begin with
        a prefix too); None when the scan cannot tell (a pattern with no plan, a text whose
        lower case has other offsets)."""
        plan = self.plans.get(id(pattern))
        if plan is None or plan.source is not pattern or plan.held:
            # (a window cut out of the text may begin inside a word that holds a keyword)
            return None
        if self.folds_oddly is None:
            self.folds_oddly = not _ODD_CASES.isdisjoint(self.lowered)
        if self.folds_oddly:
            return None  # "ſagte": the pattern, ignoring case, matches what no prefix finds
        starts = self.starts
        found = [starts[key] for key in plan.prefixes if key in starts]
        if not found:
            return []
        return found[0] if len(found) == 1 else sorted(itertools.chain(*found))

    def finditer(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """What `anchored(pattern).finditer(text, lowered)` finds."""
        plan = self.plans.get(id(pattern))
        if plan is None or plan.source is not pattern:
            return anchored(pattern).finditer(self.text, self.lowered)
        starts = self.starts
        if not plan.spaced_anchors:
            if not anchored(pattern).may_match(self.lowered):
                return []
        elif plan.anchors is not None and starts.keys().isdisjoint(plan.anchors):
            return []
        found = [starts[key] for key in plan.prefixes if key in starts]
        text = self.lowered if plan.on_lowered else self.text
        if plan.held:
            found += [self._word_starts(key, text, plan.on_lowered) for key in plan.held
                      if key in starts]
        if not found:
            return []
        # one prefix's starts are in text order already (the scan finds them in order)
        candidates = found[0] if len(found) == 1 else sorted(itertools.chain(*found))
        return _confirmed(plan, text, candidates)

    def _word_starts(self, key: int, text: str, lowered: bool) -> list[int]:
        """Where the words that hold the finds of keyword `key` begin, in text order (a
        find that begins with a space: the word that ends there)."""
        found = self.word_starts.get((key, lowered))
        if found is None:
            found = self.word_starts[(key, lowered)] = []
            for start in self.starts[key]:
                # back over the word's characters, as the engine's `\\w` knows them
                while start and ((before := text[start - 1]).isalnum() or before == "_"):
                    start -= 1
                found.append(start)
        return found


_ODD_CASES = frozenset(
    "\u00b5\u0131\u017f\u0345\u0390\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0463"
    "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b"
    "\ufb05\ufb06")
"""Letters that the regex engine, ignoring case, takes for another lower-case letter
(`re._casefix`: "ſ" for "s", "ı" for "i", "ᲀ" for "в"): the prefixes, found in the
lower-cased text, miss a match that begins with one of them."""


def _at_run(starts: dict[int, list[int]], keyword: int, run: tuple[int, int]) -> None:
    """A keyword that begins with a space, found at a run's space in the squeezed text: a
    match of its pattern may begin at any character of the run."""
    starts.setdefault(keyword, []).extend(range(*run))


def _confirmed(plan: _Plan, text: str, starts: list[int]) -> list[re.Match[str]]:
    """The pattern's leftmost non-overlapping matches, tried at the candidate starts only
    (every match begins at one of them, so the first that matches is the leftmost)."""
    found: list[re.Match[str]] = []
    match = plan.pattern.match
    word_start = plan.word_start
    position = 0
    for start in starts:
        if start < position:
            continue
        if word_start and start and ((before := text[start - 1]).isalnum() or before == "_"):
            continue  # inside a word: the leading `\b` cannot hold
        found_here = match(text, start)
        if found_here is not None:
            found.append(found_here)
            position = found_here.end()  # never empty: every match begins with a prefix
        else:
            position = start + 1  # the same start again (two prefixes there) fails too
    return found


def _plan(pattern: re.Pattern[str], keywords: dict[str, int]) -> _Plan | None:
    """A pattern's plan, its keywords added to `keywords` (None: no prefixes are known)."""
    shape = _shape(pattern)
    if shape is None:
        return None
    runs, on_lowered, prefixes, anchor_words, spaced_anchors, word_start = shape
    anchors = (None if anchor_words is None
               else frozenset(_keyword(a, keywords) for a in anchor_words))
    keys = tuple(sorted({_keyword(p, keywords) for p in prefixes if p[0] != WORD_HELD}))
    held = tuple(sorted({_keyword(p[1:], keywords) for p in prefixes if p[0] == WORD_HELD}))
    return _Plan(pattern, runs, on_lowered, keys, anchors, spaced_anchors, word_start, held)


def _plain_plan(pattern: re.Pattern[str], keywords: dict[str, int]) -> _Plan | None:
    """The plan of a pattern run as it is, on the text or on its lower case (a prefix
    found in the text is found lower-cased in the lower case, at the same offset)."""
    shape = _plain_shape(pattern)
    if shape is None:
        return None
    prefixes, word_start = shape
    keys = tuple(sorted({_keyword(p, keywords) for p in prefixes}))
    return _Plan(pattern, pattern, False, keys, None, True, word_start)


SHAPES_KEPT = 4096
"""Patterns whose shape (`_shape`, `_plain_shape`) is kept: every pattern of every language's
sets (~130 a language, and ~15 date patterns) with room to spare. A set is built again when
it learns a language's date patterns (`AnchoredSet.grown`); re-parsing every pattern then
cost ~25 ms a language in the middle of a run (benchmarks/claims.py)."""


@lru_cache(maxsize=SHAPES_KEPT)
def _shape(pattern: re.Pattern[str]) -> tuple[
        re.Pattern[str], bool, frozenset[str], tuple[str, ...] | None, bool, bool] | None:
    """What `_plan` reads off a pattern alone (its parse, done once): the pattern that runs,
    whether on the lower case, its prefixes, its anchor words (None: not looked up in the
    scan), whether those hold no space, and whether every match starts a word. Prefixes
    marked `scanning.WORD_HELD` are literals held by the word a match begins (what a
    pattern with a word's inside in its alternatives, `\\b(?:er|\\w*ministerium)`,
    has: without them it was run at every character, ~30 µs a 3 KB article each)."""
    fast = anchored(pattern)
    folded = fast.folded.pattern if fast.folded is not None else None
    runs = folded if folded is not None else pattern
    prefixes = _selective(literal_prefixes(runs, squeezed=True, word_held=True))
    if prefixes is None:
        return None
    spaced_anchors = fast.anchors is None or not any(
        char.isspace() for anchor in fast.anchors for char in anchor)
    anchor_words = None if fast.anchors is None or not spaced_anchors else fast.anchors
    return (runs, folded is not None, prefixes, anchor_words, spaced_anchors,
            _word_start(runs, frozenset(p for p in prefixes if p[0] != WORD_HELD)))


@lru_cache(maxsize=SHAPES_KEPT)
def _plain_shape(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """What `_plain_plan` reads off a pattern alone: its prefixes, and whether every match
    starts a word."""
    prefixes = _selective(literal_prefixes(pattern, squeezed=True))
    if prefixes is None:
        return None
    return prefixes, _word_start(pattern, prefixes)


MIN_PLANNED_PREFIX = 2
"""A pattern one of whose prefixes is shorter (a lone space, before an optional run of
them) is scanned alone: its candidates would be every space, and the engine tries those
faster than a loop over the candidates (measured on benchmarks/claims.py's articles)."""


def _selective(prefixes: frozenset[str] | None) -> frozenset[str] | None:
    if prefixes is None or min(map(len, prefixes)) < MIN_PLANNED_PREFIX:
        return None
    return prefixes


def _word_start(pattern: re.Pattern[str], prefixes: frozenset[str]) -> bool:
    """Whether every match begins at a word's first character: the pattern opens with
    `\\b` and every prefix with a word character."""
    return _opens_with_boundary(pattern) and all(p[0].isalnum() or p[0] == "_"
                                                 for p in prefixes)


def _keyword(word: str, keywords: dict[str, int]) -> int:
    return keywords.setdefault(word, len(keywords))


def _opens_with_boundary(pattern: re.Pattern[str]) -> bool:
    return opens_with_boundary(pattern.pattern, pattern.flags)
