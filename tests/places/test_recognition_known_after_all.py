"""A settlement the recogniser did not find, but whose theater-style name (worked out from
the text's form) is the own name of the one place of that name in the region the text
puts it in, is that gazetteer place, with its GeoNames id; without a region it stays a
place the gazetteer lacks."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

MYROPILLIA = 701020
KOZATSKE = 706566


@pytest.mark.parametrize(("text", "language", "surface", "geonameid"), [
    ("Группировка «Север» продвигается в Сумской области, у Мирополья отражены две атаки.",
     "ru", "Мирополья", MYROPILLIA),
    ("Los rusos frustraron un desembarco cerca de Kazátskoye, en la región de Jersón.", "es",
     "Kazátskoye", KOZATSKE),
])
def test_an_unfound_village_placed_in_its_region_is_the_regions_place_of_that_name(
        real_gaz, text, language, surface, geonameid):
    assert found(real_gaz, text, language)[surface].geonameid == geonameid


def test_an_unfound_village_with_no_region_keeps_no_far_namesakes_id(real_gaz):
    text = "«Окупанти намагалися закріпитися на околицях Тихого», — сказав речник."
    assert found(real_gaz, text, "uk")["Тихого"].geonameid is None
