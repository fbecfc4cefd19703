"""Russian-style names of Ukrainian places written in other languages' letters: the
adjective ending -ой (Krivoi, Krivói, Krivoy) is the Ukrainian -ий, a closed one-syllable
word's о is і (Рог = Ріг), ё after a consonant is е (Zelyony = Zelenyi), Казац- is Козац-;
German "s" may stand for З ("Seljony", "Kasazkoje"), and Spanish, Italian and French
"i" before a vowel for the softness of я, ё, ю ("Tiótkino", "Tiaguinka"). A region named
beside the name chooses the namesake that lies in it. Ordinary words and people's names
stay unresolved."""

from __future__ import annotations

import pytest

from frontledger.places.respell import ukrainian_form
from tests.places.helpers import found, parse

pytestmark = pytest.mark.slow

KRYVYI_RIH = 703845
ZELENYI_HAI_DONETSK = 9112863
KOZATSKE_KHERSON = 706566
TYOTKINO = 483166
TIAHYNKA = 690903


def test_russian_adjective_and_closed_syllable_become_ukrainian():
    assert ukrainian_form("krivoi rog") == "kryvyi rih"
    assert ukrainian_form("zelyony hai").startswith("zelen")
    assert ukrainian_form("kazatskoye") == "kozatske"


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Un misil alcanzó el lunes un bloque de viviendas en Krivói Rog.", "es", "Krivói Rog"),
    ("Un drone ha colpito un deposito a Krivoi Rog nella notte.", "it", "Krivoi Rog"),
    ("Des frappes sur Krivoï Rog ont fait deux blessés.", "fr", "Krivoï Rog"),
    ("A missile hit a depot in Krivoy Rog overnight, officials said.", "en", "Krivoy Rog"),
    ("Raketen trafen in der Nacht Krivoi Rog.", "de", "Krivoi Rog"),
])
def test_krivoi_rog_written_the_russian_way_is_kryvyi_rih(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == KRYVYI_RIH


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Moskau meldete die Einnahme von Seljony Gai im Gebiet Donezk.", "de", "Seljony Gai"),
    ("Russia claimed Zelyony Gai in the Donetsk region on Friday.", "en", "Zelyony Gai"),
    ("Mosca rivendica Zeliony Gai, nella regione di Donetsk.", "it", "Zeliony Gai"),
])
def test_zelyony_gai_in_the_donetsk_region_is_zelenyi_hai(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == ZELENYI_HAI_DONETSK


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Un intento de desembarco cerca de Kazátskoye, en la región de Jersón.", "es",
     "Kazátskoye"),
    ("Ukrainische Truppen seien bei Kasazkoje im Gebiet Cherson gelandet.", "de", "Kasazkoje"),
    ("Scontri vicino a Kazatskoye, nella regione di Kherson.", "it", "Kazatskoye"),
])
def test_kazatskoye_beside_the_kherson_region_is_its_kozatske(real_gaz, text, language,
                                                                surface):
    assert found(real_gaz, text, language)[surface].geonameid == KOZATSKE_KHERSON


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Combates cerca de Tiótkino, en la región de Kursk.", "es", "Tiótkino"),
    ("Droni ucraini hanno colpito Tiotkino, nella regione di Kursk.", "it", "Tiotkino"),
    ("Des drones ont frappé Tiotkino, dans la région de Koursk.", "fr", "Tiotkino"),
])
def test_i_before_a_vowel_is_the_softness_of_a_russian_vowel(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == TYOTKINO


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Les Russes disent avoir pris pied près de Tiaguinka, dans la région de Kherson.", "fr",
     "Tiaguinka"),
    ("I russi dicono di aver attaccato vicino a Tiaghinka, nella regione di Kherson.", "it",
     "Tiaghinka"),
])
def test_a_region_named_beside_a_name_outweighs_a_skeleton_namesake_elsewhere(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == TIAHYNKA


@pytest.mark.parametrize(("text", "language"), [
    ("Sie sagte, Sergej Sobol habe mit Semjon Rogow und Sascha Sokolow gesprochen.", "de"),
    ("El portavoz Dmitri Peskov dijo que Piotr Biriukov se reunió con Serguéi Shoigú.", "es"),
    ("Selon Maria Zakharova, Piotr Tolstoï a rencontré Ilia Iachine et Lioudmila Kiriouchina.",
     "fr"),
    ("Secondo Maria Zakharova, Piotr Tolstoi ha incontrato Sergej Kirienko.", "it"),
    ("Sie nannten es Saisonarbeit, Sonderbericht und Sommeroffensive.", "de"),
])
def test_people_and_ordinary_words_are_not_respelt_into_villages(real_gaz, text, language):
    assert [m.surface for m in parse(real_gaz, text, language) if m.geonameid] == []
