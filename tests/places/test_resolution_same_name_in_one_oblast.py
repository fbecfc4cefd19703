"""Namesakes: GeoNames spells one Ukrainian name two ways for two places
("Mykolaivka", a town of 14,000, and "Mykolayivka", a village, both in the Donetsk region);
the spelling the text happens to use must not pick the village over the town. A place
named in the same sentence, or the town a direction in it is named after, says which
namesake the sentence means."""

from __future__ import annotations

import pytest

from frontledger.places.normalize import spelling_key
from tests.places.helpers import found

pytestmark = pytest.mark.slow

MYKOLAIVKA_TOWN = 700119


def test_romanisations_of_one_name_share_a_spelling_key():
    assert spelling_key("Mykolayivka") == spelling_key("Mykolaivka")
    assert spelling_key("Andriyivka") == spelling_key("Andriivka")
    assert spelling_key("Mykolaivka") != spelling_key("Mykhailivka")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Russian shelling hit Druzhkivka and Mykolayivka in the Donetsk region overnight.", "en",
     "Mykolayivka"),
    ("Russische Raketen trafen in der Nacht Druschkiwka und Mykolajiwka im Gebiet Donezk.",
     "de", "Mykolajiwka"),
    ("Les frappes russes ont touché Droujkivka et Mykolaïvka, dans la région de Donetsk.",
     "fr", "Mykolaïvka"),
])
def test_a_town_spelt_like_a_village_namesake_of_its_oblast_is_still_the_town(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == MYKOLAIVKA_TOWN


USPENIVKA_ZAPORIZHZHIA = 690619
DOBROPILLIA_DONETSK = 709900


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("На Покровському напрямку бої біля Удачного. На Гуляйпільському напрямку ворог "
     "атакував у районі Успенівки.", "uk", "Успенівки"),
    ("In the Pokrovsk direction, fighting went on near Udachne. In the Huliaipole "
     "direction, the enemy attacked near Uspenivka.", "en", "Uspenivka"),
])
def test_the_direction_named_in_the_sentence_chooses_among_namesakes(real_gaz, text,
                                                                      language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == USPENIVKA_ZAPORIZHZHIA


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("На Херсонщині ворог обстріляв Антонівку. На Покровському напрямку бої тривали біля "
     "Білицького та Доброполля.", "uk", "Доброполля"),
    ("Russian shells hit Antonivka in the Kherson region. Near Pokrovsk, fighting went on "
     "around Bilytske and Dobropillia.", "en", "Dobropillia"),
])
def test_a_place_of_the_same_sentence_outweighs_a_region_named_elsewhere(real_gaz, text,
                                                                          language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == DOBROPILLIA_DONETSK
