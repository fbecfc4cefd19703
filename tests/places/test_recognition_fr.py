"""French: spellings, 'région de', elision, metonyms, people and adjectives."""

from __future__ import annotations

from tests.places.helpers import found, parse


def test_french_spelling_reaches_the_town(gaz):
    assert found(gaz, "Les combats continuent à Koupiansk.", "fr")["Koupiansk"].geonameid == 703656


def test_french_transliteration_not_in_the_gazetteer_is_matched_by_skeleton(gaz):
    m = found(gaz, "L'armée avance vers Myrnograd et Pokrovsk.", "fr")["Myrnograd"]
    assert m.geonameid == 710035


def test_region_de_donetsk_is_the_oblast(gaz):
    m = found(gaz, "Les troupes avancent dans la région de Donetsk.", "fr")["région de Donetsk"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-14")


def test_elided_region_name(gaz):
    m = found(gaz, "Une frappe a touché la région d'Odessa.", "fr")["région d'Odessa"]
    assert m.iso3166_2 == "UA-51"


def test_regions_listed_after_les_regions_de(gaz):
    text = "Les régions ukrainiennes de Dnipropetrovsk, Zaporijjia et Donetsk se rejoignent ici."
    mentions = parse(gaz, text, "fr")
    assert [m.iso3166_2 for m in mentions] == ["UA-12", "UA-23", "UA-14"]
    assert {m.kind for m in mentions} == {"region"}


def test_hyphenated_pair_of_towns_is_two_places(gaz):
    mentions = parse(gaz, "L'agglomération Pokrovsk-Myrnohrad est encerclée.", "fr")
    assert [m.geonameid for m in mentions] == [704422, 710035]


def test_people_and_adjectives_are_not_places(gaz):
    text = ("Vladimir Poutine et le général Guerassimov saluent l'armée russe; "
            "le camp ukrainien nie.")
    assert parse(gaz, text, "fr") == []


def test_capital_speaking_is_a_metonym(gaz):
    places = found(gaz, "Kiev affirme que l'avancée russe a été stoppée, selon Moscou non.", "fr")
    assert places["Kiev"].metonym and places["Moscou"].metonym


def test_marked_locality_missing_from_the_gazetteer_is_a_place(gaz):
    m = found(gaz, "Les Russes ont pris le village de Charivne.", "fr")["Charivne"]
    assert (m.kind, m.geonameid, m.name) == ("populated_place", None, "Sharivne")


def test_river_bank(gaz):
    assert found(gaz, "sur la rive gauche de l'Oskil", "fr")["Oskil"].kind == "river"


def test_every_name_of_a_marked_list_is_a_place(gaz):
    text = "Les assauts visent les localités de Vorone, Pryvilne et Stepove."
    assert [m.name for m in parse(gaz, text, "fr")] == ["Vorone", "Pryvilne", "Stepove"]


def test_two_word_name_in_french_spelling_is_matched_by_skeleton(gaz):
    m = found(gaz, "Les combats font rage à Tchassiv Iar, dans la région de Donetsk.",
              "fr")["Tchassiv Iar"]
    assert m.geonameid == 710915


def test_name_followed_by_un_village_is_a_place(gaz):
    m = found(gaz, "Les Russes ont attaqué Bologivka, un village proche.", "fr")["Bologivka"]
    assert (m.kind, m.geonameid, m.name) == ("populated_place", None, "Bologivka")


def test_region_given_after_the_name_places_it(gaz):
    m = found(gaz, "Ils ont pris Ivanivka, dans la région de Kharkiv.", "fr")["Ivanivka"]
    assert (m.geonameid, m.iso3166_2, m.name) == (None, "UA-63", "Ivanivka")
