"""The ledger's tables, as SQLAlchemy Core objects shared by SQLite and PostgreSQL.

The migrations under `migrations/versions` create exactly these; a test checks that the
migrated database and this metadata agree.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),  # sha256 of normalised text
    Column("previous_id", String(64), ForeignKey("documents.id"), nullable=True),
    Column("external_id", Text),
    Column("source", Text, nullable=False),
    Column("locator", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", DateTime(timezone=True)),
    Column("language", String(16)),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("raw_sha256", String(64)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("simhash", BigInteger),  # 64-bit SimHash, stored signed; see ledger.events
    Column("analysed_by", String(64)),  # extractor version of its places and claims
)
Index("ix_documents_url", documents.c.url)
Index("ix_documents_published", documents.c.published)

rejections = Table(
    "rejections",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False, unique=True),  # sha256 of the four fields below
    Column("source", Text, nullable=False),
    Column("locator", Text),
    Column("stage", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
)

# Every place a stored document names, with the span that names it.
place_mentions = Table(
    "place_mentions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("geonameid", Integer),
    Column("country", String(2)),
    Column("iso3166_2", String(16)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("confidence", Float, nullable=False),
    Column("metonym", Boolean, nullable=False),
)
Index("ix_place_mentions_document", place_mentions.c.document_id)

# Every claim, with its place denormalised (claims are read far more than written) and the
# version of the extractor that produced it, so `reprocess` can find stale ones.
claims = Table(
    "claims",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("extractor", String(32), nullable=False),
    Column("claimant", Text, nullable=False),
    Column("claimant_side", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("actor_side", String(16)),
    Column("stance", String(8), nullable=False),
    Column("fraction", Float),
    Column("date", Date),
    Column("date_precision", String(8)),
    Column("confidence", Float, nullable=False),
    Column("change", Boolean, nullable=False),
    Column("place_name", Text, nullable=False),
    Column("place_kind", String(32), nullable=False),
    Column("place_surface", Text, nullable=False),
    Column("place_confidence", Float, nullable=False),
    Column("geonameid", Integer),
    Column("country", String(2)),
    Column("iso3166_2", String(16)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("place_start", Integer, nullable=False),
    Column("place_end", Integer, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    # Derived at write time so timelines need no per-row logic in SQL: the place's
    # identity across documents (ledger.events.place_key) and the day the claim holds
    # for (its own date, else its document's publication day).
    Column("place_key", String(128)),
    Column("day", Date),
)
Index("ix_claims_document", claims.c.document_id)
# (no index on geonameid or place_name: places are looked up by place_key; migration 0008)
Index("ix_claims_place_key_day", claims.c.place_key, claims.c.day)
Index("ix_claims_kind_day", claims.c.kind, claims.c.day)
# The API's commonest claim search (kind and claimant side, in storage order) reads its
# page straight off this index instead of sorting every matching claim.
Index("ix_claims_kind_side_seq", claims.c.kind, claims.c.claimant_side, claims.c.seq)
# ...and by region, in storage order, with the day a `since` filters on (a late `since`
# otherwise scans every claim, and reads each one's row for its day: migration 0007).
Index("ix_claims_region_seq_day", claims.c.iso3166_2, claims.c.seq, claims.c.day)
# ...and by place, in storage order: a page is read off the index, not sorted (0007).
Index("ix_claims_place_key_seq", claims.c.place_key, claims.c.seq)

# Each place's control state at every day it changed (see ledger.timeline), kept up to
# date as claims are written. Each row holds from `day` until the place's next change
# (`until`, exclusive; NULL while it is current), so "who held what on day D" is one
# indexed range query, not a fold over every claim nor a GROUP BY over every state.
place_states = Table(
    "place_states",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("place_key", String(128), nullable=False),
    Column("day", Date, nullable=False),
    Column("place_name", Text, nullable=False),
    Column("geonameid", Integer),
    Column("iso3166_2", String(16)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("status", String(16), nullable=False),
    Column("controller", String(16)),
    Column("views", Text, nullable=False),  # JSON: [[side, controller, fraction, since, id]]
    Column("until", Date),
    UniqueConstraint("place_key", "day", name="uq_place_states_key_day"),
)
Index("ix_place_states_until_day", place_states.c.until, place_states.c.day)
Index("ix_place_states_iso_until_day", place_states.c.iso3166_2, place_states.c.until,
      place_states.c.day)

# One row: a number raised by every transaction that writes to the ledger, so that readers
# (the API's kept answers) can tell cheaply whether anything changed, including the
# claims `reprocess` swaps without adding a document.
ledger_revision = Table(
    "ledger_revision",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("revision", BigInteger, nullable=False),
)

# Each source `frontledger watch` polls, with what polling it needs to remember between
# polls and between runs (cron): the validators for a conditional GET, the last item seen,
# when it last worked or failed and why, and when it may be polled next (its backoff).
watched_sources = Table(
    "watched_sources",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),  # as the user named it
    Column("kind", String(16), nullable=False),  # feed, page, telegram, ... (as last read)
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_item", Text),  # newest entry id / message number of the last poll
    Column("last_polled", DateTime(timezone=True)),
    Column("last_success", DateTime(timezone=True)),
    Column("last_error", Text),  # NULL once a poll succeeds again
    Column("last_error_at", DateTime(timezone=True)),
    Column("next_poll", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False),  # consecutive failed polls
    Column("documents", Integer, nullable=False),  # documents this source added in all
)
