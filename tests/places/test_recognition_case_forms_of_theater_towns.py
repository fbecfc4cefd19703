"""Case forms of theater towns: the Ukrainian dative in -єву of a town in -їв ("по
Чугуєву", as "Чугуєва", "Чугуєві"), and a Russian oblique form that a place abroad bears
as its own name ("от Межевой": Mezhevoy, Russia, is written so; Межевая, Mezhova, is
declined so): the theater town's nominative joins, and context chooses."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

CHUHUIV, MEZHOVA, BOROVA_KHARKIV = 710374, 701305, 711623


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Ворог бив по Чугуєву вночі.", "uk", "Чугуєву"),
    ("Уночі росіяни вдарили по Чугуєву та Золочеву.", "uk", "Чугуєву"),
    ("Противник нанес удар по Чугуеву.", "ru", "Чугуеву"),
])
def test_a_town_in_iv_is_found_in_its_dative(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == CHUHUIV


@pytest.mark.parametrize(("text", "language", "surface", "geonameid"), [
    ("ВСУ отошли от Межевой.", "ru", "Межевой", MEZHOVA),
    ("Бои идут у Межевой, на западе Донецкой области.", "ru", "Межевой", MEZHOVA),
    ("Российские войска наступают в направлении Боровой, на левом берегу Оскола, "
     "восточнее Изюма.", "ru", "Боровой", BOROVA_KHARKIV),
])
def test_a_case_form_of_a_theater_town_beats_a_place_abroad_written_so(
        real_gaz, text, language, surface, geonameid):
    assert found(real_gaz, text, language)[surface].geonameid == geonameid
