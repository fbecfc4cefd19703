"""The commonest requests answered without FastAPI (serve.fast) answer byte for byte as the
endpoints do, and every request whose values are not plainly valid goes on to them."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from frontledger.ledger import SqlStore, open_store
from frontledger.serve import api, create_app
from frontledger.serve import fast as fast_module
from frontledger.serve.fast import FastAnswers
from tests.serve.ledgers import front_ledger, hand_made_ledger

# Requests the fast path answers itself (canonical queries: names sorted).
TAKEN = [
    "/api/timeline?geonameid=703656",
    "/api/timeline?geonameid=708552",
    "/api/control?date=2025-12-01",
    "/api/control?date=2025-12-20&views=false",
    "/api/control?date=2025-11-20&views=true",
    "/api/control?date=1999-01-01",
    "/api/claims",
    "/api/claims?geonameid=703656",
    "/api/claims?kind=control&limit=2&offset=1&side=RU",
    "/api/claims?region=ua-63&since=2025-11-01",
    "/api/claims?actor=UA&stance=denies",
    "/api/claims?language=fr&limit=500",
    "/api/claims?outlet=invented.example&until=2025-12-31",
    "/api/claims?limit=1&offset=1000000000000",
]
# Requests left to the endpoints: values FastAPI reads its own way, defaults that depend
# on today, refusals and empty answers.
LEFT = [
    "/api/timeline?place=Kupiansk",
    "/api/timeline?geonameid=0703656",
    "/api/timeline?geonameid=1",
    "/api/timeline",
    "/api/control",
    "/api/control?date=2025-12-01&region=UA-63",
    "/api/control?date=2025-12-01&views=yes",
    "/api/control?date=2025-02-30",
    "/api/control?date=20251201",
    "/api/claims?place=Kupiansk",
    "/api/claims?limit=0",
    "/api/claims?limit=501",
    "/api/claims?offset=-1",
    "/api/claims?since=2025-12-02&until=2025-12-01",
    "/api/claims?region=UA-99",
    "/api/claims?kind=parade",
    "/api/claims?side=%3Cscript%3E",
    "/api/claims?side=",
    "/api/claims?side=%D0%A0%D0%A4",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SqlStore:
    found = open_store(f"sqlite:///{tmp_path_factory.mktemp('fast') / 'ledger.db'}")
    hand_made_ledger(found)
    front_ledger(found)
    return found


def ready_app(store: SqlStore, fast: bool) -> FastAPI:
    """The app with its table computed ahead and its revision checked, with or without
    the fast path."""
    app = create_app(store)
    app.state.ahead.shared = False  # its table kept in this process only
    app.state.ahead.refresh()
    app.state.kept.check()
    if not fast:
        app.user_middleware = [m for m in app.user_middleware if m.cls is not FastAnswers]
    return app


def answers(app: FastAPI, paths: list[str]) -> list[tuple[int, str | None, bytes]]:
    with TestClient(app) as client:
        return [(r.status_code, r.headers.get("content-type"), r.content)
                for r in (client.get(path) for path in paths)]


def fast_only(store: SqlStore, tmp_path: Path) -> tuple[FastAnswers, list[str]]:
    """FastAnswers on its own, in front of an app that records what reaches it."""
    app = ready_app(store, fast=True)
    reached: list[str] = []

    async def endpoint(scope: dict[str, Any], _receive: Any, send: Any) -> None:
        reached.append(scope["path"] + "?" + scope["query_string"].decode())
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    return FastAnswers(endpoint, app.state.ahead, app.state.kept, store), reached


async def ask(fast: FastAnswers, path: str) -> tuple[int, bytes]:
    """GET `path` of `fast` as an ASGI server would: its status and body."""
    route, _, query = path.partition("?")
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": route, "query_string": query.encode(),
             "headers": []}
    await fast(scope, receive, send)  # type: ignore[arg-type]
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def call(fast: FastAnswers, path: str) -> tuple[int, bytes]:
    return asyncio.run(ask(fast, path))


def test_fast_answers_equal_the_endpoints_answers_byte_for_byte(
        store: SqlStore, tmp_path: Path) -> None:
    paths = TAKEN + LEFT
    with_fast = answers(ready_app(store, fast=True), paths)
    without = answers(ready_app(store, fast=False), paths)
    for path, got, expected in zip(paths, with_fast, without, strict=True):
        assert got == expected, path
    assert [status for status, _type, _body in with_fast[:len(TAKEN)]] == [200] * len(TAKEN)


def test_plain_requests_are_answered_without_reaching_the_endpoints(
        store: SqlStore, tmp_path: Path) -> None:
    fast, reached = fast_only(store, tmp_path)
    for path in TAKEN:
        status, body = call(fast, path)
        assert status == 200 and body.startswith(b"{"), path
    assert reached == []


def test_requests_with_values_read_otherwise_by_fastapi_go_on_to_the_endpoints(
        store: SqlStore, tmp_path: Path) -> None:
    fast, reached = fast_only(store, tmp_path)
    for path in LEFT:
        assert call(fast, path) == (599, b""), path
    assert len(reached) == len(LEFT)


def test_maps_and_timelines_wait_for_the_endpoints_until_the_table_ahead_is_ready(
        store: SqlStore, tmp_path: Path) -> None:
    fast, reached = fast_only(store, tmp_path)
    fast.ahead.table = None
    for path in ("/api/timeline?geonameid=703656", "/api/control?date=2025-12-01"):
        assert call(fast, path) == (599, b""), path
    assert len(reached) == 2


def test_a_claims_page_read_past_its_step_budget_in_the_event_loop_is_read_in_a_thread(
        store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = "/api/claims?kind=control&limit=2&offset=1&side=RU"
    expected = answers(ready_app(store, fast=False), [path])[0][2]
    budgets: list[int | None] = []
    page = api.claims_page

    def recorded(*args: Any, steps: int | None = None, **kwargs: Any) -> bytes:
        budgets.append(steps)
        return page(*args, steps=steps, **kwargs)

    monkeypatch.setattr(fast_module, "LOOP_STEPS", 3)
    monkeypatch.setattr(api, "claims_page", recorded)
    fast, reached = fast_only(store, tmp_path)
    assert call(fast, path) == (200, expected)
    assert budgets == [3, None] and reached == []


def test_claims_pages_larger_than_the_event_loops_share_are_read_in_a_thread(
        store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    budgets: list[int | None] = []
    page = api.claims_page

    def recorded(*args: Any, steps: int | None = None, **kwargs: Any) -> bytes:
        budgets.append(steps)
        return page(*args, steps=steps, **kwargs)

    monkeypatch.setattr(api, "claims_page", recorded)
    fast, _reached = fast_only(store, tmp_path)
    for limit in (fast_module.LOOP_MAX_PAGE, fast_module.LOOP_MAX_PAGE + 1):
        assert call(fast, f"/api/claims?limit={limit}")[0] == 200
    assert budgets == [fast_module.LOOP_STEPS, None]


def test_claims_pages_asked_at_once_are_read_one_at_a_time_in_the_event_loop(
        store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reading = 0
    most = 0
    threads: set[str] = set()
    lock = threading.Lock()
    page = api.claims_page

    def counted(*args: Any, **kwargs: Any) -> bytes:
        nonlocal reading, most
        with lock:
            reading += 1
            most = max(most, reading)
            threads.add(threading.current_thread().name)
        time.sleep(0.01)  # long enough for the others to be asked meanwhile
        try:
            return page(*args, **kwargs)
        finally:
            with lock:
                reading -= 1

    monkeypatch.setattr(api, "claims_page", counted)
    fast, reached = fast_only(store, tmp_path)
    paths = [f"/api/claims?limit=2&offset={offset}" for offset in range(8)]

    async def ask_all() -> list[int]:
        answered = await asyncio.gather(*(ask(fast, path) for path in paths))
        return [int(status) for status, _body in answered]

    assert asyncio.run(ask_all()) == [200] * len(paths)
    assert most == 1 and reached == [] and threads == {threading.current_thread().name}
