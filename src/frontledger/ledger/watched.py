"""The polling state of each source `frontledger watch` follows, kept in the ledger.

Kept beside the documents it produced, so that a watcher started again (or run from cron
with `--once`) resumes with the same conditional-GET validators and the same backoff, and
`frontledger status` can say which sources work and which do not, and why.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the record alone is read without SQLAlchemy (ledger.status)
    from frontledger.ledger.store import SqlStore


@dataclass(frozen=True, slots=True)
class WatchedSource:
    """One watched source and what polling it has learnt so far."""

    url: str
    """The source as the user named it (a feed, a page, a channel's preview page)."""
    kind: str = "unknown"
    """What its last answer was: feed, page, telegram (or json, jsonl, text); unknown
    before the first successful poll."""
    etag: str | None = None
    """ETag of the last full answer, sent back as If-None-Match."""
    last_modified: str | None = None
    """Last-Modified of the last full answer, sent back as If-Modified-Since."""
    last_item: str | None = None
    """The newest item of the last poll that had one: entry id or link, message number."""
    last_polled: datetime | None = None
    last_success: datetime | None = None
    """When a poll last worked (a 304 counts: the source answered that nothing changed)."""
    last_error: str | None = None
    """Why the last poll failed; None when it worked."""
    last_error_at: datetime | None = None
    next_poll: datetime | None = None
    """Not before then: the regular interval, or the backoff after failures."""
    failures: int = 0
    """Polls in a row that failed (0 when the last one worked); drives the backoff."""
    documents: int = 0
    """Documents this source has added to the ledger, over all polls."""


_TIMES = ("last_polled", "last_success", "last_error_at", "next_poll")


def load_watched(store: SqlStore, url: str) -> WatchedSource | None:
    """The stored state of one source, or None when it was never watched."""
    from sqlalchemy import select

    from frontledger.ledger.schema import watched_sources

    with store.engine.connect() as conn:
        row = conn.execute(select(watched_sources)
                           .where(watched_sources.c.url == url)).first()
    return watched_from_row(row._mapping) if row else None


def all_watched(store: SqlStore) -> list[WatchedSource]:
    """Every watched source, in the order they were first watched."""
    from sqlalchemy import select

    from frontledger.ledger.schema import watched_sources

    with store.engine.connect() as conn:
        rows = conn.execute(select(watched_sources).order_by(watched_sources.c.seq)).all()
    return [watched_from_row(r._mapping) for r in rows]


def save_watched(store: SqlStore, state: WatchedSource) -> None:
    """Insert or update the state of `state.url`."""
    from frontledger.ledger.schema import watched_sources

    row = asdict(state)
    for key in _TIMES:
        row[key] = _naive_utc(row[key])
    table = watched_sources
    with store.engine.begin() as conn:
        updated = conn.execute(table.update().where(table.c.url == state.url)
                               .values(**row)).rowcount
        if not updated:
            conn.execute(table.insert().values(**row))


def watched_json(state: WatchedSource) -> dict[str, Any]:
    """A source's state as a JSON-ready object (`status --json`, `watch --json`)."""
    row = asdict(state)
    for key in _TIMES:
        row[key] = row[key].isoformat() if row[key] else None
    return row


def watched_from_row(row: Any, *, parse_times: bool = False) -> WatchedSource:
    """A WatchedSource from a `watched_sources` row (a mapping); `parse_times` when its
    times are SQLite's text, as the standard library's sqlite3 returns them."""
    values = {key: row[key] for key in WatchedSource.__dataclass_fields__}
    for key in _TIMES:
        moment = values[key]
        if moment is not None and parse_times:
            moment = datetime.fromisoformat(moment)
        if moment is not None:
            values[key] = moment.replace(tzinfo=UTC) if moment.tzinfo is None \
                else moment.astimezone(UTC)
    return WatchedSource(**values)


def _naive_utc(moment: datetime | None) -> datetime | None:
    """Times are stored as naive UTC: SQLite keeps no zone, and both must read alike."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
