"""`frontledger ingest`, `run` and `reprocess`: documents through the pipeline into the
ledger. Thin: each calls `pipeline.ingest_into` or `pipeline.reprocess` and prints its
report; every rejected input is listed with its reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontledger.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    AllowPrivateOption,
    DbOption,
    JsonOption,
    LanguageOption,
    MaxBytesOption,
    OutletOption,
    PublishedOption,
    SchedulerOption,
    SourcesArgument,
    TimeoutOption,
    UrlOption,
    WorkersOption,
    cluster_for,
    console,
    err,
    fail,
    out,
    plain,
    rejection_table,
)
from frontledger.defaults import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from frontledger.errors import FrontledgerError

if TYPE_CHECKING:  # imported inside the commands: `frontledger --help` stays instant
    from frontledger.pipeline import IngestReport


def ingest(
    sources: SourcesArgument,
    db: DbOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    allow_private: AllowPrivateOption = False,
    follow_links: Annotated[bool, typer.Option(
        help="For feed entries, fetch the linked page instead of the entry's text.")] = False,
    extract: Annotated[bool, typer.Option(
        "--extract/--no-extract",
        help="Find places and claims in new documents (default), or store documents only."
    )] = True,
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    url: UrlOption = None,
    as_json: JsonOption = False,
) -> None:
    """Read news sources into the ledger, with their places and claims; report every
    rejected input with its reason."""
    from frontledger.cli.progress import RunDisplay
    from frontledger.ingest import IngestOptions, document_defaults
    from frontledger.ledger import open_store
    from frontledger.pipeline import analyse, ingest_into, skip_analysis

    analyser = analyse if extract else skip_analysis
    try:
        defaults = document_defaults(url=url, outlet=outlet, published=published,
                                     language=language)
        options = IngestOptions(max_bytes=max_bytes, timeout=timeout,
                                allow_private=allow_private, follow_links=follow_links,
                                defaults=defaults)
        with (open_store(db) as store, cluster_for(workers, scheduler) as cluster,
              RunDisplay(console(err)) as progress):
            report = ingest_into(store, sources, options=options, progress=progress,
                                 analyser=analyser, cluster=cluster)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        out.print_json(data=_report_json(report))
    else:
        _print_report(report)
    raise typer.Exit(EXIT_REJECTED if report.rejections else EXIT_OK)


def _report_json(report: IngestReport) -> dict[str, Any]:
    return {"stored": report.stored, "already_present": report.already_present,
            "claims": report.claims,
            "rejected": report.rejected,
            "rejections": [{"source": r.source, "locator": r.locator, "stage": r.stage,
                            "reason": r.reason} for r in report.rejections]}


def _print_report(report: IngestReport) -> None:
    out.print(f"stored {report.stored} new document(s) with {report.claims} claim(s), "
              f"{report.already_present} already in the ledger, {report.rejected} input(s) "
              "rejected")
    if report.rejections:
        out.print(rejection_table(report.rejections, "rejected in this run"))


def run(
    sources: SourcesArgument,
    db: DbOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    allow_private: AllowPrivateOption = False,
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    url: UrlOption = None,
    as_json: JsonOption = False,
) -> None:
    """Ingest, geoparse, extract and store: only documents new to the ledger are
    analysed; then re-analyse stored documents an older extractor version analysed."""
    from frontledger.cli.progress import RunDisplay
    from frontledger.ingest import IngestOptions, document_defaults
    from frontledger.ledger import open_store
    from frontledger.pipeline import ingest_into
    from frontledger.pipeline import reprocess as reprocess_documents

    try:
        defaults = document_defaults(url=url, outlet=outlet, published=published,
                                     language=language)
        options = IngestOptions(max_bytes=max_bytes, timeout=timeout,
                                allow_private=allow_private, defaults=defaults)
        with open_store(db) as store, cluster_for(workers, scheduler) as cluster:
            with RunDisplay(console(err)) as progress:
                report = ingest_into(store, sources, options=options, progress=progress,
                                     cluster=cluster)
            redone = reprocess_documents(store, cluster=cluster)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        out.print_json(data=_report_json(report) | {"reprocessed": redone})
    else:
        _print_report(report)
        if redone:
            out.print(f"re-analysed {redone} stored document(s) with the current extractor")
    raise typer.Exit(EXIT_REJECTED if report.rejections else EXIT_OK)


def reprocess(db: DbOption = None, workers: WorkersOption = 1,
              scheduler: SchedulerOption = None, as_json: JsonOption = False) -> None:
    """Re-extract places and claims of stored documents analysed by another extractor
    version (after an upgrade or a lexicon change); each document is swapped atomically."""
    from frontledger.ledger import open_store
    from frontledger.pipeline import EXTRACTOR_VERSION
    from frontledger.pipeline import reprocess as reprocess_documents

    try:
        with open_store(db, create=False) as store, \
                cluster_for(workers, scheduler) as cluster:
            redone = reprocess_documents(store, cluster=cluster)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        out.print_json(data={"reprocessed": redone, "extractor": EXTRACTOR_VERSION})
    else:
        out.print(f"re-analysed {redone} document(s) with extractor {plain(EXTRACTOR_VERSION)}")


def register(app: typer.Typer) -> None:
    """Add `ingest`, `run` and `reprocess` to `app`."""
    app.command()(ingest)
    app.command()(run)
    app.command()(reprocess)
