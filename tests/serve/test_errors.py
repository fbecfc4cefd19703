"""Every error path answers in the one shape: {"ok": false, "error": "...", "status": N}."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from frontledger.ledger import open_store
from frontledger.serve import ServeSettings, create_app
from tests.serve.conftest import TOKEN, writable_client


def assert_error(response: Any, status: int, words: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert words in body["error"]


def test_unknown_place_is_404(client: TestClient) -> None:
    assert_error(client.get("/api/timeline", params={"place": "Nowhereville"}), 404,
                 "no control claims about 'Nowhereville'")


def test_timeline_without_a_place_is_400(client: TestClient) -> None:
    assert_error(client.get("/api/timeline"), 400, "name a place")


def test_unknown_document_is_404(client: TestClient) -> None:
    assert_error(client.get("/api/documents/" + "0" * 64), 404, "no document")


def test_unknown_path_is_404(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not found")


@pytest.mark.parametrize("day", ["2025-13-01", "yesterday", "2025-02-30", "1' OR 1=1"])
def test_bad_date_is_400_naming_the_parameter(client: TestClient, day: str) -> None:
    assert_error(client.get("/api/control", params={"date": day}), 400, "date")


def test_since_after_until_is_400(client: TestClient) -> None:
    assert_error(client.get("/api/claims", params={"since": "2025-12-01",
                                                   "until": "2025-11-01"}), 400, "after")


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1},
                                    {"limit": "ten"}])
def test_bad_paging_is_400(client: TestClient, params: dict[str, object]) -> None:
    response = client.get("/api/claims", params=params)
    assert_error(response, 400, next(iter(params)))


@pytest.mark.parametrize("params", [{"kind": "teleport"}, {"stance": "maybe"},
                                    {"region": "<script>"}, {"geonameid": "abc"},
                                    {"q": ""}])
def test_invalid_filter_values_are_400(client: TestClient, params: dict[str, object]) -> None:
    path = "/api/places" if "q" in params else "/api/claims"
    assert_error(client.get(path, params=params), 400, next(iter(params)))


def test_write_endpoint_does_not_exist_without_a_token(client: TestClient) -> None:
    assert_error(client.post("/api/documents", json={"documents": [{"text": "x"}]}), 405,
                 "method not allowed")


def test_missing_token_is_401_with_a_bearer_challenge(tmp_path: Path) -> None:
    with writable_client(tmp_path) as client:
        response = client.post("/api/documents", json={"documents": [{"text": "x"}]})
    assert_error(response, 401, "Authorization: Bearer")
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["Bearer wrong", f"Bearer {TOKEN}x", "Bearer ünïcode"])
def test_wrong_token_is_403(tmp_path: Path, header: str) -> None:
    with writable_client(tmp_path) as client:
        response = client.post("/api/documents", json={"documents": [{"text": "x"}]},
                               headers={"Authorization": header.encode()})  # type: ignore[dict-item]
    assert_error(response, 403, "wrong token")


@pytest.mark.parametrize("body", [{}, {"documents": []}, {"documents": [{"title": "no"}]},
                                  {"documents": [{"text": ""}]}, [1, 2]])
def test_invalid_posted_body_is_422(tmp_path: Path, body: object) -> None:
    with writable_client(tmp_path) as client:
        response = client.post("/api/documents", json=body,
                               headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(response, 422, "documents" if isinstance(body, dict) else "body")


def test_wrong_method_is_405(client: TestClient) -> None:
    assert_error(client.delete("/api/claims"), 405, "method not allowed")


def test_a_crash_is_500_without_details(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'gone.db'}")
    app = create_app(store, ServeSettings())
    store.engine.dispose()
    (tmp_path / "gone.db").unlink()
    (tmp_path / "gone.db").mkdir()  # the ledger file is now a folder: every query fails
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/claims")
    assert response.status_code in (500, 503)
    assert set(response.json()) == {"ok", "error", "status"}
    assert "Traceback" not in response.text
