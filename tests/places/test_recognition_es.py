"""Spanish: 'región de', the Spanish j, people."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse


def test_town_after_a_preposition(gaz):
    assert found(gaz, "Los combates continúan en Pokrovsk.", "es")["Pokrovsk"].geonameid == 704422


def test_region_de_is_the_oblast(gaz):
    m = found(gaz, "Las tropas avanzan en la región de Donetsk.", "es")["región de Donetsk"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-14")


def test_region_word_with_an_adjective_still_makes_the_name_a_region(gaz):
    m = found(gaz, "Siguen los ataques en la región oriental de Donetsk.", "es")["Donetsk"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-14")


def test_spanish_j_spelling_is_matched_by_skeleton(gaz):
    assert found(gaz, "Los rusos atacan Kurájove.", "es")["Kurájove"].geonameid == 695357


def test_spanish_country_name(gaz):
    assert found(gaz, "La guerra en Ucrania sigue.", "es")["Ucrania"].kind == "country"


def test_people_are_not_places(gaz):
    assert parse(gaz, "Vladímir Putin habló con Zelenski y con Guerásimov.", "es") == []


def test_river_after_rio(gaz):
    assert found(gaz, "Los rusos cruzaron el río Oskil.", "es")["Oskil"].kind == "river"


def test_region_with_an_adjective_still_places_the_name_in_it(gaz):
    text = "Los bombardeos alcanzaron Kostiantynivka, en la región nororiental de Járkov."
    assert found(gaz, text, "es")["Kostiantynivka"].geonameid == 900001
    text = "La lista nombraba Pokrovske, en la región oriental de Járkov, también."
    m = found(gaz, text, "es")["Pokrovske"]
    assert (m.geonameid, m.iso3166_2) == (None, "UA-63")


def test_bare_name_after_territorio_de_is_the_oblast(gaz):
    m = found(gaz, "Rusia controla en torno al 80 % del territorio de Donetsk.", "es")["Donetsk"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-14")


def test_sumi_is_the_spanish_press_spelling_of_the_sumy_region(gaz):
    m = found(gaz, "Las tropas rusas entraron en la región de Sumi en primavera.", "es")
    assert (m["región de Sumi"].kind, m["región de Sumi"].iso3166_2) == ("region", "UA-59")


def test_pipeline_name_is_no_town(gaz):
    text = "Un ataque con drones contra el oleoducto Sudzha en la región de Kursk."
    assert "Sudzha" not in found(gaz, text, "es")


def test_spanish_j_in_a_name_too_short_for_a_skeleton_reaches_the_village(gaz):
    assert found(gaz, "Las tropas rusas entraron en Shájove.", "es")["Shájove"].geonameid == 698641
    assert found(gaz, "El enemigo no controla Shájove.", "es")["Shájove"].geonameid == 698641


@pytest.mark.parametrize("text, surface", [
    ("Vovchansk, en la provincia nororiental de Járkov, sigue resistiendo.", "Járkov"),
    ("Los ataques siguen en la región suroriental de Donetsk.", "Donetsk"),
])
def test_compound_bearing_after_the_region_word_keeps_the_name_a_region(gaz, text, surface):
    assert found(gaz, text, "es")[surface].kind == "region"
