"""A bare name right after a verb of striking is the town struck ("drones struck Kharkiv",
"des drones ont frappé Kharkiv"), though the article named its region before and would
otherwise keep reading the bare name as the region."""

from __future__ import annotations

import pytest

from tests.places.helpers import in_second_sentence

pytestmark = pytest.mark.slow

KHARKIV = 706483


@pytest.mark.parametrize(("text", "language"), [
    ("Fighting went on near Zolochiv in the Kharkiv region. The governor of the region said "
     "Russian glide bombs had hit Kharkiv at dawn.", "en"),
    ("Les combats continuent près de Zolotchiv, dans la région de Kharkiv. Le gouverneur de la "
     "région a indiqué que des bombes russes avaient frappé Kharkiv à l'aube.", "fr"),
])
def test_a_bare_name_after_a_verb_of_striking_is_the_town_struck(real_gaz, text, language):
    mention = in_second_sentence(real_gaz, text, language)
    assert (mention.kind, mention.geonameid) == ("populated_place", KHARKIV)
