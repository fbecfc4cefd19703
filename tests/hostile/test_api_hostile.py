"""The web app against hostile requests: oversized and unauthenticated writes, foreign
Host headers, junk query parameters, huge offsets, bad batches. Invented data only."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from frontledger.ledger import open_store
from frontledger.serve import ServeSettings, create_app
from frontledger.serve.guard import default_allowed_hosts

TOKEN = "hostile-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SMALL_CAP = 4096


def _app(tmp_path: Path, **settings: Any) -> Any:
    store = open_store(f"sqlite:///{tmp_path / 'ledger.db'}")
    return create_app(store, ServeSettings(token=TOKEN, **settings))


def _raw_request(app: Any, method: str, path: str, headers: dict[str, str],
                 body_chunks: int, chunk: bytes = b"x" * 65536) -> tuple[int, int, bytes]:
    """Drive the ASGI app directly: (status, body chunks the app asked for, answer)."""
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": pulled < body_chunks}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": b"", "root_path": "", "server": ("127.0.0.1", 8000),
             "client": ("127.0.0.1", 5000),
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], pulled, body


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": "Basic x"}, 401)])
def test_a_write_without_the_right_token_is_refused_before_its_body_is_read(
        tmp_path: Path, headers: dict[str, str], status: int) -> None:
    app = _app(tmp_path)
    # a 640 MB declared body: the refusal comes before a single chunk is pulled
    answer, pulled, body = _raw_request(
        app, "POST", "/api/documents",
        {"host": "127.0.0.1", "content-type": "application/json",
         "content-length": str(640 * 1024 * 1024), **headers}, body_chunks=10_000)
    assert answer == status and pulled == 0
    assert b'"ok":false' in body.replace(b" ", b"")


def test_a_declared_body_over_the_cap_is_413_before_it_is_read(tmp_path: Path) -> None:
    app = _app(tmp_path, max_body_bytes=SMALL_CAP)
    answer, pulled, body = _raw_request(
        app, "POST", "/api/documents",
        {"host": "127.0.0.1", "content-length": str(SMALL_CAP + 1), **AUTH}, body_chunks=1)
    assert (answer, pulled) == (413, 0)
    assert b"413" in body


def test_a_chunked_body_over_the_cap_is_413_as_soon_as_it_goes_over(tmp_path: Path) -> None:
    app = _app(tmp_path, max_body_bytes=SMALL_CAP)
    answer, pulled, _body = _raw_request(app, "POST", "/api/documents",
                                         {"host": "127.0.0.1", **AUTH},
                                         body_chunks=10_000, chunk=b"y" * 1024)
    assert answer == 413
    assert pulled == SMALL_CAP // 1024 + 1


def test_a_large_body_through_the_client_gets_the_one_error_shape(tmp_path: Path) -> None:
    with TestClient(_app(tmp_path, max_body_bytes=SMALL_CAP)) as client:
        big = b'{"documents": [{"text": "' + b"a" * (SMALL_CAP * 4) + b'"}]}'
        answer = client.post("/api/documents", content=big, headers=AUTH)
        assert answer.status_code == 413
        assert answer.json()["ok"] is False and answer.json()["status"] == 413
        unauthenticated = client.post("/api/documents", content=big)
        assert unauthenticated.status_code == 401
        assert client.get("/api/stats").json()["documents"] == 0


def test_a_write_under_the_cap_still_goes_in(tmp_path: Path) -> None:
    with TestClient(_app(tmp_path)) as client:
        report = {"text": "INVENTED TEST REPORT. Nothing happened in the invented town.",
                  "language": "en"}
        answer = client.post("/api/documents", json={"documents": [report]}, headers=AUTH)
        assert answer.status_code == 200 and answer.json()["stored"] == 1


def test_a_foreign_host_header_is_refused_when_hosts_are_listed(tmp_path: Path) -> None:
    app = _app(tmp_path, allowed_hosts=("localhost", "127.0.0.1", "::1"))
    with TestClient(app, base_url="http://localhost:8000") as client:
        assert client.get("/api/stats").status_code == 200
        assert client.get("/api/stats", headers={"Host": "[::1]:8000"}).status_code == 200
        assert client.get("/api/stats", headers={"Host": "127.0.0.1"}).status_code == 200
        rebound = client.get("/api/stats", headers={"Host": "attacker.example:8000"})
        assert rebound.status_code == 400 and rebound.json()["ok"] is False
        assert client.get("/", headers={"Host": "LOCALHOST.attacker.example"}
                          ).status_code == 400


def test_loopback_servers_answer_loopback_names_by_default_and_others_any() -> None:
    assert set(default_allowed_hosts("127.0.0.1", ())) == {"localhost", "127.0.0.1", "::1"}
    assert default_allowed_hosts("::1", ()) != ()
    assert default_allowed_hosts("0.0.0.0", ()) == ()
    assert default_allowed_hosts("127.0.0.1", ["ledger.example"]) == ("ledger.example",)


@pytest.mark.parametrize("path", ["/api/claims", "/api/events", "/api/documents"])
@pytest.mark.parametrize("offset", [2**63, 2**64 + 5, -1])
def test_an_offset_out_of_range_is_400_not_a_crash(tmp_path: Path, path: str,
                                                   offset: int) -> None:
    with TestClient(_app(tmp_path), raise_server_exceptions=False) as client:
        answer = client.get(path, params={"offset": str(offset)})
        assert answer.status_code == 400
        assert answer.json() == {"ok": False, "error": answer.json()["error"], "status": 400}
        assert "offset" in answer.json()["error"]


@pytest.mark.parametrize("published", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00"])
def test_a_batch_with_an_unstorable_date_says_per_record_what_was_stored(
        tmp_path: Path, published: str) -> None:
    good = {"text": "INVENTED TEST REPORT. Nothing happened in the first invented town.",
            "language": "en"}
    bad = {"text": "INVENTED TEST REPORT. A date at the edge of the calendar.",
           "language": "en", "published": published}
    later = {"text": "INVENTED TEST REPORT. Nothing happened in the second invented town.",
             "language": "en"}
    with TestClient(_app(tmp_path), raise_server_exceptions=False) as client:
        answer = client.post("/api/documents", json={"documents": [good, bad, later]},
                             headers=AUTH)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert [r["status"] for r in body["records"]] == ["stored", "rejected", "stored"]
        assert body["records"][1]["locator"] == "item 1" and body["records"][1]["reason"]
        assert body["stored"] == 2
        assert client.get("/api/stats").json()["documents"] == 2


def test_an_unknown_region_is_400_and_a_described_one_is_an_answer(tmp_path: Path) -> None:
    with TestClient(_app(tmp_path)) as client:
        for path in ("/api/control", "/api/claims"):
            answer = client.get(path, params={"region": "UA-99"})
            assert answer.status_code == 400 and "UA-99" in answer.json()["error"]
            assert client.get(path, params={"region": "UA-63"}).status_code == 200


@pytest.mark.postgres
def test_a_database_outage_is_a_clean_error_503_and_exit_3_without_texts(
        tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from frontledger.cli import app as cli
    from frontledger.errors import LedgerUnavailable
    from frontledger.ingest.formats import make_document
    from tests.pgserver import PostgresServer

    server = PostgresServer()
    try:
        server.start()
        url = server.url().replace("postgres@", "postgres:s3cret-pw@")
        store = open_store(url)
        secret = "INVENTED TEST REPORT. A sentence that must never reach an error message."
        first = make_document(secret, source="t", raw=b"1", language="en")
        store.add_document(first)
        web = create_app(store, ServeSettings(token=TOKEN, check_seconds=0))
        with TestClient(web, raise_server_exceptions=False) as client:
            assert client.get("/api/stats").json()["documents"] == 1
            server.stop()
            for path in ("/api/stats", "/api/claims", "/api/control?date=2025-11-30"):
                answer = client.get(path)
                assert answer.status_code == 503, (path, answer.text)
                assert answer.json()["ok"] is False and "s3cret" not in answer.text
            posted = client.post("/api/documents", headers=AUTH,
                                 json={"documents": [{"text": secret + " Again."}]})
            assert posted.status_code == 503 and secret not in posted.text
        with pytest.raises(LedgerUnavailable) as raised:
            store.add_document(make_document(secret + " Twice.", source="t", raw=b"2"))
        message = str(raised.value)
        assert secret not in message and "parameters" not in message
        assert "s3cret" not in message and "postgres:***@" in message
        result = CliRunner().invoke(cli, ["status", "--db", url])
        assert result.exit_code == 3 and "s3cret" not in result.output
        assert "Traceback" not in result.output
    finally:
        server.stop()


@pytest.mark.parametrize(("path", "query"), [
    ("/api/claims", {"pace": "Kupiansk"}), ("/api/control", {"date": "2025-11-30", "x": "1"}),
    ("/api/trackrecords", {"junk": "1"}), ("/api/stats", {"a": ""}),
    ("/api/documents/abc", {"limit": "5"})])
def test_an_unknown_query_parameter_is_400_naming_the_ones_taken(
        tmp_path: Path, path: str, query: dict[str, str]) -> None:
    with TestClient(_app(tmp_path)) as client:
        answer = client.get(path, params=query)
        assert answer.status_code == 400
        body = answer.json()
        assert body["ok"] is False and body["status"] == 400
        assert "unknown query parameter" in body["error"]


def test_one_question_spelt_several_ways_is_kept_once(tmp_path: Path) -> None:
    app = _app(tmp_path)
    with TestClient(app) as client:
        for query in ("kind=control&limit=5", "limit=5&kind=control", "limit=5&kind=contro%6C",
                      "kind=control&limit=5&limit=5"):
            assert client.get(f"/api/claims?{query}").status_code == 200
        kept, _bytes = app.state.kept.size
        assert kept == 2  # the repeated `limit` is a question of its own


def test_kept_answers_stay_within_their_byte_budget_whatever_is_asked(tmp_path: Path) -> None:
    from frontledger.serve.response_cache import ResponseCache

    store = open_store(f"sqlite:///{tmp_path / 'k.db'}")
    kept = ResponseCache(store, max_bytes=64 * 1024)
    for n in range(5000):
        kept.put(("/api/places", f"q={'x' * 200}{n}".encode(), date.today()),
                 b"application/json", b"{}")
    count, counted = kept.size
    assert counted <= 64 * 1024 and 0 < count < 5000


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_served_ledger_on_loopback_refuses_a_rebound_host_name(tmp_path: Path,
                                                                 workers: str) -> None:
    import httpx

    from tests.serve.test_commands import _get_when_up, _serving

    with _serving(tmp_path, "--workers", workers) as (_process, port):
        assert _get_when_up(f"http://127.0.0.1:{port}/api/stats")["documents"] == 4
        with httpx.Client(timeout=5) as client:
            rebound = client.get(f"http://127.0.0.1:{port}/api/stats",
                                 headers={"Host": f"attacker.example:{port}"})
            assert rebound.status_code == 400
            assert client.get(f"http://localhost:{port}/api/stats").status_code == 200


def test_serve_on_a_mistyped_path_without_a_token_says_no_ledger(tmp_path: Path) -> None:
    from tests.serve.test_commands import CLI

    missing = tmp_path / "ledgr.db"
    env = {k: v for k, v in os.environ.items() if k != "FRONTLEDGER_TOKEN"}
    result = subprocess.run([sys.executable, "-c", CLI, "serve", "--db", str(missing)],
                            capture_output=True, text=True, timeout=60, env=env, check=False)
    assert result.returncode == 2 and "no ledger at" in result.stderr
    assert not missing.exists()
