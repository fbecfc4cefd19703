"""A place's name inside a military unit's or an organisation's name names no place: the
unit word may follow the name ("Operational Strategic Group") or open the unit's name
("groupement", "угруповання"); the same name elsewhere in the text stays a place."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse


def _surfaces(gaz, text: str, language: str) -> list[str]:
    return [m.surface for m in parse(gaz, text, language)]


@pytest.mark.parametrize(("text", "language", "place"), [
    ("A spokesman for the Kharkiv Operational Group said assaults near Kupiansk failed.", "en",
     "Kupiansk"),
    ("Le porte-parole du groupement opérationnel « Kharkiv » signale des assauts près de "
     "Koupiansk.", "fr", "Koupiansk"),
    ("Il portavoce del raggruppamento di truppe Kharkiv ha parlato di assalti vicino a "
     "Kupiansk.", "it", "Kupiansk"),
    ("Речник угруповання військ «Харків» повідомив про штурми біля Куп'янська.", "uk",
     "Куп'янська"),
    ("Представитель группировки войск «Харьков» сообщил о штурмах у Купянска.", "ru",
     "Купянска"),
])
def test_town_name_inside_a_unit_name_is_not_a_place(gaz, text, language, place):
    assert _surfaces(gaz, text, language) == [place]


@pytest.mark.parametrize(("text", "language"), [
    ("Про це повідомили в Угрупованні об'єднаних сил.", "uk"),
    ("Об этом сообщили в Группировке войск.", "ru"),
])
def test_the_word_for_a_grouping_of_forces_is_no_unknown_place(gaz, text, language):
    assert _surfaces(gaz, text, language) == []


@pytest.mark.parametrize(("text", "language"), [
    ("Shelling hit Kharkiv overnight, the Kharkiv Operational Group said.", "en"),
    ("Des frappes ont touché Kharkiv, selon le groupement « Kharkiv ».", "fr"),
])
def test_the_same_name_outside_the_unit_name_stays_a_place(gaz, text, language):
    assert [m.name for m in parse(gaz, text, language)] == ["Kharkiv"]


@pytest.mark.parametrize(("text", "language"), [
    ("Продолжается освобождение Малиновского металлургического завода. В Купянске тихо.",
     "ru"),
    ("Триває звільнення Малинівського металургійного заводу. У Куп'янську тихо.", "uk"),
])
def test_town_adjective_naming_a_plant_is_not_a_place(gaz, text, language):
    assert [m.name for m in parse(gaz, text, language)] == ["Kupiansk"]
