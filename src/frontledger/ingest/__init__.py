"""Ingest stage: sources (files, folders, stdin, URLs) to Documents.

Reads: paths, "-" for stdin, http(s) URLs. Adds: `Document` records (text normalised,
identity hash, url, outlet, published time, language, title) and, for every input that
cannot become one, a `Rejection` saying where and why. Nothing here raises for a bad
input: the batch always goes on.

Formats: plain text, HTML (trafilatura), JSON and JSON Lines records, RSS/Atom feeds
(feedparser), Telegram Desktop channel exports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from frontledger.defaults import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from frontledger.errors import InputRejected, InputTooLarge, UnreadableInput
from frontledger.ingest.fetch import fetch_url
from frontledger.ingest.formats import read_bytes, unexpected
from frontledger.records import Document, Rejection

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "IngestOptions", "expand_sources",
           "read_source", "read_sources"]



@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How sources are read."""

    max_bytes: int = DEFAULT_MAX_BYTES
    """Larger files and responses are rejected unread."""
    timeout: float = DEFAULT_TIMEOUT
    """Seconds allowed for each URL fetch."""
    allow_private: bool = False
    """Allow URLs that resolve to private, loopback or link-local addresses."""
    follow_links: bool = False
    """For feed entries, fetch and extract the linked page instead of the entry's content."""


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def expand_sources(sources: list[str]) -> list[str]:
    """Sources with folders replaced by their files (recursive, sorted, hidden ones skipped)."""
    expanded: list[str] = []
    for source in sources:
        path = Path(source)
        if source != "-" and not is_url(source) and path.is_dir():
            expanded.extend(str(p) for p in sorted(path.rglob("*"))
                            if p.is_file() and not _hidden(p.relative_to(path)))
        else:
            expanded.append(source)
    return expanded


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_sources(sources: list[str], *,
                 options: IngestOptions | None = None) -> Iterator[Document | Rejection]:
    """Every Document and Rejection from the given sources, in order."""
    options = options or IngestOptions()
    for source in expand_sources(sources):
        yield from read_source(source, options)


def read_source(source: str, options: IngestOptions) -> Iterator[Document | Rejection]:
    """Documents and Rejections of one file, URL or "-" (folders: use `read_sources`)."""
    try:
        if is_url(source):
            yield from _read_url(source, options)
        else:
            data = _read_stdin(options) if source == "-" else _read_file(source, options)
            yield from read_bytes(data, source=source, name=source, fetch=_fetcher(options))
    except InputRejected as exc:
        yield Rejection(source, None, exc.stage, exc.reason)
    except Exception as exc:  # a source's boundary: whatever breaks, the batch goes on
        yield Rejection(source, None, "read", unexpected(exc))


def _fetcher(options: IngestOptions) -> Callable[[str], bytes] | None:
    if not options.follow_links:
        return None

    def fetch(url: str) -> bytes:
        return fetch_url(url, max_bytes=options.max_bytes, timeout=options.timeout,
                         allow_private=options.allow_private).content

    return fetch


def _read_url(url: str, options: IngestOptions) -> Iterator[Document | Rejection]:
    fetched = fetch_url(url, max_bytes=options.max_bytes, timeout=options.timeout,
                        allow_private=options.allow_private)
    name = fetched.url.split("?", 1)[0]
    yield from read_bytes(fetched.content, source=url, name=name,
                          content_type=fetched.content_type, url=fetched.url,
                          fetch=_fetcher(options))


def _read_file(source: str, options: IngestOptions) -> bytes:
    try:
        size = os.stat(source).st_size
        if size > options.max_bytes:
            raise InputTooLarge(f"file is {size} bytes, over the {options.max_bytes}-byte "
                                "limit (raise it with --max-bytes)")
        with open(source, "rb") as handle:
            return handle.read(options.max_bytes + 1)
    except FileNotFoundError as exc:
        raise UnreadableInput("no such file or folder", stage="read") from exc
    except OSError as exc:
        raise UnreadableInput(f"cannot read: {exc.strerror}", stage="read") from exc


def _read_stdin(options: IngestOptions) -> bytes:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputTooLarge(f"standard input is over the {options.max_bytes}-byte limit")
    return data
