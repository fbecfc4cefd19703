"""Every language is data: its folder holds its three files, they load, every pattern
compiles, and each claims language has its places file and its names of the theater's sides."""

from __future__ import annotations

import re

import pytest

from frontledger import language as languages
from frontledger.claims.resources import load_lexicon, load_theater
from frontledger.places.lexicon import available_languages, lexicon
from frontledger.places.normalize import romanise, skeleton, tokenize
from frontledger.text.dates import date_words

LANG = languages.packaged_folder()
CLAIM_LANGUAGES = sorted(p.name for p in LANG.iterdir() if (p / "claims.toml").is_file())
NEW_LANGUAGES = ("de", "it", "es", "pl")


def _patterns(value: object) -> list[str]:
    """Every string of a TOML value (each is a pattern, a word or a name)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _patterns(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _patterns(item)]
    return []


@pytest.mark.parametrize("language", CLAIM_LANGUAGES)
def test_claims_lexicon_loads_as_its_own_language_and_every_pattern_compiles(language: str) -> None:
    assert load_lexicon(language).language == language
    data = languages.language(language).claims
    for section in ("trigger", "stance", "attribution", "places", "fraction"):
        for pattern in _patterns(data[section]):
            re.compile(pattern, re.IGNORECASE)
    for pattern in _patterns(languages.language(language).dates):
        re.compile(pattern, re.IGNORECASE)
    assert date_words(language).weekday.pattern


@pytest.mark.parametrize("language", CLAIM_LANGUAGES)
def test_language_folder_holds_text_places_and_claims_files_and_nothing_unread(
        language: str) -> None:
    folder = LANG / language
    assert sorted(p.name for p in folder.iterdir()) == ["claims.toml", "places.toml", "text.toml"]
    found = languages.language(language)
    assert found.code == language
    assert [p.name for p in found.files()] == ["text.toml", "places.toml", "claims.toml"]
    assert found.text and found.places and found.claims


@pytest.mark.parametrize("language", CLAIM_LANGUAGES)
def test_every_claims_language_has_a_places_file_and_names_for_both_sides(language: str) -> None:
    assert language in available_languages()
    assert lexicon(language).language == language
    sides = {side for _pattern, side in load_theater().side_names(language)}
    assert {"RU", "UA", "other", "enemy", "own"} <= sides


@pytest.mark.parametrize("language", NEW_LANGUAGES)
def test_new_language_has_every_claim_kind_and_a_sentence_section(language: str) -> None:
    kinds = {t.kind for t in load_lexicon(language).triggers}
    assert kinds == {"control", "advance", "encirclement", "withdrawal", "clash", "strike"}
    assert languages.language(language).abbreviations


def test_italian_elision_is_split_from_the_name() -> None:
    text = "nell'oblast dell'Ucraina"
    assert [text[a:b] for a, b in tokenize(text)] == ["nell'", "oblast", "dell'", "Ucraina"]


@pytest.mark.parametrize(("spelling", "language", "english"), [
    ("Czasiw Jar", "pl", "Chasiv Yar"),
    ("Szczerbyniwka", "pl", "Shcherbynivka"),
    ("Járkov", "es", "Kharkov"),
    ("Charkiw", "de", "Kharkiv"),
    ("Tchassiv Iar", "fr", "Chasiv Yar"),
])
def test_language_spelling_rules_meet_the_english_skeleton(
    spelling: str, language: str, english: str
) -> None:
    assert skeleton(spelling, language) == skeleton(english)
    assert romanise(spelling, "xx") == romanise(spelling)
