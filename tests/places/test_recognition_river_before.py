"""A word right before a name that only a river's name takes ("on the Dnipro", "sur le
Dniepr", "del Oskil", "am Oskil", "wzdłuż Dniepru") makes the name the river: a town's
name takes no article. The town keeps its name where the text names it bare."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

DNIPRO_CITY = 709930


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("On the Dnipro, neither side has moved its positions for months.", "en", "Dnipro"),
    ("Sur le Dniepr, les deux armées se font face depuis deux ans.", "fr", "Dniepr"),
    ("Dall'altra parte del Dnipro si vedono le trincee russe.", "it", "Dnipro"),
    ("Desde hace meses, la presión rusa se concentra en la línea del Oskil.", "es", "Oskil"),
    ("Die Angreifer wurden bei Dwiritschna am Oskil zurückgeschlagen.", "de", "Oskil"),
    ("Linia frontu od dwóch lat biegnie wzdłuż Dniepru.", "pl", "Dniepru"),
    ("Si la ligne de l'Oskil cédait, toute la rive gauche serait menacée.", "fr", "Oskil"),
])
def test_a_name_after_a_word_only_rivers_take_is_the_river(real_gaz, text, language,
                                                            surface):
    assert found(real_gaz, text, language)[surface].kind == "river"


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Russian drones hit Dnipro overnight, the governor said.", "en", "Dnipro"),
    ("Une frappe de missile a touché Dnipro lundi matin.", "fr", "Dnipro"),
    ("Un missile ha colpito Dnipro nella notte.", "it", "Dnipro"),
    ("Raketen trafen in der Nacht Dnipro.", "de", "Dnipro"),
])
def test_the_city_named_bare_stays_the_city(real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == DNIPRO_CITY
