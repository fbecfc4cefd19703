"""A name that is also a region's bare name ("Mykolaiv", "Миколаїв") is the region's
centre, not a theater village spelt like it: the Mykolaivkas near Odesa must not win
because the sentence names Odesa, nor a Mykolaivka near a front-line town."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

MYKOLAIV_CITY = 700569


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Les drones ont frappé Odessa, Tchornomorsk et Mykolaïv dans la nuit.", "fr", "Mykolaïv"),
    ("Droni russi hanno colpito Odessa, Chornomorsk e Mykolaiv durante la notte.", "it",
     "Mykolaiv"),
    ("Drones struck Odesa, Chornomorsk and Mykolaiv overnight.", "en", "Mykolaiv"),
])
def test_a_region_centre_listed_with_another_regions_towns_is_the_centre(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == MYKOLAIV_CITY


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Los drones rusos atacaron Odesa. En Mykolaiv se cortó la luz.", "es", "Mykolaiv"),
    ("Rosyjskie drony uderzyły w Odessę. W Mikołajowie zabrakło prądu.", "pl", "Mikołajowie"),
])
def test_a_region_centre_after_a_neighbouring_city_is_the_centre(real_gaz, text, language,
                                                                  surface):
    assert found(real_gaz, text, language)[surface].geonameid == MYKOLAIV_CITY
