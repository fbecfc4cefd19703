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
from functools import lru_cache

from anyascii import anyascii

_APOSTROPHES = str.maketrans({"’": "", "ʼ": "", "`": "", "'": "", "‘": "", "ʹ": "", "´": ""})
_DASHES = re.compile(r"[\-‐‑‒–—]+")
_SPACES = re.compile(r"\s+")
_NON_ALPHA = re.compile(r"[^a-z ]+")

# Language-specific spellings rewritten to the English-style romanisation GeoNames uses.
# Applied in order; "\0" holds the "ch" of "tch" while French "ch" becomes "sh".
_FRENCH = (("tch", "\0"), ("ch", "sh"), ("\0", "ch"), ("ou", "u"), ("j", "zh"), ("ï", "i"),
           ("ë", "e"))
# "zh" and "kh" are English-style digraphs German news keeps (Zhuravka, Kharkiw): held
# apart from German z while the German letters are rewritten.
_GERMAN = (("zh", "\1"), ("tsch", "ch"), ("sch", "sh"), ("w", "v"), ("j", "y"), ("z", "ts"),
           ("\1", "zh"))
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
    if language == "fr":
        for old, new in _FRENCH:
            lowered = lowered.replace(old, new)
    elif language == "de":
        for old, new in _GERMAN:
            lowered = lowered.replace(old, new)
    return anyascii(fold(lowered)).lower()


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


# One pass: a French elided article ("d'" of "d'Odessa") is a word of its own; an English
# possessive ending ("'s" of "Kyiv's") is not part of the name; apostrophes inside a word
# ("Куп'янськ") and hyphens ("Ivano-Frankivsk") are. \w rather than letters only: twice
# as fast, and a token with digits is never capitalised the way a name is.
_TOKEN = re.compile(
    r"\b(?:[dlnsjcDLNSJC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’ʼ](?=\w)"
    r"|\w+(?:(?:['’ʼ`](?![sS]\b)|[\-‐‑])\w+)*")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Word spans of a text; elided French articles are words of their own."""
    return [m.span() for m in _TOKEN.finditer(text)]
