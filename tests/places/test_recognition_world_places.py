"""Places in general news beyond the war: countries by their names in each language,
world cities named without a preposition, world rivers, homonyms settled by the country
or state the text names (en, fr, es, de, ru, uk, it)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

GREECE, MOROCCO = 390903, 2542007


@pytest.mark.parametrize(("text", "language", "greece", "morocco"), [
    ("Des incendies ravagent des forêts en Grèce et au Maroc.", "fr", "Grèce", "Maroc"),
    ("Los incendios arrasan bosques en Grecia y en Marruecos.", "es", "Grecia", "Marruecos"),
    ("Waldbrände wüten in Griechenland und in Marokko.", "de", "Griechenland", "Marokko"),
    ("Incendi devastano boschi in Grecia e in Marocco.", "it", "Grecia", "Marocco"),
    ("Лесные пожары бушуют в Греции и в Марокко.", "ru", "Греции", "Марокко"),
    ("Лісові пожежі вирують у Греції та в Марокко.", "uk", "Греції", "Марокко"),
])
def test_country_named_in_the_text_language_is_the_country_with_its_geonames_id(
        real_gaz, text, language, greece, morocco):
    places = found(real_gaz, text, language)
    assert (places[greece].geonameid, places[greece].kind) == (GREECE, "country")
    assert places[morocco].geonameid == MOROCCO
