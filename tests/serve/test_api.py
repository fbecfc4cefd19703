"""The JSON API, in-process, on a ledger of invented articles in four languages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import msgspec
import orjson
import pytest
from fastapi.testclient import TestClient

from frontledger.errors import ReadOverBudget, UsageError
from frontledger.ingest.formats import make_document
from frontledger.ledger import ClaimFilter, SqlStore, open_store
from frontledger.ledger.schema import claims as claims_table
from frontledger.ledger.store import CLAIM_ROW_COLUMNS
from frontledger.records import (
    Claim,
    Document,
    Evidence,
    PlaceMention,
    PlaceState,
    SideView,
)
from frontledger.serve import ServeSettings, create_app, payloads
from frontledger.serve import api as api_module
from frontledger.serve.payloads import EncodedFeatures
from tests.serve.ledgers import hand_made_ledger


def test_places_are_found_by_aliases_in_any_language(client: TestClient) -> None:
    for alias in ("Kupiansk", "Купянск", "Куп'янськ", "Koupiansk"):
        body = client.get("/api/places", params={"q": alias}).json()
        assert [p["geonameid"] for p in body["places"]] == [703656], alias
        assert body["places"][0]["claims"] == 3
        assert body["places"][0]["latitude"] == 49.71003


def test_place_search_with_no_claims_answers_an_empty_list(client: TestClient) -> None:
    body = client.get("/api/places", params={"q": "Lviv"}).json()
    assert body["places"] == []
    assert body["resolved"]["name"] == "Lviv"


def test_timeline_shows_a_claim_then_its_contest(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"place": "Купянск"}).json()
    states = [(s["on"], s["status"], s["controller"]) for s in body["states"]]
    assert states == [("2025-11-20", "claimed", "RU"), ("2025-11-21", "contested", None)]
    views = {v["side"]: v["controller"] for v in body["states"][-1]["views"]}
    assert views == {"RU": "RU", "UA": "UA"}


def test_timeline_by_geonameid_matches_timeline_by_name(client: TestClient) -> None:
    by_id = client.get("/api/timeline", params={"geonameid": 703656}).json()
    by_name = client.get("/api/timeline", params={"place": "Kupiansk"}).json()
    assert by_id["states"] == by_name["states"]


def test_claims_filter_by_place_side_kind_and_stance(client: TestClient) -> None:
    def ids(**params: object) -> list[str]:
        found = client.get("/api/claims", params=params).json()["claims"]
        return [f"{c['claimant_side']}:{c['kind']}:{c['stance']}:{c['place']['name']}"
                for c in found]

    assert ids(place="Kupiansk") == ["RU:control:asserts:Kupyansk",
                                     "UA:control:asserts:Kupyansk",
                                     "UA:control:denies:Kupyansk"]
    assert ids(place="Kupiansk", stance="denies") == ["UA:control:denies:Kupyansk"]
    assert ids(kind="strike") == ["RU:strike:asserts:Odesa"]
    assert ids(side="UA", kind="control") == ["UA:control:asserts:Kupyansk",
                                               "UA:control:denies:Kupyansk"]
    assert ids(region="UA-14") == ["RU:control:asserts:Pokrovsk"]


def test_claims_filter_by_dates_outlet_and_language(client: TestClient) -> None:
    def places(**params: object) -> list[str]:
        return [c["place"]["name"] for c in
                client.get("/api/claims", params=params).json()["claims"]]

    assert places(since="2025-11-22", until="2025-11-23") == ["Pokrovsk", "Odesa"]
    assert places(outlet="invente.example") == ["Pokrovsk"]
    assert places(language="ru") == ["Odesa"]
    assert places(language="xx") == []


def test_claims_carry_evidence_outlet_and_only_http_urls(client: TestClient) -> None:
    odesa = client.get("/api/claims", params={"language": "ru"}).json()["claims"][0]
    assert odesa["evidence"]["text"].startswith("Минобороны России сообщило")
    assert odesa["outlet"] == "vymysel.example"
    assert odesa["url"] is None  # the stored URL was javascript:
    pokrovsk = client.get("/api/claims", params={"language": "fr"}).json()["claims"][0]
    assert pokrovsk["url"] == "https://invente.example/pokrovsk"
    assert pokrovsk["fraction"] == 0.7


def test_claims_are_paginated_with_a_next_offset(client: TestClient) -> None:
    first = client.get("/api/claims", params={"limit": 2}).json()
    assert len(first["claims"]) == 2 and first["next_offset"] == 2
    rest = client.get("/api/claims", params={"limit": 50, "offset": 2}).json()
    assert rest["next_offset"] is None
    all_ids = [c["id"] for c in first["claims"] + rest["claims"]]
    assert len(all_ids) == len(set(all_ids)) >= 6


def test_a_filter_value_is_bound_not_pasted_into_sql(client: TestClient) -> None:
    response = client.get("/api/claims", params={"outlet": "x' OR '1'='1"})
    assert response.status_code == 200
    assert response.json()["claims"] == []


def test_control_on_a_date_is_geojson_coloured_by_consensus(client: TestClient) -> None:
    body = client.get("/api/control", params={"date": "2025-11-20"}).json()
    assert body["type"] == "FeatureCollection" and body["date"] == "2025-11-20"
    (feature,) = body["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.61581, 49.71003]}
    assert feature["properties"]["status"] == "claimed"
    assert feature["properties"]["controller"] == "RU"
    later = client.get("/api/control", params={"date": "2025-11-30"}).json()
    status = {f["properties"]["name"]: f["properties"]["status"] for f in later["features"]}
    assert status["Kupyansk"] == "contested" and status["Pokrovsk"] == "claimed"


def test_control_can_be_limited_to_one_region(client: TestClient) -> None:
    body = client.get("/api/control", params={"date": "2025-11-30", "region": "UA-14"}).json()
    assert [f["properties"]["name"] for f in body["features"]] == ["Pokrovsk"]


def test_document_has_its_text_and_evidence_spans_as_offsets(
        client: TestClient, ledger_documents: dict[str, Document]) -> None:
    document = ledger_documents["uk"]
    body = client.get(f"/api/documents/{document.id}").json()
    assert body["text"] == document.text and body["title"] == document.title
    quoted = [body["text"][s["start"]:s["end"]] for s in body["evidence_spans"]]
    assert quoted[1] == "Заяви про захоплення міста неправдиві."
    assert [c["stance"] for c in body["claims"]] == ["asserts", "denies"]


def test_documents_are_listed_in_pages(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 3}).json()
    assert len(page["documents"]) == 3 and page["next_offset"] == 3
    rest = client.get("/api/documents", params={"offset": 3}).json()
    assert len(rest["documents"]) == 2 and rest["next_offset"] is None


def test_events_fold_claims_by_place_kind_and_side(client: TestClient) -> None:
    body = client.get("/api/events", params={"place": "Kupiansk"}).json()
    kinds = sorted((e["actor_side"], e["stance"]) for e in body["events"])
    assert kinds == [("RU", "asserts"), ("RU", "denies"), ("UA", "asserts")]
    assert client.get("/api/events", params={"kind": "strike"}).json()["events"][0][
        "place_name"] == "Odesa"


def test_track_records_count_each_sides_control_claims(client: TestClient) -> None:
    records = {r["side"]: r for r in client.get("/api/trackrecords").json()["track_records"]}
    assert set(records) == {"RU", "UA"}
    assert records["RU"]["claims"] >= 2 and records["UA"]["claims"] == 2


def test_stats_count_documents_by_language_and_give_the_date_range(
        client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["documents"] == 5
    assert body["by_language"] == {"en": 2, "fr": 1, "ru": 1, "uk": 1}
    assert (body["first_day"], body["last_day"]) == ("2025-11-20", "2025-11-24")


def test_region_outlines_cover_ukraines_oblasts(client: TestClient) -> None:
    body = client.get("/api/regions").json()
    codes = {f["properties"]["iso3166_2"] for f in body["features"]}
    assert len(codes) == 27 and {"UA-63", "UA-14", "UA-43", "UA-30"} <= codes


def test_openapi_docs_are_served_without_a_cdn(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/claims", "/api/control", "/api/timeline"} <= set(schema["paths"])
    docs = client.get("/docs").text
    assert "/assets/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/assets/swagger/swagger-ui-bundle.js").status_code == 200


def test_every_response_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/api/stats", "/api/nowhere"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "default-src 'none'" in policy


def test_cors_is_off_unless_configured(client: TestClient) -> None:
    response = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_only_the_configured_origin(ledger_store: SqlStore) -> None:
    settings = ServeSettings(cors_origins=("https://analyst.example",))
    with TestClient(create_app(ledger_store, settings)) as client:
        allowed = client.get("/api/stats", headers={"Origin": "https://analyst.example"})
        other = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"
    assert "access-control-allow-origin" not in other.headers


def test_a_tile_layer_is_off_by_default_and_allowed_by_the_policy_when_set(
        client: TestClient, ledger_store: SqlStore) -> None:
    assert client.get("/api/config").json()["tiles"] is None
    tiles = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
    with TestClient(create_app(ledger_store, ServeSettings(tiles=tiles))) as online:
        assert online.get("/api/config").json()["tiles"] == tiles
        policy = online.get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tile.openstreetmap.org" in policy


def test_a_tile_url_that_is_not_http_is_refused() -> None:
    with pytest.raises(UsageError, match="--tiles"):
        create_app(open_store("sqlite://"), ServeSettings(tiles="javascript:alert(1)"))


def test_claims_and_control_read_alike_on_sqlite_and_postgresql(db_url: str) -> None:
    store = open_store(db_url)
    try:
        hand_made_ledger(store)
        with TestClient(create_app(store)) as client:
            claims = client.get("/api/claims", params={"place": "Kupiansk",
                                                       "stance": "denies"}).json()
            control = client.get("/api/control", params={"date": "2025-11-21"}).json()
    finally:
        store.close()
    assert [c["claimant"] for c in claims["claims"]] == ["Генштаб ЗСУ"]
    assert {f["properties"]["name"]: f["properties"]["status"]
            for f in control["features"]} == {"Kupyansk": "contested"}


def test_control_for_a_map_can_leave_out_each_sides_view(client: TestClient) -> None:
    body = client.get("/api/control", params={"date": "2025-11-30", "views": "false"}).json()
    assert body["features"][0]["properties"]["status"]
    assert all("views" not in f["properties"] for f in body["features"])


def test_control_map_assembled_from_kept_features_equals_encoding_it_whole() -> None:
    hostile = '"on":null}, "evil": "Kupiansk'
    views = (SideView("RU", "RU", None, date(2025, 11, 20), 1),
             SideView("UA", "UA", 0.9, date(2025, 12, 17), 2))
    states = [PlaceState("n:populated_place:x", hostile, None, None, None, None,
                         date(2025, 12, 31), views, "contested", None),
              PlaceState("g:1", "Kupiansk", 1, "UA-63", 49.7, 37.6, date(2025, 12, 31), (),
                         "claimed", "RU")]
    features = EncodedFeatures()
    for day in (date(2025, 12, 31), date(2026, 1, 2)):  # the second from kept features
        for views_too in (True, False):
            on_day = [msgspec.structs.replace(s, on=day) for s in states]
            whole = orjson.dumps({"type": "FeatureCollection", "date": day.isoformat(),
                                  "features": [payloads.state_feature(s, views=views_too)
                                               for s in on_day]})
            assert features.collection(on_day, day, views_too) == whole


def test_claims_encoded_straight_from_rows_equal_the_shared_claim_shape(db_url: str) -> None:
    store = open_store(db_url)
    try:
        hand_made_ledger(store)
        text = ("INVENTED. Des drones ont frappé Koupiansk dans la nuit, selon la région. "
                "Un autre texte sans date ni lien sûr.")
        document = make_document(text, source="test", raw=text.encode(), language="fr",
                                 url="javascript:alert(1)")
        place = PlaceMention(text.index("Koupiansk"), text.index("Koupiansk") + 9,
                             "Koupiansk", "Kupiansk", "populated_place", None, None, None)
        evidence = Evidence(document.id, 0, text.index(".", 10) + 1, text[:text.index(".", 10)])
        strike = Claim(claimant="la région", claimant_side="other", kind="strike",
                       place=place, actor_side="RU", stance="asserts", evidence=evidence)
        store.add_document(document, [place], [strike, replace(
            strike, kind="control", fraction=0.5, date=date(2025, 3, 1), change=True)])
        rows = store.claim_rows()
        raw = store.claim_rows(raw=True)
        expected = [payloads.stored_claim_json(c) for c in store.stored_claims()]
    finally:
        store.close()
    assert payloads.claim_rows_json(rows) == expected
    assert payloads.claim_rows_json(raw) == expected  # on SQLite, the driver's own values
    assert {c["published"] is None for c in expected} == {True, False}
    assert {c["url"] is None for c in expected} == {True, False}
    assert len({c["plover"] for c in expected}) > 1


@pytest.mark.parametrize("filters", [
    {"kinds": ["control", "withdrawal"], "where": ClaimFilter(limit=3, offset=1)},
    {"place_keys": ["g:703656", "n:populated_place:kupiansk"], "until": date(2025, 12, 31),
     "where": ClaimFilter(since=date(2025, 1, 1), limit=50)},
    {"region": "UA-63", "where": ClaimFilter(claimant_side="RU", limit=2)},
    {"where": ClaimFilter(newest_first=True, limit=4, offset=2)}])
def test_raw_claim_rows_are_the_rows_of_the_same_filters(db_url: str,
                                                          filters: dict[str, Any]) -> None:
    store = open_store(db_url)
    try:
        hand_made_ledger(store)
        typed, raw = store.claim_rows(**filters), store.claim_rows(**filters, raw=True)
        again = store.claim_rows(**filters, raw=True)  # the statement kept
    finally:
        store.close()
    assert typed and [row[0] for row in raw] == [row[0] for row in typed]
    assert again == raw
    assert payloads.claim_rows_json(raw) == payloads.claim_rows_json(typed)


@pytest.fixture
def sqlite_ledger(tmp_path: Any) -> Iterator[SqlStore]:
    """The hand-made ledger on a SQLite file of the test's own."""
    store = open_store(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        hand_made_ledger(store)
        yield store
    finally:
        store.close()


def test_a_sqlite_claims_read_past_its_step_budget_stops_and_leaves_the_connection_unbudgeted(
        sqlite_ledger: SqlStore) -> None:
    store = sqlite_ledger
    whole = store.claim_rows(raw=True)
    with pytest.raises(ReadOverBudget):
        store.claim_rows(raw=True, steps=5)
    after = [store.claim_rows(raw=True) for _ in range(3)]  # the same pooled connection
    roomy = store.claim_rows(raw=True, steps=1_000_000)
    assert len(whole) > 1 and after == [whole] * 3 and roomy == whole


def test_a_budgeted_claims_read_counts_its_own_steps_however_often_its_statement_ran(
        sqlite_ledger: SqlStore) -> None:
    whole = sqlite_ledger.claim_rows(raw=True)
    # the driver keeps the prepared statement, whose own step count adds up over runs
    again = [sqlite_ledger.claim_rows(raw=True, steps=20_000) for _ in range(200)]
    assert again == [whole] * 200


def test_claims_encoded_once_per_revision_are_reused_until_the_revision_moves(
        sqlite_ledger: SqlStore) -> None:
    rows = sqlite_ledger.claim_rows(raw=True)
    expected = [orjson.dumps(item) for item in payloads.claim_rows_json(rows)]
    memo = payloads.EncodedClaims()
    first, again = memo.encoded(rows, revision=4), memo.encoded(rows[::-1], revision=4)
    moved, unknown = memo.encoded(rows, revision=5), memo.encoded(rows, revision=None)
    assert first == expected and again == expected[::-1] and moved == unknown == expected
    assert all(a is b for a, b in zip(first, again[::-1], strict=True))
    assert not any(a is b for a, b in zip(first, moved, strict=True))
    assert not any(a is b for a, b in zip(memo.encoded(rows, None), unknown, strict=True))


@pytest.mark.parametrize("page", [
    {"where": ClaimFilter(limit=2)}, {"where": ClaimFilter(limit=2, offset=2)},
    {"where": ClaimFilter(limit=50)}, {"region": "UA-99", "where": ClaimFilter(limit=5)},
    {"kind": "control", "where": ClaimFilter(claimant_side="RU", limit=3)}])
def test_a_claims_page_from_kept_encodings_is_the_page_encoded_whole(
        sqlite_ledger: SqlStore, page: dict[str, Any]) -> None:
    store, memo = sqlite_ledger, payloads.EncodedClaims()
    store.add_document(*_unknown_region_document())
    pages = [api_module.claims_page(store, None, page.get("region"), page.get("kind"),
                                    None, page["where"], encoded=memo, revision=1)
             for _ in range(2)]
    where = page["where"]
    rows = store.claim_rows(kinds=[page["kind"]] if "kind" in page else None,
                            region=page.get("region"),
                            where=replace(where, limit=(where.limit or 50) + 1), raw=True)
    limit = where.limit or 50
    whole = orjson.dumps({"claims": payloads.claim_rows_json(rows[:limit]), "limit": limit,
                          "offset": where.offset,
                          "next_offset": where.offset + limit if len(rows) > limit else None})
    assert pages == [whole, whole] and orjson.loads(whole)["claims"]


def _unknown_region_document() -> tuple[Any, list[PlaceMention], list[Claim]]:
    """A document whose claim names a region no data file describes (UA-99)."""
    text = "INVENTED. Les forces tiennent Testville depuis mardi, selon un porte-parole."
    document = make_document(text, source="test", raw=text.encode(), language="fr",
                             url="https://invented.example/testville")
    place = PlaceMention(text.index("Testville"), text.index("Testville") + 9, "Testville",
                         "Testville", "populated_place", 999_999_001, "UA", "UA-99")
    claim = Claim(claimant="un porte-parole", claimant_side="UA", kind="control",
                  place=place, actor_side="UA", stance="asserts",
                  evidence=Evidence(document.id, 0, len(text), text))
    return document, [place], [claim]


def test_claims_stored_without_a_place_key_are_encoded_with_the_key_they_would_have(
        db_url: str) -> None:
    store = open_store(db_url)
    try:
        hand_made_ledger(store)
        with store.engine.begin() as conn:  # as a ledger written before place keys were
            conn.execute(claims_table.update().values(place_key=None))
        rows = store.claim_rows()
        expected = [payloads.stored_claim_json(c) for c in store.stored_claims()]
    finally:
        store.close()
    assert rows and all(row[CLAIM_ROW_COLUMNS.index("place_key")] is None for row in rows)
    assert payloads.claim_rows_json(rows) == expected
