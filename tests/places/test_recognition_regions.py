"""Region or city: lists of bare names are oblasts where the text speaks of regions
(en, fr, ru, uk), and stay cities where it does not."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse


def _kinds(gaz, text: str, language: str) -> list[tuple[str, str | None]]:
    return [(m.kind, m.iso3166_2) for m in parse(gaz, text, language) if not m.metonym]


@pytest.mark.parametrize(("text", "language"), [
    ("Both regions came under fire overnight, in Kharkiv and in Donetsk, officials said.", "en"),
    ("Les deux régions ont été frappées, à Kharkiv et à Donetsk, selon les gouverneurs.", "fr"),
    ("Власти обеих областей сообщили об ударах в Харькове и в Донецке.", "ru"),
    ("Влада обох областей повідомила про удари в Харкові та в Донецьку.", "uk"),
])
def test_list_of_names_in_a_sentence_about_regions_names_oblasts(gaz, text, language):
    assert _kinds(gaz, text, language) == [("region", "UA-63"), ("region", "UA-14")]


@pytest.mark.parametrize(("text", "language"), [
    ("Moscow claims three regions -- Kharkiv, Donetsk and Odesa -- as its own.", "en"),
    ("Москва претендует на области — Харьковскую, Донецкую и Одесскую.", "ru"),
])
def test_list_after_regions_and_a_dash_names_oblasts(gaz, text, language):
    assert {kind for kind, _iso in _kinds(gaz, text, language)} == {"region"}


@pytest.mark.parametrize(("text", "language"), [
    ("Shelling went on in the Zaporizhzhia and Odesa regions. Kharkiv and Donetsk were calm.",
     "en"),
    ("Les frappes ont touché les régions de Zaporijjia et d'Odessa; Kharkiv et Donetsk restent "
     "calmes.", "fr"),
])
def test_names_outside_the_region_list_stay_cities(gaz, text, language):
    kinds = _kinds(gaz, text, language)
    assert kinds[2:] == [("populated_place", "UA-63"), ("populated_place", "UA-14")]


def test_language_without_its_own_region_names_uses_the_english_ones_in_its_templates():
    from frontledger.places.build import _region_names

    names = {name for name, _how in _region_names({"base": {"en": ["Testovsk"]}})}
    assert {"Testovsk region", "région de Testovsk", "Gebiet Testovsk"} <= names


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Возле нескольких сёл на Харьковщине и на Запорожье идут бои. В Запорожье слышны взрывы.",
     "ru", [("region", "UA-23"), ("populated_place", "UA-23")]),
    ("Біля кількох сіл на Запоріжжі тривають бої. У Запоріжжі лунають вибухи.", "uk",
     [("region", "UA-23"), ("populated_place", "UA-23")]),
])
def test_na_before_a_regional_centre_names_its_region_and_v_the_city(gaz, text, language,
                                                                     expected):
    zaporizhzhia = [(m.kind, m.iso3166_2) for m in parse(gaz, text, language)
                    if m.iso3166_2 == "UA-23"]
    assert zaporizhzhia == expected


@pytest.mark.parametrize(("text", "language"), [
    ("Наступление на Запорожье остановлено.", "ru"),
    ("Наступ на Запоріжжя зупинено.", "uk"),
])
def test_na_after_a_noun_of_motion_keeps_the_city(gaz, text, language):
    assert [m.kind for m in parse(gaz, text, language)] == ["populated_place"]


@pytest.mark.parametrize(("text", "language"), [
    ("Des drones ont visé les régions de Kharkiv et de Donetsk dans la nuit.", "fr"),
    ("Des drones ont visé les régions de Kharkiv et Donetsk dans la nuit.", "fr"),
    ("I droni hanno colpito gli oblast di Kharkiv e Donetsk nella notte.", "it"),
    ("Los drones atacaron los óblast de Kharkiv y Donetsk por la noche.", "es"),
    ("Drony zaatakowały w nocy obwody charkowski i doniecki.", "pl"),
    ("Rosjanie ostrzeliwali miejscowości w obwodach charkowskim oraz donieckim.", "pl"),
])
def test_list_after_a_region_named_with_its_word_before_it_names_oblasts(gaz, text, language):
    assert _kinds(gaz, text, language) == [("region", "UA-63"), ("region", "UA-14")]


@pytest.mark.parametrize(("text", "language"), [
    ("Les combats continuent dans la région de Donetsk et à Kramatorsk.", "fr"),
    ("Walki trwają w obwodzie donieckim i w Kramatorsku.", "pl"),
    ("Los combates siguen en la región de Donetsk y en Kramatorsk.", "es"),
])
def test_a_town_listed_after_a_region_stays_a_town(gaz, text, language):
    assert [kind for kind, _iso in _kinds(gaz, text, language)] == ["region", "populated_place"]


@pytest.mark.parametrize(("text", "language"), [
    ("Des drones ont frappé les régions de Kharkiv et de Donetsk dans la nuit.", "fr"),
    ("Les régions de Kharkiv, Donetsk et Odessa restent sous le feu.", "fr"),
    ("Беспилотники атаковали Харьковскую и Донецкую области.", "ru"),
    ("Дрони атакували Харківську та Донецьку області.", "uk"),
])
def test_plural_region_word_before_a_list_makes_every_name_of_it_an_oblast(gaz, text, language):
    kinds = _kinds(gaz, text, language)
    assert kinds[:2] == [("region", "UA-63"), ("region", "UA-14")]
    assert {kind for kind, _iso in kinds} == {"region"}


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("W obwodzie sumskim trwają walki. W nocy Rosjanie zaatakowali Sumy dronami.",
     "pl", "Sumy"),
    ("В Харьковской области идут бои. Ночью россияне атаковали Харьков дронами.",
     "ru", "Харьков"),
])
def test_bare_noun_after_an_adjectival_region_name_is_the_city(gaz, text, language, surface):
    assert found(gaz, text, language)[surface].kind == "populated_place"
