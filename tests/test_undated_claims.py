"""A control claim on no day (no date of its own, no publication date) is listed apart as
undated by the ledger and by `frontledger control`, never dropped without a word."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient

from frontledger.cli import app
from frontledger.ingest.formats import make_document
from frontledger.ledger import SqlStore, open_store
from frontledger.ledger.query import control_on
from frontledger.ledger.undated import undated_places
from frontledger.records import Claim, Evidence, PlaceMention
from frontledger.serve import ServeSettings, create_app
from tests.serve.test_errors import assert_error
from tests.test_cli import runner

TORETSK = ("Toretsk[/x]", 709354)  # a hostile name: Rich markup must print as written
SIVERSK = ("Siversk", 694403)
THURSDAY = datetime(2025, 11, 20, 12, tzinfo=UTC)


def _add(store: SqlStore, text: str, place: tuple[str, int], published: datetime | None,
         day: date | None) -> None:
    document = make_document(text, source="t", raw=text.encode(), outlet="example.com",
                             language="en", published=published)
    name, geonameid = place
    mention = PlaceMention(0, len(name), name, name, "populated_place", geonameid, "UA",
                           "UA-14", 48.4, 37.8)
    claim = Claim(claimant="Russian MoD", claimant_side="RU", kind="control", place=mention,
                  actor_side="RU", stance="asserts",
                  evidence=Evidence(document.id, 0, len(text), text), date=day,
                  date_precision="day" if day else None)
    store.add_document(document, [mention], [claim], extractor="hand")


def _ledger(store: SqlStore) -> None:
    _add(store, "Russia said it had taken Toretsk at some point.", TORETSK, None, None)
    _add(store, "Russia said it held Siversk.", SIVERSK, THURSDAY, None)


def test_claim_on_no_day_is_no_place_state_but_an_undated_place(store: SqlStore) -> None:
    _ledger(store)
    on = date(2025, 11, 21)
    assert [s.place_name for s in control_on(store, on)] == ["Siversk"]
    undated = undated_places(store)
    assert [(p.place, p.geonameid, p.claims) for p in undated] == [("Toretsk[/x]", 709354, 1)]
    assert undated_places(store, "UA-63") == []


def test_undated_claim_with_a_publication_day_holds_from_that_day(store: SqlStore) -> None:
    _add(store, "Russia said it held Siversk.", SIVERSK, THURSDAY, None)
    assert control_on(store, date(2025, 11, 19)) == []
    state = control_on(store, date(2025, 11, 20))[0]
    assert (state.controller, state.views[0].since) == ("RU", date(2025, 11, 20))
    assert undated_places(store) == []


def test_control_command_lists_places_on_no_date_in_table_and_json(db_url: str) -> None:
    with open_store(db_url) as store:
        _ledger(store)
    table = runner.invoke(app, ["control", "--as-of", "2025-11-21", "--db", db_url])
    assert table.exit_code == 0, table.stdout
    assert "undated, on no date: 1 place(s): Toretsk[/x] (1 claim(s))" in " ".join(
        table.stdout.split())
    found = runner.invoke(app, ["control", "--as-of", "2025-11-21", "--db", db_url, "--json"])
    collection = json.loads(found.stdout)
    assert [f["properties"]["place"] for f in collection["features"]] == ["Siversk"]
    assert [p["place"] for p in collection["undated"]] == ["Toretsk[/x]"]


def test_map_api_lists_places_on_no_date_and_checks_its_region(store: SqlStore) -> None:
    _ledger(store)
    with TestClient(create_app(store, ServeSettings(check_seconds=0))) as client:
        body = client.get("/api/undated").json()
        assert [(p["place"], p["claims"], p["latitude"]) for p in body["undated"]] == [
            ("Toretsk[/x]", 1, 48.4)]
        assert client.get("/api/undated", params={"region": "UA-63"}).json() == {
            "undated": []}
        assert_error(client.get("/api/undated", params={"region": "UA-99"}), 400, "region")
