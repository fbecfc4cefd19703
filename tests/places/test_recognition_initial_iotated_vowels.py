"""Ю, Я and Є at a name's start are written "Iou-", "Iu-", "Ia-", "Ie-" in French and
Italian (and "Ju-", "Ja-" in German): the language's spelling alternatives reach the
English-style "Yu-", "Ya-" name GeoNames keeps, for Ukrainian and Russian forms alike."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

YUNAKIVKA = 688077
YAKOVLIVKA = 688556
KHOTIN = 706253


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Les troupes russes affirment être entrées à Iounakivka, près de la frontière.", "fr",
     "Iounakivka"),
    ("Le forze russe dicono di aver conquistato Iunakivka, vicino al confine.", "it",
     "Iunakivka"),
    ("Selon Moscou, la localité de Iounakovka a été « libérée » mardi.", "fr", "Iounakovka"),
    ("Secondo Mosca il villaggio di Iunakovka è stato «liberato» martedì.", "it", "Iunakovka"),
    ("Nach Angaben Moskaus wurde die Ortschaft Junakowka am Dienstag eingenommen.", "de",
     "Junakowka"),
])
def test_initial_iou_and_iu_spell_the_yu_of_a_theater_village(real_gaz, text, language,
                                                               surface):
    assert found(real_gaz, text, language)[surface].geonameid == YUNAKIVKA


@pytest.mark.parametrize(("text", "language"), [
    ("Des combats ont eu lieu près de Iakovlivka, dans la région de Donetsk.", "fr"),
    ("Combattimenti sono in corso vicino a Iakovlivka, nella regione di Donetsk.", "it"),
])
def test_initial_ia_spells_the_ya_of_a_theater_village(real_gaz, text, language):
    assert found(real_gaz, text, language)["Iakovlivka"].geonameid == YAKOVLIVKA


@pytest.mark.parametrize("text", [
    "Les Russes disent poursuivre l'offensive en direction de Khotine.",
    "Deux drones ont visé Khotine, dans la région de Soumy, dans la nuit.",
])
def test_french_final_ine_spells_a_names_final_in(real_gaz, text):
    assert found(real_gaz, text, "fr")["Khotine"].geonameid == KHOTIN
