"""Italian: region words with adjectives, elided prepositions, people."""

from __future__ import annotations

from tests.places.helpers import found, parse


def test_town_after_a_preposition(gaz):
    m = found(gaz, "I combattimenti continuano a Pokrovsk.", "it")["Pokrovsk"]
    assert m.geonameid == 704422


def test_regione_di_is_the_oblast(gaz):
    m = found(gaz, "Le truppe avanzano nella regione di Donetsk.", "it")["regione di Donetsk"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-14")


def test_region_word_with_an_adjective_still_makes_the_name_a_region(gaz):
    m = found(gaz, "I russi avanzano nella regione nord-orientale di Kharkiv.", "it")["Kharkiv"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-63")


def test_elided_preposition_is_a_word_of_its_own(gaz):
    m = found(gaz, "Le forze dell'Ucraina difendono la città.", "it")["Ucraina"]
    assert m.kind == "country"


def test_people_are_not_places(gaz):
    assert parse(gaz, "Vladimir Putin ha parlato con Trump; Zelensky ha risposto.", "it") == []


def test_marked_village_missing_from_the_gazetteer_is_a_place(gaz):
    m = found(gaz, "I russi hanno preso il villaggio di Sharivne.", "it")["Sharivne"]
    assert (m.kind, m.geonameid) == ("populated_place", None)


def test_river_after_fiume(gaz):
    m = found(gaz, "Sulla riva sinistra del fiume Dnipro si combatte.", "it")["Dnipro"]
    assert m.kind == "river"
