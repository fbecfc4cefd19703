"""Capitalised common nouns of organisations' names after a preposition ("del Servicio
Estatal de Guardia de Fronteras", "della Guardia di frontiera", "В Государственной
пограничной службе") are not unknown villages."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Lo dijo el portavoz del Servicio Estatal de Guardia de Fronteras en la región de Sumy.",
     "es", "Guardia"),
    ("Lo ha riferito il portavoce della Guardia di frontiera nella regione di Sumy.", "it",
     "Guardia"),
    ("В Государственной пограничной службе сообщили об обстреле Сумской области.", "ru",
     "Государственной"),
])
def test_a_noun_of_an_organisations_name_is_no_place(real_gaz, text, language, word):
    surfaces = {m.surface for m in parse(real_gaz, text, language)}
    assert word not in surfaces
    assert any("Sum" in s or "Сум" in s for s in surfaces)
