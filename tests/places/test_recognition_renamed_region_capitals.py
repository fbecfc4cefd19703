"""A bare former name of a town whose region still bears it ("Dnipropetrovsk", Dnipro's
name until 2016) is the region in Latin-letter text, where the town goes by its new name;
"the city of Dnipropetrovsk" and Russian "по Днепропетровску" stay the town; capitals whose
foreign names GeoNames files as other names ("Kiew", "Moskwa") stay the capitals."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

DNIPRO = 709930


@pytest.mark.parametrize(("text", "language", "surface", "iso"), [
    ("Rusia reivindica avances en Dnipropetrovsk y en Zaporiyia.", "es", "Dnipropetrovsk",
     "UA-12"),
    ("Russische Truppen seien erstmals nach Dnipropetrowsk vorgedrungen.", "de",
     "Dnipropetrowsk", "UA-12"),
    ("Russian forces pushed into Dnipropetrovsk while Kirovohrad was shelled.", "en",
     "Kirovohrad", "UA-35"),
])
def test_a_former_name_the_region_still_bears_is_the_region(real_gaz, text, language, surface,
                                                             iso):
    mention = found(real_gaz, text, language)[surface]
    assert (mention.kind, mention.iso3166_2) == ("region", iso)


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Ракетный удар по Днепропетровску нанесен ночью.", "ru", "Днепропетровску"),
    ("Die Stadt Dnipropetrowsk wurde 2016 umbenannt.", "de", "Dnipropetrowsk"),
])
def test_the_town_marked_or_in_russian_stays_the_town(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == DNIPRO


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Moskau meldet die Einnahme eines Dorfes, Kiew widerspricht.", "de", "Kiew"),
    ("W Moskwie rzecznik Kremla oświadczył, że rozmowy trwają.", "pl", "Moskwie"),
])
def test_capitals_by_their_foreign_names_stay_cities(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].kind == "populated_place"
