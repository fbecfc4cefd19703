"""Conditional GET for sources polled again and again (`frontledger watch`).

The same guard as every other fetch (`ingest.fetch`): each hop's host is resolved and
checked (no private, loopback or link-local address unless allowed), the request goes to
the checked address, redirects are checked again, bodies are capped in size and time.
On top of that, the validators of the last answer (ETag, Last-Modified) are sent back so
that an unchanged source costs a 304 and no body, and the answers a poller must act on
rather than fail on (304, 429, 5xx with their Retry-After) come back as an `Answer`.
"""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from urllib.parse import urlsplit

import httpx

from frontledger.errors import FetchError
from frontledger.ingest.fetch import (
    MAX_REDIRECTS,
    USER_AGENT,
    _pin,
    _read_capped,
    check_address,
)


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last successful answer said about its version of the resource."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """One conditional GET's outcome (after redirects)."""

    url: str
    """The final URL, after redirects."""
    status: int
    """200 with a body, 304 unchanged, or an error status (4xx, 5xx) without one."""
    content: bytes = b""
    content_type: str | None = None
    validators: Validators = Validators()
    """The answer's own ETag and Last-Modified (to send next time)."""
    retry_after: float | None = None
    """Seconds the server asked us to wait (Retry-After, as seconds or as a date)."""

    @property
    def unchanged(self) -> bool:
        return self.status == 304


def conditional_get(url: str, validators: Validators, *, max_bytes: int, timeout: float,
                    allow_private: bool = False,
                    transport: httpx.BaseTransport | None = None) -> Answer:
    """GET `url` unless it is unchanged since `validators`; raise FetchError only when
    there is no HTTP answer at all (refused address, network failure, timeout)."""
    deadline = time.monotonic() + timeout
    conditions = {"If-None-Match": validators.etag,
                  "If-Modified-Since": validators.last_modified}
    headers = {"User-Agent": USER_AGENT} | {k: v for k, v in conditions.items() if v}
    with httpx.Client(timeout=timeout, transport=transport, follow_redirects=False,
                      headers=headers, verify=_tls_context()) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            answer, location = _one_hop(client, url, max_bytes=max_bytes, deadline=deadline,
                                        allow_private=allow_private)
            if location is None:
                return answer
            url = location
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


@cache
def _tls_context() -> ssl.SSLContext:
    """One TLS context for every poll: building one (loading the CA bundle) is what a new
    httpx client costs most (~26 ms of CPU, more than the rest of a 304 poll); clients are
    still made per poll, as connections to a checked address must not be shared."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def _one_hop(client: httpx.Client, url: str, *, max_bytes: int, deadline: float,
             allow_private: bool) -> tuple[Answer, str | None]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = check_address(parts.hostname, port, allow_private=allow_private)
    try:
        with client.stream("GET", _pin(parts, address, port),
                           headers={"Host": parts.netloc.rsplit("@", 1)[-1]},
                           extensions={"sni_hostname": parts.hostname}) as response:
            if response.has_redirect_location:  # a 304 is a 3xx too, but no redirect
                location = str(httpx.URL(url).join(response.headers.get("location", "")))
                return Answer(url, response.status_code), location
            return _answer(url, response, max_bytes, deadline), None
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out fetching {url}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url}: {exc}") from exc


def _answer(url: str, response: httpx.Response, max_bytes: int, deadline: float) -> Answer:
    status = response.status_code
    validators = Validators(response.headers.get("etag"),
                            response.headers.get("last-modified"))
    if status != 200:  # 304, or an error: its body is of no use to us
        return Answer(url, status, validators=validators,
                      retry_after=retry_after_seconds(response.headers.get("retry-after")))
    body = _read_capped(response, max_bytes, deadline, url)
    return Answer(url, status, body, response.headers.get("content-type"), validators)


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """A Retry-After header (delay in seconds, or an HTTP date) as seconds from `now`;
    None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())
