"""The stages chained: sources → Documents → (places, claims) → the ledger.

`ingest_into` is the library form of `frontledger ingest`: a notebook user gets the same
run, report and guarantees as the command line.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from frontledger import __version__
from frontledger.budget import budget_paused
from frontledger.errors import UsageError
from frontledger.ingest import IngestOptions, expand_sources, read_source
from frontledger.ingest.formats import unexpected
from frontledger.ledger import SqlStore, Store
from frontledger.ledger.store import AnalysedDocument
from frontledger.parallel import Cluster, Outcome, outcome_of
from frontledger.records import Claim, Document, PlaceMention, Rejection
from frontledger.theater import theater_file

OUTPUT_ONLY_DATA = frozenset({"schemas", "exports"})
"""Data folders that describe outputs only (the JSON Schemas, export styles): editing
them changes no analysis, so it must not make every stored document stale."""


def extractor_version() -> str:
    """The package version plus a digest of the knowledge files (lexicons, theaters,
    gazetteer data): recorded with every analysis, so `reprocess` finds stale ones."""
    digest = hashlib.sha256()
    data = Path(__file__).parent / "data"
    for path in sorted(p for p in data.rglob("*")
                       if p.is_file() and p.parent.name not in OUTPUT_ONLY_DATA):
        digest.update(str(path.relative_to(data)).encode())
        digest.update(path.read_bytes())
    digest.update(_default_theater())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _default_theater() -> bytes:
    """The default theater's file, which FRONTLEDGER_THEATER(_PATH) may take from outside
    the package: choosing or editing it makes stored analyses stale too."""
    try:
        return theater_file().read_bytes()
    except UsageError:
        return b""  # an unknown theater fails where it is read, not at import


EXTRACTOR_VERSION = extractor_version()

Analysis = tuple[list[PlaceMention], list[Claim]]


def analyse(document: Document) -> Analysis:
    """Places and claims of one document, with the default gazetteer and theater."""
    from frontledger.claims import extract
    from frontledger.places import default_gazetteer, geoparse

    with budget_paused():  # the index loads (or is built) once per process
        default_gazetteer()
    places = geoparse(document.text, document.language)
    return places, extract(document, places)


def skip_analysis(_document: Document) -> Analysis:
    """For `--no-extract` runs: store documents only."""
    return [], []


@dataclass(slots=True)
class IngestReport:
    """What one run did: documents newly stored, already present, and inputs rejected."""

    stored: int = 0
    already_present: int = 0
    claims: int = 0
    """Claims extracted from the newly stored documents."""
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)


class RunProgress(Protocol):
    """What a run tells a progress display (the CLI's bar), as it goes."""

    def source_started(self, source: str, index: int, total: int) -> None:
        """File or URL `index` (from 0) of `total` is about to be read."""

    def records_found(self, count: int) -> None:
        """The source just opened holds `count` records (lines, entries, messages)."""

    def record_done(self) -> None:
        """One record was stored, found already stored, or rejected."""


class NoProgress:
    """A RunProgress that shows nothing."""

    def source_started(self, source: str, index: int, total: int) -> None:
        pass

    def records_found(self, count: int) -> None:
        pass

    def record_done(self) -> None:
        pass


def ingest_into(store: Store, sources: list[str], *, options: IngestOptions | None = None,
                on_source: Callable[[str, int, int], None] | None = None,
                analyser: Callable[[Document], Analysis] = analyse,
                cluster: Cluster | None = None,
                progress: RunProgress | None = None) -> IngestReport:
    """Read every source; store each new Document with its places and claims atomically
    (in transactions of up to BATCH_DOCUMENTS documents); record every Rejection.

    Documents already in the ledger are not analysed again, so re-running on the same
    sources costs little and stores nothing twice. `on_source(source, index, total)` is
    called before each file or URL is read; `progress` is told of sources, of the records
    each holds and of every record done (for a progress display). With a `cluster`,
    documents are analysed on its workers and stored here, in input order.
    """
    options = options or IngestOptions()
    report = IngestReport()
    expanded = expand_sources(sources)
    tell = progress or NoProgress()

    def items() -> Iterator[Document | Rejection]:
        for index, source in enumerate(expanded):
            if on_source is not None:
                on_source(source, index, len(expanded))
            tell.source_started(source, index, len(expanded))
            yield from read_source(source, options, tell.records_found)

    def document_of(item: Document | Rejection) -> Document | None:
        if isinstance(item, Rejection) or store.has_document(item.id):
            return None
        return item

    outcomes: Iterable[tuple[Document | Rejection, Outcome | None]]
    if cluster is None or analyser is skip_analysis:
        outcomes = ((item, None if (document := document_of(item)) is None
                     else outcome_of(document, analyser)) for item in items())
    else:
        outcomes = cluster.analysed(items(), document_of, analyser, rows=True)
    version = "" if analyser is skip_analysis else EXTRACTOR_VERSION
    analysed: list[tuple[Document, Outcome]] = []
    since = 0.0
    for item, outcome in outcomes:
        tell.record_done()
        if outcome is None:  # a rejection, or a document the ledger holds
            store_item(store, item, report, analyser)
            continue
        assert isinstance(item, Document)
        if not analysed:
            since = time.monotonic()
        analysed.append((item, outcome))
        if len(analysed) >= BATCH_DOCUMENTS or time.monotonic() - since >= BATCH_SECONDS:
            store_batch(store, analysed, report, version)
            analysed = []
    store_batch(store, analysed, report, version)
    return report


BATCH_DOCUMENTS = 256
"""Analysed documents stored per transaction, at most. Each transaction refolds every
place its documents change from the earliest day they touch: one document at a time, a
corpus whose reports are not in date order refolds a place's claims again and again
(2,000 reports about ten towns, benchmarks/ingest.py --extract: over four minutes)."""
BATCH_SECONDS = 2.0
"""...and documents analysed within this many seconds, at most: documents from a slow
source (URLs, feeds) are stored promptly, and a killed run loses little work."""


def store_batch(store: Store, analysed: list[tuple[Document, Outcome]],
                report: IngestReport, version: str = EXTRACTOR_VERSION) -> None:
    """Store analysed documents in input order, each run of successes (or of failures,
    with their rejections) in one transaction: each changed place is refolded once per
    run rather than once per document."""
    start = 0
    while start < len(analysed):
        failed = analysed[start][1].error is not None
        end = start
        while end < len(analysed) and (analysed[end][1].error is not None) == failed:
            end += 1
        run = analysed[start:end]
        for document, outcome in run if failed else ():
            store_item(store, _analysis_failure(document, outcome), report)
        _store_run(store, run, report, "" if failed else version)
        start = end


def _store_run(store: Store, run: list[tuple[Document, Outcome]], report: IngestReport,
               extractor: str) -> None:
    """Store `run` in one transaction; when the ledger refuses it, store each document
    in its own, so that only the document the ledger refuses is rejected (at the
    `store` stage). A ledger that refuses everything (it is down) still stops the run:
    recording the first rejection fails too."""
    try:
        stored = store.add_documents(
            [AnalysedDocument(d, o.places, o.claims, o.rows) for d, o in run],
            extractor=extractor)
    except Exception as exc:  # a document's boundary: one bad row must not lose the batch
        if len(run) > 1:
            for one in run:
                _store_run(store, [one], report, extractor)
        else:
            store_item(store, _store_failure(run[0][0], exc), report)
        return
    for (_document, outcome), is_new in zip(run, stored, strict=True):
        report.stored += is_new
        report.claims += outcome.claim_count if is_new else 0
        report.already_present += not is_new


def store_item(store: Store, item: Document | Rejection, report: IngestReport,
               analyser: Callable[[Document], Analysis] = analyse) -> None:
    """Record a rejection, or analyse and store a document new to the ledger (in its
    own transaction: the write API's way); count it."""
    if isinstance(item, Rejection):
        store.add_rejection(item)
        report.rejections.append(item)
        return
    if store.has_document(item.id):
        report.already_present += 1
        return
    # documents stored without analysis keep no extractor version: `reprocess` takes them
    version = "" if analyser is skip_analysis else EXTRACTOR_VERSION
    outcome = outcome_of(item, analyser)
    if outcome.error is not None:  # one document's failure must not stop the batch
        store_item(store, _analysis_failure(item, outcome), report, analyser)
        version = ""
    _store_run(store, [(item, outcome)], report, version)


def _store_failure(document: Document, exc: Exception) -> Rejection:
    cause = getattr(exc, "orig", None) or exc  # a database error without its statement
    return Rejection(document.source, document.locator, "store",
                     f"the ledger refused the document ({unexpected(cause)})")


def _analysis_failure(document: Document, outcome: Outcome) -> Rejection:
    return Rejection(document.source, document.locator, "analyse",
                     f"place or claim extraction failed ({outcome.error}); the document is "
                     "stored unanalysed and `frontledger reprocess` will retry it")


def reprocess(store: SqlStore, *, analyser: Callable[[Document], Analysis] = analyse,
              version: str = EXTRACTOR_VERSION,
              on_document: Callable[[Document], None] | None = None,
              cluster: Cluster | None = None) -> int:
    """Re-analyse every stored document that another extractor version analysed; each
    document's places and claims are swapped atomically. Returns how many were redone.
    A document whose analysis fails keeps its old analysis (and stays stale) and gets an
    `analyse` rejection."""
    def document_of(document: Document) -> Document:
        if on_document is not None:
            on_document(document)
        return document

    documents = store.stale_documents(version)
    analysed: Iterable[tuple[Document, Outcome | None]] = (
        ((d, outcome_of(document_of(d), analyser)) for d in documents) if cluster is None
        else cluster.analysed(documents, document_of, analyser))
    done = 0
    for document, outcome in analysed:
        assert outcome is not None
        if outcome.error is not None:
            store.add_rejection(Rejection(
                document.source, document.locator, "analyse",
                f"re-analysis failed ({outcome.error}); the document keeps its previous "
                "analysis"))
            continue
        store.replace_analysis(document.id, outcome.places, outcome.claims, extractor=version)
        done += 1
    return done
