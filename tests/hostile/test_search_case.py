"""Place search ignores letter case, in every script: the CLI, the API and (through the
API) the map's search box. Invented reports only (tests/serve/ledgers.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from frontledger.cli import app as cli
from frontledger.ledger import SqlStore, open_store
from frontledger.ledger.query import find_place
from frontledger.serve import create_app
from tests.serve.ledgers import hand_made_ledger

KUPIANSK_ID = 703656
SPELLINGS = ["kupiansk", "KUPIANSK", "kUpIaNsK", "купянск", "КУПЯНСК", "куп'янськ",
             "koupiansk"]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, SqlStore]]:
    path = tmp_path_factory.mktemp("search") / "ledger.db"
    store = open_store(str(path))
    hand_made_ledger(store)
    yield str(path), store
    store.close()


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_place_name_in_any_letter_case_and_script_resolves_to_the_place(
        spelling: str) -> None:
    assert find_place(spelling).geonameid == KUPIANSK_ID


def test_a_lower_case_region_name_resolves_to_the_region_in_two_languages() -> None:
    for spelling in ("kharkiv oblast", "харківська область"):
        ref = find_place(spelling)
        assert (ref.kind, ref.iso3166_2) == ("region", "UA-63"), spelling


@pytest.mark.parametrize("spelling", ["kupiansk", "купянск"])
def test_the_api_search_and_timeline_ignore_letter_case(
        ledger: tuple[str, SqlStore], spelling: str) -> None:
    with TestClient(create_app(ledger[1])) as client:
        found = client.get("/api/places", params={"q": spelling}).json()
        assert [p["geonameid"] for p in found["places"]] == [KUPIANSK_ID]
        timeline = client.get("/api/timeline", params={"place": spelling})
        assert timeline.status_code == 200 and timeline.json()["states"]


def test_the_cli_timeline_ignores_letter_case(ledger: tuple[str, SqlStore]) -> None:
    result = CliRunner().invoke(cli, ["timeline", "kupiansk", "--db", ledger[0], "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["timeline"]


def test_an_unknown_lower_case_word_still_finds_nothing(
        ledger: tuple[str, SqlStore]) -> None:
    with TestClient(create_app(ledger[1])) as client:
        assert client.get("/api/places", params={"q": "nowhereville"}).json()["places"] == []
