"""A bare name that the article first used for its region is the city when a city stands
in apposition right after it ("Kharkiv, the country's second-largest city", "Charkiw, die
zweitgrößte Stadt des Landes"); a city noun after a person's name, or the city's own
possessive ("Kharkiv, the city's mayor said"), changes nothing."""

from __future__ import annotations

import pytest

from tests.places.helpers import in_second_sentence

pytestmark = pytest.mark.slow

KHARKIV = 706483


@pytest.mark.parametrize(("text", "language"), [
    ("Drones hit Zolochiv in the Kharkiv region overnight. Kharkiv, the country's "
     "second-largest city, was struck by glide bombs on Tuesday.", "en"),
    ("Dans la région de Kharkiv, les frappes continuent. Kharkiv, deuxième ville d'Ukraine, "
     "a été touchée mardi.", "fr"),
    ("Drohnen trafen Solotschiw im Gebiet Charkiw. Charkiw, die zweitgrößte Stadt des Landes, "
     "wurde am Dienstag bombardiert.", "de"),
    ("Drones atacaron Zolochiv, en la región de Járkov. Járkov, la segunda ciudad del país, "
     "fue bombardeada el martes.", "es"),
    ("Droni hanno colpito Zolochiv, nella regione di Kharkiv. Kharkiv, la seconda città del "
     "Paese, è stata bombardata martedì.", "it"),
])
def test_a_city_in_apposition_makes_the_bare_name_the_city(real_gaz, text, language):
    mention = in_second_sentence(real_gaz, text, language)
    assert (mention.kind, mention.geonameid) == ("populated_place", KHARKIV)


@pytest.mark.parametrize(("text", "language"), [
    ("Drones hit Zolochiv in the Kharkiv region overnight. Kharkiv, the city's mayor said, "
     "stayed calm.", "en"),
    ("Dans la région de Kharkiv, les frappes continuent. Kharkiv, a déclaré le maire de la "
     "ville, reste calme.", "fr"),
])
def test_a_city_noun_without_an_apposition_of_its_own_leaves_the_region(real_gaz, text,
                                                                         language):
    assert in_second_sentence(real_gaz, text, language).kind == "region"
