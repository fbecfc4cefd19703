"""Areas named after a town: communities (hromadas) and front directions written as
adjectives (ru, uk), and villages named as such after a list (en, fr)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Авиабомбы падают на Константиновскую общину.", "ru", "Константиновскую общину"),
    ("Авіабомби падають на Костянтинівську громаду.", "uk", "Костянтинівську громаду"),
])
def test_community_named_after_its_town_is_a_hromada_of_the_towns_oblast(
        gaz, text, language, surface):
    mention = found(gaz, text, language)[surface]
    assert (mention.kind, mention.name, mention.iso3166_2) == (
        "region", "Kostiantynivka Hromada", "UA-14")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Бои идут на харьковском направлении.", "ru", "харьковском"),
    ("Бої тривають на харківському напрямку.", "uk", "харківському"),
])
def test_direction_adjective_of_a_town_without_a_suffix_names_the_town(
        gaz, text, language, surface):
    assert found(gaz, text, language)[surface].geonameid == 706483


@pytest.mark.parametrize(("text", "language", "surfaces"), [
    ("Наиболее активно противник действовал на Покровском, Добропольском и Купянском "
     "направлениях.", "ru", ("Покровском", "Добропольском", "Купянском")),
    ("Найбільше штурмів було на Покровському та Куп'янському напрямках.", "uk",
     ("Покровському", "Куп'янському")),
])
def test_each_adjective_of_a_list_of_directions_names_its_town(gaz, text, language, surfaces):
    places = found(gaz, text, language)
    assert [places[s].geonameid for s in surfaces if s in places] == [
        {"Покровском": 704422, "Покровському": 704422, "Добропольском": 709900,
         "Купянском": 703656, "Куп'янському": 703656}[s] for s in surfaces]


@pytest.mark.parametrize(("text", "language"), [
    ("Fighting went on around Zelenka and Pishchanka -- two villages near Kupiansk.", "en"),
    ("Les combats continuent autour de Zelenka et Pishchanka — deux villages proches de "
     "Koupiansk.", "fr"),
])
def test_names_followed_by_a_dash_and_villages_are_villages(gaz, text, language):
    surfaces = {m.surface for m in parse(gaz, text, language) if m.geonameid is None}
    assert {"Zelenka", "Pishchanka"} <= surfaces


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Fighting is heaviest in the Pokrovsko-Myrnohrad agglomeration.", "en", "Pokrovsko"),
    ("Бои идут в Покровско-Мирноградской агломерации.", "ru", "Покровско"),
    ("Бої тривають у Покровсько-Мирноградській агломерації.", "uk", "Покровсько"),
])
def test_first_part_of_a_compound_adjective_names_its_town(gaz, text, language, surface):
    assert found(gaz, text, language)[surface].geonameid == 704422
