"""People's names in war news are not places: a first name before a known person's surname
set off after a place ("à Paris, Volodymyr Zelensky a rencontré"), and a foreign town's
name that is the subject of a verb of saying ("Hamilton said", "Hamilton sagte"): a
surname, not the town."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

pytestmark = pytest.mark.slow


def _places(gaz, text: str, language: str) -> set[str]:
    return {m.surface for m in parse(gaz, text, language) if not m.metonym}


@pytest.mark.parametrize(("text", "language", "first_name"), [
    ("Mardi, à Paris, Volodymyr Zelensky a rencontré les envoyés.", "fr", "Volodymyr"),
    ("Am Dienstag, in Kiew und Odessa, Wolodymyr Selenskyj hat das bestätigt.", "de",
     "Wolodymyr"),
    ("On Tuesday, in Kharkiv, Volodymyr Zelensky met the envoys.", "en", "Volodymyr"),
    ("En Kiev, Volodímir Zelenski se reunió con los enviados.", "es", "Volodímir"),
])
def test_first_name_before_a_known_persons_surname_is_no_place(real_gaz, text, language,
                                                               first_name):
    assert first_name not in _places(real_gaz, text, language)


@pytest.mark.parametrize(("text", "language", "surname"), [
    ("Hamilton said the front near Pokrovsk still held.", "en", "Hamilton"),
    ("Hamilton sagte, die Front bei Pokrowsk halte noch.", "de", "Hamilton"),
    ("Hamilton a déclaré que le front tenait encore près de Pokrovsk.", "fr", "Hamilton"),
])
def test_foreign_town_name_that_speaks_in_war_news_is_a_surname(real_gaz, text, language,
                                                                surname):
    places = {m.surface: m.name for m in parse(real_gaz, text, language) if not m.metonym}
    assert surname not in places
    assert "Pokrovsk" in places.values()


def test_foreign_town_named_as_a_place_in_war_news_stays_a_place(real_gaz):
    text = "Drones from Pokrovsk were sent to Hamilton for repairs, the army said."
    assert "Hamilton" in _places(real_gaz, text, "en")
