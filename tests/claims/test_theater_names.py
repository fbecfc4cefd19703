"""Theater names are compiled per language on first use, and every one of them compiles."""

from __future__ import annotations

import re

from frontledger.claims.resources import FALLBACK_LANGUAGE, available_theaters, load_theater


def test_every_theater_name_pattern_compiles_in_every_language() -> None:
    for theater_id in available_theaters():
        theater = load_theater(theater_id)
        for language, names in theater.names.items():
            compiled = theater.side_names(language)
            assert [p.pattern for p, _side in compiled] == [source for source, _ in names]
            assert all(isinstance(p, re.Pattern) for p, _side in compiled)


def test_a_language_the_theater_lacks_gets_the_english_names() -> None:
    theater = load_theater()
    assert theater.side_names("xx") == theater.side_names(FALLBACK_LANGUAGE)
    assert theater.side_names("xx")


def test_a_languages_names_are_compiled_once() -> None:
    theater = load_theater()
    assert theater.side_names("fr") is theater.side_names("fr")
