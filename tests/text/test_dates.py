"""Date expressions resolved against the published date, in four languages."""

from __future__ import annotations

from datetime import date

import pytest

from frontledger.text.dates import find_dates

PUBLISHED = date(2025, 11, 20)  # a Thursday


def _first(text: str, language: str, published: date | None = PUBLISHED) -> tuple[str, str]:
    mention = find_dates(text, published, language)[0]
    return mention.value.isoformat(), mention.precision


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("said on Thursday", "en", "2025-11-20"),
    ("said on Monday", "en", "2025-11-17"),
    ("a annoncé mercredi", "fr", "2025-11-19"),
    ("сообщили в среду", "ru", "2025-11-19"),
    ("повідомили у п'ятницю", "uk", "2025-11-14"),
    ("у неділю", "uk", "2025-11-16"),
])
def test_weekday_is_the_latest_such_day_on_or_before_publication(
    text: str, language: str, expected: str
) -> None:
    assert _first(text, language) == (expected, "day")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("yesterday", "en", "2025-11-19"),
    ("la veille", "fr", "2025-11-19"),
    ("вчера", "ru", "2025-11-19"),
    ("сьогодні", "uk", "2025-11-20"),
])
def test_relative_day_words_count_from_publication(text: str, language: str, expected: str) -> None:
    assert _first(text, language) == (expected, "day")


@pytest.mark.parametrize(("text", "language"), [
    ("drones struck the city last night", "en"),
    ("anoche los drones atacaron la ciudad", "es"),
    ("la nuit dernière, des drones ont frappé la ville", "fr"),
    ("минулої ночі дрони атакували місто", "uk"),
    ("minionej nocy drony zaatakowały miasto", "pl"),
])
def test_last_night_is_the_night_that_ended_on_the_published_day(
        text: str, language: str) -> None:
    assert _first(text, language) == ("2025-11-20", "day")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("on December 10", "en", "2024-12-10"),
    ("le 27 janvier", "fr", "2025-01-27"),
    ("11 грудня", "uk", "2024-12-11"),
    ("20 ноября 2025 года", "ru", "2025-11-20"),
    ("jeudi 20 novembre 2025", "fr", "2025-11-20"),
    ("on December 7–8", "en", "2024-12-08"),
    ("2025-10-22", "en", "2025-10-22"),
    ("22.10.2025", "uk", "2025-10-22"),
])
def test_day_and_month_without_year_never_fall_after_publication(
    text: str, language: str, expected: str
) -> None:
    mentions = find_dates(text, PUBLISHED, language)
    assert mentions[-1].value.isoformat() == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("in August", "en", "2025-08-01"),
    ("en décembre", "fr", "2024-12-01"),
    ("в середині жовтня", "uk", "2025-10-01"),
    ("в сентябре", "ru", "2025-09-01"),
])
def test_month_alone_is_its_first_day_with_month_precision(
    text: str, language: str, expected: str
) -> None:
    assert _first(text, language) == (expected, "month")


def test_same_year_takes_the_last_year_written() -> None:
    text = "В августе 2022 года ВСУ наступали. В сентябре того же года город освободили."
    mentions = find_dates(text, PUBLISHED, "ru")
    assert mentions[-1].value == date(2022, 9, 1)
    assert mentions[-1].precision == "month"


def test_relative_dates_need_a_published_date() -> None:
    assert find_dates("on Thursday, yesterday", None, "en") == []


def test_may_as_a_verb_is_not_a_month() -> None:
    assert find_dates("Russian troops may move faster", PUBLISHED, "en") == []


def test_unknown_language_falls_back_to_english_words() -> None:
    assert _first("on Friday", "nl") == ("2025-11-14", "day")


@pytest.mark.parametrize(("text", "language"), [
    ("On Saturday the army said it held the bridge. Earlier in the day, the ministry "
     "had reported a strike.", "en"),
    ("Samedi, l'armée a dit tenir le pont. Plus tôt dans la journée, le ministère avait "
     "signalé une frappe.", "fr"),
    ("On 3 November the governor spoke; the same day, the ministry published a map.", "en"),
    ("Le 3 novembre, le gouverneur a parlé ; le même jour, le ministère a publié une carte.",
     "fr"),
])
def test_same_day_words_take_the_last_day_written_before_them(text: str, language: str) -> None:
    published = date(2025, 11, 10)  # a Monday
    found = find_dates(text, published, language)
    assert len(found) == 2
    assert found[1].value == found[0].value != published
    assert found[1].precision == "day"


def test_same_day_words_without_an_earlier_day_are_the_published_date() -> None:
    found = find_dates("Earlier in the day, the ministry reported a strike.",
                       date(2025, 11, 10), "en")
    assert [m.value for m in found] == [date(2025, 11, 10)]


@pytest.mark.parametrize(("text", "language"), [
    ("at the start of the month", "en"),
    ("au début du mois", "fr"),
    ("Anfang des Monats", "de"),
    ("all'inizio del mese", "it"),
    ("a principios de mes", "es"),
    ("na początku miesiąca", "pl"),
    ("в начале месяца", "ru"),
    ("на початку місяця", "uk"),
])
def test_start_of_the_month_is_the_month_of_publication(text: str, language: str) -> None:
    assert _first(text, language) == ("2025-11-01", "month")


@pytest.mark.parametrize(("text", "language"), [
    ("Russia took the town in May 2022; Ukraine retook it on Oct. 1 of that year.", "en"),
    ("Russland nahm die Stadt im Mai 2022 ein; am 1. Oktober jenes Jahres holte die Ukraine "
     "sie zurück.", "de"),
    ("La Russie a pris la ville en mai 2022 ; l'Ukraine l'a reprise le 1er octobre de la "
     "même année.", "fr"),
])
def test_a_day_of_the_same_year_takes_the_last_year_written(text: str, language: str) -> None:
    mentions = find_dates(text, PUBLISHED, language)
    assert (mentions[-1].value.isoformat(), mentions[-1].precision) == ("2022-10-01", "day")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The town was held from June to October 2022.", "en", "2022-06-01"),
    ("La ville a été tenue de mai à octobre 2022.", "fr", "2022-05-01"),
    ("Місто утримували з травня по жовтень 2022 року.", "uk", "2022-05-01"),
    ("Город удерживали с мая до октября 2022 года.", "ru", "2022-05-01"),
    ("Miasto było okupowane od maja do października 2022 r.", "pl", "2022-05-01"),
    ("Die Stadt war von Mai bis Oktober 2022 besetzt.", "de", "2022-05-01"),
    ("La ciudad estuvo ocupada de mayo a octubre de 2022.", "es", "2022-05-01"),
    ("The front did not move from November to February 2023.", "en", "2022-11-01"),
])
def test_first_end_of_a_month_range_takes_the_year_of_its_second_end(
    text: str, language: str, expected: str
) -> None:
    assert _first(text, language) == (expected, "month")


def test_a_month_without_a_range_keeps_the_published_year() -> None:
    mentions = find_dates("Fighting began in May. In October 2022 the front moved.",
                          PUBLISHED, "en")
    assert mentions[0].value.isoformat() == "2025-05-01"


@pytest.mark.parametrize(("text", "language"), [
    ("The governor said on Monday that drones had hit the city overnight.", "en"),
    ("Le gouverneur a indiqué lundi que des drones avaient frappé la ville dans la nuit.", "fr"),
    ("El gobernador informó el lunes de que los drones atacaron la ciudad durante la noche.",
     "es"),
])
def test_a_night_word_is_marked_as_counted_from_publication_and_a_weekday_is_not(
        text: str, language: str) -> None:
    weekday, night = find_dates(text, PUBLISHED, language)
    assert (weekday.from_published, night.from_published) == (False, True)
    assert night.value == PUBLISHED
