"""URLs are fetched only from global addresses unless allowed, with size and time caps."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from frontledger.errors import PrivateAddressRefused
from frontledger.ingest import IngestOptions, read_sources
from frontledger.ingest.fetch import check_address
from frontledger.records import Document, Rejection

PAGE = (b"<!DOCTYPE html><html><head><title>Local report</title></head><body><article>"
        b"<p>Ukrainian forces repelled an assault near Pokrovsk, the General Staff said on "
        b"Monday, and Russian drones struck Kharkiv overnight.</p></article></body></html>")
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Local feed</title>'
        b"<item><title>A</title><link>http://127.0.0.1/a</link><description>Russian forces "
        b"advanced near Lyman, Moscow said.</description></item></channel></rss>")
# Seconds the slow route sleeps: well above the test's timeout, well below pytest's patience.
SLOW_SECONDS = 3


class Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[bytes, str]]] = {
        "/page": (PAGE, "text/html"), "/feed": (FEED, "application/rss+xml"),
        "/big": (b"x" * 50_000, "text/plain")}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        body, ctype = self.routes.get(self.path, (b"", ""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", ctype or "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # the client may have given up first: that is what the timeout test wants
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str, **options: object) -> list[Document | Rejection]:
    return list(read_sources([url], options=IngestOptions(**options)))


def test_loopback_url_is_refused_without_allow_private(server: str) -> None:
    [rejection] = fetch(server + "/page")
    assert isinstance(rejection, Rejection) and rejection.stage == "fetch"
    assert "private, loopback or link-local" in rejection.reason
    assert "--allow-private" in rejection.reason


@pytest.mark.parametrize("host", ["10.1.2.3", "192.168.0.10", "169.254.169.254", "::1",
                                  "fe80::1", "127.0.0.53", "0.0.0.0", "100.64.0.1"])
def test_private_loopback_and_link_local_addresses_are_refused(host: str) -> None:
    with pytest.raises(PrivateAddressRefused):
        check_address(host, 80, allow_private=False)


def test_html_url_is_fetched_when_private_addresses_are_allowed(server: str) -> None:
    [doc] = fetch(server + "/page", allow_private=True)
    assert isinstance(doc, Document)
    assert "repelled an assault near Pokrovsk" in doc.text
    assert doc.title == "Local report" and doc.outlet == "127.0.0.1"
    assert doc.url == server + "/page"


def test_redirect_is_followed_and_checked_again(server: str) -> None:
    [doc] = fetch(server + "/moved", allow_private=True)
    assert isinstance(doc, Document) and doc.url == server + "/page"


def test_feed_url_gives_its_entries(server: str) -> None:
    [doc] = fetch(server + "/feed", allow_private=True)
    assert isinstance(doc, Document) and doc.outlet == "Local feed"
    assert doc.text == "Russian forces advanced near Lyman, Moscow said."


def test_url_that_times_out_is_rejected_and_the_batch_goes_on(server: str) -> None:
    started = time.monotonic()
    items = list(read_sources([server + "/slow", server + "/page"],
                              options=IngestOptions(allow_private=True, timeout=0.5)))
    assert time.monotonic() - started < SLOW_SECONDS
    assert isinstance(items[0], Rejection) and "timed out" in items[0].reason
    assert isinstance(items[1], Document)


def test_response_over_the_size_limit_is_rejected(server: str) -> None:
    [rejection] = fetch(server + "/big", allow_private=True, max_bytes=10_000)
    assert isinstance(rejection, Rejection) and "10000-byte limit" in rejection.reason


def test_http_error_status_is_rejected(server: str) -> None:
    [rejection] = fetch(server + "/missing", allow_private=True)
    assert isinstance(rejection, Rejection) and "HTTP 404" in rejection.reason


def test_unresolvable_host_is_rejected() -> None:
    [rejection] = fetch("http://no-such-host.invalid/x")
    assert isinstance(rejection, Rejection) and "cannot resolve host" in rejection.reason
