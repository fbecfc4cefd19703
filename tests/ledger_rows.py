"""Reads of ledger rows that only tests need (the library has no use for them)."""

from __future__ import annotations

from sqlalchemy import select

from frontledger.ledger import SqlStore
from frontledger.ledger.schema import documents


def previous_version(store: SqlStore, document_id: str) -> str | None:
    """Id of the document this one replaced (same URL, earlier text), if any."""
    with store.engine.connect() as conn:
        found: str | None = conn.execute(select(documents.c.previous_id)
                                         .where(documents.c.id == document_id)).scalar()
    return found
