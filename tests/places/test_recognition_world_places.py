"""Places in general news beyond the war: countries by their names in each language,
world cities named without a preposition, world rivers, homonyms settled by the country
or state the text names (en, fr, es, de, ru, uk, it)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

GREECE, MOROCCO = 390903, 2542007


@pytest.mark.parametrize(("text", "language", "greece", "morocco"), [
    ("Des incendies ravagent des forêts en Grèce et au Maroc.", "fr", "Grèce", "Maroc"),
    ("Los incendios arrasan bosques en Grecia y en Marruecos.", "es", "Grecia", "Marruecos"),
    ("Waldbrände wüten in Griechenland und in Marokko.", "de", "Griechenland", "Marokko"),
    ("Incendi devastano boschi in Grecia e in Marocco.", "it", "Grecia", "Marocco"),
    ("Лесные пожары бушуют в Греции и в Марокко.", "ru", "Греции", "Марокко"),
    ("Лісові пожежі вирують у Греції та в Марокко.", "uk", "Греції", "Марокко"),
])
def test_country_named_in_the_text_language_is_the_country_with_its_geonames_id(
        real_gaz, text, language, greece, morocco):
    places = found(real_gaz, text, language)
    assert (places[greece].geonameid, places[greece].kind) == (GREECE, "country")
    assert places[morocco].geonameid == MOROCCO


LYON, MARSEILLE, MURCIA, ZARAGOZA = 2996944, 2995469, 2513416, 3104324


@pytest.mark.parametrize(("text", "language", "first", "second"), [
    ("Storms battered Lyon and Marseille overnight.", "en", "Lyon", "Marseille"),
    ("De violents orages ont frappé Lyon et Marseille dans la nuit.", "fr", "Lyon", "Marseille"),
    ("Unwetter trafen Lyon und Marseille in der Nacht.", "de", "Lyon", "Marseille"),
    ("Las lluvias anegaron Murcia y Zaragoza durante la noche.", "es", "Murcia", "Zaragoza"),
])
def test_big_foreign_city_named_bare_by_its_own_name_is_a_place(real_gaz, text, language,
                                                                first, second):
    places = found(real_gaz, text, language)
    expected = {"Lyon": LYON, "Marseille": MARSEILLE, "Murcia": MURCIA, "Zaragoza": ZARAGOZA}
    assert places[first].geonameid == expected[first]
    assert places[second].geonameid == expected[second]


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Officials met Jerome on Tuesday to discuss the budget.", "en", "Jerome"),
    ("Les enquêteurs ont entendu Auxerre mardi.", "fr", "Auxerre"),
])
def test_small_foreign_town_named_bare_is_no_place(real_gaz, text, language, word):
    assert word not in found(real_gaz, text, language)


@pytest.mark.parametrize(("text", "language", "surface", "river"), [
    ("Barges sailed half-empty on the Rhine this summer.", "en", "Rhine", "Rhine"),
    ("Die Pegel von Rhein und Elbe sinken weiter.", "de", "Rhein", "Rhine"),
    ("La crue de la Loire inquiète les maraîchers.", "fr", "Loire", "Loire"),
    ("El caudal del Ebro bajó a la mitad.", "es", "Ebro", "Ebro"),
    ("Уровень воды в Дунае упал до рекордного минимума.", "ru", "Дунае", "Danube"),
    ("The Mississippi River crested at a record height.", "en", "Mississippi River",
     "Mississippi River"),
])
def test_world_river_named_in_the_text_is_a_river(real_gaz, text, language, surface, river):
    mention = found(real_gaz, text, language)[surface]
    assert (mention.kind, mention.name) == ("river", river)


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Amazon said it would hire 2,000 people in the autumn.", "en", "Amazon"),
    ("Seine Truppen zogen sich am Abend zurück.", "de", "Seine"),
    ("Voters in Ohio turned out early, officials said.", "en", "Ohio"),
])
def test_company_pronoun_or_state_named_like_a_river_is_no_river(real_gaz, text, language,
                                                                 word):
    mention = found(real_gaz, text, language).get(word)
    assert mention is None or mention.kind != "river"


MACON_FRANCE, VALENCIA_SPAIN, FRANKFURT_AM_MAIN = 2996882, 2509954, 2925533


@pytest.mark.parametrize(("text", "language", "surface", "geonameid"), [
    ("Des orages ont frappé Lyon et Grenoble, et la rivière a débordé à Mâcon.", "fr",
     "Mâcon", MACON_FRANCE),
    ("Storms hit Lyon and Grenoble, and the river burst its banks at Macon.", "en", "Macon",
     MACON_FRANCE),
    ("Las lluvias anegaron Valencia y Murcia el martes.", "es", "Valencia", VALENCIA_SPAIN),
    ("Floods reached Valencia a day after they hit Murcia and Alicante.", "en", "Valencia",
     VALENCIA_SPAIN),
])
def test_town_abroad_is_the_namesake_in_the_country_of_the_other_towns_named(
        real_gaz, text, language, surface, geonameid):
    assert found(real_gaz, text, language)[surface].geonameid == geonameid


@pytest.mark.parametrize(("text", "language"), [
    ("Shares fell in Frankfurt on Monday morning.", "en"),
    ("Die Aktienkurse fielen am Montag in Frankfurt.", "de"),
])
def test_city_named_by_the_first_words_of_its_name_is_that_city(real_gaz, text, language):
    assert found(real_gaz, text, language)["Frankfurt"].geonameid == FRANKFURT_AM_MAIN


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("A heatwave gripped Delhi for a second week, and smog closed schools.", "en", "Delhi"),
    ("Les vins du Chili et d'Australie gagnent des parts de marché.", "fr", "Australie"),
    ("Las bolsas de Tokio y Londres cerraron a la baja.", "es", "Londres"),
    ("Farmers in Hungary and Austria say the drought is the worst in years.", "en", "Austria"),
])
def test_capital_or_country_in_news_beyond_the_war_is_a_place_unless_marked_as_actor(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].metonym is False


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Washington imposed new duties on imported steel.", "en", "Washington"),
    ("Paris a annoncé de nouvelles mesures pour les agriculteurs.", "fr", "Paris"),
    ("Madrid ha rechazado la propuesta de los agricultores.", "es", "Madrid"),
    ("Kyiv rejected the report as heavy fighting went on near Sloviansk.", "en", "Kyiv"),
    ("Moscou affirme que ses troupes avancent près de Sloviansk.", "fr", "Moscou"),
])
def test_capital_the_words_mark_as_actor_or_named_bare_in_war_news_is_an_actor(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].metonym is True


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Paris Fletcher, a midfielder, signed a new contract on Monday.", "en", "Paris"),
    ("The Washington Post reported that the talks had stalled.", "en", "Washington"),
    ("Selon le milieu de terrain Jordan Hilton, l'équipe est prête.", "fr", "Jordan"),
    ("Die Washington Post berichtete über die Gespräche.", "de", "Washington"),
])
def test_name_followed_by_a_small_foreign_town_name_is_a_person_or_title(real_gaz, text,
                                                                        language, word):
    assert word not in found(real_gaz, text, language)


GRANADA_SPAIN = 2517117


@pytest.mark.parametrize(("text", "language"), [
    ("Las tormentas dejaron sin luz a Granada y Málaga.", "es"),
    ("Storms cut power in Granada and Malaga overnight.", "en"),
])
def test_big_city_keeps_its_name_where_another_language_names_a_country_so(real_gaz, text,
                                                                           language):
    assert found(real_gaz, text, language)["Granada"].geonameid == GRANADA_SPAIN


@pytest.mark.parametrize(("text", "language", "first", "second", "codes"), [
    ("Des élections ont eu lieu dimanche en Bavière et en Saxe.", "fr", "Bavière", "Saxe",
     ("DE-BY", "DE-SN")),
    ("Am Sonntag wurde in Sachsen und Thüringen gewählt.", "de", "Sachsen", "Thüringen",
     ("DE-SN", "DE-TH")),
    ("Выборы прошли в Баварии и Саксонии.", "ru", "Баварии", "Саксонии", ("DE-BY", "DE-SN")),
    ("Wildfires spread from Alberta into British Columbia.", "en", "Alberta",
     "British Columbia", ("CA-AB", "CA-BC")),
    ("Storms battered Scotland and Wales overnight.", "en", "Scotland", "Wales",
     ("GB-SCT", "GB-WLS")),
    ("Las lluvias llegaron a Queensland y Nueva Gales del Sur.", "es", "Queensland",
     "Nueva Gales del Sur", ("AU-QLD", "AU-NSW")),
])
def test_first_level_region_abroad_is_a_region_with_its_iso_code(real_gaz, text, language,
                                                                first, second, codes):
    places = found(real_gaz, text, language)
    assert (places[first].kind, places[first].iso3166_2) == ("region", codes[0])
    assert (places[second].kind, places[second].iso3166_2) == ("region", codes[1])


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Les exportations vers la Chine et le Japon ont bondi cette année.", "fr", "Japon"),
    ("Les livraisons vers l'Algérie et l'Égypte ont repris lundi.", "fr", "Égypte"),
    ("Las exportaciones hacia Chile y el Perú crecieron este año.", "es", "Perú"),
])
def test_name_listed_after_an_article_shares_the_locative_of_its_list(real_gaz, text,
                                                                      language, surface):
    mention = found(real_gaz, text, language)[surface]
    assert (mention.kind, mention.metonym) == ("country", False)
