"""What the web framework costs per request, apart from any answer's own work.

    .venv/bin/python benchmarks/framework.py [--requests 3000] [--rounds 3]

Drives ASGI apps in this process (no sockets: uvicorn's HTTP parsing comes on top) and
prints the CPU microseconds per request, best of --rounds rounds, of:

- a plain ASGI callable answering `{}` (the floor);
- a bare FastAPI app with one empty route, sync (`def`, run in a worker thread, as every
  frontledger route is) and async (`async def`);
- frontledger's own app (`serve.app.create_app`, with its middlewares: security headers,
  kept answers) on an empty in-memory ledger, with the same empty sync route added, and
  its small real answers: `/api/config` (never kept: the route's work is a dict of the
  settings) and `/api/stats` (kept after the first: the middleware answers).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ASGI = Callable[[dict[str, Any], Callable[[], Awaitable[dict[str, Any]]],
                 Callable[[dict[str, Any]], Awaitable[None]]], Awaitable[None]]


def scope(path: str, query: bytes = b"") -> dict[str, Any]:
    """An HTTP GET as uvicorn hands it to the app."""
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
            "root_path": "", "query_string": query, "headers": [(b"host", b"bench")],
            "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8000)}


async def call(app: ASGI, path: str) -> int:
    """One request through `app`; its status."""
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope(path), receive, send)
    return status


async def cpu_per_request(app: ASGI, path: str, requests: int, rounds: int) -> float:
    """Best round's CPU microseconds per request (all threads of this process)."""
    if await call(app, path) != 200:
        raise SystemExit(f"{path} did not answer 200")
    best = float("inf")
    for _round in range(rounds):
        started = time.process_time()
        for _ in range(requests):
            await call(app, path)
        best = min(best, (time.process_time() - started) / requests * 1e6)
    return best


async def plain_asgi(scope: dict[str, Any], receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b"{}"})


def bare_fastapi() -> Any:
    from fastapi import FastAPI
    from fastapi.responses import Response

    app = FastAPI()

    @app.get("/sync")
    def sync_route() -> Response:
        return Response(b"{}", media_type="application/json")

    @app.get("/async")
    async def async_route() -> Response:
        return Response(b"{}", media_type="application/json")

    return app


def frontledger_app() -> Any:
    from fastapi.responses import Response

    from frontledger.ledger import open_store
    from frontledger.serve.app import create_app

    app = create_app(open_store("sqlite://"))

    def empty() -> Response:
        return Response(b"{}", media_type="application/json")

    # outside /api/: answers there are kept, and a kept answer skips the framework
    app.add_api_route("/bench-empty", empty, methods=["GET"])
    return app


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    bare, ours = bare_fastapi(), frontledger_app()
    cases = [("plain ASGI callable", plain_asgi, "/"),
             ("FastAPI, empty async route", bare, "/async"),
             ("FastAPI, empty sync route", bare, "/sync"),
             ("frontledger app, empty sync route", ours, "/bench-empty"),
             ("frontledger app, /api/config", ours, "/api/config"),
             ("frontledger app, /api/stats (kept)", ours, "/api/stats")]
    print(f"{'what':40} {'CPU µs/request':>15}")
    for label, app, path in cases:
        micros = await cpu_per_request(app, path, args.requests, args.rounds)
        print(f"{label:40} {micros:15.0f}", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
