"""One place per name per article: an inflected form that several places may stand for
is the place the article names elsewhere in another form (ru, uk)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Бои идут в Днепропетровской области. Армия наступает под Покровском. Сам Покровск "
     "держится.", "ru", "Покровском"),
    ("Бої тривають у Дніпропетровській області. Армія наступає під Покровськом. Сам "
     "Покровськ тримається.", "uk", "Покровськом"),
])
def test_inflected_name_is_the_town_the_article_names_in_full(gaz, text, language, surface):
    assert found(gaz, text, language)[surface].geonameid == 704422
