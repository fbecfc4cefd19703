"""The region a text names beside a name decides which place the name is: it outweighs an
exact spelling the gazetteer gives a town abroad, and it picks the community's town."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse

pytestmark = pytest.mark.slow

SIVERSK = 694403


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Oddziały wycofały się z Siewierska w obwodzie donieckim. Bój o Siewiersk trwał tydzień.",
     "pl", "Siewiersk"),
    ("Die Truppen zogen aus Sewersk im Gebiet Donezk ab. Um Sewersk wurde lange gekämpft.",
     "de", "Sewersk"),
])
def test_region_beside_a_name_outweighs_an_exact_foreign_spelling(real_gaz, text, language,
                                                                  surface):
    mentions = [m for m in parse(real_gaz, text, language) if m.surface.startswith(surface)]
    assert len(mentions) == 2
    assert {m.geonameid for m in mentions} == {SIVERSK}  # every mention, not only the placed


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("In der Region Sumy wurden zwei Dörfer in der Gemeinde Khotin beschossen.", "de",
     "Gemeinde Khotin"),
    ("Dans la région de Soumy, deux villages de la communauté de Khotin ont été bombardés.",
     "fr", "communauté de Khotin"),
    ("Nella regione di Sumy due villaggi della comunità di Khotin sono stati colpiti.", "it",
     "comunità di Khotin"),
    ("Two villages of the Khotin hromada in the Sumy region were shelled.", "en",
     "Khotin hromada"),
])
def test_community_named_after_a_town_is_a_region_of_the_oblast_the_text_names(
        real_gaz, text, language, surface):
    community = found(real_gaz, text, language)[surface]
    assert (community.kind, community.iso3166_2) == ("region", "UA-59")
    assert community.name.lower() == "khotin hromada"
