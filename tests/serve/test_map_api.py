"""The map's own endpoints: control areas per view, the neighbours, the latest claims."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from shapely.geometry import Point, shape

from frontledger.ledger import open_store
from frontledger.serve import ServeSettings, create_app
from tests.serve.ledgers import front_ledger, hand_made_ledger
from tests.serve.test_errors import assert_error

KUPIANSK_KEY = "g:703656"


def areas(client: TestClient, **params: str) -> dict[str, tuple[str | None, str]]:
    body = client.get("/api/areas", params=params).json()
    return {f["properties"]["place_key"]: (f["properties"]["controller"],
                                           f["geometry"]["type"])
            for f in body["features"] if f["properties"]["layer"] == "area"}


def test_areas_follow_the_chosen_view(client: TestClient) -> None:
    day = {"date": "2025-11-24"}
    assert areas(client, **day, view="RU")[KUPIANSK_KEY] == ("RU", "Polygon")
    assert areas(client, **day, view="UA") == {KUPIANSK_KEY: ("UA", "Polygon")}
    consensus = areas(client, **day)
    assert consensus[KUPIANSK_KEY] == (None, "Polygon")  # contested: nobody's colour
    assert consensus["g:708552"] == ("RU", "Polygon")  # Pokrovsk, claimed by Russia


def test_an_area_holds_its_place_and_names_the_claims_it_rests_on(
        client: TestClient) -> None:
    body = client.get("/api/areas", params={"date": "2025-11-20", "view": "RU"}).json()
    (feature,) = body["features"]
    assert shape(feature["geometry"]).contains(Point(37.61581, 49.71003))
    assert feature["properties"]["claim_ids"] and feature["properties"]["radius_km"] > 0
    assert (body["date"], body["view"]) == ("2025-11-20", "RU")


@pytest.mark.parametrize("params", [{"view": "NATO"}, {"view": "<b>"},
                                    {"date": "2025-02-30"}])
def test_bad_area_parameters_are_400_in_the_one_error_shape(
        client: TestClient, params: dict[str, str]) -> None:
    assert_error(client.get("/api/areas", params=params), 400, next(iter(params)))


def test_neighbours_draw_russia_belarus_moldova_and_label_the_seas(
        client: TestClient) -> None:
    response = client.get("/api/neighbours")
    assert response.headers["cache-control"].startswith("max-age=")
    features = response.json()["features"]
    countries = {f["properties"]["iso"]: f for f in features
                 if f["properties"]["layer"] == "country"}
    assert {"RU", "BY", "MD", "PL"} <= set(countries)
    assert countries["UA"]["properties"]["label"] is None  # under the oblasts, unnamed
    assert shape(countries["RU"]["geometry"]).contains(Point(36.59, 50.6))  # Belgorod
    assert not shape(countries["RU"]["geometry"]).contains(Point(34.1, 44.95))  # Crimea
    seas = [f["properties"]["name"] for f in features if f["properties"]["layer"] == "sea"]
    assert seas == ["Black Sea", "Sea of Azov"]


def test_latest_claims_come_newest_first_and_filter_by_side_kind_language(
        client: TestClient) -> None:
    def latest(**params: str) -> list[str]:
        found = client.get("/api/claims/latest", params=params).json()["claims"]
        return [c["published"][:10] for c in found]

    everything = latest()
    assert everything == sorted(everything, reverse=True) and len(everything) >= 5
    assert latest(kind="strike") == ["2025-11-23"]
    assert latest(side="UA") == ["2025-11-21", "2025-11-21"]
    assert latest(language="fr") == ["2025-11-22"]
    assert latest(limit="1") == everything[:1]


def test_config_names_the_sides_for_the_view_switch(client: TestClient) -> None:
    assert client.get("/api/config").json()["sides"] == {"RU": "Russia", "UA": "Ukraine"}


def test_a_kept_areas_answer_gives_way_when_the_ledger_changes(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'kept.db'}")
    hand_made_ledger(store)
    with TestClient(create_app(store, ServeSettings(check_seconds=0))) as fresh:
        params = {"date": "2025-11-24", "view": "UA"}
        assert list(areas(fresh, **params)) == [KUPIANSK_KEY]  # now kept
        front_ledger(store)  # Ukraine now claims Kupiansk-Vuzlovyi and Petropavlivka
        assert len(areas(fresh, **params)) == 3
    store.close()
