"""Regex scans that skip ahead: the same matches as `pattern.finditer`, several times faster.

Python's regex engine jumps ahead to where a match may start only when the pattern opens
with a literal or a plain character class. Lexicon patterns rarely do: they open with a
word boundary (`\\bcaptured`), a named group, an optional word, a lookbehind, or ignore
case, so the engine tries them at every offset.

For each pattern we compute the set of characters every match must begin with and search
for one of them followed by a lookahead of the whole pattern, `[set](?<=(?=PATTERN).)`:
the engine skips in C to the characters of the set and tries the pattern only there.
Where no such set exists but the pattern is a word boundary followed by something the
engine can skip to, we search without the boundary and match the whole pattern again
where that finds something. Either way: the same matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from frontledger.text import compiled

try:  # the regex parser is a private module of the standard library; fall back safely
    from re import _parser as sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python without re._parser
    sre = None


@dataclass(frozen=True, slots=True)
class Scanner:
    """A compiled pattern and its finder."""

    pattern: re.Pattern[str]
    unbounded: re.Pattern[str] | None
    """The finder: a pattern whose matches start where the pattern's may start (it finds
    candidates; the pattern itself is matched again at each). None: the pattern runs as
    it is, because it may match an empty string or no finder would skip ahead."""

    def finditer(self, text: str) -> list[re.Match[str]]:
        """What `pattern.finditer(text)` finds: wherever the finder matches, the whole
        pattern is matched again (it fails there when the finder's candidate was not a
        match, e.g. no word boundary)."""
        if self.unbounded is None:
            return list(self.pattern.finditer(text))
        found: list[re.Match[str]] = []
        position = 0
        while (candidate := self.unbounded.search(text, position)) is not None:
            match = self.pattern.match(text, candidate.start())
            if match is None:
                position = candidate.start() + 1
            else:
                found.append(match)
                position = match.end()  # never empty: `scanner` leaves those patterns whole
        return found


def finditer(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What `list(pattern.finditer(text))` finds, through the pattern's `Scanner`."""
    return scanner(pattern).finditer(text)


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """What `pattern.search(text)` finds, through the pattern's `Scanner`."""
    found = scanner(pattern)
    if found.unbounded is None:
        return pattern.search(text)
    position = 0
    while (candidate := found.unbounded.search(text, position)) is not None:
        match = pattern.match(text, candidate.start())
        if match is not None:
            return match
        position = candidate.start() + 1
    return None


@cache
def scanner(pattern: re.Pattern[str]) -> Scanner:
    """`pattern` with its finder: the first-character search where one can be built, else
    the pattern without its leading `\\b` when what follows lets the engine skip ahead."""
    plan = _finder_plan(pattern.pattern, pattern.flags)
    return Scanner(pattern, None if plan is None else compiled.compile(*plan))


@compiled.remembered  # parsing the patterns is most of the cost: kept between processes
def _finder_plan(source: str, flags: int) -> tuple[str, int] | None:
    """The finder's source and flags for the pattern `source` (None: run it as it is)."""
    finder = _first_character_finder(source, flags)
    if finder is not None:
        return finder
    tail = _parsed(source[2:], flags) if source.startswith(r"\b") else None
    if tail is None or not _skips_ahead(tail, flags) or not _boundary_then(source, tail, flags):
        return None
    return source[2:], flags


MAX_FIRST_CHARACTERS = 200
"""Larger first-character sets (a case-insensitive letter range) are not worth a finder."""


def _first_character_finder(source: str, flags: int) -> tuple[str, int] | None:
    """`[set](?<=(?=PATTERN).)`: one of the characters every match of the pattern begins
    with, where the whole pattern matches (None when there is no such set, or the pattern
    may match an empty string); with its flags."""
    whole = _parsed(source, flags)
    if whole is None:
        return None
    first = _first_of(list(whole), flags)
    if first is None or first[1] or not first[0]:
        return None
    members = "".join(sorted(first[0]))
    inner = "(?i:" if flags & re.IGNORECASE else "(?:"
    finder = f"[{members}](?<=(?={inner}{source}))(?s:.))", flags & ~re.IGNORECASE
    try:
        compiled.compile(*finder)
    except re.error:
        return None
    return finder


First = tuple[set[str], bool]
"""Class members (characters or ranges, escaped) a match may begin with, and whether the
match may be empty."""
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})


def _first_of(items: list[Any], flags: int) -> First | None:
    """The first characters of a sequence of parsed items (None: any character)."""
    found: set[str] = set()
    for op, arg in items:
        if str(op) in _ZERO_WIDTH:
            continue  # a boundary or lookaround: the next item begins the match
        item = _first_item(str(op), arg, flags)
        if item is None:
            return None
        found |= item[0]
        if not item[1]:
            return (found, False) if len(found) <= MAX_FIRST_CHARACTERS else None
    return found, True


def _first_item(op: str, arg: Any, flags: int) -> First | None:
    if op == "LITERAL":
        return _cased(chr(arg), flags), False
    if op == "IN":
        return _first_in(arg, flags)
    if op == "BRANCH":
        parts = [_first_of(list(branch), flags) for branch in arg[1]]
        if any(part is None for part in parts):
            return None
        return set().union(*(p[0] for p in parts if p)), any(p[1] for p in parts if p)
    if op == "SUBPATTERN":
        _group, add, remove, body = arg
        return _first_of(list(body), (flags | add) & ~remove)
    if op == "ATOMIC_GROUP":
        return _first_of(list(arg), flags)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        inner = _first_of(list(arg[2]), flags)
        return None if inner is None else (inner[0], inner[1] or arg[0] == 0)
    return None  # any character, a negated literal, a back reference


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s"}


def _first_in(members: list[Any], flags: int) -> First | None:
    found: set[str] = set()
    for op, arg in members:
        name = str(op)
        if name == "LITERAL":
            found |= _cased(chr(arg), flags)
        elif name == "RANGE" and not flags & re.IGNORECASE:
            found.add(f"{_escaped(chr(arg[0]))}-{_escaped(chr(arg[1]))}")
        elif name == "RANGE" and arg[1] - arg[0] < MAX_FIRST_CHARACTERS:
            for code in range(arg[0], arg[1] + 1):
                found |= _cased(chr(code), flags)
        elif name == "CATEGORY" and str(arg) in _CATEGORIES:
            found.add(_CATEGORIES[str(arg)])
        else:
            return None  # a negated set, a word category, a wide case-insensitive range
    return found, False


# Characters that match other letters than their upper and lower case when the case is
# ignored (the special cases of the regex engine's case-insensitive matching).
_CASE_SPECIALS = {"i": "ıİ", "s": "ſ", "k": "K", "å": "Å", "µ": "μ", "β": "ϐ", "ε": "ϵ",
                  "θ": "ϑϴ", "ι": "ͅι", "κ": "ϰ", "π": "ϖ", "ρ": "ϱ", "σ": "ς", "φ": "ϕ",
                  "ω": "Ω", "в": "ᲀ", "д": "ᲁ", "о": "ᲂ", "с": "ᲃ", "т": "ᲄᲅ", "ъ": "ᲆ",
                  "ѣ": "ᲇ", "ꙋ": "ᲈ", "ṡ": "ẛ"}


def _cased(char: str, flags: int) -> set[str]:
    if not flags & re.IGNORECASE:
        return {_escaped(char)}
    variants = {char, char.lower(), char.upper(), char.title()}
    variants |= set(_CASE_SPECIALS.get(char.lower(), ""))
    return {_escaped(v) for v in variants if len(v) == 1}


def _escaped(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


def _parsed(source: str, flags: int) -> Any:
    """The parse tree of a pattern, or None when it does not parse (or we cannot parse)."""
    if sre is None:
        return None
    try:
        return sre.parse(source, flags)
    except Exception:
        return None


def _skips_ahead(tail: Any, flags: int) -> bool:
    """Whether the engine can skip to where a pattern (parsed: `tail`) may start: it begins
    with a letter, one of several letters or a character class, matched case-sensitively.
    (Otherwise it is tried at every position, and is faster there with a leading `\\b`.)"""
    items = list(tail)
    while items and str(items[0][0]) == "SUBPATTERN":
        flags = (flags | items[0][1][1]) & ~items[0][1][2]
        items = list(items[0][1][3])
    if not items or flags & re.IGNORECASE:
        return False
    op, arg = items[0]
    if str(op) == "BRANCH":
        return all(branch and str(branch[0][0]) == "LITERAL" for branch in arg[1])
    return str(op) in ("LITERAL", "IN")


def _boundary_then(source: str, tail: Any, flags: int) -> bool:
    """Whether `source` parses as exactly a word boundary followed by `tail` (unlike, say,
    `\\ba|b`), and cannot match an empty string."""
    whole = _parsed(source, flags)
    if whole is None:
        return False
    items = list(whole)
    return (whole.getwidth()[0] > 0 and repr(items[:1]) == "[(AT, AT_BOUNDARY)]"
            and repr(items[1:]) == repr(list(tail)))


PREFIX_LENGTH = 4
"""Literal prefixes are followed this far: four letters leave few false candidates in a
news text (measured on benchmarks/claims.py's articles); longer ones multiply variants."""
MAX_PREFIXES = 64
"""More prefixes than this are cut shorter (a wide alternation of optional words)."""
SQUEEZED_PREFIX_LENGTH = 6
SQUEEZED_MAX_PREFIXES = 128
"""The same bounds for prefixes in a squeezed text (`squeezed`), which go on past `\\s+`:
on benchmarks/claims.py's articles six characters (at most 128 prefixes a pattern) leave
~560 candidates an article for ~190 matches where four (at most 64) leave ~870, and the
one pass over the text reports ~520 keywords instead of ~690; eight gain little more."""

_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})

try:  # the characters the regex engine also takes for a letter when case is ignored
    from re._compiler import _EXTRA_CASES
except ImportError:  # pragma: no cover - another Python: case-insensitive prefixes end
    _EXTRA_CASES = None


def literal_prefixes(pattern: re.Pattern[str], squeezed: bool = False,
                     word_held: bool = False) -> frozenset[str] | None:
    """Strings one of which begins every match of `pattern` (at most PREFIX_LENGTH
    characters each, SQUEEZED_PREFIX_LENGTH when `squeezed`), as the text reads there
    lower-cased and `spaced` (`spaced(text.lower())`, when that keeps the text's length),
    or None when no such set
    is known: the pattern may match an empty string or begin with any character.
    `squeezed`: as the text reads there lower-cased and `squeezed` (each run of whitespace
    one space), so a prefix goes on past a run of spaces (`le\\s+forze`: "le f", not "le ").
    `word_held`: a match may also begin where a word that holds a literal begins, given as
    WORD_HELD and the literal (`\\b\\w*kämpf`: WORD_HELD + "kämpf"; see `_word_held`)."""
    found = (source_prefixes(pattern.pattern, pattern.flags, squeezed, True) if word_held
             else source_prefixes(pattern.pattern, pattern.flags, squeezed))
    return None if found is None else frozenset(found)


@compiled.remembered  # a parse per pattern: kept between processes
def source_prefixes(source: str, flags: int, squeezed: bool = False,
                    word_held: bool = False) -> tuple[str, ...] | None:
    """`literal_prefixes` of the pattern `source` compiled with `flags`, sorted."""
    whole = _parsed(source, flags)
    if whole is None or whole.getwidth()[0] == 0:
        return None
    still, done = _extend({""}, list(whole), whole.state.flags, squeezed,
                          [] if word_held else None)
    found = still | done
    if "" in found or _AT_WORD_START in found or any(
            p.startswith(WORD_HELD) and len(p) - len(WORD_HELD) < MIN_WORD_HELD for p in found):
        return None
    return tuple(sorted(found))


WORD_HELD = "\x00"
"""Marks a prefix that is a literal held by the word a match begins with, not the match's
first characters (`literal_prefixes` with `word_held`)."""
MIN_WORD_HELD = 3
"""A literal held by a word is looked for only when at least this long (as MIN_ANCHOR)."""
_AT_WORD_START = "\x01"
"""A prefix head with nothing read yet, where a `\\b` holds (only with `word_held`)."""


@compiled.remembered  # a parse per pattern: kept between processes
def opens_with_boundary(source: str, flags: int) -> bool:
    """Whether the pattern `source` begins with `\\b` (its first item, as parsed)."""
    parsed = _parsed(source, flags)
    return parsed is not None and repr(list(parsed)[:1]) == "[(AT, AT_BOUNDARY)]"


def _extend(heads: set[str], items: list[Any], flags: int, squeezed: bool = False,
            follow: list[Any] | None = None) -> tuple[set[str], set[str]]:
    """The prefixes `heads` followed by `items`: (those that may grow, those cut off).
    `follow`: what follows `items` in the pattern, when literals held by a word are asked
    for (`_word_held`); None when they are not."""
    done: set[str] = set()
    for index, (op, arg) in enumerate(items):
        if not heads:
            break
        after = None if follow is None else [*items[index + 1:], *follow]
        if after is not None and _AT_WORD_START in heads and _word_run(str(op), arg):
            held = _word_held(after, arg[0], flags, squeezed)
            if held is not None:  # else the head is cut off here: no prefixes
                heads = heads - {_AT_WORD_START}
                done |= held
        heads, cut = _extend_item(heads, str(op), arg, flags, squeezed, after)
        done |= cut
        heads, done = (_bounded(heads, done, SQUEEZED_PREFIX_LENGTH, SQUEEZED_MAX_PREFIXES)
                       if squeezed else _bounded(heads, done))
    return heads, done


def _extend_item(heads: set[str], op: str, arg: Any, flags: int, squeezed: bool,
                 follow: list[Any] | None = None) -> tuple[set[str], set[str]]:
    if op in _ZERO_WIDTH:
        if follow is not None and "" in heads and op == "AT" and str(arg) == "AT_BOUNDARY":
            return heads - {""} | {_AT_WORD_START}, set()  # (see `_word_held`)
        return heads, set()  # a boundary or lookaround: it adds no character
    if op in ("LITERAL", "IN"):
        members = _lowered(chr(arg), flags) if op == "LITERAL" else _members(arg, flags)
        if not members:
            return set(), heads
        return {_joined(h, m, squeezed) for h in heads for m in members}, set()
    if op == "SUBPATTERN":
        _group, add, remove, body = arg
        return _extend(heads, list(body), (flags | add) & ~remove, squeezed, follow)
    if op == "ATOMIC_GROUP":
        return _extend(heads, list(arg), flags, squeezed, follow)
    if op == "BRANCH":
        grown: set[str] = set()
        done: set[str] = set()
        for branch in arg[1]:
            more, cut = _extend(heads, list(branch), flags, squeezed, follow)
            grown |= more
            done |= cut
        return grown, done
    if op in _REPEATS:
        least, most, body = arg
        if squeezed and _only_spaces(list(body), flags):  # `\s+`: one space, squeezed
            spaced_heads = {_joined(h, " ", squeezed) for h in heads}
            return spaced_heads | (heads if least == 0 else set()), set()
        # the body of a repeat is followed by the pattern's rest, or by itself again
        once, done = _extend(heads, list(body), flags, squeezed,
                             None if follow is None else follow if most == 1 else _UNKNOWN)
        if most == 1:
            return once | (heads if least == 0 else set()), done
        return (heads if least == 0 else set()), done | once  # the repeats are not followed
    return set(), heads  # any character, a category, a back reference: the prefix ends here


def _joined(head: str, member: str, squeezed: bool) -> str:
    """`head` followed by one character; in a squeezed text, a space after a space is the
    same space."""
    if head == _AT_WORD_START:
        return member
    return head if squeezed and member == " " and head.endswith(" ") else head + member


_UNKNOWN = [("UNKNOWN", None)]
"""What follows a repeated body (the body again, or the rest): read as ending prefixes."""


def _word_run(op: str, arg: Any) -> bool:
    """Whether a parsed item is a run of word characters (`\\w*`, `\\w+`, `\\w*?`)."""
    if op not in _REPEATS:
        return False
    body = list(arg[2])
    return (len(body) == 1 and str(body[0][0]) == "IN"
            and [(str(o), str(a)) for o, a in body[0][1]] == [("CATEGORY", "CATEGORY_WORD")])


def _word_held(rest: list[Any], least: int, flags: int,
               squeezed: bool) -> set[str] | None:
    """Where a `\\b` then a run of word characters (`\\b\\w*kämpf`) may begin: at the
    first character of the word that holds what follows the run (the run cannot reach
    past that word's start, and the `\\b` holds nowhere inside it). The prefixes of what
    follows, each marked WORD_HELD; None when those are unknown or could begin outside a
    word after an empty run (`\\b\\w*-`, where the match may begin at the hyphen)."""
    if flags & re.ASCII:
        return None  # `\\w` is not the word characters `str.isalnum` knows
    still, done = _extend({""}, rest, flags, squeezed)
    found = still | done
    if not found or "" in found:
        return None
    if least == 0 and not all(p[0].isalnum() or p[0] == "_" for p in found):
        return None
    return {WORD_HELD + p for p in found}


def _only_spaces(items: list[Any], flags: int) -> bool:
    """Whether a repeated body is one whitespace character (`\\s`, a space, `[\\s]`)."""
    if len(items) != 1 or str(items[0][0]) not in ("LITERAL", "IN"):
        return False
    op, arg = items[0]
    members = _lowered(chr(arg), flags) if str(op) == "LITERAL" else _members(arg, flags)
    return members == [" "]


MAX_CLASS_MEMBERS = 8
"""A character class of more members than this ends a prefix (too many variants)."""


def _members(arg: list[Any], flags: int) -> list[str]:
    """What the characters of a small positive class read as, or [] when it is not one."""
    found: list[str] = []
    for op, value in arg:
        name = str(op)
        if name == "LITERAL":
            chars = [chr(value)]
        elif name == "RANGE" and value[1] - value[0] < MAX_CLASS_MEMBERS:
            chars = [chr(code) for code in range(value[0], value[1] + 1)]
        elif name == "CATEGORY" and str(value) == "CATEGORY_SPACE":
            chars = [" "]
        else:
            return []
        for char in chars:
            forms = _lowered(char, flags)
            if not forms:
                return []  # a character that ends prefixes
            found.extend(forms)
    found = list(dict.fromkeys(found))
    return found if len(found) <= MAX_CLASS_MEMBERS else []


def _lowered(char: str, flags: int) -> list[str]:
    """What a text character matched by the literal `char` reads as in the lower-cased,
    spaced text: its lower case, and, when case is ignored, the lower case of every
    character the engine takes for it ("ſ" for "s"). [] when that is not known."""
    if char.isspace():
        return [" "]
    lower = char.lower()
    if len(lower) != 1:
        return []  # "İ": a text holding it changes length when lower-cased (no prefixes)
    forms = {lower}
    if lower in "σς":
        forms |= {"σ", "ς"}  # the final sigma is lower-cased by context
    if flags & re.IGNORECASE:
        if _EXTRA_CASES is None:
            return []
        forms |= {chr(code) for code in _EXTRA_CASES.get(ord(lower), ())}
    return sorted(forms)


_OTHER_SPACE = re.compile(r"[^\S ]")


def spaced(text: str) -> str:
    """`text` with every whitespace character (what `\\s` matches) written as a plain
    space: the same length, the same offsets."""
    return _OTHER_SPACE.sub(" ", text)


_SPACES = re.compile(" +")


@dataclass(frozen=True, slots=True)
class Squeezed:
    """A text with every run of whitespace written as one space (`text`), and the way back
    to the offsets of the text it was made from (`offset`)."""

    text: str
    shift: list[int] | None = None
    """By offset in `text`, the characters dropped before it (None: none were)."""
    runs: dict[int, tuple[int, int]] | None = None
    """By the offset of its space in `text`, the span of each run in the original."""

    def offset(self, position: int) -> int:
        """The offset in the original text of `position` in this one (a run's space: the
        run's first character)."""
        return position if self.shift is None else position + self.shift[position]


def squeezed(text: str) -> Squeezed:
    """`spaced(text)` with each run of whitespace written as one space."""
    text = spaced(text)
    if "  " not in text:  # spaced: every whitespace is a plain space
        return Squeezed(text)
    parts: list[str] = []
    shift: list[int] = []
    runs: dict[int, tuple[int, int]] = {}
    position = dropped = 0
    # the runs of two spaces or more (every whitespace is a space now): found by
    # `str.find`, not by a regex that stops at every space (~27 µs on 3 KB)
    begin = text.find("  ")
    while begin >= 0:
        run = _SPACES.match(text, begin)
        assert run is not None  # two spaces begin there
        end = run.end()
        part = text[position:begin + 1]
        parts.append(part)
        shift += [dropped] * len(part)  # (a list grown by repeats: no loop a character)
        runs[begin - dropped] = (begin, end)
        dropped += end - begin - 1
        position = end
        begin = text.find("  ", end)
    parts.append(text[position:])
    shift += [dropped] * (len(text) - position)
    return Squeezed("".join(parts), shift, runs)


def _bounded(heads: set[str], done: set[str], longest: int = PREFIX_LENGTH,
             most: int = MAX_PREFIXES) -> tuple[set[str], set[str]]:
    """Prefixes of `longest` characters are cut off there; more than `most` are all cut
    shorter."""
    done = done | {h[:longest] for h in heads if len(h) >= longest}
    heads = {h for h in heads if len(h) < longest}
    length = longest
    while len(heads) + len(done) > most and length > 1:
        length -= 1
        done = {p[:length] for p in heads | done}
        heads = set()
    return heads, done
