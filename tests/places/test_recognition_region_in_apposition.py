"""A region's bare name set off after a place ("X, in Kharkiv,", "X, en Járkov.", "X
(Харків)") locates the place: it names the oblast, not its capital city, and no claim is
made about the oblast or the city."""

from __future__ import annotations

from datetime import datetime

import pytest

from frontledger.claims import extract
from frontledger.places import geoparse
from frontledger.records import Document
from tests.places.helpers import found

pytestmark = pytest.mark.slow

KHARKIV_CITY = 706483


@pytest.mark.parametrize(("text", "language", "village", "region"), [
    ("Russian troops said they had entered Kurylivka, in Kharkiv, on Monday night.", "en",
     "Kurylivka", "Kharkiv"),
    ("Las tropas rusas dijeron haber entrado en Kurílovka, en Járkov, el lunes.", "es",
     "Kurílovka", "Járkov"),
    ("Le truppe russe hanno detto di essere entrate a Kurylivka, a Kharkiv.", "it",
     "Kurylivka", "Kharkiv"),
    ("Les troupes russes disent être entrées à Kourylivka, dans Kharkiv, lundi.", "fr",
     "Kourylivka", "Kharkiv"),
    ("Російські війська заявили, що зайшли в Курилівку (Харків).", "uk", "Курилівку", "Харків"),
    ("Российские войска заявили, что вошли в Курыловку (Харьков).", "ru", "Курыловку",
     "Харьков"),
])
def test_bare_region_name_set_off_after_a_village_is_the_oblast_not_the_city(
        real_gaz, text, language, village, region):
    places = found(real_gaz, text, language)
    assert (places[region].kind, places[region].iso3166_2) == ("region", "UA-63")
    assert places[village].iso3166_2 == "UA-63"


@pytest.mark.parametrize(("text", "language"), [
    ("Drones hit Kyiv, in Kharkiv, and in Odesa overnight, officials said.", "en"),
    ("Russian shells hit Kupiansk, in Kharkiv city and in Izium.", "en"),
    ("Los drones alcanzaron Kiev, en Járkov y en Odesa.", "es"),
])
def test_a_city_listed_after_another_city_or_going_on_stays_the_city(real_gaz, text,
                                                                      language):
    kharkiv = [m for m in geoparse(text, language, gazetteer=real_gaz)
               if m.surface in ("Kharkiv", "Járkov")]
    assert [m.geonameid for m in kharkiv] == [KHARKIV_CITY]


@pytest.mark.parametrize(("text", "language", "village"), [
    ("Russia's defence ministry said its forces had captured Kurylivka, in Kharkiv, "
     "on Tuesday.", "en", "Kurylivka"),
    ("El Ministerio de Defensa ruso afirmó que sus tropas tomaron Kurílovka, en Járkov.",
     "es", "Kurylivka"),
    ("Il ministero della Difesa russo ha detto di aver conquistato Kurylivka, a Kharkiv.",
     "it", "Kurylivka"),
])
def test_capture_of_a_village_set_in_its_region_is_no_claim_on_the_region_or_its_city(
        real_gaz, text, language, village):
    document = Document(id="d", text=text, source="test", language=language,
                        published=datetime(2025, 11, 20))
    claims = extract(document, geoparse(text, language, gazetteer=real_gaz))
    assert {c.place.name for c in claims} == {village}
