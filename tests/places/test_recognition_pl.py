"""Polish: case endings, oblast adjectives, Polish spelling of Ukrainian names, people."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse


def test_instrumental_after_pod_reaches_the_town_by_skeleton(gaz):
    m = found(gaz, "Walki trwają pod Pokrowskiem.", "pl")["Pokrowskiem"]
    assert m.geonameid == 704422


def test_genitive_ending_is_stripped(gaz):
    m = found(gaz, "Rosjanie zbliżają się do Myrnohradu.", "pl")["Myrnohradu"]
    assert m.geonameid == 710035


def test_oblast_in_the_locative_with_its_adjective_is_the_region(gaz):
    m = found(gaz, "Walki toczą się w obwodzie donieckim.", "pl")["obwodzie donieckim"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-14")


def test_polish_spelling_of_two_words_is_matched_by_skeleton(gaz):
    assert found(gaz, "Ciężkie walki trwają o Czasiw Jar.", "pl")["Czasiw Jar"].geonameid == 710915


def test_polish_ch_and_w_spelling_reaches_the_town(gaz):
    assert found(gaz, "Rosjanie zaatakowali Kurachowe.", "pl")["Kurachowe"].geonameid == 695357


def test_inflected_person_name_is_not_a_place(gaz):
    assert parse(gaz, "Trump rozmawiał z Putinem o Zełenskim.", "pl") == []


def test_river_in_the_genitive_after_a_bank_word(gaz):
    assert found(gaz, "Walki na lewym brzegu Dniepru trwają.", "pl")["Dniepru"].kind == "river"


def test_a_name_after_an_abbreviations_dot_is_no_sentence_opener(gaz):
    m = found(gaz, "Rosjanie kontrolują ok. 70 proc. Pokrowska.", "pl")["Pokrowska"]
    assert m.geonameid == 704422



def test_war_in_the_name_of_the_institute_for_the_study_of_war_is_no_place(gaz):
    assert parse(gaz, "Amerykański Instytut Studiów nad Wojną ocenia sytuację.", "pl") == []


def test_pipeline_name_is_no_town(gaz):
    text = "Drony zaatakowały rurociąg Sudzha w obwodzie kurskim."
    assert "Sudzha" not in found(gaz, text, "pl")


def test_polish_transliteration_too_short_for_a_skeleton_reaches_the_village(gaz):
    # "Łypci" is Lyptsi and "Szachowem" Shakhove once Polish c, ch and w are written the
    # English way: their consonant skeletons are too short for the skeleton index
    village = found(gaz, "Walki toczą się na obrzeżach wsi Łypci.", "pl")["Łypci"]
    assert village.geonameid == 702989
    village = found(gaz, "Obrońcy utrzymują pozycje w Szachowem.", "pl")["Szachowem"]
    assert village.geonameid == 698641


@pytest.mark.parametrize("text, surface", [
    ("Drony uderzyły w rejonie Starego Sałtowa.", "Starego Sałtowa"),
    ("Ranne zostały dwie osoby w Starym Sałtowie.", "Starym Sałtowie"),
    ("Przedwczoraj drony zaatakowały Stary Sałtów.", "Stary Sałtów"),
])
def test_adjective_and_noun_name_in_an_oblique_case_reaches_the_town(gaz, text, surface):
    assert found(gaz, text, "pl")[surface].geonameid == 692703


def test_neuter_adjective_name_in_the_genitive_reaches_the_village(gaz):
    village = found(gaz, "Rosjanie zajęli połowę Szachowego.", "pl")["Szachowego"]
    assert village.geonameid == 698641



def test_neuter_name_in_e_in_the_genitive_reaches_the_village(real_gaz):
    # Ukrainian -е names (Торське) are declined in Polish like neuter adjectives: Torśkego
    text = "Ukraińska artyleria ostrzelała rosyjskie pozycje koło Torśkego."
    assert found(real_gaz, text, "pl")["Torśkego"].geonameid == 691358


def test_neuter_name_in_e_the_gazetteer_lacks_keeps_its_nominative(real_gaz):
    text = "Szturmowcy próbowali dojść do Zakitnego od wschodu."
    village = found(real_gaz, text, "pl")["Zakitnego"]
    assert village.name == "Zakitne"
