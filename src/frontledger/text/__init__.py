"""Text stage: normalisation, language identification (and, later, sentences and dates).

Reads: raw text. Adds: the normalised text that identifies a Document, and its language.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")

# Below this many letters the language identifier is a coin toss; we report None instead.
MIN_LETTERS_FOR_LANGUAGE = 12


def normalise_text(text: str) -> str:
    """NFC, unified line ends, runs of spaces collapsed, at most one blank line, trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def text_hash(normalised: str) -> str:
    """The identity of a document: sha256 hex of its normalised text."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS_FOR_LANGUAGE:
        return None
    from frontledger.text import langid  # imported late: numpy and py3langid

    return langid.classify(text[:5000])
