"""A Ukrainian village in -пілля written the Russian way in -полье ("Иванополье" is
Іванопілля, Donetsk oblast) is that village, not a town whose Russian name differs by the
soft ending alone (Иванополь, Zhytomyr oblast): a word in -ье is no case of a name in -ь,
and a name with a Russian ending is first its Ukrainian form. The same village read from
Ukrainian, English and French text; the town in -ь keeps its own cases."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

IVANOPILLYA = 707464
IVANOPIL_ZHYTOMYR = 707465


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Под Константиновкой армия заявила о взятии села Иванополье.", "ru", "Иванополье"),
    ("Бои у Дружковки: штурмовые группы вошли в Иванополье ночью.", "ru", "Иванополье"),
    ("Біля Костянтинівки ворог штурмує Іванопілля.", "uk", "Іванопілля"),
    ("Russian troops entered Ivanopolye near Kostiantynivka on Monday.", "en", "Ivanopolye"),
    ("Les troupes russes sont entrées à Ivanopolie, près de Kostiantynivka.", "fr",
     "Ivanopolie"),
])
def test_russian_neuter_in_ye_is_the_ukrainian_village_in_pillia(real_gaz, text, language,
                                                                 surface):
    assert found(real_gaz, text, language)[surface].geonameid == IVANOPILLYA


def test_a_town_in_soft_sign_keeps_its_locative(real_gaz):
    text = "В Иванополе Житомирской области открыли новую школу."
    assert found(real_gaz, text, "ru")["Иванополе"].geonameid == IVANOPIL_ZHYTOMYR
