"""One place per name per article: an inflected form that several places may stand for
is the place the article names elsewhere in another form (ru, uk)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found, parse


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Бои идут в Днепропетровской области. Армия наступает под Покровском. Сам Покровск "
     "держится.", "ru", "Покровском"),
    ("Бої тривають у Дніпропетровській області. Армія наступає під Покровськом. Сам "
     "Покровськ тримається.", "uk", "Покровськом"),
])
def test_inflected_name_is_the_town_the_article_names_in_full(gaz, text, language, surface):
    assert found(gaz, text, language)[surface].geonameid == 704422


@pytest.mark.parametrize(("text", "language", "start"), [
    ("Moscow said it had taken the village of Zolotarivka. Kyiv denied it. Zolotarivka "
     "remains under Ukrainian control, the army said.", "en", 69),
    ("Moskau meldete die Einnahme der Ortschaft Solotariwka. Kiew widersprach. Solotariwka "
     "sei weiterhin unter ukrainischer Kontrolle, hieß es.", "de", 73),
])
def test_an_unknown_village_once_marked_is_a_place_wherever_its_name_is_written_again(
        gaz, text, language, start):
    mentions = [m for m in parse(gaz, text, language) if m.geonameid is None
                and m.kind == "populated_place"]
    assert [m.start for m in mentions][-1] == start
    assert len({m.name for m in mentions}) == 1
