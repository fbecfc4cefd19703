"""The ledger's tables, as SQLAlchemy Core objects shared by SQLite and PostgreSQL.

The migrations under `migrations/versions` create exactly these; a test checks that the
migrated database and this metadata agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
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
