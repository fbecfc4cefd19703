"""`frontledger extract`: the claims stage on the command line (thin: see `extract_record`).

`register(app)` adds it; tests may pass their own `geoparser` so that the command runs
without the real gazetteer.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from frontledger.cli.common import EXIT_REJECTED, SourcesArgument, fail
from frontledger.defaults import DEFAULT_THEATER
from frontledger.errors import FrontledgerError

if TYPE_CHECKING:  # the claims stage loads when `extract` runs: `--help` stays fast
    from frontledger.records import Document, PlaceMention, Rejection

Geoparser = Callable[[str, "str | None"], "list[PlaceMention]"]


def _default_geoparser(text: str, language: str | None) -> list[PlaceMention]:
    from frontledger.places import geoparse  # late: loading the gazetteer costs time

    return geoparse(text, language)


def register(app: typer.Typer, *, geoparser: Geoparser | None = None) -> None:
    """Add the `extract` command to `app`."""
    parse_places = geoparser or _default_geoparser

    @app.command("extract")
    def extract_command(
        sources: SourcesArgument,
        theater: Annotated[str, typer.Option(
            help="Theater file naming the sides (see frontledger/data/theaters).")
        ] = DEFAULT_THEATER,
    ) -> None:
        """Print each document's places and claims as JSON Lines, in input order."""
        from frontledger.claims.resources import load_theater

        try:
            load_theater(theater)
            rejected = run_extract(sources, parse_places, theater=theater, out=sys.stdout)
        except FrontledgerError as exc:
            raise fail(exc) from exc
        if rejected:
            raise typer.Exit(EXIT_REJECTED)


def run_extract(
    sources: list[str],
    geoparser: Geoparser,
    *,
    theater: str = DEFAULT_THEATER,
    out: TextIO,
) -> int:
    """Write one JSON line per document of `sources`; return how many inputs were rejected."""
    from frontledger.ingest import read_sources  # late: ingest pulls in trafilatura
    from frontledger.records import Rejection

    rejected = 0
    for item in read_sources(sources):
        if isinstance(item, Rejection):
            rejected += 1
            _report(item)
            continue
        out.write(json.dumps(_record(item, geoparser, theater), ensure_ascii=False) + "\n")
    return rejected


def _record(document: Document, geoparser: Geoparser, theater: str) -> dict[str, object]:
    from frontledger.claims import extract_record

    places = geoparser(document.text, document.language)
    return extract_record(document.external_id or document.id, document, places, theater=theater)


def _report(rejection: Rejection) -> None:
    where = f"{rejection.source} ({rejection.locator})" if rejection.locator else rejection.source
    typer.echo(f"rejected: {where} [{rejection.stage}]: {rejection.reason}", err=True)
