"""A Russian neuter ending written "-ïe" (French) or "-ie" (Spanish, Italian) after a
vowel is the "-ye" of -ое, -ие ("Zaretchnoïe", "Kamenskoie" = Zarechnoye, Kamenskoye):
that other reading spells the name exactly, and wins over a Russian namesake merely
close to the first reading; the respelling then reaches the Ukrainian village."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

ZARICHNE_DONETSK = 705808
KAMIANSKE_ZAPORIZHZHIA = 706967


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Moscou dit avoir pris Zaretchnoïe, un village proche de Lyman, samedi.", "fr",
     "Zaretchnoïe"),
    ("Los rusos afirman haber entrado en Zarechnoie, al este de Lymán.", "es", "Zarechnoie"),
    ("Secondo Mosca, le truppe sono entrate a Zarechnoie, a est di Lyman.", "it",
     "Zarechnoie"),
])
def test_final_ie_after_a_vowel_reads_as_the_russian_ye_ending(real_gaz, text, language,
                                                                surface):
    assert found(real_gaz, text, language)[surface].geonameid == ZARICHNE_DONETSK


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("L'armée russe revendique Kamenskoïe, dans la région de Zaporijjia.", "fr",
     "Kamenskoïe"),
    ("El ejército ruso reivindica Kamenskoie, en la región de Zaporiyia.", "es",
     "Kamenskoie"),
])
def test_russian_skoye_written_with_ie_is_the_ukrainian_ske(real_gaz, text, language,
                                                             surface):
    assert found(real_gaz, text, language)[surface].geonameid == KAMIANSKE_ZAPORIZHZHIA
