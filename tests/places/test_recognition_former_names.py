"""Former names of the theater's towns in each language's letters ("Dserschinsk",
"Krasnoarmiejsk", "Artiomovsk") reach the renamed Ukrainian town, as the English and
Russian spellings GeoNames keeps do; the Russian namesake still wins where the text puts
the name in Russia."""

from __future__ import annotations

import pytest

from frontledger.places.renamings import former_name_postings
from tests.places.helpers import found

pytestmark = pytest.mark.slow

POKROVSK, MYRNOHRAD, TORETSK, BAKHMUT = 704422, 710035, 709354, 713174
KROPYVNYTSKYI, DNIPRO, LYMAN = 705812, 709930, 704204
DZERZHINSK_RU, KRASNOARMEYSK_SARATOV = 563708, 542464


@pytest.mark.parametrize(("text", "language", "surface", "geonameid"), [
    ("Russische Einheiten rückten am Dienstag bei Dserschinsk vor.", "de", "Dserschinsk",
     TORETSK),
    ("Das Ministerium meldete Gefechte um Artjomowsk.", "de", "Artjomowsk", BAKHMUT),
    ("Laut Moskau wurde Krasnoarmeisk eingekesselt.", "de", "Krasnoarmeisk", POKROVSK),
    ("Rosyjskie wojska zaatakowały Krasnoarmiejsk od wschodu.", "pl", "Krasnoarmiejsk",
     POKROVSK),
    ("Sztab podał, że walki trwają pod Artiomowskiem.", "pl", "Artiomowskiem", BAKHMUT),
    ("Moskwa twierdzi, że otoczyła Dimitrow.", "pl", "Dimitrow", MYRNOHRAD),
    ("L'armée russe dit progresser vers Dzerjinsk.", "fr", "Dzerjinsk", TORETSK),
    ("Moscou affirme contrôler Krasnoarmeïsk.", "fr", "Krasnoarmeïsk", POKROVSK),
    ("Raketen trafen in der Nacht Kirowograd.", "de", "Kirowograd", KROPYVNYTSKYI),
    ("Raketen trafen in der Nacht die Stadt Dnipropetrowsk.", "de", "Dnipropetrowsk", DNIPRO),
    ("Combates cerca de Artiómovsk, según el ministerio ruso.", "es", "Artiómovsk", BAKHMUT),
    ("La ofensiva sigue en dirección a Krasni Limán, según Moscú.", "es", "Krasni Limán",
     LYMAN),
    ("Rosjanie nacierają w kierunku Kirowogradu.", "pl", "Kirowogradu", KROPYVNYTSKYI),
])
def test_former_name_in_foreign_letters_is_the_renamed_ukrainian_town(
        real_gaz, text, language, surface, geonameid):
    assert found(real_gaz, text, language)[surface].geonameid == geonameid


@pytest.mark.parametrize(("text", "language", "surface", "geonameid"), [
    ("Eine Explosion erschütterte ein Chemiewerk in Dserschinsk im Gebiet Nischni Nowgorod.",
     "de", "Dserschinsk", DZERZHINSK_RU),
    ("Drony zaatakowały Krasnoarmiejsk w obwodzie saratowskim.", "pl", "Krasnoarmiejsk",
     KRASNOARMEYSK_SARATOV),
    ("Des drones ont frappé Krasnoarmeïsk, dans la région de Saratov.", "fr", "Krasnoarmeïsk",
     KRASNOARMEYSK_SARATOV),
])
def test_russian_namesake_wins_where_the_text_puts_it_in_russia(
        real_gaz, text, language, surface, geonameid):
    assert found(real_gaz, text, language)[surface].geonameid == geonameid


def test_a_spelling_unlike_every_former_name_adds_no_posting(real_gaz):
    assert former_name_postings(real_gaz, "Dresden", "de") == ()
    assert former_name_postings(real_gaz, "Krasnodar", "de") == ()


KRASNYI_LYMAN_VILLAGE = 9112128


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Russian troops advanced towards Krasnyi Lyman.", "en", "Krasnyi Lyman"),
    ("Rosjanie nacierają w kierunku Krasnego Łymanu.", "pl", "Krasnego Łymanu"),
    ("Российские войска продвинулись к Красному Лиману.", "ru", "Красному Лиману"),
])
def test_a_villages_current_name_wins_over_a_towns_former_name(
        real_gaz, text, language, surface):
    """"Krasny Liman" is Lyman's former name and "Krasnyi Lyman" a village's current one:
    a spelling that reads as the current name (a Polish case of it, its Russian form) is
    the village, as the resolver prefers a current name to another name."""
    assert found(real_gaz, text, language)[surface].geonameid == KRASNYI_LYMAN_VILLAGE


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Лиман, який у російських зведеннях досі називають Красним Лиманом, знову під обстрілом.",
     "uk", "Красним Лиманом"),
    ("Российская артиллерия обстреляла Лиман. В сводках Минобороны город по-прежнему "
     "называют Красным Лиманом.", "ru", "Красным Лиманом"),
    ("Rosjanie ostrzelali Łyman, który w rosyjskich komunikatach wciąż nazywany jest "
     "Krasnym Łymanem.", "pl", "Krasnym Łymanem"),
])
def test_a_towns_former_name_is_the_town_where_the_article_names_it_otherwise(
        real_gaz, text, language, surface):
    """The village Krasnyi Lyman bears Lyman's former name today; an article that names
    Lyman and then its old name means the town, as one place per name per article has it."""
    assert found(real_gaz, text, language)[surface].geonameid == LYMAN
