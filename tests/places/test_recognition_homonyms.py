"""Namesakes far from the article's places: two wrong villages do not vouch for each other,
and the names stay settlements with no gazetteer id (en, de)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language"), [
    ("The Sumy region governor said troops had entered Novenke, Basivka and Veselivka.", "en"),
    ("Der Gouverneur der Region Sumy sagte, die Dörfer Novenke, Basivka und Veselivka "
     "seien umkämpft.", "de"),
])
def test_villages_whose_namesakes_lie_far_from_the_named_region_keep_no_wrong_id(
        real_gaz, text, language):
    places = found(real_gaz, text, language)
    for village in ("Novenke", "Veselivka"):
        mention = places[village]
        assert mention.kind == "populated_place"
        assert mention.iso3166_2 != "UA-43"  # the Crimean namesakes
        assert mention.geonameid is None or mention.iso3166_2 == "UA-59"
