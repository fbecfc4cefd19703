"""Countries and capitals: a place where the text puts something in or near them, their
government wherever they are the subject or agent of the news (en, fr, ru, uk, de)."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse


def _uses(gaz, text: str, language: str, name: str) -> list[bool]:
    """Metonym flags of the mentions of one entry, in text order."""
    return [m.metonym for m in parse(gaz, text, language) if m.name == name]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Even if Kyiv gave up ground, the talks would stall.", "en", "Kyiv"),
    ("Les troupes de Moscou pressent les défenseurs près du fleuve.", "fr", "Moscow"),
    ("L'Ukraine dément toute percée ennemie.", "fr", "Ukraine"),
    ("Вооруженные силы Украины удерживают рубежи.", "ru", "Ukraine"),
    ("Росія не визнала втрат біля річки.", "uk", "Russia"),
    ("Seit Monaten verteidigt sich die Ukraine gegen den Angriff.", "de", "Ukraine"),
])
def test_country_or_capital_as_subject_or_agent_is_its_government(gaz, text, language, name):
    assert _uses(gaz, text, language, name) == [True]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Heavy fighting goes on across eastern Ukraine.", "en", "Ukraine"),
    ("Le front traverse le sud-est de l'Ukraine.", "fr", "Ukraine"),
    ("Бои идут на востоке Украины.", "ru", "Ukraine"),
    ("Бої тривають на сході України.", "uk", "Ukraine"),
    ("Gekämpft wird im Osten der Ukraine.", "de", "Ukraine"),
    ("Drones hit a depot in Russia's Kursk region overnight.", "en", "Russia"),
])
def test_country_named_as_a_place_is_a_place(gaz, text, language, name):
    assert _uses(gaz, text, language, name) == [False]


@pytest.mark.parametrize(("text", "language"), [
    ("MOSCOW (Agency) - The ministry claimed a new village.", "en"),
    ("МОСКВА, 3 мая. Министерство заявило о новом селе.", "ru"),
])
def test_dateline_capital_is_a_place(gaz, text, language):
    assert _uses(gaz, text, language, "Moscow") == [False]


def test_capital_after_a_locative_keeps_being_a_place_when_a_verb_follows(gaz):
    text = "Les délégués reviennent à Kyiv, a dit le porte-parole."
    assert _uses(gaz, text, "fr", "Kyiv") == [False]


@pytest.mark.parametrize(("text", "language", "name"), [
    ("The offensive brought Izium back under the control of Kyiv.", "en", "Kyiv"),
    ("L'offensiva riportò Izium sotto il controllo di Kiev.", "it", "Kyiv"),
    ("Sloviansk, una delle città ancora controllate da Kiev, è sotto tiro.", "it", "Kyiv"),
    ("La ofensiva dejó Izium bajo el control de Kiev.", "es", "Kyiv"),
    ("Sloviansk, una de las ciudades controladas por Kiev, sufre ataques.", "es", "Kyiv"),
])
def test_capital_holding_a_place_is_its_government(gaz, text, language, name):
    assert _uses(gaz, text, language, name) == [True]
