"""Two names joined by a bare comma are no list of places: "the rumour, Kupiansk had
fallen" ends a clause at the comma, "when Bakhmut fell, Halyna was 40" names a person. A
capitalised word beside a known place is guessed a settlement only in a list that says
"and" (or has three names or more)."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Laut der Meldung, Kupjansk sei gefallen, feierten die Kanäle.", "de", "Meldung"),
    ("Gdy upadł Bachmut, Halina miała czterdzieści lat.", "pl", "Halina"),
    ("Quando cadde Bakhmut, Oksana aveva quarant'anni.", "it", "Oksana"),
])
def test_word_beside_a_place_across_a_bare_comma_is_not_a_settlement(real_gaz, text,
                                                                     language, word):
    assert word not in [m.surface for m in parse(real_gaz, text, language)]


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Die Truppen nahmen Kupjansk und Petrowske ein.", "de", "Petrowske"),
    ("Wojska zajęły Pokrowsk, Myrnohrad i Wilnianśke.", "pl", "Wilnianśke"),
])
def test_unknown_name_in_a_list_with_a_conjunction_is_still_a_settlement(real_gaz, text,
                                                                        language, word):
    assert word in [m.surface for m in parse(real_gaz, text, language)]
