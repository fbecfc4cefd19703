"""Ukrainian villages written the Russian way where a correspondence does not hold for
every name ("-поле" stays in Huliaipole, is "-пілля" in Dobropillia) or is a plural
ending ("-цы" = "-ці"): resolved to the Ukrainian entry in English, German and French."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

HULIAIPOLE, LYPTSI = 707898, 702989


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Shelling hit Gulyaypole overnight, the regional governor said.", "en", "Gulyaypole"),
    ("Des frappes ont visé Goulïaïpole dans la nuit.", "fr", "Goulïaïpole"),
    ("Beschuss traf Guljajpole in der Nacht.", "de", "Guljajpole"),
])
def test_russian_spelling_resolves_when_one_correspondence_does_not_hold_for_the_name(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == HULIAIPOLE


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Troops pushed towards Liptsy on Monday, the army said.", "en", "Liptsy"),
    ("Die Truppen rückten am Montag auf Lipzy vor.", "de", "Lipzy"),
    ("Les troupes ont avancé lundi vers Liptsy.", "fr", "Liptsy"),
])
def test_russian_plural_ending_tsy_is_the_ukrainian_tsi(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == LYPTSI
