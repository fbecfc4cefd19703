"""Ukrainian villages written the Russian way where a correspondence does not hold for
every name (-поле is -пілля in most names, but not in all): the respelling is tried with
one rule left out; and the plural ending -цы is -ці. Resolved to the Ukrainian entry in
English, German and French."""

from __future__ import annotations

import pytest

from frontledger.places.respell import ukrainian_form, ukrainian_variants
from tests.places.helpers import found

pytestmark = pytest.mark.slow

LYPTSI = 702989


def test_respelling_with_one_correspondence_left_out_is_a_variant():
    assert ukrainian_form("krasnopole") == "krasnopillia"
    assert "krasnopole" in ukrainian_variants("krasnopole")
    assert ukrainian_form("krasnopole") not in ukrainian_variants("krasnopole")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Troops pushed towards Liptsy on Monday, the army said.", "en", "Liptsy"),
    ("Die Truppen rückten am Montag auf Lipzy vor.", "de", "Lipzy"),
    ("Les troupes ont avancé lundi vers Liptsy.", "fr", "Liptsy"),
])
def test_russian_plural_ending_tsy_is_the_ukrainian_tsi(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == LYPTSI
