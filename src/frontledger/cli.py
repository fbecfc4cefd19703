"""Command-line interface: a thin layer over the library.

Each command checks its arguments, calls one library function and turns our exceptions
into messages and exit codes: 0 all went in, 1 some inputs were rejected (or the ledger
refused a write), 2 usage error, 3 the database is unavailable (`cliparts.exit_status`).
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontledger.cliparts import (
    DbOption,
    JsonOption,
    LanguageOption,
    OutletOption,
    PublishedOption,
    SchedulerOption,
    UrlOption,
    WorkersOption,
    add_row,
    cluster_for,
    err,
    fail,
    out,
    plain,
)
from frontledger.defaults import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from frontledger.errors import FrontledgerError

if TYPE_CHECKING:  # imported inside the commands: `frontledger --help` stays instant
    from rich.table import Table

    from frontledger.ledger import LedgerStatus
    from frontledger.ledger.store import ClaimCounts
    from frontledger.pipeline import IngestReport

app = typer.Typer(help="frontledger: a source-tracked ledger of territorial-control claims.",
                  no_args_is_help=True, rich_markup_mode=None, add_completion=False)

SourcesArgument = Annotated[list[str], typer.Argument(
    help="Files, folders (recursive), http(s) URLs, or - for standard input.")]
MaxBytesOption = Annotated[int, typer.Option(
    help="Reject files and responses larger than this.", min=1)]
TimeoutOption = Annotated[float, typer.Option(
    help="Seconds allowed for each URL fetch.", min=0.1)]
AllowPrivateOption = Annotated[bool, typer.Option(
    help="Allow URLs that resolve to private, loopback or link-local addresses.")]


def _version(value: bool) -> None:
    if value:
        from frontledger import __version__

        out.print(f"frontledger {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """frontledger: turn war reports into a ledger of who claims to hold which place."""


@app.command()
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
    from frontledger.cliprogress import RunDisplay
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
              RunDisplay(err) as progress):
            report = ingest_into(store, sources, options=options, progress=progress,
                                 analyser=analyser, cluster=cluster)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        out.print_json(data=_report_json(report))
    else:
        _print_report(report)
    raise typer.Exit(1 if report.rejections else 0)


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
        out.print(_rejection_table(report.rejections, "rejected in this run"))


def _rejection_table(rejections: list[Any], title: str) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in ("source", "where", "stage", "reason"):
        table.add_column(column, overflow="fold")
    for r in rejections:
        add_row(table, r.source, r.locator or "", r.stage, r.reason)
    return table


@app.command()
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
    from frontledger.cliprogress import RunDisplay
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
            with RunDisplay(err) as progress:
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
    raise typer.Exit(1 if report.rejections else 0)


@app.command()
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


@app.command()
def status(db: DbOption = None, as_json: JsonOption = False,
           limit: Annotated[int, typer.Option(help="Rejections to list.", min=0)] = 50,
           ) -> None:
    """What the ledger holds: documents by language, outlet and day; claims by kind and
    claimant side, the places they name, undated claims; rejections."""
    from frontledger.ledger import open_store
    from frontledger.ledger.watched import all_watched, watched_json
    from frontledger.watch.commands import watched_table

    try:
        with open_store(db, create=False) as store:
            summary = store.status(rejection_limit=limit)
            watched = all_watched(store)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        out.print_json(data=status_json(summary)
                       | {"watched_sources": [watched_json(s) for s in watched]})
        return
    _print_status(summary, watched_table(watched) if watched else None)


def status_json(summary: LedgerStatus) -> dict[str, Any]:
    """The status as one JSON-ready object (`status --json`)."""
    counts = summary.claims
    return {"documents": summary.documents, "rejections": summary.rejections,
            "by_language": summary.by_language, "by_outlet": summary.by_outlet,
            "by_day": summary.by_day,
            "claims": None if counts is None else {
                "total": counts.total, "by_kind_and_side": counts.by_kind_and_side,
                "places": counts.places, "undated": counts.undated},
            "recent_rejections": [{"source": r.source, "locator": r.locator,
                                   "stage": r.stage, "reason": r.reason}
                                  for r in summary.recent_rejections]}


def _print_status(summary: LedgerStatus, watched: Table | None = None) -> None:
    from rich.table import Table

    out.print(f"{summary.documents} document(s), {summary.rejections} rejection(s)")
    for title, counts in (("language", summary.by_language), ("outlet", summary.by_outlet),
                          ("day", summary.by_day)):
        if counts:
            table = Table(title=f"documents by {title}", title_justify="left")
            table.add_column(title)
            table.add_column("documents", justify="right")
            for key, n in counts.items():
                add_row(table, key, n)
            out.print(table)
    if summary.claims is not None:
        _print_claim_counts(summary.claims)
    if watched is not None:
        out.print(watched)
    if summary.recent_rejections:
        out.print(_rejection_table(summary.recent_rejections, "rejections (latest first)"))


def _print_claim_counts(counts: ClaimCounts) -> None:
    out.print(f"{counts.total} claim(s) about {counts.places} place(s); {counts.undated} "
              "undated (they hold for their report's publication day)")
    if not counts.by_kind_and_side:
        return
    from rich.table import Table

    sides = sorted({side for per in counts.by_kind_and_side.values() for side in per})
    table = Table(title="claims by kind and claimant side", title_justify="left")
    table.add_column("kind")
    for side in (*sides, "all"):
        table.add_column(side, justify="right")
    for kind, per_side in counts.by_kind_and_side.items():
        table.add_row(kind, *(str(per_side.get(side, 0)) for side in sides),
                      str(sum(per_side.values())))
    out.print(table)


def _register_stage_commands() -> None:
    from frontledger.claims.commands import register as register_claims
    from frontledger.ledger.commands import register as register_ledger
    from frontledger.places.commands import register as register_places
    from frontledger.serve.commands import register as register_serve
    from frontledger.watch.commands import register as register_watch

    register_places(app)
    register_claims(app)
    register_ledger(app)
    register_serve(app)
    register_watch(app)


_register_stage_commands()


def main() -> None:
    """Entry point of the `frontledger` command."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("frontledger").addHandler(handler)
    logging.getLogger("frontledger").setLevel(logging.INFO)
    try:
        app()
    except BrokenPipeError:  # `frontledger status | head`
        sys.stderr.close()


if __name__ == "__main__":
    main()


__all__ = ["app", "main"]
