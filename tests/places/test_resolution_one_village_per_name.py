"""Namesakes GeoNames records without the text's spelling, and one village per name per
article: a Russian spelling that GeoNames records for some Kamianskes reaches the one
beside the sentence's other place too (ru, it); every mention of a name is the village
its surest mention names (pl, uk), or the one the text placed in a region (ru, en)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse

pytestmark = pytest.mark.slow

KAMIANSKE_ZAPORIZHZHIA, ZELENYI_HAI_ZAPORIZHZHIA = 706967, 687351


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Противник атаковал у Каменского, западнее Степногорска.", "ru", "Каменского"),
    ("Le truppe russe hanno attaccato vicino a Kamenskoe, a ovest di Stepnohirsk.", "it",
     "Kamenskoe"),
])
def test_a_spelling_recorded_for_some_namesakes_reaches_the_village_beside_its_sentence(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == KAMIANSKE_ZAPORIZHZHIA


@pytest.mark.parametrize(("text", "language"), [
    ("Rosjanie twierdzą, że zajęli Kamianske. Siły Obrony informowały o atakach w rejonie "
     "Małokateryniwki i Kamianskego.", "pl"),
    ("Росіяни заявили, що взяли Кам'янське. Ворог атакував у районах Малокатеринівки та "
     "Кам'янського.", "uk"),
])
def test_every_mention_of_a_name_is_the_village_its_surest_mention_names(
        real_gaz, text, language):
    kamianske = [m for m in parse(real_gaz, text, language) if m.name == "Kamyanske"]
    assert len(kamianske) == 2
    assert {m.geonameid for m in kamianske} == {KAMIANSKE_ZAPORIZHZHIA}


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Войска вошли в Зеленый Гай Запорожской области. Бои шли у Константиновки в Донецкой "
     "области. Украина отрицает захват Зеленого Гая.", "ru", "Zelenyi Hai"),
    ("Russia said it captured Zelenyi Hai in the Zaporizhzhia region. Fighting raged near "
     "Kostiantynivka in the Donetsk region. Kyiv said Zelenyi Hai was still held.", "en",
     "Zelenyi Hai"),
])
def test_a_name_the_text_placed_in_a_region_is_that_village_wherever_it_recurs(
        real_gaz, text, language, name):
    mentions = [m for m in parse(real_gaz, text, language) if m.name == name]
    assert len(mentions) == 2
    assert {m.geonameid for m in mentions} == {ZELENYI_HAI_ZAPORIZHZHIA}
