"""Datelines: the town a wire report is filed from is a place (the town, not its region),
also after the agency's name, as the second of two towns, and with its country after it
(en, it, de, es, ru)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language", "town", "geonameid"), [
    ("Troops near the Sumy region border\n\nSUMY, Ukraine, May 4 (Eastwire) - Officials in "
     "the Sumy region said two shells fell on a farm.", "en", "SUMY", 692194),
    ("Минобороны: бои в Запорожской области\n\nМОСКВА, 3 марта. Военные сообщили о боях у "
     "Степногорска.", "ru", "МОСКВА", 524901),
])
def test_a_dateline_town_in_capitals_is_the_town_after_a_headline_about_its_region(
        real_gaz, text, language, town, geonameid):
    mention = found(real_gaz, text, language)[town]
    assert (mention.kind, mention.geonameid, mention.metonym) == (
        "populated_place", geonameid, False)


@pytest.mark.parametrize(("text", "language", "towns"), [
    ("Droni sul porto\n\n(AGI) - Mosca, 3 feb. - Il ministero ha diffuso un bollettino "
     "sui combattimenti.", "it", ("Mosca",)),
    ("Nächtliche Angriffe\n\nMoskau/Kiew (dpa) - Beide Seiten berichteten von Drohnen über "
     "der Grenze.", "de", ("Moskau", "Kiew")),
    ("Ataques nocturnos\n\nMoscú/Kiev, 5 mar (EFE).- Ambas partes informaron de drones "
     "sobre la frontera.", "es", ("Moscú", "Kiev")),
])
def test_a_capital_filed_from_is_a_place_after_an_agency_or_another_town(
        real_gaz, text, language, towns):
    places = found(real_gaz, text, language)
    for town in towns:
        assert not places[town].metonym


@pytest.mark.parametrize(("text", "language"), [
    ("KHERSON, Ukraine — Shells fell on the river port again overnight.", "en"),
    ("ODESA, Ukraine, June 2 (Eastwire) - Drones hit the port again overnight.", "en"),
])
def test_the_country_after_a_dateline_town_is_a_place(real_gaz, text, language):
    assert not found(real_gaz, text, language)["Ukraine"].metonym


@pytest.mark.parametrize(("text", "language", "name"), [
    ("The front moved west.\n\nDnipropetrovsk, a large industrial region, had been spared "
     "ground fighting until June.", "en", "Dnipropetrovsk"),
    ("Le front avance.\n\nDnipropetrovsk, une grande région industrielle, avait été épargnée "
     "jusqu'en juin.", "fr", "Dnipropetrovsk"),
])
def test_a_name_opening_a_paragraph_with_a_comma_alone_is_no_dateline(
        real_gaz, text, language, name):
    assert found(real_gaz, text, language)[name].kind == "region"
