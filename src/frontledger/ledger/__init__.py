"""Ledger stage: the Store that keeps documents, rejections (and, later, claims).

Reads: Documents and Rejections. Adds: durable, de-duplicated storage on SQLite (the
default, `./frontledger.db`) or PostgreSQL (`--db postgresql://...` or FRONTLEDGER_DB).
Entry point: `open_store(db)`.
"""

from frontledger.ledger.store import (
    DEFAULT_DB,
    LedgerStatus,
    SqlStore,
    Store,
    open_store,
    resolve_db_url,
)

__all__ = ["DEFAULT_DB", "LedgerStatus", "SqlStore", "Store", "open_store", "resolve_db_url"]
