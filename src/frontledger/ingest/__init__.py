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
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from frontledger.defaults import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from frontledger.errors import BadRecord, InputRejected, InputTooLarge, UnreadableInput, UsageError
from frontledger.ingest.formats import (
    NO_DEFAULTS,
    DocumentDefaults,
    make_document,
    parse_published,
    read_bytes,
    unexpected,
)
from frontledger.records import Document, Rejection

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "DocumentDefaults", "IngestOptions",
           "document", "document_defaults", "expand_sources", "read_source", "read_sources"]

_LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")



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
    defaults: DocumentDefaults = NO_DEFAULTS
    """URL, outlet, publication time and language for documents whose input lacks them."""


def document_defaults(*, url: str | None = None, outlet: str | None = None,
                      published: str | None = None,
                      language: str | None = None) -> DocumentDefaults:
    """DocumentDefaults from the user's words (`--url`, `--outlet`, `--published`,
    `--language`), checked: a bad one is a UsageError saying what is expected."""
    if url is not None and not is_url(url):
        raise UsageError(f"--url {url!r} is not an http(s) URL")
    code = language.strip().lower() if language else None
    if code is not None and not _LANGUAGE_CODE.match(code):
        raise UsageError(f"--language {language!r} is not a two-letter ISO 639-1 code "
                         "such as en, fr, ru or uk")
    try:
        when = parse_published(published)
    except BadRecord as exc:
        raise UsageError(f"--published {published!r} is not a date: use YYYY-MM-DD or an "
                         "ISO 8601 date-time") from exc
    return DocumentDefaults(url=url or None, outlet=(outlet or "").strip() or None,
                            published=when, language=code)


def document(text: str, *, language: str | None = None, published: datetime | str | None = None,
             url: str | None = None, outlet: str | None = None, title: str | None = None,
             ) -> Document:
    """A Document from text in hand (a notebook's string), built as a read file's is:
    text normalised, identity hashed, language detected when not given, the outlet taken
    from the URL's domain when not given. `published` may be ISO 8601 text. Raises
    InputRejected (UnreadableInput, BadRecord) for text that cannot become a Document."""
    fields: dict[str, Any] = {"language": language, "published": parse_published(published),
                              "url": url, "outlet": outlet, "title": title}
    return make_document(text, source="-", raw=text.encode("utf-8"),
                         **{k: v for k, v in fields.items() if v is not None})


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


def read_source(source: str, options: IngestOptions,
                on_records: Callable[[int], None] | None = None,
                ) -> Iterator[Document | Rejection]:
    """Documents and Rejections of one file, URL or "-" (folders: use `read_sources`);
    `on_records(n)` is told how many records the source holds once it is opened."""
    try:
        if is_url(source):
            yield from _read_url(source, options, on_records)
        else:
            data = _read_stdin(options) if source == "-" else _read_file(source, options)
            yield from read_bytes(data, source=source, name=source, fetch=_fetcher(options),
                                  defaults=options.defaults, on_records=on_records)
    except InputRejected as exc:
        yield Rejection(source, None, exc.stage, exc.reason)
    except Exception as exc:  # a source's boundary: whatever breaks, the batch goes on
        yield Rejection(source, None, "read", unexpected(exc))


def _fetcher(options: IngestOptions) -> Callable[[str], bytes] | None:
    if not options.follow_links:
        return None

    def fetch(url: str) -> bytes:
        from frontledger.ingest.fetch import fetch_url

        return fetch_url(url, max_bytes=options.max_bytes, timeout=options.timeout,
                         allow_private=options.allow_private).content

    return fetch


def _read_url(url: str, options: IngestOptions,
              on_records: Callable[[int], None] | None) -> Iterator[Document | Rejection]:
    from frontledger.ingest.fetch import fetch_url  # httpx: only runs that fetch load it

    fetched = fetch_url(url, max_bytes=options.max_bytes, timeout=options.timeout,
                        allow_private=options.allow_private)
    name = fetched.url.split("?", 1)[0]
    yield from read_bytes(fetched.content, source=url, name=name,
                          content_type=fetched.content_type, url=fetched.url,
                          fetch=_fetcher(options), defaults=options.defaults,
                          on_records=on_records)


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
