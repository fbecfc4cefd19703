"""Villages in their case forms and Ukrainian spellings: a Ukrainian village's Cyrillic name
is a spelling of its own name, not a former one; plural names ("Липці", "Валуйки") are
found in their oblique cases; a village beside a town its own sentence names is that
sentence's village, whatever regions the rest of the article names (uk, ru, en)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

HRYSHYNE, MALOKATERYNIVKA, LYPTSI, VALUYKI = 708060, 702072, 702989, 477192


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Окупанти штурмували позиції поблизу Гришиного, на захід від Покровська.", "uk",
     "Гришиного"),
    ("Бійці бригади тримають оборону в Гришиному, кажуть у штабі.", "uk", "Гришиному"),
    ("Под Покровском бои шли у Гришино, сообщили военные.", "ru", "Гришино"),
])
def test_a_ukrainian_village_is_found_by_its_cyrillic_name_in_any_case(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == HRYSHYNE


@pytest.mark.parametrize(("text", "language", "surface", "geonameid"), [
    ("Ворог атакував у районі Липців на Харківщині.", "uk", "Липців", LYPTSI),
    ("Над Липцями збили два дрони, повідомили в ОВА Харківщини.", "uk", "Липцями", LYPTSI),
    ("Дрони уразили склад поблизу Валуйок Бєлгородської області.", "uk", "Валуйок", VALUYKI),
    ("ВСУ нанесли удар по Валуйкам Белгородской области.", "ru", "Валуйкам", VALUYKI),
    ("В Валуйках Белгородской области объявили тревогу.", "ru", "Валуйках", VALUYKI),
])
def test_a_plural_place_name_is_found_in_its_oblique_cases(
        real_gaz, text, language, surface, geonameid):
    assert found(real_gaz, text, language)[surface].geonameid == geonameid


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Бої на Харківщині не вщухають. На Оріхівському напрямку ворог двічі наступав у районі "
     "Малокатеринівки.", "uk", "Малокатеринівки"),
    ("Бои в Харьковской области продолжаются. На Ореховском направлении противник атаковал "
     "у Малокатериновки.", "ru", "Малокатериновки"),
])
def test_a_village_beside_the_direction_its_sentence_names_is_resolved_there(
        real_gaz, text, language, surface):
    mention = found(real_gaz, text, language)[surface]
    assert (mention.geonameid, mention.iso3166_2) == (MALOKATERYNIVKA, "UA-23")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Росіяни заявили про захоплення Зеленого Гаю Запорізької області.", "uk", "Зеленого Гаю"),
    ("Оборона тримається в Зеленому Гаї на Запоріжжі.", "uk", "Зеленому Гаї"),
    ("Украина отрицает захват Зеленого Гая Запорожской области.", "ru", "Зеленого Гая"),
])
def test_a_name_ending_in_a_noun_in_y_is_found_in_its_cases(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == 687351
