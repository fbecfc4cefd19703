"""Transliterations whose letters read two ways: German "sch" is Ж as well as Ш, Polish
"i" after a consonant is the softness that English-style names leave out, and "io" there
is ё (de, pl); Polish declines Russian neuter names in -o and plural names in -ki."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language", "surface", "geonameid"), [
    ("Russische Drohnen griffen Woroschba im Gebiet Sumy an.", "de", "Woroschba", 688961),
    ("Rosjanie zaatakowali Mieżową w obwodzie dniepropetrowskim.", "pl", "Mieżową", 701305),
    ("Ukraińskie drony zaatakowały Tiotkino w obwodzie kurskim.", "pl", "Tiotkino", 483166),
])
def test_a_spelling_whose_letters_read_two_ways_finds_the_place(
        real_gaz, text, language, surface, geonameid):
    assert found(real_gaz, text, language)[surface].geonameid == geonameid


@pytest.mark.parametrize(("text", "surface", "geonameid"), [
    ("Walki trwają w Tiotkinie w obwodzie kurskim.", "Tiotkinie", 483166),
    ("Drony uderzyły w skład paliwa w Wałujkach w obwodzie biełgorodzkim.", "Wałujkach",
     477192),
])
def test_polish_cases_of_neuter_and_plural_names_find_the_place(real_gaz, text, surface,
                                                                 geonameid):
    assert found(real_gaz, text, "pl")[surface].geonameid == geonameid
