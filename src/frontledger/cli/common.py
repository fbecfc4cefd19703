"""Pieces every CLI command module shares: the consoles, the common options, and the one
way our exceptions become a message and an exit code (`fail`, `exit_status`)."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from frontledger.errors import (
    FrontledgerError,
    GazetteerError,
    LedgerUnavailable,
    MissingExtra,
    UsageError,
)

if TYPE_CHECKING:  # dask loads in a second: only runs that ask for a cluster import it
    from rich.console import Console
    from rich.table import Table

    from frontledger.parallel import Cluster


class _FirstUse:
    """A rich Console made when a command first prints through it: importing rich is a
    quarter of `frontledger --help`, and `extract` prints its JSON Lines without it."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def made(self) -> Console:
        """The Console itself (for rich objects that keep it, such as a progress bar)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made(), name)


# Emoji codes off: an outlet named ":warning:" is printed as written.
out = cast("Console", _FirstUse(emoji=False))
err = cast("Console", _FirstUse(stderr=True, emoji=False))


def console(which: Console) -> Console:
    """The rich Console behind `out` or `err`, made now."""
    return which.made() if isinstance(which, _FirstUse) else which

DB_ENV = "FRONTLEDGER_DB"
"""The one place FRONTLEDGER_DB is read: every command's `--db` falls back to it (the
library's `open_store(None)` opens ./frontledger.db)."""
DbOption = Annotated[str | None, typer.Option(
    "--db", envvar=DB_ENV,
    help="Ledger database: a SQLite path or URL, or postgresql://… "
         "(default ./frontledger.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead.")]
SourcesArgument = Annotated[list[str], typer.Argument(
    help="Files, folders (recursive), http(s) URLs, or - for standard input.")]
MaxBytesOption = Annotated[int, typer.Option(
    help="Reject files and responses larger than this.", min=1)]
TimeoutOption = Annotated[float, typer.Option(
    help="Seconds allowed for each URL fetch.", min=0.1)]
AllowPrivateOption = Annotated[bool, typer.Option(
    help="Allow URLs that resolve to private, loopback or link-local addresses.")]
WorkersOption = Annotated[int, typer.Option(
    "--workers", min=1,
    help="Analyse documents on a local Dask cluster of this many worker processes "
         "(1: in this process). For large corpora on a machine with several cores.")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", envvar="FRONTLEDGER_DASK_SCHEDULER",
    help="Analyse documents on the running Dask cluster at this address "
         "(tcp://host:8786); its workers need frontledger installed.")]


def cluster_for(workers: int, scheduler: str | None) -> AbstractContextManager[Cluster | None]:
    """The Dask cluster `--workers`/`--scheduler` ask for, or None for an in-process run."""
    if scheduler is None and workers == 1:
        return nullcontext(None)
    require_extra("dask", "distributed")
    from frontledger.parallel import Cluster

    return Cluster(workers=workers, scheduler=scheduler)


def plain(value: object) -> str:
    """`value` as text Rich prints as written: outlets, places, claimants, reasons and
    paths come from articles, and `[/x]` or `[link=…]` in them must not be read as markup
    (a stray closing tag made Rich raise; a link tag printed a clickable link)."""
    from rich.markup import escape

    return escape(str(value))


def add_row(table: Table, *cells: object) -> None:
    """Add a row of untrusted values to `table`, each printed as written."""
    table.add_row(*(plain(cell) for cell in cells))


def rejection_table(rejections: list[Any], title: str) -> Table:
    """Rejections (the run's, or the ledger's latest) as a table: source, where, stage, why."""
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in ("source", "where", "stage", "reason"):
        table.add_column(column, overflow="fold")
    for r in rejections:
        add_row(table, r.source, r.locator or "", r.stage, r.reason)
    return table


# Exit statuses (README, "Exit statuses"): 0 done, 1 some inputs rejected or the ledger
# refused a write, 2 usage or configuration error (a bad option, no ledger at a read
# command's --db, a missing or unbuildable place index, a missing extra), 3 the database
# is down or unreachable (retry later).
EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3


def exit_status(exc: FrontledgerError) -> int:
    """The exit status of a command that failed with `exc`."""
    if isinstance(exc, UsageError | GazetteerError):
        return EXIT_USAGE
    return EXIT_UNAVAILABLE if isinstance(exc, LedgerUnavailable) else EXIT_REJECTED


def fail(exc: FrontledgerError) -> typer.Exit:
    """Print `exc` on standard error (escaped: messages quote inputs) and return the Exit
    to raise; the one way a command turns our exceptions into a message and a status."""
    err.print(f"[red]error:[/red] {plain(exc)}", markup=True, highlight=False)
    return typer.Exit(exit_status(exc))


def require_extra(extra: str, *modules: str) -> None:
    """Import `modules`, or raise MissingExtra naming the `frontledger[extra]` that
    installs them: the core install leaves out the web app, Dask and Parquet."""
    from importlib import import_module

    for module in modules:
        try:
            import_module(module)
        except ImportError as exc:
            raise MissingExtra(extra, module) from exc


# `ingest`/`run`: what the user says about inputs that do not say it themselves. Each
# fills only what an input lacks; a record's own field always wins.
PublishedOption = Annotated[str | None, typer.Option(
    "--published", metavar="DATE",
    help="Publication date (YYYY-MM-DD or ISO 8601 date-time) for inputs that carry "
         "none; an input's own date wins.")]
OutletOption = Annotated[str | None, typer.Option(
    "--outlet", metavar="NAME",
    help="Publisher for inputs that name none (before the URL's domain is used); an "
         "input's own outlet wins.")]
LanguageOption = Annotated[str | None, typer.Option(
    "--language", metavar="CODE",
    help="ISO 639-1 language code for inputs that carry none (instead of detecting it); "
         "an input's own language wins.")]
UrlOption = Annotated[str | None, typer.Option(
    "--url", metavar="URL",
    help="Where the report was published, for inputs that carry no URL (one report: "
         "documents sharing a URL are stored as versions of each other).")]
