"""Sentence splitting with exact character offsets into the document text.

Reads: normalised text. Adds: `Sentence` spans (start, end, paragraph index) such that
`text[s.start:s.end] == s.text` — claims cite these spans as their evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from frontledger import language as languages
from frontledger.records import quick_init
from frontledger.text import compiled

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
# Linear on hostile text (100 KB of "!" or "…"): a match starts only where a run of stops
# starts (the lookbehind), and its repeats never give back what they took (possessive), so
# a run that is not followed by a space fails once, not once per character of the run.
# Each pattern opens with the stop itself and looks behind it afterwards: the engine then
# jumps from stop to stop instead of trying its lookbehind at every character (~4x faster).
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*+[\"'»”’)\]]*+(?=\s)")
# Scraped text glues sentences ("the ministry said.According to ..."): a stop between two
# lower-case letters and a capital followed by a lower-case letter, with no space, ends a
# sentence too ("liga.net", "U.S. Army" do not: see `_glued`).
_GLUED = re.compile(r"[.!?](?<=\w\w[.!?])[\"'»”’)]?(?=\w\w)")
_CAPITAL_RANGES = (("A", "Z"), ("À", "Ö"), ("Ø", "Þ"), ("А", "Я"))
"""The capitals of the Latin, Latin-1 and Russian alphabets, as ranges; each language adds
its own (`[sentences] capitals` of its text.toml: "Ł", "Ї")."""
_CAPITALS = "".join(f"{first}-{last}" for first, last in _CAPITAL_RANGES)
# What may open the next sentence: a capital, a digit, an opening quote, a dash or an
# opening question or exclamation mark ("¿Qué pasó?", "¡Es falso!") (matched where a
# boundary ends, so never inside a run of spaces).
_NEXT_START = r"(?<!\s)\s++[\"'«“„‘(\[—–¿¡-]*+\s*+[" + _CAPITALS + "%s0-9]"
# Tokens ending in "." that do not end a sentence: single capitals (initials) and each
# language's abbreviations, the `[sentences] abbreviations` of `data/lang/<lang>/text.toml`.
# The splitter does not know the language, so it honours every language's list at once;
# they are matched as written (case counts: "No." is an abbreviation, "no." ends a sentence).
_INITIAL = "[" + _CAPITALS + "%s]"
# "am 18. November", "20. listopada": a day number's ordinal dot before a month name (any
# language's `[dates] months`) does not end a sentence; nor does a unit number's before a
# unit noun (`[sentences] ordinal_nouns`: "die 3. Sturmbrigade", "132. Brygady").
_DAY_NUMBER = re.compile(r"(?:^|[^\d.])\d{1,2}$")
DAY_LOOKBACK = 3
_UNIT_NUMBER = re.compile(r"(?:^|[^\d.])\d{1,3}$")
UNIT_LOOKBACK = 4
"""Characters before a dot that may hold a day number and what precedes it."""


@dataclass(frozen=True, slots=True)
class _Patterns:
    """The splitter's patterns compiled from every language's text data."""

    next_start: re.Pattern[str]
    abbreviation: re.Pattern[str]
    month_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    abbreviations: frozenset[str]
    """The words `abbreviation` names, and the capitals of its initials (`_INITIAL`)."""
    abbreviation_lengths: tuple[int, ...]
    """Their lengths, longest first (an initial is one character)."""


def _patterns() -> _Patterns:
    return _patterns_of(languages.every_language())


@cache
def _patterns_of(every: tuple[languages.Language, ...]) -> _Patterns:
    capitals = "".join(re.escape(c) for c in sorted({c for lang in every for c in lang.capitals}))
    words = sorted({w for lang in every for w in lang.abbreviations}, key=lambda w: (-len(w), w))
    alternatives = "|".join([_INITIAL % capitals, *(re.escape(w) for w in words)])
    months = "|".join(f"(?:{month})" for month in sorted(
        {month for lang in every for month in lang.months}))
    units = "|".join(f"(?:{noun})" for noun in sorted(
        {noun for lang in every for noun in lang.ordinal_nouns})) or "(?!)"
    return _Patterns(
        next_start=compiled.compile(_NEXT_START % capitals),
        abbreviation=compiled.compile(rf"\b(?:{alternatives})\.$"),
        month_after=compiled.compile(rf"\s+(?:{months})(?!\w)", re.IGNORECASE),
        unit_after=compiled.compile(rf"\s+(?:{units})", re.IGNORECASE),
        abbreviations=frozenset(words) | _initials(every),
        abbreviation_lengths=tuple(sorted({1, *map(len, words)}, reverse=True)),
    )


def _initials(every: tuple[languages.Language, ...]) -> frozenset[str]:
    """The characters `_INITIAL` matches."""
    ranged = {chr(code) for first, last in _CAPITAL_RANGES
              for code in range(ord(first), ord(last) + 1)}
    return frozenset(ranged | {c for lang in every for c in lang.capitals})


def _ordinal_day_before_month(line: str, dot: int, end: int, patterns: _Patterns) -> bool:
    # both numbers end right before the dot (`$`: or before a newline there): most dots
    # follow a letter, and two searches of the characters before it are not needed
    before = line[dot - 1:dot] if dot else ""
    if not (before.isdecimal() or before == "\n"):
        return False
    day = _DAY_NUMBER.search(line[max(0, dot - DAY_LOOKBACK):dot])
    if day is not None and patterns.month_after.match(line, end):
        return True
    unit = _UNIT_NUMBER.search(line[max(0, dot - UNIT_LOOKBACK):dot])
    return unit is not None and bool(patterns.unit_after.match(line, end))


_OPENERS = ("«", "“", "„")
_CLOSERS = ("»", "”")
_ONLY_CLOSERS = tuple(q for q in _CLOSERS if q not in _OPENERS)


@quick_init  # (made ~35 times an article: see `records.quick_init`)
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document: its span, text and the paragraph it belongs to."""

    start: int
    end: int
    text: str
    paragraph: int
    """0-based index of the paragraph (blank-line or line-break separated block)."""


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; a line break ends a sentence, unless the next line goes
    on in small letters after a line that ends in no stop (see `_lines`)."""
    sentences: list[Sentence] = []
    patterns = _patterns()
    for paragraph, (line_start, line_text) in enumerate(_lines(text)):
        for start, end in _split_line(line_text, patterns):
            sentences.append(
                Sentence(line_start + start, line_start + end, line_text[start:end], paragraph)
            )
    return sentences


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their start offsets; a line that goes on with a small letter
    after one that ends in no stop ("Сили оборони\nвиходять із ...", a hard-wrapped
    paragraph) continues it."""
    lines: list[tuple[int, str]] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            if lines and stripped[0].islower() and lines[-1][1][-1] not in _LINE_STOPS:
                start = lines[-1][0]
                lines[-1] = (start, text[start:position + lead + len(stripped)])
            else:
                lines.append((position + lead, stripped))
        position += len(raw) + 1
    return lines


_LINE_STOPS = frozenset(".!?…:;»”\"')]")
"""Marks that end a line's statement: a next line in small letters after them is new."""


def _split_line(line: str, patterns: _Patterns) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one line."""
    spans: list[tuple[int, int]] = []
    start = 0
    glued = [m for m in _GLUED.finditer(line) if _glued(line, m)]
    ends = {m.end() for m in glued}
    for match in sorted([*_BOUNDARY.finditer(line), *glued], key=lambda m: m.end()):
        end = match.end()
        if ((end not in ends and not patterns.next_start.match(line, end))
                or _is_abbreviation(line, match.start() + 1, patterns)):
            continue
        if _ordinal_day_before_month(line, match.start(), end, patterns):
            continue
        spans.append((start, end))
        start = len(line) - len(line[end:].lstrip())
    if start < len(line):
        spans.append((start, len(line)))
    return spans


def _glued(line: str, match: re.Match[str]) -> bool:
    before, after = line[match.start() - 2:match.start()], line[match.end():match.end() + 2]
    return before.islower() and after[0].isupper() and after[1].islower()


def opens_quotation(text: str) -> bool:
    """True when `text` opens a «...» or “...” quotation that it does not close: the
    quotation goes on in the next sentences, and its speaker is named where it closes."""
    return _quotation_balance(text) > 0


def closes_quotation(text: str) -> bool:
    """True when `text` closes a quotation opened in an earlier sentence."""
    return _quotation_balance(text) < 0


QUOTATION_MEMO = 64
"""Sentences whose quotation balance is remembered: the rules ask it of a sentence three or
four times while reading it (its claims, its speaker, what it leaves for the next), and a
report has some 30-40 sentences; so the last 64 asked, not an article's worth more."""


@lru_cache(maxsize=QUOTATION_MEMO)
def _quotation_balance(text: str) -> int:
    """Quotation marks opened minus closed; a straight mark ('"') left unpaired opens when
    a space, a colon or nothing stands before it ('He said: "We hold', '"We hold'), and
    closes after a word or a mark ('hold it," he said')."""
    balance = sum(map(text.count, _OPENERS)) - sum(map(text.count, _ONLY_CLOSERS))
    if text.count('"') % 2:
        last = text.rfind('"')
        balance += 1 if last == 0 or text[last - 1] in _BEFORE_OPENING else -1
    return balance


_BEFORE_OPENING = " \t\n(:—–-"


def ends_in_abbreviation(text: str, dot_end: int) -> bool:
    """True when the word ending at `dot_end` (just past its dot) is an initial or a known
    abbreviation of some language ("proc.", "gen.", "тыс."): its dot ends no sentence."""
    return _is_abbreviation(text, dot_end, _patterns())


def _is_abbreviation(line: str, dot_end: int, patterns: _Patterns) -> bool:
    """True when the word ending at `dot_end` (just past its dot) is a known abbreviation:
    what `patterns.abbreviation.search(word)` tells, asked of the set of its words (that
    search tried a ~140-word alternation at every character of the word; ~2 % of an
    article's work): a word of the set, or an initial, that opens at a word boundary and
    stops at the word's final dot."""
    space = line.rfind(" ", 0, dot_end - 1)
    word_start = max(space, line.rfind("(", space + 1, dot_end - 1)) + 1
    word = line[word_start:dot_end]
    if word.endswith("."):
        dot = len(word) - 1
    elif word.endswith(".\n"):  # `$` also holds before a final newline
        dot = len(word) - 2
    else:
        return False
    words = patterns.abbreviations
    if word[:dot].isalnum():
        # a word of letters or digits only (most words before a dot): `\\b` holds only at
        # its start, so only the whole of it may be an abbreviation
        return word[:dot] in words
    for length in patterns.abbreviation_lengths:
        start = dot - length
        if start >= 0 and word[start:dot] in words and _boundary(word, start):
            return True
    return False


def _boundary(word: str, at: int) -> bool:
    """Whether `\\b` holds at `at` (< len(word)) in `word`."""
    after = word[at]
    if at == 0:
        return after.isalnum() or after == "_"
    before = word[at - 1]
    return (before.isalnum() or before == "_") != (after.isalnum() or after == "_")
