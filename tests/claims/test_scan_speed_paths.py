"""The fast scanning paths (anchor pre-check, case folding, skipping ahead past a leading
word boundary) find exactly what plain regex finds."""

from __future__ import annotations

import re
from datetime import date

import pytest
from claims_fixtures import CASES

from frontledger.claims.anchors import anchored, anchors_of, finditer, scanner
from frontledger.claims.resources import load_lexicon, load_theater
from frontledger.text.dates import find_dates

TEXTS = [case["text"] for case in CASES] + [
    "MOSCOW (Reuters) - Putin's army took Vilne; «Восток» и Кремль; Київ і ЗСУ; l'armée russe."
]


def _patterns(language: str) -> list[re.Pattern[str]]:
    lexicon = load_lexicon(language)
    patterns = [t.pattern for t in lexicon.triggers]
    patterns += [lexicon.negation, lexicon.denial, lexicon.speech_verb, lexicon.claim_noun]
    patterns += [p for p, _side in load_theater().side_names(language)]
    return patterns


@pytest.mark.parametrize("language", ["en", "fr", "ru", "uk"])
def test_anchored_scan_finds_the_same_spans_as_plain_regex(language: str) -> None:
    for pattern in _patterns(language):
        fast = anchored(pattern)
        for text in TEXTS:
            expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
            found = [(m.start(), m.end()) for m in fast.finditer(text, text.lower())]
            assert found == expected, (pattern.pattern, text)


def test_optional_words_are_never_anchors() -> None:
    assert anchors_of(r"\b(?:Vladimir\s+)?Putin\b") == ("putin",)


def test_pattern_with_an_unanchored_alternative_is_always_run() -> None:
    assert anchors_of(r"\b(?:Kremlin|РФ)\b") is None


WORD_EDGES = "overtook took _took took_ 1took «took» Took. tooktook re-took"


@pytest.mark.parametrize("source", [
    r"\btook\b", r"\b(?:took|taken)", r"\b[A-Z][a-z]+", r"\b(?:pro-)?took",
    r"\btook|\bre", r"\b", r"\b(?:took)?",
])
def test_scanner_finds_what_finditer_finds(source: str) -> None:
    pattern = re.compile(source)
    for text in [*TEXTS, WORD_EDGES, WORD_EDGES.lower()]:
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in finditer(pattern, text)] == expected, text


def test_scanner_drops_the_leading_boundary_only_where_the_engine_can_skip_ahead() -> None:
    assert scanner(re.compile(r"\btook\b")).unbounded is not None
    assert scanner(re.compile(r"\b(?:the\s+)?took")).unbounded is None  # tried everywhere
    assert scanner(re.compile(r"\btook", re.IGNORECASE)).unbounded is None
    assert scanner(re.compile(r"\btook|\bre")).unbounded is None  # not "\b" + one pattern
    assert scanner(re.compile(r"\b(?:took)?")).unbounded is None  # may match nothing


@pytest.mark.parametrize("language", ["en", "fr", "de", "ru", "uk"])
def test_dates_found_through_the_scanner_are_the_plain_ones(language: str) -> None:
    for text in TEXTS:
        published = date(2025, 11, 20)
        assert find_dates(text, published, language, finditer) == find_dates(
            text, published, language)
