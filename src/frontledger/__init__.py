"""frontledger: a source-tracked ledger of territorial-control claims read from war reports.

The public surface, in the order data moves (each name loads its stage on first use, so
`import frontledger` stays cheap)::

    doc = frontledger.document(text, language="fr", published="2025-11-20")
    places, claims = frontledger.analyse(doc)        # geoparse + extract
    places = frontledger.geoparse(text, "fr")        # list[PlaceMention]
    claims = frontledger.extract(doc, places)        # list[Claim]
    with frontledger.open_ledger("ledger.db") as ledger:      # a Ledger (SQLite, PostgreSQL)
        report = frontledger.ingest_into(ledger, ["reports/"])  # an IngestReport

Stages, in the order data moves: `ingest` → `text` → `places` → `claims` → `ledger` →
`serve`; `frontledger.cli` is the command line over them. Records passed between them are
in `frontledger.records`; every deliberate exception is in `frontledger.errors`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontledger.claims.extract import extract
    from frontledger.errors import (
        FrontledgerError,
        GazetteerError,
        InputRejected,
        LedgerUnavailable,
        MissingExtra,
        StoreError,
        UsageError,
    )
    from frontledger.ingest import document, read_sources
    from frontledger.ledger.store import SqlStore as Ledger
    from frontledger.ledger.store import open_store as open_ledger
    from frontledger.pipeline import IngestReport, analyse, ingest_into
    from frontledger.places import geoparse
    from frontledger.records import (
        Claim,
        Document,
        Event,
        Evidence,
        PlaceMention,
        PlaceState,
        Rejection,
        SideView,
        StoredClaim,
        TrackRecord,
    )

# Each public name → (module, name there).
_HOMES: dict[str, tuple[str, str]] = {
    "document": ("frontledger.ingest", "document"),
    "read_sources": ("frontledger.ingest", "read_sources"),
    "analyse": ("frontledger.pipeline", "analyse"),
    "ingest_into": ("frontledger.pipeline", "ingest_into"),
    "IngestReport": ("frontledger.pipeline", "IngestReport"),
    "geoparse": ("frontledger.places", "geoparse"),
    "extract": ("frontledger.claims", "extract"),
    "open_ledger": ("frontledger.ledger.store", "open_store"),
    "Ledger": ("frontledger.ledger.store", "SqlStore"),
    **{name: ("frontledger.records", name) for name in (
        "Document", "Rejection", "PlaceMention", "Evidence", "Claim", "StoredClaim", "Event",
        "PlaceState", "SideView", "TrackRecord")},
    **{name: ("frontledger.errors", name) for name in (
        "FrontledgerError", "UsageError", "MissingExtra", "InputRejected", "StoreError",
        "LedgerUnavailable", "GazetteerError")},
}

__all__ = [
    "Claim", "Document", "Event", "Evidence", "FrontledgerError", "GazetteerError",
    "IngestReport", "InputRejected", "Ledger", "LedgerUnavailable", "MissingExtra",
    "PlaceMention", "PlaceState", "Rejection", "SideView", "StoreError", "StoredClaim",
    "TrackRecord", "UsageError", "__version__", "analyse", "document", "extract",
    "geoparse", "ingest_into", "open_ledger", "read_sources",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        module, attribute = _HOMES[name]
        value = getattr(import_module(module), attribute)
        globals()[name] = value  # later lookups skip this function
        return value
    # `__version__` is read from the installed metadata on first use, without
    # importlib.metadata (see `frontledger.versions`).
    if name == "__version__":
        from frontledger.versions import installed_version

        # "0.0.0": running from a source tree that is not installed
        return installed_version("frontledger") or "0.0.0"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
