"""Dates in German, Italian, Spanish and Polish: each language's words come from its file."""

from __future__ import annotations

from datetime import date

import pytest

from frontledger.text.dates import find_dates

PUBLISHED = date(2025, 11, 20)  # a Thursday


def _first(text: str, language: str) -> tuple[str, str]:
    mention = find_dates(text, PUBLISHED, language)[0]
    return mention.value.isoformat(), mention.precision


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("hieß es am Dienstag", "de", "2025-11-18"),
    ("ha detto venerdì", "it", "2025-11-14"),
    ("dijo el miércoles", "es", "2025-11-19"),
    ("przekazał w środę", "pl", "2025-11-19"),
    ("poinformował w poniedziałek", "pl", "2025-11-17"),
])
def test_weekday_in_each_case_form_is_the_latest_such_day(
    text: str, language: str, expected: str
) -> None:
    assert _first(text, language) == (expected, "day")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("am 18. November", "de", "2025-11-18"),
    ("il 18 novembre 2025", "it", "2025-11-18"),
    ("el 1º de noviembre", "es", "2025-11-01"),
    ("el 18 de noviembre de 2025", "es", "2025-11-18"),
    ("18 listopada 2025 r.", "pl", "2025-11-18"),
])
def test_day_month_joined_the_language_s_way_is_a_day(
    text: str, language: str, expected: str
) -> None:
    assert _first(text, language) == (expected, "day")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("ieri", "it", "2025-11-19"),
    ("ayer", "es", "2025-11-19"),
    ("wczoraj", "pl", "2025-11-19"),
    ("przedwczoraj", "pl", "2025-11-18"),
    ("l'altro ieri", "it", "2025-11-18"),
])
def test_relative_day_words_count_back_from_publication(
    text: str, language: str, expected: str
) -> None:
    assert _first(text, language) == (expected, "day")


def test_polish_month_in_the_locative_is_a_month() -> None:
    assert _first("w październiku", "pl") == ("2025-10-01", "month")


def test_polish_ordinal_fourth_is_not_thursday() -> None:
    assert find_dates("czwarta brygada", PUBLISHED, "pl") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("der Angriff vom 3. Okt. traf die Stadt", "2025-10-03"),
    ("am 14. Sept. meldete das Ministerium", "2025-09-14"),
    ("seit dem 2. Dez. 2024 umkämpft", "2024-12-02"),
])
def test_german_abbreviated_month_after_a_day_is_that_day(text: str, expected: str) -> None:
    assert _first(text, "de") == (expected, "day")
