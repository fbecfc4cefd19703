"""The map page's first questions answered without FastAPI's request handling.

    FastAnswers(app, ahead, kept)   plain ASGI middleware, inside the kept answers

Under 50 clients a new answer's p95 is its place in the queue for one process's CPU, and
FastAPI's binding and validation of query parameters cost more than the answer itself:
~0.65 ms a request for `/api/claims`' thirteen parameters (`request_params_to_args`,
benchmarks/api_profile.py), against ~0.5 ms for its query and encoding; a timeline from
the table computed ahead (`serve.ahead`) is ~0.05 ms of work behind ~0.3 ms of framework.

Here, after `serve.params` has refused unknown parameters and canonicalised the query,
the commonest requests are answered straight from the same functions the endpoints call
(`api.timeline_body`, `api.claims_page`, `StatesAhead.collection`), so their bytes are the
endpoints' own:

- `/api/timeline?geonameid=N` (in the event loop: no thread hop), and
  `/api/control?date=D[&views=…]` (no region; in a worker thread), from the table
  computed ahead for the kept answers' revision;
- `/api/claims` with any of its filters but `place` (which the geoparser resolves): on a
  SQLite ledger, a page of up to `LOOP_MAX_PAGE` claims in the event loop, its read
  stopped after `LOOP_STEPS` steps and then run in a worker thread; larger pages, and
  every page of a PostgreSQL ledger, in a worker thread.

Why in the event loop: from up to 15 worker threads at once, a claims page cost the
server 5.1-8.9 ms of CPU on a quiet machine (p95 204-339 ms under 50 clients), against
~1 ms in-process. Python's sqlite3 lets go of the interpreter lock at every row it steps
through; with two free cores the threads took it from each other at every row (system
CPU above user CPU; 15 threads reading pages in-process: 8.5 ms a page against 0.8 ms
for one). Measured with benchmarks/api.py under `chrt -f 10`, which stands for a quiet
machine on a shared one: in the loop 1.1-1.3 ms and p95 100-113 ms (p99 ~200 ms); one
page at a time in a worker thread 1.6-1.9 ms, p95 88-99 ms (p99 ~110 ms). Under load
(8-15) the OS seldom runs two threads at once and all of them measure alike in CPU, but
one busy thread gets a smaller share of an overloaded machine than 15 (p95 0.5-2 s
against 0.3-0.5 s for the thread pool at load 12-14).

Only values whose meaning is beyond doubt are taken (digits, ISO dates, `true`/`false`,
the listed kinds and stances, short ASCII codes; each parameter once); anything else, a
table not ready yet, an empty answer or any error goes on to the endpoint, which answers
it (or refuses it) as before.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from typing import get_args
from urllib.parse import parse_qsl

import anyio.to_thread
from starlette.types import ASGIApp, Receive, Scope, Send

from frontledger.errors import FrontledgerError, ReadOverBudget
from frontledger.ledger import ClaimFilter, SqlStore
from frontledger.ledger.query import PlaceRef
from frontledger.serve import api
from frontledger.serve.ahead import StatesAhead
from frontledger.serve.payloads import EncodedClaims
from frontledger.serve.response_cache import ResponseCache

_ID = re.compile(r"[1-9][0-9]{0,17}")
_COUNT = re.compile(r"0|[1-9][0-9]{0,12}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_REGION = re.compile(r"[A-Za-z]{2}-[A-Za-z0-9]{1,6}")
# Plain codes taken for side, actor, outlet, language and document: ASCII letters, digits
# and `_.:-` only (no percent-encoding or case folding to get wrong), within the length
# each endpoint allows (checked apart).
_CODE = re.compile(r"[A-Za-z0-9_.:-]+")
_KINDS = frozenset(get_args(api.ClaimKindParam))
_STANCES = frozenset({"asserts", "denies"})
_VIEWS = {"true": True, "false": False}
# Longest value the endpoint takes for each plain-code parameter of /api/claims.
_CODE_LENGTHS = {"side": 32, "actor": 32, "outlet": 300, "language": 16, "document": 64}
# Largest claims page answered in the event loop: encoding takes ~10 µs a claim
# (benchmarks/api_profile.py), so a page holds the loop ~1-2 ms at most beside its read;
# the default page (50) and the map page's own requests are under it.
LOOP_MAX_PAGE = 100
# SQLite steps a claims page read in the event loop may take before it is stopped and
# read again in a worker thread: a page found on the covering indexes takes 3,000-10,000
# steps (benchmarks/api.py's 1,283 pages, ~0.5 ms; one of them 57,800); a filter no index
# serves steps through the whole ledger at ~12 steps a µs (600,000 steps, ~50 ms, for
# 100,000 claims). 50,000 steps hold the loop ~4 ms at most.
LOOP_STEPS = 50_000


class _Unsure(Exception):
    """A value not taken here: the endpoint reads it."""


class FastAnswers:
    """Answer the commonest GET requests without FastAPI (see the module docstring)."""

    def __init__(self, app: ASGIApp, ahead: StatesAhead, kept: ResponseCache,
                 store: SqlStore, claims: EncodedClaims | None = None) -> None:
        self.app = app
        self.ahead = ahead
        self.kept = kept
        self.store = store
        self.claims = claims or EncodedClaims()
        self.answers = {"/api/timeline": self._timeline, "/api/control": self._control,
                        "/api/claims": self._claims}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        answer = self.answers.get(scope["path"]) if scope["type"] == "http" \
            and scope["method"] == "GET" else None
        body = None
        if answer is not None:
            try:
                body = await answer(_values(scope.get("query_string", b"")))
            except (_Unsure, FrontledgerError):
                body = None  # the endpoint answers, or refuses, as it always did
        if body is None:
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-length", str(len(body)).encode()),
                                (b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})

    async def _timeline(self, values: dict[str, str]) -> bytes | None:
        if set(values) != {"geonameid"}:
            raise _Unsure
        geonameid = _number(values["geonameid"], _ID)
        ref = PlaceRef(str(geonameid), "", geonameid, None)  # as api._place makes it
        return api.timeline_body(self.ahead, self.kept.revision, None, ref)

    async def _control(self, values: dict[str, str]) -> bytes | None:
        if "date" not in values or not set(values) <= {"date", "views"}:
            raise _Unsure
        views = _VIEWS.get(values.get("views", "true"))
        if views is None:
            raise _Unsure
        # in a worker thread: joined in the event loop, the large answers (~0.3-1 MB) waited
        # behind each other's joins to be written, and the p95 doubled (benchmarks/api.py
        # --only control 'control map', 3 interleaved runs: 252-633 ms against 98-190 ms)
        found: bytes | None = await anyio.to_thread.run_sync(
            self.ahead.collection, self.kept.revision, _day(values["date"]), None, views)
        return found

    async def _claims(self, values: dict[str, str]) -> bytes | None:
        if "place" in values:
            raise _Unsure
        for name, longest in _CODE_LENGTHS.items():
            if name in values and (len(values[name]) > longest
                                   or not _CODE.fullmatch(values[name])):
                raise _Unsure
        kind, stance = values.get("kind"), values.get("stance")
        if (kind is not None and kind not in _KINDS) \
                or (stance is not None and stance not in _STANCES):
            raise _Unsure
        region = values.get("region")
        if region is not None and not _REGION.fullmatch(region):
            raise _Unsure
        since, until = (_day(values[name]) if name in values else None
                        for name in ("since", "until"))
        if since and until and since > until:
            raise _Unsure
        limit = _number(values.get("limit", str(api.DEFAULT_PAGE)), _ID)
        offset = _number(values.get("offset", "0"), _COUNT)
        if limit > api.MAX_PAGE or offset > api.MAX_OFFSET:
            raise _Unsure
        geonameid = _number(values["geonameid"], _ID) if "geonameid" in values else None
        ref = None if geonameid is None else PlaceRef(str(geonameid), "", geonameid, None)
        where = ClaimFilter(claimant_side=values.get("side"), actor_side=values.get("actor"),
                            stance=stance, since=since, outlet=values.get("outlet"),
                            language=values.get("language"),
                            document_id=values.get("document"), limit=limit, offset=offset)
        page = partial(api.claims_page, self.store, ref, region, kind, until, where,
                       encoded=self.claims, revision=self.kept.revision)
        if limit <= LOOP_MAX_PAGE and self.store.dialect == "sqlite":
            try:
                return page(steps=LOOP_STEPS)
            except ReadOverBudget:
                pass  # a long read: in a worker thread, where it holds no one up
        body: bytes = await anyio.to_thread.run_sync(page)
        return body


def _values(query: bytes) -> dict[str, str]:
    """The canonical query's parameters; each once, plain ASCII."""
    if not query.isascii():
        raise _Unsure
    pairs = parse_qsl(query.decode("ascii"), keep_blank_values=True)
    values = dict(pairs)
    if len(values) != len(pairs):
        raise _Unsure
    return values


def _number(text: str, shape: re.Pattern[str]) -> int:
    if not shape.fullmatch(text):
        raise _Unsure
    return int(text)


def _day(text: str) -> date:
    if not _DAY.fullmatch(text):
        raise _Unsure
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _Unsure from None

