"""Fetch URLs without becoming a proxy into the user's network.

A URL's host is resolved once; every address must be global unless the user allows
private ones, and the request is then sent to that checked address (with the original
Host header and TLS server name), so a second DNS answer cannot swap in an internal
address. Redirects are followed by hand and every hop is checked again. Responses are
capped in size and in total time.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit

import httpx

from frontledger import __version__
from frontledger.errors import FetchError, InputTooLarge, PrivateAddressRefused

MAX_REDIRECTS = 5
USER_AGENT = f"frontledger/{__version__} (+https://github.com/frontledger/frontledger)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response body with the final URL and its declared content type."""

    url: str
    content: bytes
    content_type: str | None


def check_address(host: str, port: int, *, allow_private: bool) -> str:
    """Resolve `host` and return one address to connect to; refuse non-global ones."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}") from exc
    addresses = [str(info[4][0]) for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global and not allow_private:
            raise PrivateAddressRefused(
                f"{host} resolves to {ip}, a private, loopback or link-local address; "
                "pass --allow-private to fetch it anyway"
            )
    return addresses[0]


def fetch_url(url: str, *, max_bytes: int, timeout: float, allow_private: bool = False,
              transport: httpx.BaseTransport | None = None) -> Fetched:
    """GET `url` with address checks, redirects re-checked, and size and time caps."""
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=timeout, transport=transport, follow_redirects=False,
                      headers={"User-Agent": USER_AGENT}) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            response_url, location, body, ctype = _one_hop(
                client, url, max_bytes=max_bytes, deadline=deadline,
                allow_private=allow_private)
            if location is None:
                return Fetched(response_url, body, ctype)
            url = location
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _one_hop(client: httpx.Client, url: str, *, max_bytes: int, deadline: float,
             allow_private: bool) -> tuple[str, str | None, bytes, str | None]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = check_address(parts.hostname, port, allow_private=allow_private)
    pinned = _pin(parts, address, port)
    headers = {"Host": parts.netloc.rsplit("@", 1)[-1]}
    try:
        with client.stream("GET", pinned, headers=headers,
                           extensions={"sni_hostname": parts.hostname}) as response:
            if response.is_redirect:
                location = response.headers.get("location", "")
                return url, str(httpx.URL(url).join(location)), b"", None
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} from {url}")
            body = _read_capped(response, max_bytes, deadline, url)
            return url, None, body, response.headers.get("content-type")
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out fetching {url}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url}: {exc}") from exc


def _pin(parts: SplitResult, address: str, port: int) -> str:
    """The URL with its host replaced by the checked address."""
    host = f"[{address}]" if ":" in address else address
    return urlunsplit((parts.scheme, f"{host}:{port}", parts.path or "/", parts.query, ""))


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float,
                 url: str) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLarge(f"{url} is {int(declared)} bytes, over the {max_bytes}-byte "
                            "limit (raise it with --max-bytes)")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLarge(f"{url} sent more than the {max_bytes}-byte limit "
                                "(raise it with --max-bytes)")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out fetching {url} (body too slow)")
        chunks.append(chunk)
    return b"".join(chunks)
