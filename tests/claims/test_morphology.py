"""Speakers' names in their base form (Russian and Ukrainian), through pymorphy3."""

from __future__ import annotations

import pytest

from frontledger.claims.morphology import base_form


@pytest.mark.parametrize(("name", "language", "before", "expected"), [
    ("Генштабі ЗСУ", "uk", "Як повідомили у ", "Генштаб ЗСУ"),
    ("Міністерстві оборони Росії", "uk", "заявили в ", "Міністерство оборони Росії"),
    ("оперативному командуванні «Південь»", "uk", "повідомили в ",
     "оперативне командування «Південь»"),
    ("Олександра Сирського", "uk", "За словами ", "Олександр Сирський"),
    ("Генштабе ВСУ", "ru", "сообщили в ", "Генштаб ВСУ"),
    ("Министерстве обороны России", "ru", "заявили в ", "Министерство обороны России"),
])
def test_governed_name_gets_its_head_in_the_nominative(
        name: str, language: str, before: str, expected: str) -> None:
    assert base_form(name, language, before) == expected


@pytest.mark.parametrize(("name", "language", "before"), [
    ("Валерий Герасимов", "ru", "начальник Генштаба "),  # already nominative
    ("Министерство обороны России", "ru", "сообщило "),
    ("Сили оборони", "uk", "повідомили "),
    ("Russian Defence Ministry", "en", "said the "),
])
def test_name_already_in_base_form_is_left_alone(name: str, language: str, before: str) -> None:
    assert base_form(name, language, before) == name


def test_without_a_morphology_the_name_is_left_alone() -> None:
    assert base_form("Генштабі ЗСУ", None, "у ") == "Генштабі ЗСУ"
