"""Ukrainian: apostrophes, case endings, -щина regions, districts, villages."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_every_apostrophe_variant_is_the_same_town(gaz, apostrophe):
    text = f"Бої тривають у Куп{apostrophe}янську."
    assert found(gaz, text, "uk")[f"Куп{apostrophe}янську"].geonameid == 703656


def test_instrumental_case(gaz):
    assert found(gaz, "Ситуація під Покровськом складна.", "uk")["Покровськом"].geonameid == 704422


def test_shchyna_region_in_the_locative(gaz):
    m = found(gaz, "Обстріли на Харківщині тривають.", "uk")["Харківщині"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-63")


def test_possessive_adjective_name_in_the_genitive(gaz):
    assert found(gaz, "Бої біля Часового Яру.", "uk")["Часового Яру"].geonameid == 710915


def test_district_named_after_its_town_is_a_region(gaz):
    m = found(gaz, "Бої в Покровському районі.", "uk")["Покровському районі"]
    assert (m.kind, m.name, m.iso3166_2) == ("region", "Pokrovsk Raion", "UA-14")


def test_village_missing_from_the_gazetteer_after_u_seli(gaz):
    m = found(gaz, "Ворог просунувся у селі Вільне.", "uk")["Вільне"]
    assert (m.kind, m.geonameid, m.name) == ("populated_place", None, "Vilne")


def test_common_words_at_sentence_start_are_not_places(gaz):
    assert parse(gaz, "Біля позицій тривають бої. Українські військові тримаються.", "uk") == []


def test_unknown_possessive_name_gets_its_nominative(gaz):
    m = found(gaz, "Бої точаться біля Кучерового Яру.", "uk")["Кучерового Яру"]
    assert (m.geonameid, m.name) == (None, "Kucheriv Yar")


def test_capture_of_an_unknown_village_is_a_place(gaz):
    m = found(gaz, "Росія оголошувала про захоплення Веселівки.", "uk")["Веселівки"]
    assert (m.kind, m.name) == ("populated_place", "Veselivka")


def test_name_followed_by_selo_is_a_village(gaz):
    m = found(gaz, "Ворог атакував Новомлинськ — село на півночі області.", "uk")["Новомлинськ"]
    assert (m.kind, m.geonameid, m.name) == ("populated_place", None, "Novomlynsk")


def test_village_with_its_oblast_gets_that_region(gaz):
    m = found(gaz, "Окупанти атакували Іванівку Харківської області.", "uk")["Іванівку"]
    assert (m.geonameid, m.iso3166_2, m.name) == (None, "UA-63", "Ivanivka")


def test_town_followed_by_its_oblast_in_the_genitive_is_no_person_name(gaz):
    m = found(gaz, "Росіяни атакували Куп'янськ Харківської області.", "uk")["Куп'янськ"]
    assert (m.geonameid, m.iso3166_2) == (703656, "UA-63")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Перемовини тривали в Грузії.", "uk", "Грузії"),
    ("Делегація вилетіла до Грузії вранці.", "uk", "Грузії"),
    ("Переговоры шли в Грузии.", "ru", "Грузии"),
])
def test_country_in_ia_in_the_locative_or_genitive_is_the_country(gaz, text, language, surface):
    assert found(gaz, text, language)[surface].name == "Georgia"
