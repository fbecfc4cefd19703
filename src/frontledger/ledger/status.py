"""What a ledger holds, for `frontledger status`: counts of documents and claims by facet,
recent rejections and the watched sources.

`read_status` answers a SQLite ledger already at the latest migration with the standard
library's sqlite3 alone: importing SQLAlchemy costs about a quarter of a CPU second, more
than the rest of the command. Any other ledger (PostgreSQL, or a SQLite file that must be
migrated first) is read through `SqlStore.status`; a test checks both give the same.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from importlib.resources import files
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from frontledger.errors import StoreError
from frontledger.ledger.urls import resolve_db_url, sqlite_path
from frontledger.records import Rejection

if TYPE_CHECKING:
    from frontledger.ledger.watched import WatchedSource

@dataclass(frozen=True, slots=True)
class LedgerStatus:
    """What the ledger holds: counts of documents by facet, and rejections with reasons."""

    documents: int
    rejections: int
    by_language: dict[str, int] = field(default_factory=dict)
    by_outlet: dict[str, int] = field(default_factory=dict)
    by_day: dict[str, int] = field(default_factory=dict)
    recent_rejections: list[Rejection] = field(default_factory=list)
    claims: ClaimCounts | None = None
    """Claims by kind and claimant side, places they name, undated ones (None: not asked)."""


@dataclass(frozen=True, slots=True)
class ClaimCounts:
    """What the ledger's claims are about, for `frontledger status`."""

    total: int
    by_kind_and_side: dict[str, dict[str, int]]
    """kind -> claimant side -> claims, kinds and sides by count (most first)."""
    places: int
    """Distinct places (gazetteer entries, or names the gazetteer lacks) with a claim."""
    undated: int
    """Claims with no date of their own (they hold for their document's publication day)."""


@dataclass(frozen=True, slots=True)
class StatusReport:
    """`frontledger status`'s whole answer."""

    ledger: LedgerStatus
    watched: list[WatchedSource]
    """Every watched source, in the order they were first watched."""


def read_status(db: str | None = None, *, rejection_limit: int = 50) -> StatusReport:
    """What the ledger at `db` holds (see `open_store` for `db`); a SQLite file that does
    not exist is a UsageError, as for every command that only reads."""
    url = resolve_db_url(db)
    path = sqlite_path(url)
    if path is not None and os.path.exists(path):
        with closing(_connect(path)) as conn:
            if _at_head(conn):
                return _sqlite_status(conn, rejection_limit)
    from frontledger.ledger.store import open_store
    from frontledger.ledger.watched import all_watched

    with open_store(db, create=False) as store:
        return StatusReport(store.status(rejection_limit=rejection_limit),
                            all_watched(store))


# Milliseconds a status read waits for a writer holding the SQLite ledger (as the store).
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _connect(path: str) -> sqlite3.Connection:
    """A sqlite3 connection to the ledger file at `path` that never creates it."""
    try:
        return sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=rw", uri=True,
                               timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the ledger at {path}: {exc}; check --db or "
                         "FRONTLEDGER_DB") from None


def _at_head(conn: sqlite3.Connection) -> bool:
    heads = head_revisions()
    try:
        current = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.Error:  # no such table (not a ledger yet), or not a database at all
        return False
    return heads is not None and current == heads


def _sqlite_status(conn: sqlite3.Connection, rejection_limit: int) -> StatusReport:
    try:
        return StatusReport(_ledger_status(conn, rejection_limit), _watched(conn))
    except sqlite3.Error as exc:
        raise StoreError(f"the ledger refused the operation ({exc})") from None


def _ledger_status(conn: sqlite3.Connection, rejection_limit: int) -> LedgerStatus:
    def one(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    recent = conn.execute("SELECT source, locator, stage, reason FROM rejections"
                          " ORDER BY seq DESC LIMIT ?", (rejection_limit,)).fetchall()
    return LedgerStatus(
        documents=one("SELECT count(*) FROM documents"),
        rejections=one("SELECT count(*) FROM rejections"),
        by_language=counted(conn.execute(
            "SELECT language, count(*) FROM documents GROUP BY language")),
        by_outlet=counted(conn.execute(
            "SELECT outlet, count(*) FROM documents GROUP BY outlet")),
        by_day=counted(conn.execute(
            "SELECT date(published), count(*) FROM documents GROUP BY date(published)")),
        recent_rejections=[Rejection(*row) for row in recent],
        claims=claim_counts(
            conn.execute("SELECT kind, claimant_side, count(*) FROM claims"
                         " GROUP BY kind, claimant_side").fetchall(),
            *conn.execute("SELECT count(DISTINCT place_key),"
                          " count(*) FILTER (WHERE date IS NULL) FROM claims").fetchone()))


def _watched(conn: sqlite3.Connection) -> list[WatchedSource]:
    from frontledger.ledger.watched import watched_from_row

    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT * FROM watched_sources ORDER BY seq").fetchall()
    return [watched_from_row(row, parse_times=True) for row in rows]


def counted(rows: Iterable[Any]) -> dict[str, int]:
    """(value, count) rows as {value: count}, most first, None as "unknown"."""
    counts = Counter({("unknown" if key is None else str(key)): n for key, n in rows})
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def claim_counts(rows: Sequence[Any], places: int, undated: int) -> ClaimCounts:
    """ClaimCounts from (kind, claimant side, count) rows and the two totals."""
    by_kind: dict[str, Counter[str]] = {}
    for kind, side, n in rows:
        by_kind.setdefault(kind, Counter())[side] = n
    ordered = sorted(by_kind.items(), key=lambda kv: (-kv[1].total(), kv[0]))
    return ClaimCounts(
        total=sum(n for _kind, _side, n in rows),
        by_kind_and_side={kind: dict(sorted(sides.items(), key=lambda kv: (-kv[1], kv[0])))
                          for kind, sides in ordered},
        places=places, undated=undated)


_REVISION_LINE = re.compile(r"""^(down_)?revision\s*=\s*(?:"([^"]+)"|None)\s*$""", re.M)


def head_revisions() -> frozenset[str] | None:
    """The migrations no other migration revises, from each file's own `revision = "…"`
    and `down_revision = "…"` lines; None when a file does not say them that simply (a
    merge, say): then alembic decides."""
    revised: set[str] = set()
    revisions: set[str] = set()
    for script in (files("frontledger.ledger") / "migrations" / "versions").iterdir():
        if not script.name.endswith(".py") or script.name == "__init__.py":
            continue
        found = {bool(m[1]): m[2] for m in _REVISION_LINE.finditer(script.read_text("utf-8"))}
        if set(found) != {False, True} or not found[False]:
            return None
        revisions.add(found[False])
        if found[True]:
            revised.add(found[True])
    return frozenset(revisions - revised) or None
