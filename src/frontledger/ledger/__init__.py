"""Ledger stage: the Store that keeps documents, rejections, place mentions and claims,
and folds claims into events, per-place timelines and track records.

Reads: Documents with their PlaceMentions and Claims, and Rejections. Adds: durable,
de-duplicated storage on SQLite (the default, `./frontledger.db`) or PostgreSQL
(`open_store("postgresql://...")`; on the command line `--db` or FRONTLEDGER_DB). Entry
point: `open_store(db)`; questions are answered by `ledger.query`, exports written by
`ledger.export`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontledger.ledger.store import (
        DEFAULT_DB,
        ClaimFilter,
        LedgerStatus,
        SqlStore,
        Store,
        open_store,
        resolve_db_url,
    )

__all__ = ["DEFAULT_DB", "ClaimFilter", "LedgerStatus", "SqlStore", "Store", "open_store",
           "resolve_db_url"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: the store pulls in SQLAlchemy, which commands of other stages
    # (and `frontledger --help`) should not pay for.
    if name in __all__:
        from frontledger.ledger import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
