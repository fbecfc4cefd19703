"""German: spelling of Ukrainian names, 'Gebiet', capitals speaking, marker nouns."""

from __future__ import annotations

from tests.places.helpers import found, parse


def test_german_ch_and_w_spelling_reaches_the_town(gaz):
    m = found(gaz, "Russische Truppen greifen Kurachowe an.", "de")["Kurachowe"]
    assert m.geonameid == 695357


def test_german_spelling_of_two_words_is_matched_by_skeleton(gaz):
    m = found(gaz, "Um Tschassiw Jar wird gekämpft.", "de")["Tschassiw Jar"]
    assert m.geonameid == 710915


def test_gebiet_is_the_oblast(gaz):
    m = found(gaz, "Die Kämpfe im Gebiet Donezk gehen weiter.", "de")["Gebiet Donezk"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-14")


def test_capital_followed_by_zufolge_is_a_metonym(gaz):
    assert found(gaz, "Kiew zufolge wurde der Angriff abgewehrt.", "de")["Kiew"].metonym


def test_marker_noun_is_not_part_of_the_name(gaz):
    text = "Betroffen sind die Dörfer Sharivne und Bolohivka."
    names = [m.surface for m in parse(gaz, text, "de")]
    assert "Dörfer Sharivne" not in names


def test_place_after_a_preposition_before_a_capitalised_noun_is_a_place(gaz):
    text = "Die Brigade meldete, dass bei Kurachowe Kämpfe andauern."
    assert found(gaz, text, "de")["Kurachowe"].geonameid == 695357


def test_first_name_before_a_surname_the_index_lacks_is_no_place(gaz):
    assert not parse(gaz, "Wladimir Saldo sagte am Abend, die Lage sei ruhig.", "de")


def test_capital_after_hiess_es_aus_is_a_metonym(gaz):
    text = "Die Stadt sei gefallen, hieß es am Abend aus Moskau."
    assert found(gaz, text, "de")["Moskau"].metonym


def test_capital_after_nach_angaben_is_a_metonym(gaz):
    assert found(gaz, "Nach Angaben Kiews wurde der Angriff abgewehrt.", "de")["Kiews"].metonym


def test_german_sch_of_a_village_also_written_with_zh_takes_the_zh_name(gaz):
    text = ("Betroffen sind die Dörfer Zhabunky und Kolodne. Moskau erklärte, das Dorf "
            "Schabunky erobert zu haben.")
    assert found(gaz, text, "de")["Schabunky"].name == "Zhabunky"


def test_german_sch_of_a_village_never_written_with_zh_stays_sh(gaz):
    text = "Moskau erklärte, das Dorf Schabunky erobert zu haben."
    assert found(gaz, text, "de")["Schabunky"].name == "Shabunky"


def test_regional_capital_before_a_name_makes_it_the_city_not_the_region(gaz):
    text = "Im Gebiet Sumy wird gekämpft; ein Angriff traf die Gebietshauptstadt Sumy."
    m = found(gaz, text, "de")["Sumy"]
    assert (m.kind, m.geonameid) == ("populated_place", 692194)


def test_border_region_and_genitive_gebiets_name_the_region(gaz):
    text = ("Der Gouverneur des russischen Grenzgebiets Belgorod meldete Beschuss. Auch der "
            "Gouverneur des Gebiets Sumy sprach von Angriffen.")
    places = found(gaz, text, "de")
    assert (places["Belgorod"].kind, places["Belgorod"].iso3166_2) == ("region", "RU-BEL")
    assert (places["Gebiets Sumy"].kind, places["Gebiets Sumy"].iso3166_2) == ("region", "UA-59")
