"""Facilities and waterworks that war news names as places: the Zaporizhzhia nuclear
power plant, the Kakhovka reservoir and the Siverskyi Donets-Donbas canal are one place
each in every language, in their case forms, not the city or the river they are named
after."""

from __future__ import annotations

import pytest

from tests.places.helpers import found


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Inspectors returned to the Zaporizhzhia nuclear plant on Friday.", "en",
     "Zaporizhzhia nuclear plant"),
    ("Les inspecteurs sont revenus vendredi à la centrale nucléaire de Zaporijjia.", "fr",
     "centrale nucléaire de Zaporijjia"),
    ("Die Inspekteure kehrten am Freitag zum AKW Saporischschja zurück.", "de",
     "AKW Saporischschja"),
    ("Gli ispettori sono tornati venerdì alla centrale nucleare di Zaporizhzhia.", "it",
     "centrale nucleare di Zaporizhzhia"),
    ("Los inspectores regresaron el viernes a la central nuclear de Zaporiyia.", "es",
     "central nuclear de Zaporiyia"),
    ("Inspektorzy wrócili w piątek do Zaporoskiej Elektrowni Atomowej.", "pl",
     "Zaporoskiej Elektrowni Atomowej"),
    ("В пятницу инспекторы вернулись на Запорожскую АЭС.", "ru", "Запорожскую АЭС"),
    ("У пʼятницю інспектори повернулися на Запорізьку АЕС.", "uk", "Запорізьку АЕС"),
])
def test_nuclear_plant_named_after_a_city_is_the_plant(gaz, text, language, surface):
    assert found(gaz, text, language)[surface].name == "Zaporizhzhia Nuclear Power Plant"


@pytest.mark.parametrize(("text", "language", "surface", "name"), [
    ("Der Pegel des Kachowkaer Stausees sinkt weiter.", "de", "Kachowkaer Stausees",
     "Kakhovka Reservoir"),
    ("El nivel del embalse de Kajovka sigue bajando.", "es", "embalse de Kajovka",
     "Kakhovka Reservoir"),
    ("Le troupe avanzano lungo il canale Siverskyi Donets-Donbas.", "it",
     "canale Siverskyi Donets-Donbas", "Siverskyi Donets-Donbas Canal"),
    ("Війська просуваються вздовж каналу Сіверський Донець-Донбас.", "uk",
     "каналу Сіверський Донець-Донбас", "Siverskyi Donets-Donbas Canal"),
])
def test_reservoir_and_canal_are_one_place_each(gaz, text, language, surface, name):
    assert found(gaz, text, language)[surface].name == name
