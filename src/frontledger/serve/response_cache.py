"""Kept answers: the API's GET responses, kept until the ledger changes.

A map dragged through dates, and analysts opening the same places, ask the same
questions again and again; each answer folds many claims. This ASGI middleware keeps
every successful GET /api/… response body (least recently used first out, within
`MAX_BYTES`, keys and overhead counted), keyed by path and the canonical query string
(`serve.params` refuses unknown parameters and canonicalises the rest before this), and
forgets them all when the ledger's revision moves — checked at most every
`CHECK_SECONDS` — or when the app itself writes (`invalidate`). The revision
(`SqlStore.revision`) is raised by every write transaction, so claims that
`frontledger reprocess` swaps without adding a document count too.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from datetime import UTC, date, datetime
from typing import Any

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontledger.errors import StoreError
from frontledger.ledger import SqlStore

# Seconds between checks of the ledger's revision: writes by another process (a running
# `frontledger ingest` or `reprocess`) show in answers within this delay. The check is one
# indexed single-row read (~0.1 ms), so it can be frequent.
CHECK_SECONDS = 1.0
# Bytes of answers kept: a year of daily control maps of a 2,000-place ledger is ~1 MB a
# day, ~365 MB; below that, dragging the date slider over the year keeps missing
# (measured with benchmarks/api.py at 256 MB: p95 3.6 s instead of tens of ms).
MAX_BYTES = 512 * 1024 * 1024
Key = tuple[str, bytes, date]
# Bytes counted for each kept answer besides its body: its key (path and query, counted
# by length too) and the dict, tuple and bytes objects around them (~250 bytes measured
# with sys.getsizeof), so that many tiny answers cannot outgrow MAX_BYTES.
ENTRY_OVERHEAD = 256
# Paths whose answers depend on more than the ledger.
NOT_KEPT = frozenset({"/api/config"})


class ResponseCache:
    """Responses kept by (path, query), valid while the ledger's revision is unchanged."""

    def __init__(self, store: SqlStore, check_seconds: float = CHECK_SECONDS,
                 max_bytes: int = MAX_BYTES) -> None:
        self.store = store
        self.check_seconds = check_seconds
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._kept: OrderedDict[Key, tuple[bytes, bytes]] = OrderedDict()
        self._bytes = 0
        self._revision: int | None = None
        self._checked = float("-inf")

    def invalidate(self) -> None:
        """Forget every answer (the app has just written to the ledger)."""
        with self._lock:
            self._kept.clear()
            self._bytes = 0
            self._revision = None

    def due(self) -> bool:
        return time.monotonic() - self._checked >= self.check_seconds

    def check(self) -> None:
        """Forget every answer if the ledger was written since the last check (a blocking
        call)."""
        with self._lock:
            if not self.due():
                return
            self._checked = time.monotonic()
        revision = self.store.revision()
        with self._lock:
            if revision != self._revision:
                self._kept.clear()
                self._bytes = 0
                self._revision = revision

    def get(self, key: Key) -> tuple[bytes, bytes] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def put(self, key: Key, content_type: bytes, body: bytes) -> None:
        with self._lock:
            if key in self._kept or len(body) > self.max_bytes // 4:
                return
            self._kept[key] = (content_type, body)
            self._bytes += _size(key, body)
            while self._bytes > self.max_bytes:
                dropped_key, (_type, dropped) = self._kept.popitem(last=False)
                self._bytes -= _size(dropped_key, dropped)

    @property
    def revision(self) -> int | None:
        """The ledger's revision at the last check (None: not checked since the app
        wrote): every kept answer is of this revision."""
        return self._revision

    @property
    def size(self) -> tuple[int, int]:
        """(answers kept, bytes counted for them)."""
        with self._lock:
            return len(self._kept), self._bytes


def _size(key: Key, body: bytes) -> int:
    return len(body) + len(key[0]) + len(key[1]) + ENTRY_OVERHEAD


class ResponseCacheMiddleware:
    """Serve GET /api/… from `ResponseCache`; keep each new 200 answer."""

    def __init__(self, app: ASGIApp, kept: ResponseCache) -> None:
        self.app = app
        self.kept = kept

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _keepable(scope):
            await self.app(scope, receive, send)
            return
        if self.kept.due():
            try:
                await anyio.to_thread.run_sync(self.kept.check)
            except StoreError:  # the ledger is down: the endpoint answers 503 itself
                self.kept.invalidate()
                await self.app(scope, receive, send)
                return
        # today's date is part of the key: `/api/control` without a date means today
        key = (scope["path"], scope.get("query_string", b""), datetime.now(UTC).date())
        found = self.kept.get(key)
        if found is not None:
            await _send_kept(send, *found)
            return
        await self.app(scope, receive, _Recorder(send, self.kept, key))


def _keepable(scope: Scope) -> bool:
    return (scope["type"] == "http" and scope["method"] == "GET"
            and scope["path"].startswith("/api/") and scope["path"] not in NOT_KEPT)


async def _send_kept(send: Send, content_type: bytes, body: bytes) -> None:
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", content_type),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class _Recorder:
    """Passes a response on, and keeps it when it is a 200 in one piece or several."""

    def __init__(self, send: Send, kept: ResponseCache, key: Key) -> None:
        self.send = send
        self.kept = kept
        self.key = key
        self.content_type: bytes | None = None
        self.chunks: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] == 200:
            headers: Any = dict(message.get("headers", []))
            self.content_type = headers.get(b"content-type", b"application/json")
        elif message["type"] == "http.response.body" and self.content_type is not None:
            self.chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                self.kept.put(self.key, self.content_type, b"".join(self.chunks))
        await self.send(message)
