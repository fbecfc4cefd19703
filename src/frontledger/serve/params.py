"""Query strings checked against each endpoint's parameters, before anything else runs.

    KnownParameters(app, routes)   plain ASGI middleware

A parameter an endpoint does not take is refused with 400 (the one error shape) naming
the ones it takes: a typo (`?pace=Kupiansk`) must not answer as if no filter was asked,
and junk parameters must not make every request a new answer to keep (`serve.response_cache`
keyed answers by the raw query string: an extra `&x=1` bypassed it and grew it without
bound). The query string is rewritten in one canonical form (parameters sorted by
name, repeated ones in their order, one percent-encoding), so that the kept answers are
keyed by what was asked, not by how it was spelt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import parse_qsl, urlencode

from fastapi.routing import APIRoute
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from frontledger.serve.errors import error_response

# Longest query string read: the longest legitimate one (every /api/claims filter at its
# maximum length) is under 1,500 bytes.
MAX_QUERY_BYTES = 4096


Routes = list[tuple[re.Pattern[str], frozenset[str], frozenset[str]]]


def route_parameters(routes: Sequence[BaseRoute]) -> Routes:
    """Per API route (give the routers' own routes: the app's hold included routers),
    its path pattern, methods and the names of its query parameters."""
    return [(route.path_regex, frozenset(route.methods or ()),
             frozenset(field.alias for field in route.dependant.query_params))
            for route in routes
            if isinstance(route, APIRoute) and route.path.startswith("/api/")]


class KnownParameters:
    """Refuse unknown query parameters on /api/ paths; canonicalise the query string."""

    def __init__(self, app: ASGIApp, routes: Routes) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        method = "GET" if scope["method"] == "HEAD" else scope["method"]
        taken = next((names for pattern, methods, names in self.routes
                      if method in methods and pattern.match(scope["path"])), None)
        raw = scope.get("query_string", b"")
        if taken is None:  # no such route: its 404 (or 405) comes from the app
            await self.app(scope, receive, send)
            return
        problem = _problem(raw, taken)
        if problem is not None:
            await error_response(problem, 400)(scope, receive, send)
            return
        pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
        canonical = urlencode(sorted(pairs, key=lambda pair: pair[0])).encode("latin-1")
        await self.app({**scope, "query_string": canonical}, receive, send)


def _problem(raw: bytes, taken: frozenset[str]) -> str | None:
    if len(raw) > MAX_QUERY_BYTES:
        return f"query string over {MAX_QUERY_BYTES} bytes"
    names = {name for name, _value in parse_qsl(raw.decode("latin-1"),
                                                 keep_blank_values=True)}
    unknown = sorted(names - taken)
    if not unknown:
        return None
    takes = ", ".join(sorted(taken)) or "no query parameters"
    return (f"unknown query parameter(s) {', '.join(map(repr, unknown))}: this endpoint "
            f"takes {takes}")
