"""Defect 2 of issue 10: a feed's content is parsed as bytes, never opened as a path.

feedparser opens a string (or bytes) that looks like a file name or URL; a "feed" whose
whole content is `/dev/zero` or the path of a local feed must be rejected, not read."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from frontledger.ingest import IngestOptions, read_source
from frontledger.ingest.fetch import fetch_url
from frontledger.ingest.formats import read_bytes
from frontledger.records import Document, Rejection

LOCAL_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Private notes</title>
<item><title>Secret</title><description>A private local file that must stay unread,
about Kherson.</description></item></channel></rss>"""


@pytest.fixture
def local_feed(tmp_path: Path) -> Path:
    path = tmp_path / "private.rss"
    path.write_text(LOCAL_FEED, encoding="utf-8")
    return path


def test_a_feed_file_holding_a_path_is_rejected_not_followed(
        local_feed: Path, tmp_path: Path) -> None:
    pointer = tmp_path / "pointer.rss"
    pointer.write_text(str(local_feed), encoding="utf-8")
    items = list(read_source(str(pointer), IngestOptions()))
    assert not [i for i in items if isinstance(i, Document)]
    [rejection] = items
    assert isinstance(rejection, Rejection) and rejection.stage == "parse"


def test_a_feed_holding_dev_zero_is_rejected_without_reading_it(tmp_path: Path) -> None:
    pointer = tmp_path / "zero.atom"
    pointer.write_bytes(b"/dev/zero")
    [rejection] = read_source(str(pointer), IngestOptions(max_bytes=1000))
    assert isinstance(rejection, Rejection) and "not an RSS/Atom feed" in rejection.reason


def test_an_http_feed_body_holding_a_path_is_not_opened(local_feed: Path) -> None:
    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=str(local_feed).encode(),
                              headers={"content-type": "application/rss+xml"})

    fetched = fetch_url("http://93.184.215.14/feed", max_bytes=10_000, timeout=5,
                        transport=httpx.MockTransport(handler))
    items = list(read_bytes(fetched.content, source=fetched.url, name="feed",
                            content_type=fetched.content_type))
    assert [type(i) for i in items] == [Rejection]


def test_follow_links_pages_are_capped_by_max_bytes(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    feed = tmp_path / "links.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    "<item><link>https://news.example/a</link><title>A</title></item>"
                    "</channel></rss>", encoding="utf-8")
    caps: list[int] = []

    def fake_fetch(url: str, *, max_bytes: int, **_options: object) -> object:
        caps.append(max_bytes)
        raise httpx.ConnectError("offline")

    monkeypatch.setattr("frontledger.ingest.fetch.fetch_url", fake_fetch)
    [rejection] = read_source(str(feed), IngestOptions(max_bytes=4321, follow_links=True))
    assert caps == [4321]
    assert isinstance(rejection, Rejection) and rejection.locator == "entry 1"
