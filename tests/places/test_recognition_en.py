"""English: names, transliteration variants, regions, rivers, metonyms, unknown villages."""

from __future__ import annotations

from tests.places.helpers import found, parse


def test_city_is_resolved_to_its_geonameid(gaz):
    m = found(gaz, "Russian troops entered Kupiansk on Thursday.", "en")["Kupiansk"]
    assert (m.geonameid, m.kind, m.iso3166_2, m.country) == (703656, "populated_place",
                                                              "UA-63", "UA")


def test_transliteration_variant_reaches_the_same_town(gaz):
    assert found(gaz, "Fighting continues near Kupyansk.", "en")["Kupyansk"].geonameid == 703656


def test_possessive_is_not_part_of_the_name(gaz):
    m = found(gaz, "Siversk's school was hit.", "en")["Siversk"]
    assert m.geonameid == 694403


def test_donetsk_region_is_the_oblast_and_donetsk_the_city(gaz):
    places = found(gaz, "Shelling hit Donetsk. Fighting goes on in the Donetsk region.", "en")
    assert places["Donetsk"].geonameid == 709717
    assert places["Donetsk region"].kind == "region"
    assert places["Donetsk region"].iso3166_2 == "UA-14"


def test_names_listed_before_regions_are_regions(gaz):
    mentions = parse(gaz, "Drones hit the Kharkiv, Sumy and Zaporizhzhia regions.", "en")
    assert [(m.surface, m.kind) for m in mentions] == [
        ("Kharkiv", "region"), ("Sumy", "region"), ("Zaporizhzhia", "region")]
    assert [m.iso3166_2 for m in mentions] == ["UA-63", "UA-59", "UA-23"]


def test_names_listed_after_regions_are_regions(gaz):
    mentions = parse(gaz, "Moscow claims four of its regions: Donetsk, Kherson and Zaporizhzhia.",
                     "en")
    assert {m.iso3166_2 for m in mentions if m.kind == "region"} == {"UA-14", "UA-65", "UA-23"}


def test_homonym_is_chosen_near_the_other_places_of_the_article(gaz):
    text = "Russian forces pushed from Pokrovsk towards Kostiantynivka in the Donetsk region."
    assert found(gaz, text, "en")["Kostiantynivka"].geonameid == 705104


def test_river_needs_no_cue_when_its_name_is_only_a_river(gaz):
    m = found(gaz, "Russian units crossed to the left bank of the Oskil.", "en")["Oskil"]
    assert m.kind == "river"


def test_dnipro_is_the_river_beside_a_river_word_and_the_city_otherwise(gaz):
    assert found(gaz, "They hold the east bank of the Dnipro.", "en")["Dnipro"].kind == "river"
    assert found(gaz, "A missile hit Dnipro overnight.", "en")["Dnipro"].geonameid == 709930


def test_capital_that_speaks_is_a_metonym(gaz):
    places = found(gaz, "Kyiv said the attack was repelled, and the Kremlin denied it.", "en")
    assert places["Kyiv"].metonym and places["Kremlin"].metonym


def test_capital_as_a_location_is_not_a_metonym(gaz):
    assert not found(gaz, "Drones struck an apartment block in Kyiv.", "en")["Kyiv"].metonym


def test_country_with_possessive_army_is_a_metonym_but_its_regions_are_places(gaz):
    places = parse(gaz, "Russia's army advanced across Ukraine's Donetsk region.", "en")
    by_surface = {m.surface: m for m in places}
    assert by_surface["Russia"].metonym
    assert not by_surface["Ukraine"].metonym


def test_adjectives_and_person_names_are_not_places(gaz):
    text = "The Russian president Vladimir Putin met Ukrainian officials."
    assert parse(gaz, text, "en") == []


def test_marked_village_missing_from_the_gazetteer_is_still_a_place(gaz):
    m = found(gaz, "Russian forces captured the village of Vilne.", "en")["Vilne"]
    assert (m.kind, m.geonameid, m.name) == ("populated_place", None, "Vilne")


def test_unknown_name_in_a_list_of_known_towns_is_a_place(gaz):
    text = "Its forces took Myrnohrad, Huliaipole and Zelenyi Hai, the ministry said."
    m = found(gaz, text, "en")["Zelenyi Hai"]
    assert (m.kind, m.geonameid) == ("populated_place", None)


def test_foreign_small_town_named_as_a_word_is_ignored(gaz):
    assert parse(gaz, "Mais the talks went on in Davos.", "en")[0].surface == "Davos"


def test_names_a_marker_after_the_list_calls_villages_are_places(gaz):
    text = "Russian units occupied Balahan and Promin, two villages east of the town."
    places = found(gaz, text, "en")
    assert {places["Balahan"].name, places["Promin"].name} == {"Balahan", "Promin"}


def test_front_direction_names_its_town(gaz):
    m = found(gaz, "Heavy fighting in the Pokrovsk direction.", "en")["Pokrovsk"]
    assert m.geonameid == 704422


def test_country_in_an_institution_name_is_an_actor(gaz):
    text = "a spokesman for the Security Service of Ukraine told reporters"
    assert found(gaz, text, "en")["Ukraine"].metonym


def test_capital_with_a_possessive_claim_is_an_actor_even_after_a_preposition(gaz):
    assert found(gaz, "Ukraine has not responded to Moscow's claims.", "en")["Moscow"].metonym


def test_headline_in_title_case_keeps_its_places_and_invents_none(gaz):
    text = ("Russia Surrounds Myrnohrad After Heavy Fighting Near Pokrovsk, Denies Losses\n"
            "The ministry said so.")
    assert [m.surface for m in parse(gaz, text, "en")] == ["Russia", "Myrnohrad", "Pokrovsk"]


def test_first_name_before_a_surname_is_not_a_town(gaz):
    text = "Officer Vladimir Bunyatov said Kramatorsk was calm."
    assert all(m.surface != "Vladimir" for m in parse(gaz, text, "en"))


def test_sentence_crowded_with_names_is_not_mistaken_for_a_headline(gaz):
    text = "Fighting near Pokrovsk and Myrnohrad, said Vladimir Bunyatov."
    assert [m.surface for m in parse(gaz, text, "en")] == ["Pokrovsk", "Myrnohrad"]


def test_region_attached_to_a_name_picks_the_namesake_there(gaz):
    text = "Shelling hit Kostiantynivka in the Kharkiv region."
    assert found(gaz, text, "en")["Kostiantynivka"].geonameid == 900001


def test_name_placed_in_a_region_without_namesake_there_is_unresolved_in_it(gaz):
    m = found(gaz, "They took Pokrovske, in the Kharkiv region.", "en")["Pokrovske"]
    assert (m.geonameid, m.iso3166_2) == (None, "UA-63")


def test_small_town_abroad_needs_a_locative_preposition(gaz):
    assert parse(gaz, "Yesterday Davos officials spoke up.", "en") == []
    assert found(gaz, "Leaders met in Davos and Kyiv.", "en")["Davos"].country == "CH"


def test_river_named_after_a_capitalised_river_word_is_the_river(gaz):
    for text in ("Troops crossed the formidable River Dnipro at night.",
                 "Shelling hit both banks of the River Oskil."):
        assert [m.kind for m in parse(gaz, text, "en")] == ["river"], text


def test_region_with_a_compass_adjective_still_places_the_name_in_it(gaz):
    text = "Shelling hit Kostiantynivka in the northeastern Kharkiv region."
    assert found(gaz, text, "en")["Kostiantynivka"].geonameid == 900001
    text = "The list named Pokrovske in the south-eastern Kharkiv region as well."
    m = found(gaz, text, "en")["Pokrovske"]
    assert (m.geonameid, m.iso3166_2) == (None, "UA-63")
