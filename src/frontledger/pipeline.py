"""The stages chained: sources → Documents → (places, claims) → the ledger.

`ingest_into` is the library form of `frontledger ingest`: a notebook user gets the same
run, report and guarantees as the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from frontledger.ingest import IngestOptions, expand_sources, read_source
from frontledger.ledger import Store
from frontledger.records import Document, Rejection


@dataclass(slots=True)
class IngestReport:
    """What one run did: documents newly stored, already present, and inputs rejected."""

    stored: int = 0
    already_present: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)


def ingest_into(store: Store, sources: list[str], *, options: IngestOptions | None = None,
                on_source: Callable[[str, int, int], None] | None = None) -> IngestReport:
    """Read every source and store each Document atomically; record every Rejection.

    `on_source(source, index, total)` is called before each file or URL is read (for
    progress display). Re-running on the same sources stores nothing twice.
    """
    options = options or IngestOptions()
    report = IngestReport()
    expanded = expand_sources(sources)
    for index, source in enumerate(expanded):
        if on_source is not None:
            on_source(source, index, len(expanded))
        for item in read_source(source, options):
            _store_item(store, item, report)
    return report


def _store_item(store: Store, item: Document | Rejection, report: IngestReport) -> None:
    if isinstance(item, Rejection):
        store.add_rejection(item)
        report.rejections.append(item)
    elif store.add_document(item):
        report.stored += 1
    else:
        report.already_present += 1
