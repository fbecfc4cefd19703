"""`frontledger status` counts claims by kind and claimant side, the places they name and
the undated ones, in text and in JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from frontledger.cli import app
from frontledger.ledger import SqlStore
from tests.analyst_ledger import CLAIMS, PLACES, UNDATED, fill

runner = CliRunner()


def test_status_counts_claims_by_kind_and_side_places_and_undated(store: SqlStore) -> None:
    counts = fill(store).status().claims
    assert counts is not None
    assert (counts.total, counts.places, counts.undated) == (CLAIMS, PLACES, UNDATED)
    assert counts.by_kind_and_side == {"control": {"UA": 2, "RU": 1}, "advance": {"UA": 1},
                                       "clash": {"unknown": 1}, "strike": {"RU": 1}}


def test_status_of_an_empty_ledger_has_zero_claims(store: SqlStore) -> None:
    counts = store.status().claims
    assert counts is not None and (counts.total, counts.places, counts.undated) == (0, 0, 0)
    assert counts.by_kind_and_side == {}


def test_status_command_shows_claim_counts_in_text_and_json(sqlite_url: str) -> None:
    from frontledger.ledger import open_store

    with open_store(sqlite_url) as store:
        fill(store)
    data = json.loads(runner.invoke(app, ["status", "--db", sqlite_url, "--json"]).stdout)
    assert data["claims"]["total"] == CLAIMS and data["claims"]["undated"] == UNDATED
    assert data["claims"]["places"] == PLACES
    assert data["claims"]["by_kind_and_side"]["control"] == {"UA": 2, "RU": 1}
    text = runner.invoke(app, ["status", "--db", sqlite_url]).stdout
    assert f"{CLAIMS} claim(s) about {PLACES} place(s); {UNDATED} undated" in text
    assert "claims by kind and claimant side" in text
