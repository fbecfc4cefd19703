"""A village the gazetteer lacks, after a locative preposition: the preposition may stand
before an article or "de" ("près de Lobkove", "aux abords de Lobkove"), as it does before a
known name; the preposition right before the name still counts ("nei pressi di",
"cerca de")."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Les troupes russes disent avoir avancé près de Lobkove dans la nuit.", "fr", "Lobkove"),
    ("Des combats se poursuivent aux abords de Lobkove, selon l'état-major.", "fr", "Lobkove"),
    ("Le truppe russe hanno avanzato nei pressi di Lobkove durante la notte.", "it", "Lobkove"),
    ("Las tropas rusas avanzaron cerca de Lobkove durante la noche.", "es", "Lobkove"),
])
def test_an_unknown_village_after_a_preposition_and_its_article_is_a_place(
        real_gaz, text, language, surface):
    mention = found(real_gaz, text, language)[surface]
    assert mention.kind == "populated_place" and mention.geonameid is None


@pytest.mark.parametrize(("text", "language"), [
    ("Les soldats se sont repliés près de la Direction générale.", "fr"),
    ("Les blindés ont été vus près des Forces spéciales.", "fr"),
])
def test_a_capitalised_word_after_the_article_without_a_place_ending_is_no_village(
        real_gaz, text, language):
    assert not any(m.geonameid is None for m in found(real_gaz, text, language).values())


@pytest.mark.parametrize(("text", "language"), [
    ("Russian troops advanced near Bila Hora, south-east of Kostiantynivka.", "en"),
    ("Le truppe russe sono avanzate nei pressi di Bila Hora, a sud-est di Kostiantynivka.",
     "it"),
])
def test_a_doubted_first_word_of_a_longer_name_is_not_a_village_of_its_own(
        real_gaz, text, language):
    assert "Bila" not in found(real_gaz, text, language)
