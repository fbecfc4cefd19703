"""A local HTTP server for the watch tests: routes a test can change between polls,
ETags and Last-Modified answered with 304, 429s with Retry-After, and a request log."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Route:
    """What a path answers: a body with validators, or a bare status."""

    body: bytes = b""
    content_type: str = "application/rss+xml"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        """The headers of each request made for `path`, in order."""
        return [headers for p, headers in self.requests if p == path]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        site = self.server.site  # type: ignore[attr-defined]
        site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = site.routes.get(self.path, Route(status=404))
        if route.status == 200 and self._not_modified(route):
            self._send(304, route, b"")
            return
        self._send(route.status, route, route.body if route.status == 200 else b"")

    def _not_modified(self, route: Route) -> bool:
        if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
            return True
        since = self.headers.get("If-Modified-Since")
        return route.last_modified is not None and since == route.last_modified

    def _send(self, status: int, route: Route, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", route.content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (("ETag", route.etag), ("Last-Modified", route.last_modified),
                            *route.headers.items()):
            if value is not None:
                self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@contextlib.contextmanager
def serving() -> Iterator[Site]:
    """A Site served on 127.0.0.1 at a free port, for the duration of the block."""
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.site = site  # type: ignore[attr-defined]
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()


def rss(title: str, entries: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (guid, date, text) entries, newest first."""
    items = "".join(f"<item><guid>{guid}</guid><pubDate>{day}</pubDate>"
                    f"<description>{text}</description></item>" for guid, day, text in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title>{items}</channel></rss>").encode()


CHANNEL_PAGE = (Path(__file__).parent / "fixtures" / "watch" / "channel_preview.html").read_bytes()


def channel_page(channel: str, messages: list[tuple[int, str, str]]) -> bytes:
    """A minimal channel preview page of (number, ISO date, text) messages, oldest first."""
    blocks = "".join(
        f'<div class="tgme_widget_message js-widget_message" data-post="{channel}/{n}">'
        f'<div class="tgme_widget_message_text js-message_text">{text}</div>'
        f'<time datetime="{day}">.</time></div>' for n, day, text in messages)
    return (f'<html><body><div class="tgme_channel_info_header_title">{channel}</div>'
            f"{blocks}</body></html>").encode()
