"""A river's bank named in one compound word ("Ostufer", "Westufer") or in a phrase ("rive
gauche") makes the name beside it the river, in any case form ("des Dnipros")."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse


@pytest.mark.parametrize(("text", "language"), [
    ("Die Truppen bildeten am Ostufer des Dnipros einen Brückenkopf.", "de"),
    ("Am Westufer des Dnipro halten sich kleine Gruppen auf.", "de"),
    ("Les troupes ont établi une tête de pont sur la rive gauche du Dnipro.", "fr"),
    ("Бои идут на левом берегу Днепра.", "ru"),
    ("Артиллерия бьёт по левобережью Днепра.", "ru"),
    ("Бої тривають на лівому березі Дніпра.", "uk"),
    ("Ворог обстрілює правобережжя Дніпра.", "uk"),
])
def test_bank_of_the_river_names_the_river_not_the_city(gaz, text, language):
    assert [m.kind for m in parse(gaz, text, language)] == ["river"]


@pytest.mark.parametrize(("text", "language"), [
    ("In Dnipro heulten am Morgen die Sirenen.", "de"),
    ("Les sirènes ont retenti à Dnipro ce matin.", "fr"),
    # a case form that is also the river's ("в Днепре", "у Дніпрі") is a case of the city's
    ("Утром в Днепре прогремели взрывы.", "ru"),
    ("Вранці у Дніпрі пролунали вибухи.", "uk"),
    ("Ракети летіли по Дніпру.", "uk"),
])
def test_without_a_river_word_the_name_is_the_city(gaz, text, language):
    assert [m.kind for m in parse(gaz, text, language)] == ["populated_place"]


@pytest.mark.parametrize(("text", "language"), [
    ("Small groups tried to cross the Dnipro at night.", "en"),
    ("Les unités ont tenté de franchir le Dnipro de nuit.", "fr"),
    ("Die Einheiten versuchten nachts, den Dnipro zu überqueren.", "de"),
    ("Oddziały próbowały nocą sforsować Dniepr.", "pl"),
    ("Подразделения пытались ночью форсировать Днепр.", "ru"),
    ("Підрозділи намагалися вночі форсувати Дніпро.", "uk"),
    ("Las unidades intentaron cruzar el Dnipró de noche.", "es"),
    ("I reparti hanno tentato di attraversare il Dnipro di notte.", "it"),
])
def test_crossing_a_river_names_the_river_not_the_city(gaz, text, language):
    assert [m.kind for m in parse(gaz, text, language)] == ["river"]


@pytest.mark.parametrize(("text", "language"), [
    ("Missiles hit Dnipro at night.", "en"),
    ("Ракеты ночью попали в Днепр.", "ru"),
])
def test_a_strike_on_the_city_without_a_crossing_word_stays_the_city(gaz, text, language):
    assert [m.kind for m in parse(gaz, text, language)] == ["populated_place"]
