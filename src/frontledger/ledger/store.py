"""The Store: where Documents and Rejections are kept, on SQLite or PostgreSQL.

One interface (`Store`), one implementation on SQLAlchemy Core (`SqlStore`) that runs the
same statements on both databases; "sqlite://" gives an in-memory store for tests and
notebooks. Each document is written in its own transaction, so a run killed at any
moment leaves whole documents only, and identity by text hash makes re-runs add nothing.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib.resources import files
from operator import itemgetter
from typing import Any, Protocol

import msgspec
from sqlalchemy import (
    Column,
    Date,
    Engine,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    bindparam,
    cast,
    create_engine,
    event,
    func,
    inspect,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from frontledger.defaults import DEFAULT_DB as DEFAULT_DB  # re-exported by ledger
from frontledger.errors import LedgerUnavailable, ReadOverBudget, StoreError, UsageError
from frontledger.ledger import states
from frontledger.ledger.events import place_key, simhash
from frontledger.ledger.schema import claims as claims_table
from frontledger.ledger.schema import (
    documents,
    ledger_revision,
    metadata,
    place_mentions,
    rejections,
)
from frontledger.ledger.status import (
    ClaimCounts,
    LedgerStatus,
    claim_counts,
    counted,
    head_revisions,
)
from frontledger.ledger.urls import redact, redact_text, resolve_db_url, sqlite_path
from frontledger.records import (
    Claim,
    Document,
    Evidence,
    PlaceMention,
    PlaceState,
    Rejection,
    StoredClaim,
)

try:
    import fcntl
except ImportError:  # not on Windows: new SQLite ledgers are created without the lock
    fcntl = None  # type: ignore[assignment]

# 64-bit unsigned SimHashes are stored shifted into the signed BIGINT range.
SIGNED_OFFSET = 1 << 63
# Documents read per query when reprocessing: enough to amortise the query, few enough
# that a page of 20 MB texts still fits in memory.
REPROCESS_PAGE = 200
# Connections kept open: one per thread of `frontledger serve` (serve.app.WORKER_THREADS).
# SQLAlchemy's default keeps 5 and closes overflow ones as they come back to a full pool,
# so a busy server kept opening connections (pragmas, SQLite re-reading the schema); the
# gain is small next to the rest of a request (not measurable with benchmarks/api.py).
POOL_SIZE = 15
POOL_OVERFLOW = 10
# SQLite steps between calls of the handler that counts a budgeted read's steps
# (`claim_rows(steps=…)`): SQLite calls it when the statement's step count, which a
# prepared statement kept by the driver carries over from earlier runs, passes a multiple
# of this, so a budget is counted by calls, never given to SQLite whole (a page of ~3,000
# steps was stopped every ~15th run). A call costs ~1 µs; a page makes ~3-10.
PROGRESS_STEPS = 1_000
# Documents (and URLs) looked up per statement when a batch is stored: well under the
# databases' bound-parameter limits (SQLite: 32,766) while a batch (BATCH_DOCUMENTS, 256)
# takes one.
LOOKUP_CHUNK = 500
# Milliseconds a SQLite writer waits for another writer before failing.
SQLITE_BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Finer filters and paging for `stored_claims` (the API's claim search)."""

    claimant_side: str | None = None
    actor_side: str | None = None
    stance: str | None = None
    since: date | None = None
    outlet: str | None = None
    language: str | None = None
    document_id: str | None = None
    limit: int | None = None
    offset: int = 0
    newest_first: bool = False
    """Latest publication first (then latest stored), instead of storage order."""


class AnalysisRows(msgspec.Struct, frozen=True, gc=False):
    """A document's analysis as the ledger's rows (`analysis_rows`): what a Dask worker
    hands back, so that the storing process unpickles plain tuples (in C) instead of
    rebuilding a record per place and claim through dataclasses' `__setstate__`
    (~0.4 ms of its CPU a document: benchmarks/ingest.py --extract --workers 2)."""

    simhash: int
    """The document text's SimHash, as stored (shifted into the signed range)."""
    mentions: tuple[tuple[Any, ...], ...]
    """Each place mention's row, MENTION_COLUMNS without the document id."""
    claims: tuple[tuple[Any, ...], ...]
    """Each claim's row, CLAIM_COLUMNS without the document id and the extractor."""


@dataclass(frozen=True, slots=True)
class AnalysedDocument:
    """A document with what the analysis found in it, ready to store (`add_documents`)."""

    document: Document
    places: Sequence[PlaceMention] = ()
    claims: Sequence[Claim] = ()
    rows: AnalysisRows | None = None
    """The analysis already as rows (built where it was analysed): when given, `places`
    and `claims` are not read."""

    def analysis_rows(self) -> AnalysisRows:
        return self.rows if self.rows is not None \
            else analysis_rows(self.document, self.places, self.claims)


class Store(Protocol):
    """The ledger as the pipeline sees it."""

    def add_document(self, document: Document, places: Sequence[PlaceMention] = (),
                     claims: Sequence[Claim] = (), extractor: str = "") -> bool:
        """Store `document` with its place mentions and claims in one transaction;
        False (and nothing written) when the same text is already stored."""

    def add_documents(self, batch: Sequence[AnalysedDocument],
                      extractor: str = "") -> list[bool]:
        """`add_document` for many documents in one transaction; per document, stored?"""

    def add_rejection(self, rejection: Rejection) -> bool:
        """Record a rejected input; False when the same rejection is already recorded."""

    def has_document(self, document_id: str) -> bool: ...

    def get_document(self, document_id: str) -> Document | None: ...

    def documents(self) -> Iterator[Document]:
        """Every stored document, in the order it was stored."""

    def status(self, *, rejection_limit: int = 50) -> LedgerStatus: ...

    def close(self) -> None: ...


def open_store(db: str | None = None, *, create: bool = True) -> SqlStore:
    """Open (creating and migrating as needed) the ledger at `db`. With `create=False`
    (the commands that only read) a SQLite file that does not exist is an error, "no
    ledger at …", and nothing is created: a mistyped path must not answer "nothing"."""
    url = resolve_db_url(db)
    path = sqlite_path(url)
    if not create and path is not None and not os.path.exists(path):
        raise UsageError(f"no ledger at {path}: check --db or FRONTLEDGER_DB (or ingest "
                         "documents there first)")
    return SqlStore(url)


class SqlStore:
    """A Store on SQLite (WAL) or PostgreSQL through SQLAlchemy Core."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = _make_engine(url)
            with _file_lock(sqlite_path(url)), self.engine.begin() as conn:
                if self.engine.dialect.name == "postgresql":
                    conn.execute(_ADVISORY_LOCK, {"key": MIGRATION_LOCK})
                _migrate(conn)
        except LedgerUnavailable:
            raise
        except (SQLAlchemyError, StoreError) as exc:
            cause = _cause(exc)
            raise StoreError(f"cannot open the ledger at {redact(url)}: {cause}; "
                             "check --db or FRONTLEDGER_DB") from None
        self.dialect = self.engine.dialect.name
        self._statements = _Statements(self.dialect)
        self._state_memo = states.StateMemo()
        self._claim_queries: dict[tuple[frozenset[str], bool], Any] = {}
        self._raw_claim_queries: dict[tuple[Any, ...], _RawStatement] = {}

    def add_document(self, document: Document, places: Sequence[PlaceMention] = (),
                     claims: Sequence[Claim] = (), extractor: str = "") -> bool:
        return self.add_documents([AnalysedDocument(document, places, claims)],
                                  extractor)[0]

    def add_documents(self, batch: Sequence[AnalysedDocument],
                      extractor: str = "") -> list[bool]:
        """Store a batch of documents with their places and claims in one transaction;
        per document, False when the same text is already stored (and nothing of it is
        written).

        Each changed place's states are refolded once per batch, not once per document
        that names it: loading a large corpus costs a few statements per document instead
        of a few per place mention. A run killed mid-batch leaves none of the batch, so a
        re-run stores it whole, once."""
        rows = _AnalysisRows()
        with self.engine.begin() as conn:
            stored = self._insert_documents(conn, batch, extractor, rows)
            claim_ids = rows.insert(conn)
            states.fold_in(conn, _fold_rows(claim_ids, rows.claims))
            if any(stored):
                conn.execute(self._statements.bump_revision)
        return stored

    def _insert_documents(self, conn: Connection, batch: Sequence[AnalysedDocument],
                          extractor: str, rows: _AnalysisRows) -> list[bool]:
        """Insert the batch's new documents, noting their analysis in `rows`; per
        document, was it new? A few statements a batch, not two a document: the ids
        already stored and each URL's latest document are read at once, each
        document's `previous_id` follows the batch's own earlier versions, and the new
        documents go in one executemany (on SQLite through the driver's cursor)."""
        sql = self._statements
        ids = list(dict.fromkeys(item.document.id for item in batch))
        urls = list(dict.fromkeys(item.document.url for item in batch if item.document.url))
        known: set[str] = set()
        latest: dict[str, str] = {}
        for first in range(0, max(len(ids), len(urls)), LOOKUP_CHUNK):
            id_chunk, url_chunk = ids[first:first + LOOKUP_CHUNK], urls[first:first + LOOKUP_CHUNK]
            if id_chunk:
                known.update(conn.execute(sql.known_ids, {"ids": id_chunk}).scalars())
            if url_chunk:
                latest.update(tuple(row) for row in conn.execute(sql.latest_for_urls,
                                                                 {"urls": url_chunk}))
        stored: list[bool] = []
        new_rows: list[dict[str, Any]] = []
        for item in batch:
            document = item.document
            is_new = document.id not in known
            stored.append(is_new)
            if not is_new:
                continue
            known.add(document.id)
            analysis = item.analysis_rows()
            new_rows.append(_document_row(document, latest.get(document.url or ""),
                                          analysis.simhash)
                            | {"analysed_by": extractor or None})
            if document.url:
                latest[document.url] = document.id
            rows.add_rows(document.id, analysis, extractor)
        written = self._insert_new_documents(conn, new_rows) if new_rows else None
        if written is None:
            return stored
        # another writer stored some of them between the look-up and the insert (which
        # ignored those): only the documents this insert wrote are this batch's
        kept = _AnalysisRows()
        for index, item in enumerate(batch):
            stored[index] = stored[index] and item.document.id in written
            if stored[index]:
                kept.add_rows(item.document.id, item.analysis_rows(), extractor)
        rows.mentions, rows.claims = kept.mentions, kept.claims
        return stored

    def _insert_new_documents(self, conn: Connection,
                              new_rows: list[dict[str, Any]]) -> set[str] | None:
        """Insert document rows, ignoring ids stored meanwhile by another writer; the
        ids written when not all were (None: all were)."""
        if conn.dialect.name != "sqlite":
            written = set(conn.execute(self._statements.insert_document, new_rows).scalars())
            return None if len(written) == len(new_rows) else written
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            convert = self._statements.sqlite_datetime
            cursor.executemany(_SQLITE_INSERT_DOCUMENT, [
                tuple(convert(row[name]) if name in _DOCUMENT_MOMENTS else row[name]
                      for name in DOCUMENT_COLUMNS) for row in new_rows])
            count = cursor.rowcount
            if count == len(new_rows):
                return None
            # this transaction holds the write lock: its rows took consecutive seqs,
            # the last of them the connection's last inserted rowid
            last = cursor.execute("SELECT last_insert_rowid()").fetchone()[0]
            return {row[0] for row in cursor.execute(
                "SELECT id FROM documents WHERE seq > ?", (last - count,))} if count else set()
        finally:
            cursor.close()

    def replace_analysis(self, document_id: str, places: Sequence[PlaceMention],
                         claims: Sequence[Claim], extractor: str) -> None:
        """Swap a stored document's place mentions and claims for new ones, atomically."""
        with self.engine.begin() as conn:
            old = conn.execute(select(claims_table.c.place_key, func.min(claims_table.c.day))
                               .where(claims_table.c.document_id == document_id)
                               .group_by(claims_table.c.place_key)).all()
            conn.execute(claims_table.delete().where(claims_table.c.document_id == document_id))
            conn.execute(place_mentions.delete()
                         .where(place_mentions.c.document_id == document_id))
            conn.execute(documents.update().where(documents.c.id == document_id)
                         .values(analysed_by=extractor))
            moment = conn.execute(select(documents.c.published)
                                  .where(documents.c.id == document_id)).scalar()
            changes = {key: day for key, day in old if key is not None}
            self._write_analysis(conn, document_id, places, claims, extractor,
                                 moment.date() if moment else None, changes)
            states.refresh(conn, changes)
            conn.execute(self._statements.bump_revision)

    def stale_documents(self, extractor: str) -> Iterator[Document]:
        """Stored documents not analysed by `extractor` (older versions, or never)."""
        stale = or_(documents.c.analysed_by.is_(None), documents.c.analysed_by != extractor)
        after = 0
        while True:  # keyset pages: memory stays flat and writes may interleave
            query = (select(documents).where(stale, documents.c.seq > after)
                     .order_by(documents.c.seq).limit(REPROCESS_PAGE))
            with self.engine.connect() as conn:
                rows = conn.execute(query).all()
            if not rows:
                return
            after = rows[-1].seq
            for row in rows:
                yield _row_document(row._mapping)

    def _write_analysis(self, conn: Connection, document_id: str,
                        places: Sequence[PlaceMention], claims: Sequence[Claim],
                        extractor: str, published: date | None,
                        changes: dict[str, date | None]) -> None:
        """Insert the analysis; note in `changes` the places whose states it changes."""
        rows = _AnalysisRows()
        # (the SimHash is the stored document's, unchanged: the 0 is not written)
        rows.add_rows(document_id, _rows_of(0, places, claims, published), extractor)
        rows.insert(conn)
        if claims:
            states.changed_places(claims, lambda c: c.date or published, into=changes)

    def place_mentions(self, document_id: str) -> list[PlaceMention]:
        """The place mentions stored for a document, in text order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(place_mentions)
                                .where(place_mentions.c.document_id == document_id)
                                .order_by(place_mentions.c.start, place_mentions.c.seq))
            return [_row_mention(r._mapping) for r in rows]

    def stored_claims(self, *, kinds: Sequence[str] | None = None, until: date | None = None,
                      region: str | None = None, geonameids: Sequence[int] | None = None,
                      place_names: Sequence[str] | None = None,
                      place_keys: Sequence[str] | None = None,
                      where: ClaimFilter | None = None) -> list[StoredClaim]:
        """Claims with their documents' facts, filtered; every filter is a bound parameter.

        The keyword filters serve the ledger's own folding; `where` carries the finer
        filters and the paging of the API.
        """
        rows = self.claim_rows(kinds=kinds, until=until, region=region,
                               geonameids=geonameids, place_names=place_names,
                               place_keys=place_keys, where=where)
        return [stored_claim_from_row(row) for row in rows]

    def claim_rows(self, *, kinds: Sequence[str] | None = None, until: date | None = None,
                      region: str | None = None, geonameids: Sequence[int] | None = None,
                      place_names: Sequence[str] | None = None,
                      place_keys: Sequence[str] | None = None,
                      where: ClaimFilter | None = None,
                      raw: bool = False, steps: int | None = None) -> list[Sequence[Any]]:
        """`stored_claims` as the database's rows, each the values of CLAIM_ROW_COLUMNS:
        for the callers that turn many claims at once into something else (the API's
        pages: `serve.payloads.claim_rows_json`), where building four records a claim
        was the largest part of the answer; `stored_claim_from_row` makes one a record.

        `raw`: on SQLite, the values as the driver gives them (days and times as their
        stored ISO text, flags as 0/1), read through the driver's own cursor: SQLAlchemy's
        execution and row handling took more CPU than SQLite's own (benchmarks/api_profile.py).

        `steps` (with `raw`, on SQLite): stop the read with `ReadOverBudget` once SQLite has
        run this many steps of its statement, for a caller that must not wait long (the
        API answering in its event loop); elsewhere it is ignored.
        """
        where = where or ClaimFilter()
        keyed = None if geonameids is None and place_names is None \
            else _keys_of_places(geonameids or [], place_names or [])
        values = {
            "kinds": list(kinds) if kinds else None, "until": until, "region": region or None,
            "keyed": keyed, "place_keys": None if place_keys is None else list(place_keys),
            "claimant_side": where.claimant_side, "actor_side": where.actor_side,
            "stance": where.stance, "outlet": where.outlet, "language": where.language,
            "document_id": where.document_id, "since": where.since, "limit": where.limit,
            "offset": where.offset or None}
        bound = {name: value for name, value in values.items() if value is not None}
        # one statement per combination of filters, built once and kept: building and
        # hashing a new one was half the CPU of an API claims page (benchmarks/api.py)
        shape = (frozenset(bound), where.newest_first)
        query = self._claim_queries.get(shape)
        if query is None:
            query = self._claim_queries.setdefault(shape, _claim_query(*shape))
        with self.engine.connect() as conn:
            if raw and self.dialect == "sqlite":
                return self._raw_rows(conn, shape, query, bound, steps)
            return list(conn.execute(query, bound))

    def _raw_rows(self, conn: Connection, shape: tuple[frozenset[str], bool], query: Any,
                  bound: dict[str, Any], steps: int | None = None) -> list[Sequence[Any]]:
        """`claim_rows`' statement run on the driver's cursor (SQLite), stopped after
        `steps` steps of SQLite's virtual machine when given."""
        lengths = tuple(len(value) for _name, value in sorted(bound.items())
                        if isinstance(value, list))
        statement = self._raw_claim_queries.get((shape, lengths))
        if statement is None:
            statement = self._raw_claim_queries.setdefault(
                (shape, lengths), _RawStatement.compiled(query, bound, conn.dialect))
        driver: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
        calls = 0
        every = min(steps or 1, PROGRESS_STEPS)

        def tick() -> int:  # called every `every` steps (the first one sooner); 1 stops
            nonlocal calls
            calls += 1
            return int((calls - 1) * every >= (steps or 0))

        if steps is not None:
            driver.set_progress_handler(tick, every)
        cursor = driver.cursor()
        try:
            cursor.execute(statement.sql, statement.values(bound))
            return cursor.fetchall()
        except sqlite3.Error as exc:
            if steps is not None and (calls - 1) * every >= steps:
                raise ReadOverBudget(f"the read of claims took more than {steps} steps"
                                     ) from None
            raise StoreError(f"the ledger at {redact(self.url)} refused the operation "
                             f"({_cause(exc)})") from None
        finally:
            cursor.close()
            if steps is not None:
                driver.set_progress_handler(None, 0)

    def names_region(self, code: str) -> bool:
        """Whether a stored claim is about a place in the ISO 3166-2 region `code`."""
        with self.engine.connect() as conn:
            return conn.execute(select(claims_table.c.seq)
                                .where(claims_table.c.iso3166_2 == code).limit(1)
                                ).first() is not None

    def states_on(self, on: date, region: str | None = None) -> list[PlaceState]:
        """Every place's control state on `on` (optionally in one ISO 3166-2 region)."""
        with self.engine.connect() as conn:
            return states.states_on(conn, on, region, self._state_memo)

    def place_history(self, keys: Sequence[str]) -> list[PlaceState]:
        """The control timeline of the place stored under any of `keys`."""
        with self.engine.connect() as conn:
            return states.place_history(conn, keys)

    def claims(self, document_id: str | None = None) -> list[Claim]:
        """Stored claims (of one document, or all), in storage order."""
        query = select(claims_table).order_by(claims_table.c.seq)
        if document_id is not None:
            query = query.where(claims_table.c.document_id == document_id)
        with self.engine.connect() as conn:
            return [_row_claim(r._mapping) for r in conn.execute(query)]

    def add_rejection(self, rejection: Rejection) -> bool:
        now = _utcnow()
        rejection = Rejection(storable(rejection.source),
                              None if rejection.locator is None else storable(rejection.locator),
                              storable(rejection.stage), storable(rejection.reason))
        row = {"key": _rejection_key(rejection), "source": rejection.source,
               "locator": rejection.locator, "stage": rejection.stage,
               "reason": rejection.reason, "first_seen": now, "last_seen": now}
        sql = self._statements
        with self.engine.begin() as conn:
            new = conn.execute(sql.insert_rejection, row).first() is not None
            if not new:
                conn.execute(sql.touch_rejection, {"k": row["key"], "now": now})
            conn.execute(sql.bump_revision)
            return new

    def revision(self) -> int:
        """A number that every write to the ledger raises (documents, claims swapped by
        `reprocess`, rejections): equal numbers mean nothing was written in between."""
        with self.engine.connect() as conn:
            return int(conn.execute(self._statements.revision).scalar_one())

    def _has(self, conn: Connection, document_id: str) -> bool:
        return conn.execute(self._statements.has_document, {"id": document_id}).first() \
            is not None

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as conn:
            return self._has(conn, document_id)

    def get_document(self, document_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == document_id)).first()
        return _row_document(row._mapping) if row else None

    def documents(self) -> Iterator[Document]:
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True).execute(
                select(documents).order_by(documents.c.seq))
            for row in result:
                yield _row_document(row._mapping)

    def status(self, *, rejection_limit: int = 50) -> LedgerStatus:
        day = (func.date(documents.c.published) if self.dialect == "sqlite"
               else cast(documents.c.published, Date))
        with self.engine.connect() as conn:
            n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
            n_rej = conn.execute(select(func.count()).select_from(rejections)).scalar_one()
            recent = conn.execute(select(rejections).order_by(rejections.c.seq.desc())
                                  .limit(rejection_limit)).all()
            return LedgerStatus(
                documents=n_docs, rejections=n_rej,
                by_language=_grouped(conn, documents.c.language),
                by_outlet=_grouped(conn, documents.c.outlet),
                by_day=_grouped(conn, day),
                recent_rejections=[Rejection(r.source, r.locator, r.stage, r.reason)
                                   for r in recent],
                claims=_claim_counts(conn))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class _Statements:
    """Statements built once per store: building them per document cost more than running
    them (measured with benchmarks/ingest.py: 568 → see the closing note)."""

    def __init__(self, dialect: str) -> None:
        # each ledger imports its own dialect's insert: the other's costs ~30 ms at start
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        self.has_document = select(documents.c.seq).where(documents.c.id == bindparam("id"))
        self.known_ids = select(documents.c.id).where(
            documents.c.id.in_(bindparam("ids", expanding=True)))
        # each URL's latest document: the largest seq among its documents
        self.latest_for_urls = select(documents.c.url, documents.c.id).where(
            documents.c.seq.in_(select(func.max(documents.c.seq)).where(
                documents.c.url.in_(bindparam("urls", expanding=True)))
                .group_by(documents.c.url)))
        self.insert_document = (insert(documents).on_conflict_do_nothing(index_elements=["id"])
                                .returning(documents.c.id))
        # a moment as SQLAlchemy writes it on SQLite, for rows sent through the driver
        self.sqlite_datetime: Any = None
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
            known = sqlite_dialect()
            self.sqlite_datetime = documents.c.published.type.dialect_impl(known) \
                .bind_processor(known)
        self.insert_rejection = (insert(rejections)
                                 .on_conflict_do_nothing(index_elements=["key"])
                                 .returning(rejections.c.seq))
        self.revision = select(ledger_revision.c.revision).where(ledger_revision.c.id == 1)
        self.bump_revision = (ledger_revision.update().where(ledger_revision.c.id == 1)
                              .values(revision=ledger_revision.c.revision + 1))
        self.touch_rejection = (rejections.update()
                                .where(rejections.c.key == bindparam("k"))
                                .values(last_seen=bindparam("now")))


def _claim_counts(conn: Connection) -> ClaimCounts:
    c = claims_table.c
    rows = conn.execute(select(c.kind, c.claimant_side, func.count())
                        .group_by(c.kind, c.claimant_side)).all()
    places, undated = conn.execute(select(
        func.count(func.distinct(c.place_key)),
        func.count().filter(c.date.is_(None)))).one()
    return claim_counts(rows, places, undated)


def _grouped(conn: Connection, column: Any) -> dict[str, int]:
    return counted(conn.execute(select(column, func.count()).group_by(column)))


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        pooled = {} if memory else {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
        engine = create_engine(url, poolclass=StaticPool if memory else None,
                               connect_args={"check_same_thread": False}, **pooled)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE,
                               max_overflow=POOL_OVERFLOW,
                               connect_args={"options": "-c timezone=utc"})
    event.listen(engine, "handle_error", _store_error(url))
    return engine


# Characters of a database's own message kept in a StoreError: its first line says what
# went wrong; what follows may quote the statement.
CAUSE_CHARS = 300


def _store_error(url: str) -> Any:
    """A `handle_error` listener turning the database's errors into ours: a StoreError
    whose message names the ledger (password masked) and the database's reason, never
    the statement or its bound values (SQLAlchemy's message prints both: document
    texts in a traceback). A server that cannot be reached is `LedgerUnavailable`."""

    def handle(context: ExceptionContext) -> None:
        if context.is_pre_ping or not isinstance(context.sqlalchemy_exception, DBAPIError):
            return  # pre-ping failures are retried by the pool; not a database error
        cause = _cause(context.sqlalchemy_exception)
        original = context.original_exception
        down = not url.startswith("sqlite") and (
            context.is_disconnect or context.connection is None
            or type(original).__name__ in ("OperationalError", "InterfaceError"))
        if down:
            raise LedgerUnavailable(f"the ledger at {redact(url)} is unavailable ({cause}); "
                                    "check that the database is running and reachable, "
                                    "then retry") from None
        raise StoreError(f"the ledger at {redact(url)} refused the operation "
                         f"({cause})") from None

    return handle


def _cause(exc: BaseException) -> str:
    """The database's own reason, first line only: no statement, no parameters."""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines() or [type(orig).__name__]
    return redact_text(lines[0][:CAUSE_CHARS])


# Bytes of the ledger file SQLite reads through a memory map instead of read() calls into
# each connection's own 2 MB page cache: the OS's file cache, shared by every connection
# and process, no private memory. Set from benchmarks/ledger.py: past ~100,000 claims
# the indexes outgrew the page cache, and writing slowed as the ledger grew (system CPU
# 7.2 -> 5.2 s, as-of CPU p95 20 -> 12 ms at 200,000 claims); a ledger larger than this
# reads its remainder as before.
SQLITE_MMAP_BYTES = 1 << 30


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # the wait first: switching a new file to WAL takes a lock another process may hold
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints,
    cursor.execute("PRAGMA foreign_keys=ON")     # never corrupt after a crash
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


# Key of the PostgreSQL transaction-level advisory lock (an arbitrary constant, the same
# in every process) that processes migrating one database hold in turn: two creating the
# same tables at once failed on PostgreSQL's catalogue. Refolds have their own
# (ledger.states.REFOLD_LOCK).
MIGRATION_LOCK = 0x46_4C_00_01
_ADVISORY_LOCK = text("SELECT pg_advisory_xact_lock(:key)")


@contextmanager
def _file_lock(path: str | None) -> Iterator[None]:
    """Hold an exclusive lock while migrating the SQLite ledger at `path`: two processes
    creating one new ledger raced on its tables. The lock is an flock on the ledger's
    folder, never on the database file: closing any other descriptor of that file would
    drop the POSIX locks SQLite holds on it in this process (and another process could
    then delete the WAL under a live connection; the lock on the file itself did so)."""
    if path is None or fcntl is None:
        yield
        return
    try:
        folder = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:  # no such folder: SQLite will say so itself
        yield
        return
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # releases the flock


def _migrate(conn: Connection) -> None:
    """Bring the schema to the latest migration. A ledger already there is only read (a
    query), and a new one is created straight from `schema.metadata` and stamped at the
    head, both without loading alembic and its scripts (a tenth of a second, and running
    every migration in turn ~0.6 G instructions, per new ledger); only an older ledger
    is migrated step by step. A test checks that both roads give the same schema."""
    heads = head_revisions()
    tables = set(inspect(conn).get_table_names())
    if heads is not None and not tables:
        create_at_head(conn, heads)
        return
    if heads is not None and _current_revisions(conn, tables) == heads:
        return
    upgrade(conn)


def upgrade(conn: Connection, revision: str = "head") -> None:
    """Run the ledger's Alembic migrations on `conn` up to `revision`."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("frontledger.ledger") / "migrations"))
    config.attributes["connection"] = conn
    command.upgrade(config, revision)


# Alembic's own bookkeeping table, as `alembic stamp` creates it (the same name, column
# and primary key name), so that later migrations find a ledger created here at `heads`.
_alembic_version = Table(
    "alembic_version", MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def create_at_head(conn: Connection, heads: frozenset[str]) -> None:
    """Create every table of an empty database from `schema.metadata`, with the rows the
    migrations write (the revision counter), and record `heads` as alembic's version."""
    metadata.create_all(conn)
    conn.execute(ledger_revision.insert().values(id=1, revision=0))
    _alembic_version.create(conn)
    conn.execute(_alembic_version.insert(), [{"version_num": head} for head in sorted(heads)])


def _current_revisions(conn: Connection, tables: set[str]) -> frozenset[str]:
    if "alembic_version" not in tables:
        return frozenset()
    return frozenset(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _to_utc_naive(moment: datetime | None) -> datetime | None:
    """Store every time as naive UTC: SQLite keeps no zone, and both must read alike."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def storable(label: str) -> str:
    """A label of ours (a file name, a locator, a reason quoting the input) as every
    database can keep it: lone surrogates (a file name that is not UTF-8) and NUL
    written as escapes."""
    return label.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def _rejection_key(rejection: Rejection) -> str:
    parts = (rejection.source, rejection.locator or "", rejection.stage, rejection.reason)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _document_row(document: Document, previous: str | None,
                  signed_simhash: int) -> dict[str, Any]:
    return {
        "id": document.id, "previous_id": previous, "external_id": document.external_id,
        "source": storable(document.source), "locator": document.locator, "url": document.url,
        "outlet": document.outlet, "published": _to_utc_naive(document.published),
        "language": document.language, "title": document.title, "text": document.text,
        "raw_sha256": document.raw_sha256, "ingested_at": _utcnow(),
        "simhash": signed_simhash,
    }


def _row_document(row: Any) -> Document:
    published = row["published"]
    if published is not None:
        published = published.replace(tzinfo=UTC) if published.tzinfo is None \
            else published.astimezone(UTC)
    return Document(
        id=row["id"], text=row["text"], source=row["source"], locator=row["locator"],
        external_id=row["external_id"], url=row["url"], outlet=row["outlet"],
        published=published, language=row["language"], title=row["title"],
        raw_sha256=row["raw_sha256"])


def analysis_rows(document: Document, places: Sequence[PlaceMention],
                  claims: Sequence[Claim]) -> AnalysisRows:
    """A document's places and claims as the rows the ledger stores (see AnalysisRows):
    a pure function of the analysis, so a worker computes it as well as the store."""
    published = document.published.date() if document.published else None
    return _rows_of(simhash(document.text) - SIGNED_OFFSET, places, claims, published)


def _rows_of(signed_simhash: int, places: Sequence[PlaceMention], claims: Sequence[Claim],
             published: date | None) -> AnalysisRows:
    return AnalysisRows(signed_simhash, tuple(map(_mention_values, places)),
                        tuple(_claim_values(c, c.date or published) for c in claims))


def _mention_values(m: PlaceMention) -> tuple[Any, ...]:
    """A place mention's row, in MENTION_COLUMNS order after the document id."""
    return (m.start, m.end, m.surface, m.name, m.kind, m.geonameid, m.country,
            m.iso3166_2, m.latitude, m.longitude, m.confidence, m.metonym)


def _row_mention(row: Any) -> PlaceMention:
    return PlaceMention(
        start=row["start"], end=row["end"], surface=row["surface"], name=row["name"],
        kind=row["kind"], geonameid=row["geonameid"], country=row["country"],
        iso3166_2=row["iso3166_2"], latitude=row["latitude"], longitude=row["longitude"],
        confidence=row["confidence"], metonym=bool(row["metonym"]))


def _claim_values(c: Claim, day: date | None) -> tuple[Any, ...]:
    """A claim's row, in CLAIM_COLUMNS order after the document id and the extractor
    (`day`: the day it holds for)."""
    p = c.place
    return (c.claimant, c.claimant_side, c.kind, c.actor_side,
            c.stance, c.fraction, c.date, c.date_precision, c.confidence, c.change, p.name,
            p.kind, p.surface, p.confidence, p.geonameid, p.country, p.iso3166_2, p.latitude,
            p.longitude, p.start, p.end, c.evidence.start, c.evidence.end, c.evidence.text,
            place_key(c), day)


# The columns `_mention_values` and `_claim_values` give, in order (every one but `seq`).
MENTION_COLUMNS = ("document_id", "start", "end", "surface", "name", "kind", "geonameid",
                   "country", "iso3166_2", "latitude", "longitude", "confidence", "metonym")
CLAIM_COLUMNS = ("document_id", "extractor", "claimant", "claimant_side", "kind",
                 "actor_side", "stance", "fraction", "date", "date_precision", "confidence",
                 "change", "place_name", "place_kind", "place_surface", "place_confidence",
                 "geonameid", "country", "iso3166_2", "latitude", "longitude", "place_start",
                 "place_end", "evidence_start", "evidence_end", "evidence_text", "place_key",
                 "day")
# Positions of the Date columns in CLAIM_COLUMNS, written as SQLAlchemy writes them on
# SQLite (ISO text) when rows go through the driver.
_CLAIM_DATES = (CLAIM_COLUMNS.index("date"), CLAIM_COLUMNS.index("day"))


def _insert_sql(table: Table, columns: Sequence[str]) -> str:
    names = ", ".join(f'"{name}"' for name in columns)
    return f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})"


# The columns of `_document_row` (with `analysed_by`), and those of them that are moments.
DOCUMENT_COLUMNS = ("id", "previous_id", "external_id", "source", "locator", "url", "outlet",
                    "published", "language", "title", "text", "raw_sha256", "ingested_at",
                    "simhash", "analysed_by")
_DOCUMENT_MOMENTS = frozenset({"published", "ingested_at"})
_SQLITE_INSERT_DOCUMENT = _insert_sql(documents, DOCUMENT_COLUMNS) \
    + " ON CONFLICT (id) DO NOTHING"
_SQLITE_INSERT_MENTIONS = _insert_sql(place_mentions, MENTION_COLUMNS)
_SQLITE_INSERT_CLAIMS = _insert_sql(claims_table, CLAIM_COLUMNS)


class _AnalysisRows:
    """The place-mention and claim rows of a batch of documents, inserted in one
    statement per table: two statements a document through SQLAlchemy cost more CPU
    than the ingest's whole write (benchmarks/ingest.py --extract --profile)."""

    def __init__(self) -> None:
        self.mentions: list[tuple[Any, ...]] = []
        self.claims: list[tuple[Any, ...]] = []

    def add_rows(self, document_id: str, rows: AnalysisRows, extractor: str) -> None:
        """One document's rows (`add_documents` notes no changed places:
        `states.fold_in` reads the batch's claims)."""
        self.mentions.extend((document_id, *row) for row in rows.mentions)
        self.claims.extend((document_id, extractor, *row) for row in rows.claims)

    def insert(self, conn: Connection) -> Sequence[int]:
        """Insert the rows in `conn`'s transaction; the claims' new ids, in order. On
        SQLite through the driver's own cursor (SQLAlchemy's per-row parameter handling
        was most of the statement's CPU); elsewhere as one executemany through
        SQLAlchemy."""
        if conn.dialect.name != "sqlite":
            if self.mentions:
                conn.execute(place_mentions.insert(), [
                    dict(zip(MENTION_COLUMNS, row, strict=True)) for row in self.mentions])
            if not self.claims:
                return ()
            return conn.execute(
                claims_table.insert().returning(claims_table.c.seq,
                                                sort_by_parameter_order=True),
                [dict(zip(CLAIM_COLUMNS, row, strict=True)) for row in self.claims],
            ).scalars().all()
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            if self.mentions:
                cursor.executemany(_SQLITE_INSERT_MENTIONS, self.mentions)
            if not self.claims:
                return ()
            cursor.executemany(_SQLITE_INSERT_CLAIMS, map(_sqlite_claim, self.claims))
            if cursor.rowcount != len(self.claims):
                raise StoreError(f"{cursor.rowcount} of {len(self.claims)} claims stored")
            # this transaction holds the write lock: the rows took consecutive ids, the
            # last of them the connection's last inserted rowid
            last = cursor.execute("SELECT last_insert_rowid()").fetchone()[0]
            return range(last - len(self.claims) + 1, last + 1)
        finally:
            cursor.close()


# Positions in CLAIM_COLUMNS of what the fold reads of a new claim (`states.FoldRow`).
_FOLD_VALUES = itemgetter(*(CLAIM_COLUMNS.index(name) for name in states.FoldRow._fields[1:]))
_KIND, _CLAIMANT_SIDE = CLAIM_COLUMNS.index("kind"), CLAIM_COLUMNS.index("claimant_side")


def _fold_rows(ids: Sequence[int], rows: Sequence[tuple[Any, ...]]) -> list[states.FoldRow]:
    """The new claims that may change a place's state, as the fold reads them: control
    and withdrawal claims of a speaking side (the rest, most of a batch, are skipped)."""
    kinds, silent = states.TIMELINE_KINDS, states.SILENT_SIDES
    return [states.FoldRow(seq, *_FOLD_VALUES(row))
            for seq, row in zip(ids, rows, strict=True)
            if row[_KIND] in kinds and row[_CLAIMANT_SIDE] not in silent]


def _sqlite_claim(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A claim row with its dates as SQLite stores them through SQLAlchemy."""
    values = list(row)
    for index in _CLAIM_DATES:
        if values[index] is not None:
            values[index] = values[index].isoformat()
    return tuple(values)


def _row_claim(row: Any) -> Claim:
    place = PlaceMention(
        start=row["place_start"], end=row["place_end"], surface=row["place_surface"],
        name=row["place_name"],
        kind=row["place_kind"], geonameid=row["geonameid"], country=row["country"],
        iso3166_2=row["iso3166_2"], latitude=row["latitude"], longitude=row["longitude"],
        confidence=row["place_confidence"])
    evidence = Evidence(row["document_id"], row["evidence_start"], row["evidence_end"],
                        row["evidence_text"])
    return Claim(claimant=row["claimant"], claimant_side=row["claimant_side"],
                 kind=row["kind"], place=place, actor_side=row["actor_side"],
                 stance=row["stance"], evidence=evidence, fraction=row["fraction"],
                 date=row["date"], date_precision=row["date_precision"],
                 confidence=row["confidence"], change=bool(row["change"]))


# The values of each row of `SqlStore.claim_rows`, in order: the claim's, then its
# document's.
CLAIM_ROW_COLUMNS: tuple[str, ...] = (*claims_table.c.keys(), "outlet", "url", "published",
                                      "language", "external_id", "simhash")


def _claim_query(filters: frozenset[str], newest_first: bool) -> Any:
    """The statement of `SqlStore.stored_claims` for one combination of `filters` (the
    names of its bound parameters), every value a bound parameter."""
    c, d = claims_table.c, documents.c
    conditions = {
        "kinds": lambda: c.kind.in_(bindparam("kinds", expanding=True)),
        "until": lambda: c.day <= bindparam("until", type_=Date),
        "region": lambda: c.iso3166_2 == bindparam("region"),
        "keyed": lambda: c.place_key.in_(bindparam("keyed", expanding=True)),
        "place_keys": lambda: c.place_key.in_(bindparam("place_keys", expanding=True)),
        "claimant_side": lambda: c.claimant_side == bindparam("claimant_side"),
        "actor_side": lambda: c.actor_side == bindparam("actor_side"),
        "stance": lambda: c.stance == bindparam("stance"),
        "outlet": lambda: d.outlet == bindparam("outlet"),
        "language": lambda: d.language == bindparam("language"),
        "document_id": lambda: c.document_id == bindparam("document_id"),
        "since": lambda: c.day >= bindparam("since", type_=Date),
    }

    def filtered(query: Any) -> Any:
        query = query.where(*(make() for name, make in conditions.items() if name in filters))
        if "limit" in filters:
            query = query.limit(bindparam("limit", type_=Integer))
        return query.offset(bindparam("offset", type_=Integer)) if "offset" in filters \
            else query

    query = (select(claims_table, d.outlet, d.url, d.published, d.language, d.external_id,
                    d.simhash)
             .join(documents, d.id == c.document_id).order_by(c.seq))
    if newest_first:
        query = query.order_by(None).order_by(d.published.desc().nulls_last(), c.seq.desc())
    elif "limit" in filters and not {"outlet", "language"} & filters:
        # a page is found on the claims' (covering) indexes alone, then only its rows are
        # joined: SQLite joined every skipped row first (7 ms at offset 2,450), and every
        # claim of a place to sort them
        page = filtered(select(c.seq).order_by(c.seq))
        return query.where(c.seq.in_(page.scalar_subquery()))
    return filtered(query)


@dataclass(frozen=True)
class _RawStatement:
    """A claims statement compiled for SQLite's driver, for one shape of filters and one
    length of each list of values."""

    sql: str
    names: tuple[tuple[str, int | None, Any], ...]
    """Per placeholder: the bound value's name, its index in a list value (None: not a
    list), and the value compiled in (a literal of the statement's own)."""

    @classmethod
    def compiled(cls, query: Any, bound: dict[str, Any], dialect: Any) -> _RawStatement:
        given = query.params(**bound)
        literals = given.compile(dialect=dialect).params
        compiled = given.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        names: list[tuple[str, int | None, Any]] = []
        for name in compiled.positiontup:
            base, _sep, index = name.rpartition("_")
            if base in bound and isinstance(bound[base], list) and index.isdigit():
                names.append((base, int(index) - 1, None))
            else:
                names.append((name, None, literals.get(name)))
        return cls(str(compiled), tuple(names))

    def values(self, bound: dict[str, Any]) -> list[Any]:
        """The placeholders' values, days as SQLite stores them (ISO text)."""
        found = []
        for name, index, literal in self.names:
            value = bound.get(name, literal) if index is None else bound[name][index]
            found.append(value.isoformat() if isinstance(value, date) else value)
        return found


def place_keys(geonameids: Sequence[int], names: Sequence[str],
               regions: Sequence[str] = ()) -> list[str]:
    """The keys a place may be stored under (see `events.place_key`): GeoNames id, ISO
    3166-2 code for regions, else name and kind."""
    keys = [f"g:{g}" for g in geonameids] + [f"r:{code}" for code in regions]
    kinds = ("populated_place", "region", "country", "river", "other")
    return keys + [f"n:{kind}:{name.casefold()}" for name in names for kind in kinds]


# `stored_claims` has a parameter of the same name
_keys_of_places = place_keys


def stored_claim_from_row(row: Sequence[Any]) -> StoredClaim:
    """The record of one of `SqlStore.claim_rows`' rows."""
    fields = dict(zip(CLAIM_ROW_COLUMNS, row, strict=True))
    return StoredClaim(id=fields["seq"], claim=_row_claim(fields),
                       document_id=fields["document_id"], outlet=fields["outlet"],
                       url=fields["url"], published=as_utc(fields["published"]),
                       language=fields["language"], external_id=fields["external_id"],
                       simhash=unsigned(fields["simhash"]))


def as_utc(moment: datetime | None) -> datetime | None:
    """A stored time as an aware UTC datetime (SQLite hands back naive UTC ones)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def unsigned(value: int | None) -> int:
    """A stored SimHash back in its unsigned 64-bit range (0 when none was stored)."""
    return 0 if value is None else value + SIGNED_OFFSET
