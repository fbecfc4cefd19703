"""`frontledger status`: what the ledger holds (documents, claims, watched sources,
rejections). Thin: one call of `ledger.status.read_status`, which reads a current SQLite
ledger with the standard library alone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontledger.cli.common import DbOption, JsonOption, add_row, fail, out, rejection_table
from frontledger.errors import FrontledgerError

if TYPE_CHECKING:
    from rich.table import Table

    from frontledger.ledger import LedgerStatus
    from frontledger.ledger.store import ClaimCounts


def status(db: DbOption = None, as_json: JsonOption = False,
           limit: Annotated[int, typer.Option(help="Rejections to list.", min=0)] = 50,
           ) -> None:
    """What the ledger holds: documents by language, outlet and day; claims by kind and
    claimant side, the places they name, undated claims; rejections."""
    from frontledger.cli.watch import watched_table
    from frontledger.ledger.status import read_status
    from frontledger.ledger.watched import watched_json

    try:
        report = read_status(db, rejection_limit=limit)
        summary, watched = report.ledger, report.watched
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
        out.print(rejection_table(summary.recent_rejections, "rejections (latest first)"))


def _print_claim_counts(counts: ClaimCounts) -> None:
    out.print(f"{counts.total} claim(s) about {counts.places} place(s); {counts.undated} "
              "undated (they hold for their report's publication day; `control` lists those "
              "whose report has none)")
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


def register(app: typer.Typer) -> None:
    """Add `status` to `app`."""
    app.command()(status)
