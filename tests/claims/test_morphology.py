"""Speakers' names in their base form (Russian and Ukrainian), through pymorphy3."""

from __future__ import annotations

import pytest

from frontledger.claims.morphology import after_preposition, base_form, phrase_cases, voice


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


PASSIVE = frozenset({"PRTS", "pssv", "Impe"})


@pytest.mark.parametrize(("trigger", "language", "expected"), [
    ("окружены", "ru", "passive"),
    ("окружённые", "ru", "passive"),
    ("окружили", "ru", "active"),
    ("окружение", "ru", "noun"),
    ("в кольце", "ru", "noun"),
    ("оточено", "uk", "passive"),
    ("захоплено", "uk", "passive"),  # first read as an adverb, also an impersonal passive
    ("оточені", "uk", "passive"),
    ("оточили", "uk", "active"),
    ("оточення", "uk", "noun"),
])
def test_trigger_voice_is_read_from_its_first_verb_participle_or_noun(
        trigger: str, language: str, expected: str) -> None:
    assert voice(trigger, language, PASSIVE) == expected


@pytest.mark.parametrize(("phrase", "language", "expected"), [
    ("российскими войсками", "ru", {"ablt"}),
    ("российские войска окружили", "ru", {"nomn", "accs"}),
    ("российскую группировку", "ru", {"accs"}),
    ("українськими підрозділами", "uk", {"ablt"}),
    ("російська армія", "uk", {"nomn"}),
    ("ВСУ в Мирнограде", "ru", set()),  # an abbreviation does not inflect
    ("ЗСУ", "uk", set()),
])
def test_side_phrase_cases_are_those_its_words_share_up_to_the_head(
        phrase: str, language: str, expected: set[str]) -> None:
    assert phrase_cases(phrase, language) == expected


@pytest.mark.parametrize(("before", "language", "expected"), [
    ("Вместе с ", "ru", True),
    ("За ", "uk", True),
    ("Мирноград взят ", "ru", False),
    ("Покровськ оточено ", "uk", False),
])
def test_a_phrase_right_after_a_preposition_is_governed_by_it(
        before: str, language: str, expected: bool) -> None:
    assert after_preposition(before, language) is expected
