"""One poll of one source: a conditional GET, its new items through the pipeline, and the
source's new state (validators, last item, success or failure and the next poll)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from frontledger.errors import InputRejected
from frontledger.ingest import IngestOptions
from frontledger.ingest.conditional import Answer, Validators, conditional_get
from frontledger.ingest.fetch import fetch_url
from frontledger.ingest.formats import read_bytes, sniff_format
from frontledger.ingest.telegram_web import message_id, preview_url, read_channel_preview
from frontledger.ledger.store import SqlStore
from frontledger.ledger.watched import WatchedSource
from frontledger.pipeline import Analysis, IngestReport, analyse, store_item
from frontledger.records import Claim, Document, Rejection
from frontledger.watch.schedule import DEFAULT_EVERY, backoff_delay

Outcome = Literal["changed", "unchanged", "failed", "deferred", "interrupted"]
_KIND_OF_FORMAT = {"html": "page"}
MAX_CHANNEL_PAGES = 5
"""Preview pages read in one poll of a channel (each shows about 20 messages): a channel
that posted up to ~100 messages since the last poll is caught up; a longer gap (a watcher
stopped for days) is not crawled back: ingest a Telegram Desktop export for history."""


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """How sources are watched."""

    every: float = DEFAULT_EVERY
    """Seconds between polls of a source that works (see `schedule.parse_interval`)."""
    ingest: IngestOptions = field(default_factory=IngestOptions)
    """Size and time caps and the private-address rule, as for `ingest`."""
    channels: Sequence[str] = ()
    """URLs to read as Telegram channel preview pages although they are not on t.me
    (a mirror, or a test server); t.me URLs are recognised by themselves."""


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim a poll found in a document new to the ledger."""

    source: str
    document: Document
    claim: Claim


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll of one source did."""

    source: str
    outcome: Outcome
    """changed (a full answer was read), unchanged (304), failed, deferred (still in its
    backoff, not polled), interrupted (stopped before every new item was stored)."""
    state: WatchedSource
    """The source's state after the poll (what the ledger now holds)."""
    stored: int = 0
    already_present: int = 0
    claims: int = 0
    rejected: int = 0
    """Items of the source that could not become documents (recorded in `rejections`)."""


def poll_source(store: SqlStore, state: WatchedSource, options: WatchOptions, *,
                now: datetime, stop: threading.Event | None = None,
                on_claim: Callable[[NewClaim], None] | None = None,
                analyser: Callable[[Document], Analysis] = analyse,
                rng: random.Random | None = None) -> PollResult:
    """Poll `state.url` once; store its new documents one by one (stopping between two
    when `stop` is set) and return the poll's result with the source's next state.

    Nothing here raises for the source's own failures (an address refused, a timeout, a
    429, a page that does not parse): they become the state's `last_error` and backoff.
    """
    channel = preview_url(state.url) or (state.url if state.url in options.channels else None)
    limits = options.ingest
    try:
        answer = conditional_get(channel or state.url,
                                 Validators(state.etag, state.last_modified),
                                 max_bytes=limits.max_bytes, timeout=limits.timeout,
                                 allow_private=limits.allow_private)
    except InputRejected as exc:
        return failed_poll(state, exc.reason, None, options, now, rng)
    if answer.unchanged:
        return PollResult(state.url, "unchanged", _succeeded(state, now, options))
    if answer.status != 200:
        return failed_poll(state, f"HTTP {answer.status} from {answer.url}", answer.retry_after,
                       options, now, rng)
    kind, items = _items(state.url, answer, channel is not None)
    if kind == "telegram":
        try:
            items = _with_older_pages(items, state, answer, limits)
        except InputRejected as exc:  # the gap is retried whole with the next poll
            return failed_poll(state, exc.reason, None, options, now, rng)
    whole = next((i for i in items if isinstance(i, Rejection) and i.locator is None), None)
    if whole is not None:  # the source as a whole is unreadable, not one of its entries
        store.add_rejection(whole)
        return failed_poll(state, whole.reason, None, options, now, rng)
    return _store_new(store, state, answer, kind, items, options, now=now, stop=stop,
                      on_claim=on_claim, analyser=analyser)


def _items(source: str, answer: Answer, channel: bool) -> tuple[str, list[Document | Rejection]]:
    if channel:
        try:
            return "telegram", list(read_channel_preview(answer.content, source=source,
                                                         page_url=answer.url))
        except InputRejected as exc:
            return "telegram", [Rejection(source, None, exc.stage, exc.reason)]
    fmt = sniff_format(answer.content, answer.url.split("?", 1)[0], answer.content_type)
    return _KIND_OF_FORMAT.get(fmt, fmt), list(read_bytes(
        answer.content, source=source, name=answer.url.split("?", 1)[0],
        content_type=answer.content_type, url=answer.url))


def _with_older_pages(items: list[Document | Rejection], state: WatchedSource,
                      answer: Answer, limits: IngestOptions) -> list[Document | Rejection]:
    """A channel's page with the older pages (`?before=N`) that hold the messages posted
    since the last poll's newest one, when more came than one page shows."""
    last = state.last_item or ""
    seen = int(last) if last.isdigit() else None
    if seen is None:  # a first poll reads the latest page only: history is not crawled
        return items
    page = answer.url.split("?", 1)[0]
    for _page in range(MAX_CHANNEL_PAGES - 1):
        oldest = min((n for n in map(_number, items) if n is not None), default=None)
        if oldest is None or oldest <= seen + 1:
            break
        fetched = fetch_url(f"{page}?before={oldest}", max_bytes=limits.max_bytes,
                            timeout=limits.timeout, allow_private=limits.allow_private)
        earlier = list(read_channel_preview(fetched.content, source=state.url,
                                            page_url=page))
        numbers = [n for n in map(_number, earlier) if n is not None]
        older = [i for i in earlier if seen < (_number(i) or 0) < oldest]
        items = older + items
        if not older or min(numbers, default=seen) <= seen:  # back to what was seen
            break
    return items


def _number(item: Document | Rejection) -> int | None:
    return message_id(item) if isinstance(item, Document) else None


def _store_new(store: SqlStore, state: WatchedSource, answer: Answer, kind: str,
               items: list[Document | Rejection], options: WatchOptions, *, now: datetime,
               stop: threading.Event | None, on_claim: Callable[[NewClaim], None] | None,
               analyser: Callable[[Document], Analysis]) -> PollResult:
    report = IngestReport()
    interrupted = False
    for item in items:
        if stop is not None and stop.is_set():
            interrupted = True
            break
        stored = report.stored
        store_item(store, item, report, analyser)
        if report.stored > stored and isinstance(item, Document) and on_claim is not None:
            for claim in store.claims(item.id):
                on_claim(NewClaim(state.url, item, claim))
    documents = [i for i in items if isinstance(i, Document)]
    new_state = replace(
        _succeeded(state, now, options), kind=kind,
        last_item=_newest(documents, kind) or state.last_item,
        documents=state.documents + report.stored)
    if not interrupted:  # else keep the old validators: the next poll must see the rest
        new_state = replace(new_state, etag=answer.validators.etag,
                            last_modified=answer.validators.last_modified)
    return PollResult(state.url, "interrupted" if interrupted else "changed", new_state,
                      stored=report.stored, already_present=report.already_present,
                      claims=report.claims, rejected=report.rejected)


def _newest(documents: list[Document], kind: str) -> str | None:
    """The newest item's id: the highest message number of a channel page, else the
    first entry (feeds list theirs newest first)."""
    if not documents:
        return None
    if kind == "telegram":
        numbers = [n for n in map(message_id, documents) if n is not None]
        return str(max(numbers)) if numbers else None
    first = documents[0]
    return first.external_id or first.url or first.id


def _succeeded(state: WatchedSource, now: datetime, options: WatchOptions) -> WatchedSource:
    return replace(state, last_polled=now, last_success=now, last_error=None,
                   failures=0, next_poll=now + timedelta(seconds=options.every))


def failed_poll(state: WatchedSource, reason: str, retry_after: float | None,
                options: WatchOptions, now: datetime,
                rng: random.Random | None = None) -> PollResult:
    """A failed poll: the reason kept, one more failure in a row, the next poll backed off."""
    failures = state.failures + 1
    delay = backoff_delay(failures, options.every, retry_after=retry_after, rng=rng)
    new_state = replace(state, last_polled=now, last_error=reason, last_error_at=now,
                        failures=failures, next_poll=now + timedelta(seconds=delay))
    return PollResult(state.url, "failed", new_state)


def utcnow() -> datetime:
    return datetime.now(UTC)
