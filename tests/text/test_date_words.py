"""Times that name no day, "last <weekday>" and "the same day", in every language's words."""

from __future__ import annotations

from datetime import date

import pytest

from frontledger.text.dates import find_dates

THURSDAY = date(2025, 11, 20)


@pytest.mark.parametrize(("text", "language"), [
    ("the brigade said a few days ago", "en"),
    ("in recent days the army advanced", "en"),
    ("troops withdrew last autumn", "en"),
    ("the bridgehead was set up in early 2024", "en"),
    ("les territoires perdus à l'automne dernier", "fr"),
    ("reprise début 2024", "fr"),
    ("il y a quelques jours, l'armée", "fr"),
    ("vor einigen Tagen meldete", "de"),
    ("in den vergangenen Wochen", "de"),
    ("несколько дней назад армия", "ru"),
    ("прошлой осенью войска", "ru"),
    ("в начале 2024 года", "ru"),
    ("кілька днів тому армія", "uk"),
    ("останніми днями тривали бої", "uk"),
    ("kilka dni temu armia", "pl"),
    ("w ostatnich dniach", "pl"),
    ("en los últimos días", "es"),
    ("a principios de 2024", "es"),
    ("alcuni giorni fa l'esercito", "it"),
    ("lo scorso autunno", "it"),
])
def test_time_that_names_no_day_is_a_mention_without_a_date(text: str, language: str) -> None:
    mentions = find_dates(text, THURSDAY, language)
    assert [(m.value, m.precision) for m in mentions] == [(None, None)]


def test_month_after_an_early_word_keeps_its_month_date() -> None:
    """"early November" is a month (dated to its 1st), not a time without a date."""
    mentions = find_dates("in early November 2024", THURSDAY, "en")
    assert [(m.value, m.precision) for m in mentions] == [(date(2024, 11, 1), "month")]


@pytest.mark.parametrize(("text", "language"), [
    ("last Thursday", "en"),
    ("jeudi dernier", "fr"),
    ("am vergangenen Donnerstag", "de"),
    ("в прошлый четверг", "ru"),
    ("минулого четверга", "uk"),
    ("w ubiegły czwartek", "pl"),
    ("el pasado jueves", "es"),
    ("giovedì scorso", "it"),
])
def test_last_weekday_named_on_that_weekday_is_the_week_before(text: str, language: str) -> None:
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [date(2025, 11, 13)]


@pytest.mark.parametrize(("text", "language"), [
    ("on Thursday", "en"),
    ("jeudi", "fr"),
    ("am Donnerstag", "de"),
])
def test_weekday_named_on_that_weekday_without_last_is_that_day(text: str, language: str) -> None:
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [THURSDAY]


@pytest.mark.parametrize(("text", "language"), [
    ("Am Montag meldete das Ministerium Kämpfe. Am selben Tag hieß es", "de"),
    ("В понедельник министерство сообщило о боях. В тот же день штаб заявил", "ru"),
    ("У понеділок міністерство повідомило про бої. Того ж дня штаб заявив", "uk"),
    ("W poniedziałek ministerstwo podało. Tego samego dnia sztab przekazał", "pl"),
    ("El lunes el ministerio informó. Ese mismo día el mando dijo", "es"),
    ("Lunedì il ministero ha riferito. Lo stesso giorno il comando ha detto", "it"),
])
def test_same_day_takes_the_day_written_before(text: str, language: str) -> None:
    monday = date(2025, 11, 17)
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [monday, monday]
