"""A hyphenated word that opens with a compass point's combining form is an adjective
("Південно-Слобожанський напрямок", "Северо-Донецкая группа"), not a list of places (uk,
ru); a town whose own name is such a compound is still found."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language"), [
    ("На Південно-Слобожанському напрямку ворог двічі атакував позиції наших військ.", "uk"),
    ("На Північно-Слобожанському і Курському напрямках противник завдав двох авіаударів.",
     "uk"),
    ("На Южно-Слобожанском направлении противник дважды атаковал позиции ВСУ.", "ru"),
])
def test_a_compass_compound_adjective_names_no_place(real_gaz, text, language):
    places = found(real_gaz, text, language)
    assert not [m for m in places.values()
                if "Слобожан" in m.surface or m.surface in ("Південно", "Північно", "Южно")]


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Губернатор повідомив про вибухи в Южно-Сахалінську.", "uk", "Южно-Сахалінську"),
    ("Губернатор сообщил о взрывах в Южно-Сахалинске.", "ru", "Южно-Сахалинске"),
])
def test_a_town_named_with_a_compass_compound_is_still_found(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].country == "RU"
