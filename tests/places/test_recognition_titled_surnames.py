"""A surname right after a title that takes a person's name ("губернатора X", "governor
X", "rzecznika X") is a person, whatever village it spells; a region or country after a
title is still one ("президента России"), and a mayor's or head's town is not a title's
person. The theater's officials are persons in every case form ("в ведомстве Балицкого")."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language"), [
    ("По словам генерала Ивановского, атака отбита.", "ru"),
    ("Заявление министра Покровского опубликовано вечером.", "ru"),
    ("Про це повідомив речник Білозерський.", "uk"),
    ("За словами генерала Покровського, атаку відбито.", "uk"),
    ("Według rzecznika Białozierskiego atak odparto.", "pl"),
    ("The attack was repelled, according to governor Pokrovsky.", "en"),
    ("Lo ha detto il governatore Pokrovsky in serata.", "it"),
    ("Lo confirmó el portavoz Pokrovski en un comunicado.", "es"),
])
def test_a_surname_after_a_persons_title_is_no_place(real_gaz, text, language):
    assert [m.surface for m in parse(real_gaz, text, language)] == []


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("В ведомстве Балицкого заявили, что обстрелы продолжаются.", "ru", "Балицкого"),
    ("У відомстві Балицького заявили про нові обстріли.", "uk", "Балицького"),
    ("По словам губернатора Синегубова, Харьков атакован.", "ru", "Синегубова"),
    ("За словами губернатора Синєгубова, Харків атаковано.", "uk", "Синєгубова"),
    ("Według Łysaka w nocy było spokojnie.", "pl", "Łysaka"),
])
def test_the_theaters_officials_are_persons_in_every_case(real_gaz, text, language, surface):
    assert surface not in found(real_gaz, text, language)


@pytest.mark.parametrize(("text", "language", "surface", "kind"), [
    ("По словам президента России, бои продолжаются.", "ru", "России", "country"),
    ("Бої тривають біля Білицького та Доброполля.", "uk", "Білицького", "populated_place"),
    ("Бои идут у Белицкого и Доброполья.", "ru", "Белицкого", "populated_place"),
])
def test_a_country_after_a_title_and_a_village_after_a_preposition_stay_places(
        real_gaz, text, language, surface, kind):
    assert found(real_gaz, text, language)[surface].kind == kind
