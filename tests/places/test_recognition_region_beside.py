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


@pytest.mark.parametrize(("text", "language"), [
    ("Le truppe sono entrate a Kalynove, nella regione orientale di Lugansk.", "it"),
    ("Las tropas entraron en Kalynove, en la región oriental de Luhansk.", "es"),
])
def test_region_spelt_out_before_a_bare_name_places_the_name_before_it(real_gaz, text,
                                                                        language):
    assert found(real_gaz, text, language)["Kalynove"].iso3166_2 == "UA-09"


@pytest.mark.parametrize(("text", "language"), [
    ("Moscow said it took the village of Stepove in the Luhansk region.", "en"),
    ("Mosca ha detto di aver preso il villaggio di Stepove nella regione di Lugansk.", "it"),
    ("Moscou affirme avoir pris le village de Stepove dans la région de Louhansk.", "fr"),
])
def test_a_village_marker_does_not_override_the_region_beside_the_name(real_gaz, text,
                                                                       language):
    assert found(real_gaz, text, language)["Stepove"].iso3166_2 == "UA-09"


@pytest.mark.parametrize(("text", "language"), [
    ("Troops entered the village of Stepove. Stepove, in the Luhansk region, lies near the "
     "front; residents left the village of Stepove in May.", "en"),
    ("Le truppe sono entrate nel villaggio di Stepove. Stepove, nella regione di Lugansk, è "
     "vicina al fronte; gli abitanti hanno lasciato il villaggio di Stepove a maggio.", "it"),
])
def test_every_mention_of_a_name_the_text_places_names_that_place(real_gaz, text, language):
    mentions = [m for m in parse(real_gaz, text, language) if m.surface == "Stepove"]
    assert len(mentions) == 3
    assert {m.iso3166_2 for m in mentions} == {"UA-09"}
