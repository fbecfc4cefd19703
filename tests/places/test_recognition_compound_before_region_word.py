"""A name that opens a hyphenated compound ("the Moscow-installed governor", "a
Kyiv-appointed governor") does not take the region word after the compound as its own:
the governor is not Moscow Oblast's. Without the compound ("the Moscow governor") it does."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Vladimir Saldo, the Moscow-installed governor of the occupied part of Kherson, spoke.",
    "Fighting went on near Pokrovsk, the Moscow-appointed governor of the region said.",
])
def test_a_capital_opening_a_compound_before_governor_is_no_region(real_gaz, text):
    assert found(real_gaz, text, "en")["Moscow"].kind == "populated_place"


def test_a_capital_right_before_governor_names_the_region(real_gaz):
    moscow = found(real_gaz, "The Moscow governor ordered the schools closed.", "en")["Moscow"]
    assert (moscow.kind, moscow.iso3166_2) == ("region", "RU-MOS")
