"""Name keys: how a surface form and a gazetteer name are made comparable.

Two keys, from strict to loose:
- `fold`: case, apostrophe variants (' ’ ʼ `), hyphens, Latin diacritics and ё are
  ironed out; this is the exact lookup key.
- `skeleton`: a transliteration-proof consonant skeleton of the romanised name, so that
  Koupiansk, Kupyansk, Kup'yans'k and Купянск meet; used only as a fallback inside the
  theater, and verified with a similarity score.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from anyascii import anyascii

from frontledger import language as languages

_APOSTROPHES = str.maketrans({"’": "", "ʼ": "", "`": "", "'": "", "‘": "", "ʹ": "", "´": ""})
_DASHES = re.compile(r"[\-‐‑‒–—]+")
_SPACES = re.compile(r"\s+")
_NON_ALPHA = re.compile(r"[^a-z ]+")

# Language-specific spellings are rewritten to the English-style romanisation GeoNames uses
# by each language's `spelling_to_english` rules (`places.toml` of data/lang/<lang>/).
# Skeleton rules: collapse the letters romanisations disagree on.
_SKELETON = (
    ("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("zh", "z"), ("kh", "h"),
    ("gh", "h"), ("g", "h"), ("ts", "c"), ("tz", "c"), ("w", "v"), ("x", "ks"), ("q", "k"),
)
_VOWELS = re.compile(r"[aeiouyj]+")
_DOUBLES = re.compile(r"(.)\1+")


def _latin_table() -> dict[int, str]:
    table = {}
    for code in range(0x80, 0x250):
        plain = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if c.isascii())
        plain = plain or anyascii(chr(code))  # Ł, ß, Ø have no marks to strip
        if plain != chr(code):
            table[code] = plain
    return table


_LATIN_MARKS = _latin_table()


def _strip_latin_marks(text: str) -> str:
    return text if text.isascii() else text.translate(_LATIN_MARKS)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The exact lookup key: lower case, no apostrophes or Latin accents, ё→е, one space."""
    text = text.lower().translate(_APOSTROPHES).replace("ё", "е")
    text = _strip_latin_marks(_DASHES.sub(" ", text))
    return _SPACES.sub(" ", text).strip()


def romanise(text: str, language: str | None = None) -> str:
    """English-style Latin spelling of a name, whatever its script or language."""
    lowered = text.lower()
    for old, new in _spelling_rules(language):
        lowered = lowered.replace(old, new)
    return anyascii(fold(lowered)).lower()


def _spelling_rules(language: str | None) -> tuple[tuple[str, str], ...]:
    """The language's (spelling, English-style spelling) rewrites, applied in order."""
    found = languages.find(language)
    return found.spelling_to_english if found is not None else ()


@lru_cache(maxsize=200_000)
def skeleton(text: str, language: str | None = None) -> str:
    """Consonant skeleton of the romanised name (vowels and doubled letters dropped)."""
    roman = _NON_ALPHA.sub("", romanise(text, language))
    for old, new in _SKELETON:
        roman = roman.replace(old, new)
    if not roman:
        return ""
    head, tail = roman[0], _VOWELS.sub("", roman[1:])
    return _DOUBLES.sub(r"\1", head + tail)


def english_name(text: str, language: str | None = None) -> str:
    """A readable English-style name for a place the gazetteer lacks."""
    roman = romanise(text, language)
    return " ".join(part.capitalize() for part in roman.split(" ") if part)


# One pass: an elided article or preposition ("d'" of "d'Odessa", "dell'" of
# "dell'Ucraina": every language's `[words] elisions`, in its text.toml) is a word of its
# own; an English possessive ending ("'s" of "Kyiv's") is not part of the name;
# apostrophes inside a word ("Куп'янськ") and hyphens ("Ivano-Frankivsk") are. \w rather
# than letters only: twice as fast, and a token with digits is never capitalised the way a name is.
_TAIL = r"(?:(?:['’ʼ`](?![sS]\b)|[\-‐‑])\w+)*"
_WORD = rf"\w+{_TAIL}"
_ELISION_FORM = re.compile(r"[^\Wʼ]+")
"""What the elision lookbehinds below assume of an elision: word characters, no ʼ."""


def _token_pattern() -> re.Pattern[str]:
    return _token_pattern_of(languages.every_language())


@cache
def _token_pattern_of(every: tuple[languages.Language, ...]) -> re.Pattern[str]:
    elisions = {elision for lang in every for elision in lang.elisions}
    if not elisions:
        return re.compile(_WORD)
    forms = {f for e in elisions for f in (e, e.capitalize())}
    if not all(_ELISION_FORM.fullmatch(f) for f in forms):
        # an elision the pattern below cannot test from behind: each form tried where a
        # word begins (slower: the engine tries the pattern at every character)
        words = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        initials = "".join(sorted({re.escape(f[0]) for f in forms}))
        return re.compile(rf"\b(?=[{initials}])(?:{words})['’ʼ](?=\w)|{_WORD}")
    # The pattern opens with a class, so that the engine skips in C to where a word begins
    # (a pattern opening with a word boundary or a choice is tried at every character). A
    # word's first letters up to an apostrophe are then an elision when a lookbehind finds
    # one of the forms there, from a word boundary (one lookbehind per length: each must
    # be of fixed width); else the word goes on as `_WORD`. ʼ (U+02BC) is a letter to \w,
    # so the first letters stop before it, as they stop before ' and ’.
    by_length: dict[int, list[str]] = {}
    for form in sorted(forms):
        by_length.setdefault(len(form), []).append(re.escape(form))
    elided = "|".join(rf"(?<=\b(?:{'|'.join(group)})['’ʼ])" for group in by_length.values())
    return re.compile(rf"\w[^\Wʼ]*(?:['’ʼ](?:{elided})(?=\w)|\w*{_TAIL})")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Word spans of a text; elided articles and prepositions are words of their own."""
    return [m.span() for m in _token_pattern().finditer(text)]


def split_words(text: str) -> list[str]:
    """The text cut at its words (those of `tokenize`): gap, word, gap, word, ..., gap, each
    gap possibly empty, so that a word's offset is the length of what comes before it."""
    return _word_splitter(_token_pattern()).split(text)


@cache
def _word_splitter(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"({pattern.pattern})")  # the pattern has no group of its own


_REPEATED_I = re.compile(r"i+")


@lru_cache(maxsize=50_000)
def spelling_key(name: str) -> str:
    """A name's key with the letters romanisations of one Ukrainian name disagree on
    merged (y and i, "yi" and "i"): GeoNames spells one name as "Mykolaivka" for a town and
    "Mykolayivka" for a village, "Andriivka" and "Andriyivka"."""
    return _REPEATED_I.sub("i", fold(name).replace("y", "i"))
