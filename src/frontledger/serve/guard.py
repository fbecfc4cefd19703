"""Checks made before the app reads a request: its Host header, and for a request that
writes, its token and its body size.

    RequestGuard(app, allowed_hosts, token, max_body_bytes)   plain ASGI middleware

- **Host allow-list** (DNS rebinding): a page on an attacker's domain that resolves to
  127.0.0.1 reaches a server bound to loopback with its own name in `Host`. When names
  are given, a request naming any other host is refused with 400 before anything runs.
- **Writes** (any method but GET, HEAD, OPTIONS): the bearer token is checked from the
  headers (401 missing, 403 wrong) and a declared `Content-Length` over the cap is
  refused with 413, all before one byte of the body is read; a body without a length
  (chunked) is read up to the cap and refused with 413 the moment it goes over. An
  unauthenticated 500 MB POST used to be read whole into memory before the token check.

Every refusal takes the API's one error shape (`serve.errors`).
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontledger.defaults import MAX_BODY_BYTES
from frontledger.serve.errors import error_response

__all__ = ["MAX_BODY_BYTES", "RequestGuard", "default_allowed_hosts"]

# Host names a server bound to a loopback address answers to by default.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
LOOPBACK_ADDRESSES = frozenset({"127.0.0.1", "::1", "localhost"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def default_allowed_hosts(bound_to: str, given: Sequence[str]) -> tuple[str, ...]:
    """The host names to accept: the ones given, else the loopback names when the server
    is bound to a loopback address, else any (empty: no check)."""
    if given:
        return tuple(given)
    return LOOPBACK_HOSTS if bound_to in LOOPBACK_ADDRESSES else ()


def host_name(header: str) -> str:
    """The name in a Host header, without its port and brackets, lower-cased."""
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8000
        return header[1:].split("]", 1)[0]
    if header.count(":") > 1:  # a bare IPv6 address (as given to --allowed-host)
        return header
    name, _, port = header.rpartition(":")
    return name if name and port.isdigit() else header


def check_token(expected: str, authorization: str | None) -> tuple[int, str] | None:
    """None when `authorization` carries the bearer token, else (status, message): 401
    without a bearer token, 403 with a wrong one. Compared in constant time."""
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return 401, "this endpoint needs 'Authorization: Bearer <FRONTLEDGER_TOKEN>'"
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        return 403, "wrong token"
    return None


class RequestGuard:
    """Refuse a request on its headers alone (see the module's docstring)."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Sequence[str] = (),
                 token: str | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.allowed = frozenset(host_name(h) for h in allowed_hosts)
        self.token = token
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, message, extra = refusal
            await error_response(message, status, extra)(scope, receive, send)
            return
        if scope["method"] in READ_METHODS:
            await self.app(scope, receive, send)
            return
        body = await self._read_capped(receive)
        if body is None:
            await error_response(self._too_large(), 413)(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    def _refusal(self, scope: Scope,
                 headers: Headers) -> tuple[int, str, dict[str, str] | None] | None:
        if self.allowed and "*" not in self.allowed \
                and host_name(headers.get("host", "")) not in self.allowed:
            return 400, ("this server does not answer to that Host name (start it with "
                         "--allowed-host NAME to add one)"), None
        if scope["method"] in READ_METHODS:
            return None
        if self.token is not None:
            failed = check_token(self.token, headers.get("authorization"))
            if failed is not None:
                extra = {"WWW-Authenticate": "Bearer"} if failed[0] == 401 else None
                return failed[0], failed[1], extra
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            return 413, self._too_large(), None
        return None

    def _too_large(self) -> str:
        return (f"request body over {self.max_body_bytes} bytes: post fewer or shorter "
                "documents per request")

    async def _read_capped(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it is longer than the cap."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break  # the client went away: the app sees an empty body
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the app the body already read, then waits as the server's."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
